// The only file that knows the listings tables (NTF-2 Listings, NTF-5 views).
import { and, asc, count, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { listings, listingViews } from './listings.tables.ts';

export type ListingRow = typeof listings.$inferSelect;
export type ListingStatus = ListingRow['status'];

export type ListingFilter = {
  sellerId: string;
  status?: ListingStatus;
  /** SKU or title, contains (case-insensitive). */
  q?: string;
  stock?: 'out' | 'in';
  limit: number;
  offset: number;
};

export type OutOfStockLine = { sku: string; title: string; outOfStockViews: number };

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createListingsRepository(db: Db) {
  return {
    async find(on: DbOrTx, sellerId: string, sku: string, lock = false): Promise<ListingRow | undefined> {
      const q = on
        .select()
        .from(listings)
        .where(and(eq(listings.sellerId, sellerId), eq(listings.sku, sku)));
      const [r] = lock ? await q.for('update') : await q;
      return r;
    },

    /** Inserts a listing; false when another request created the same SKU first. */
    async insert(tx: DbOrTx, row: typeof listings.$inferInsert): Promise<boolean> {
      const r = await tx.insert(listings).values(row).onConflictDoNothing().returning({ sku: listings.sku });
      return r.length > 0;
    },

    async update(tx: DbOrTx, sellerId: string, sku: string, set: Partial<typeof listings.$inferInsert>) {
      const [r] = await tx
        .update(listings)
        .set(set)
        .where(and(eq(listings.sellerId, sellerId), eq(listings.sku, sku)))
        .returning();
      return r as ListingRow;
    },

    async list(f: ListingFilter): Promise<{ rows: ListingRow[]; total: number }> {
      const where: SQL[] = [eq(listings.sellerId, f.sellerId)];
      if (f.status) where.push(eq(listings.status, f.status));
      if (f.q) {
        const cond = or(ilike(listings.sku, like(f.q)), ilike(listings.title, like(f.q)));
        if (cond) where.push(cond);
      }
      if (f.stock === 'out') where.push(eq(listings.quantity, 0));
      if (f.stock === 'in') where.push(gt(listings.quantity, 0));
      const cond = and(...where);
      const rows = await db
        .select()
        .from(listings)
        .where(cond)
        .orderBy(asc(listings.sku))
        .limit(f.limit)
        .offset(f.offset);
      const [t] = await db.select({ n: count() }).from(listings).where(cond);
      return { rows, total: Number(t?.n ?? 0) };
    },

    /** Adds reported views to the day's row (the storefront may report a day in several calls). */
    async addViews(
      tx: DbOrTx,
      v: { sellerId: string; sku: string; day: string; views: number; outOfStockViews: number },
    ) {
      await tx
        .insert(listingViews)
        .values(v)
        .onConflictDoUpdate({
          target: [listingViews.sellerId, listingViews.sku, listingViews.day],
          set: {
            views: sql`${listingViews.views} + excluded.views`,
            outOfStockViews: sql`${listingViews.outOfStockViews} + excluded.out_of_stock_views`,
          },
        });
    },

    /**
     * NTF-5: per seller, the listings with no stock now that buyers looked for while out of stock
     * on local days [fromDay, toDay). Closed listings are not offered any more: left out.
     */
    async outOfStockLooked(
      sellerIds: string[],
      fromDay: string,
      toDay: string,
    ): Promise<Map<string, OutOfStockLine[]>> {
      const out = new Map<string, OutOfStockLine[]>();
      if (sellerIds.length === 0) return out;
      const rows = await queryRows<{ seller_id: string; sku: string; title: string; n: number }>(
        db,
        sql`select v.seller_id, v.sku, l.title, sum(v.out_of_stock_views)::int as n
            from listing_views v
            join listings l on l.seller_id = v.seller_id and l.sku = v.sku
            where v.seller_id = any(${sql.param(sellerIds)}::text[])
              and v.day >= ${fromDay}::date and v.day < ${toDay}::date
              and v.out_of_stock_views > 0 and l.quantity = 0 and l.status <> 'closed'
            group by v.seller_id, v.sku, l.title
            order by v.seller_id, n desc, v.sku`,
      );
      for (const r of rows) {
        const list = out.get(r.seller_id) ?? [];
        list.push({ sku: r.sku, title: r.title, outOfStockViews: Number(r.n) });
        out.set(r.seller_id, list);
      }
      return out;
    },
  };
}

export type ListingsRepository = ReturnType<typeof createListingsRepository>;
