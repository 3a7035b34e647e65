// Manage Orders list queries (ORD-3): keyset pages and bounded counts that stay fast with a
// million orders per seller. Kept apart from `search` (the SP-API getOrders query, tuned for its
// own benchmark) because the web list sorts newest first or by ship-by, searches by SKU and shows
// one count per status tab.
//
// Why keyset and bounded counts: OFFSET n reads n rows and count(*) reads every matching row, so
// both grow with the account. A page here reads at most `limit + 1` index entries per branch, and
// a count stops at `cap + 1` rows (the web shows "10,000+").
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { orderItems, orders } from './orders.tables.ts';
import { ORDER_STATUSES, type OrderStatus } from './orders.types.ts';

// Not imported from orders.repository.ts, which spreads these queries into itself.
type OrderRow = typeof orders.$inferSelect;

/** What the seller typed in the search box, once classified (order-search-term.ts). */
export type ManageOrdersTerm =
  | { kind: 'orderId'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'sku'; value: string };

/** Alert filters the home page links to (ORD-7, ORD-8, ORD-13). */
export type ManageOrdersView =
  | { kind: 'late'; now: Date }
  | { kind: 'shipByWarning'; shipByBefore: Date }
  | { kind: 'cancelRequested' };

export type ManageOrdersFilter = {
  sellerId: string;
  /** The statuses of the tab; undefined = every status ("All"). */
  statuses?: readonly OrderStatus[];
  term?: ManageOrdersTerm;
  /** Half-open purchase-date window [from, to). */
  purchasedFrom?: Date;
  purchasedTo?: Date;
  channel?: 'MFN' | 'AFN';
  view?: ManageOrdersView;
};

/** purchaseDate: newest first. shipBy: most urgent first; orders without a ship-by (AFN) last. */
export type ManageOrdersSort = 'purchaseDate' | 'shipBy';
export type ManageOrdersCursor = { at: Date | null; id: string };

/** The statuses a view can match at all; intersected with the tab's. */
const VIEW_STATUSES: Record<ManageOrdersView['kind'], readonly OrderStatus[]> = {
  late: ['Unshipped', 'PartiallyShipped'],
  shipByWarning: ['Unshipped'],
  cancelRequested: ['Pending', 'Unshipped', 'PartiallyShipped'],
};

function effectiveStatuses(f: ManageOrdersFilter): readonly OrderStatus[] | undefined {
  if (!f.view) return f.statuses;
  const allowed = VIEW_STATUSES[f.view.kind];
  return f.statuses ? allowed.filter((s) => f.statuses?.includes(s)) : allowed;
}

/** Every condition but the status one (each status is its own index range). */
function baseConditions(f: ManageOrdersFilter): SQL[] {
  const c: SQL[] = [eq(orders.sellerId, f.sellerId)];
  if (f.purchasedFrom) c.push(sql`${orders.purchaseDate} >= ${f.purchasedFrom.toISOString()}::timestamptz`);
  if (f.purchasedTo) c.push(lt(orders.purchaseDate, f.purchasedTo));
  if (f.channel) c.push(eq(orders.fulfillmentChannel, f.channel));
  const t = f.term;
  if (t?.kind === 'orderId') c.push(eq(orders.amazonOrderId, t.value));
  if (t?.kind === 'email') {
    // MSG-4: the seller may paste the anonymised relay address or know the real one.
    const e = t.value.toLowerCase();
    c.push(sql`(lower(${orders.buyerEmail}) = ${e} or ${orders.buyerRelayEmail} = ${e})`);
  }
  if (t?.kind === 'sku') {
    c.push(
      inArray(
        orders.id,
        sql`(select ${orderItems.orderId} from ${orderItems} where ${orderItems.sellerId} = ${f.sellerId} and ${orderItems.sku} = ${t.value})`,
      ),
    );
  }
  const v = f.view;
  if (v?.kind === 'late') c.push(lt(orders.latestShipDate, v.now));
  if (v?.kind === 'shipByWarning') c.push(lt(orders.latestShipDate, v.shipByBefore));
  if (v?.kind === 'cancelRequested') c.push(isNotNull(orders.buyerCancelRequestedAt));
  return c;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

type Branch = { where: SQL; order: SQL[] };

/**
 * The index ranges a page reads: one per status (or one for "All" sorted by purchase date), and
 * for ship-by order a second range per status for orders without a ship-by date. Each range is
 * walked in index order from the cursor, so a page costs `limit + 1` rows per range.
 */
function branches(
  f: ManageOrdersFilter,
  sort: ManageOrdersSort,
  cursor: ManageOrdersCursor | undefined,
  backwards: boolean,
): Branch[] {
  const base = baseConditions(f);
  const statuses = effectiveStatuses(f);
  const perStatus: (SQL | undefined)[] =
    statuses === undefined && sort === 'purchaseDate'
      ? [undefined]
      : (statuses ?? ORDER_STATUSES).map((s) => eq(orders.status, s));
  const out: Branch[] = [];
  for (const status of perStatus) {
    const scope = status ? [...base, status] : base;
    if (sort === 'purchaseDate') {
      // Newest first: "next" goes to older rows.
      const older = !backwards;
      const keyset = cursor?.at
        ? [
            sql`(${orders.purchaseDate}, ${orders.id}) ${older ? sql`<` : sql`>`} (${ts(cursor.at)}, ${cursor.id})`,
          ]
        : [];
      const dir = older ? desc : asc;
      out.push({
        where: and(...scope, ...keyset) as SQL,
        order: [dir(orders.purchaseDate), dir(orders.id)],
      });
      continue;
    }
    // Ship-by ascending, then the orders with no ship-by date by id.
    const dated = and(...scope, isNotNull(orders.latestShipDate)) as SQL;
    const undated = and(...scope, isNull(orders.latestShipDate)) as SQL;
    const dir = backwards ? desc : asc;
    const datedOrder = [dir(orders.latestShipDate), dir(orders.id)];
    const undatedOrder = [dir(orders.id)];
    const cmp = backwards ? sql`<` : sql`>`;
    if (!cursor) {
      out.push({ where: dated, order: datedOrder }, { where: undated, order: undatedOrder });
    } else if (cursor.at) {
      out.push({
        where: and(
          dated,
          sql`(${orders.latestShipDate}, ${orders.id}) ${cmp} (${ts(cursor.at)}, ${cursor.id})`,
        ) as SQL,
        order: datedOrder,
      });
      if (!backwards) out.push({ where: undated, order: undatedOrder });
    } else {
      out.push({ where: and(undated, sql`${orders.id} ${cmp} ${cursor.id}`) as SQL, order: undatedOrder });
      if (backwards) out.push({ where: dated, order: datedOrder });
    }
  }
  return out;
}

/** The total order of a sort as a comparator (ascending in the "next" direction). */
function comparator(sort: ManageOrdersSort) {
  const byId = (a: OrderRow, b: OrderRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort === 'purchaseDate') {
    return (a: OrderRow, b: OrderRow) => b.purchaseDate.getTime() - a.purchaseDate.getTime() || byId(b, a);
  }
  return (a: OrderRow, b: OrderRow) => {
    const x = a.latestShipDate?.getTime() ?? Number.POSITIVE_INFINITY;
    const y = b.latestShipDate?.getTime() ?? Number.POSITIVE_INFINITY;
    return x === y ? byId(a, b) : x < y ? -1 : 1;
  };
}

export function cursorOf(o: OrderRow, sort: ManageOrdersSort): ManageOrdersCursor {
  return { at: sort === 'purchaseDate' ? o.purchaseDate : o.latestShipDate, id: o.id };
}

export function createManageOrdersQueries(db: Db) {
  return {
    /**
     * One page of Manage Orders after (or, `backwards`, before) `cursor`. `more` tells whether
     * rows remain in the direction read.
     */
    async manageOrdersPage(
      f: ManageOrdersFilter,
      p: { sort: ManageOrdersSort; cursor?: ManageOrdersCursor; backwards?: boolean; limit: number },
    ): Promise<{ rows: OrderRow[]; more: boolean }> {
      const statuses = effectiveStatuses(f);
      if (statuses && statuses.length === 0) return { rows: [], more: false };
      const backwards = p.backwards === true && p.cursor !== undefined;
      const parts = branches(f, p.sort, p.cursor, backwards);
      const results = await Promise.all(
        parts.map((b) =>
          db
            .select()
            .from(orders)
            .where(b.where)
            .orderBy(...b.order)
            .limit(p.limit + 1),
        ),
      );
      const cmp = comparator(p.sort);
      const merged = results.flat().sort(backwards ? (a, b) => cmp(b, a) : cmp);
      const rows = merged.slice(0, p.limit);
      return { rows: backwards ? rows.reverse() : rows, more: merged.length > p.limit };
    },

    /** Orders matching `f`, counted up to `cap + 1` (a result above `cap` means "more than cap"). */
    async countManageOrders(f: ManageOrdersFilter, cap: number): Promise<number> {
      const statuses = effectiveStatuses(f);
      if (statuses && statuses.length === 0) return 0;
      const where = and(...baseConditions(f), ...(statuses ? [inArray(orders.status, [...statuses])] : []));
      const limited = db
        .select({ one: sql`1` })
        .from(orders)
        .where(where)
        .limit(cap + 1)
        .as('limited');
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(limited);
      return Number(row?.n ?? 0);
    },
  };
}
