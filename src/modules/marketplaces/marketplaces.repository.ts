import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { marketplaces, sellers } from './marketplaces.tables.ts';

export type MarketplaceRow = typeof marketplaces.$inferSelect;
export type SellerRow = typeof sellers.$inferSelect;

export function createMarketplacesRepository(db: Db) {
  return {
    async upsertMarketplace(row: typeof marketplaces.$inferInsert) {
      await db.insert(marketplaces).values(row).onConflictDoNothing({ target: marketplaces.id });
    },
    async allMarketplaces(): Promise<MarketplaceRow[]> {
      return db.select().from(marketplaces);
    },
    async marketplace(id: string): Promise<MarketplaceRow | undefined> {
      const [m] = await db.select().from(marketplaces).where(eq(marketplaces.id, id)).limit(1);
      return m;
    },
    async insertSeller(row: typeof sellers.$inferInsert, on: DbOrTx = db) {
      await on.insert(sellers).values(row);
    },
    async seller(id: string): Promise<SellerRow | undefined> {
      const [s] = await db.select().from(sellers).where(eq(sellers.id, id)).limit(1);
      return s;
    },
    async updateCustomerServiceEmail(
      id: string,
      set: { customerServiceEmail: string | null; customerServiceEmailVerifiedAt: Date | null },
      on: DbOrTx = db,
    ) {
      await on.update(sellers).set(set).where(eq(sellers.id, id));
    },
    async allSellers(): Promise<SellerRow[]> {
      return db.select().from(sellers);
    },
  };
}
