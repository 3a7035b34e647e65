// Queries of the buyer's "Your Account" pages. Every query is keyed by the buyer id, so a buyer
// can reach only their own orders, whichever seller sold them (tenancy by buyer, not by seller).
import { and, asc, count, desc, eq, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { orderItems, orderRefunds, orders, shipmentEvents } from './orders.tables.ts';

export type RefundRow = typeof orderRefunds.$inferSelect;
export type ShipmentEventRow = typeof shipmentEvents.$inferSelect;
type OrderRow = typeof orders.$inferSelect;
type OrderItemRow = typeof orderItems.$inferSelect;

export function createBuyerOrdersRepository(db: Db) {
  return {
    /** Newest first (orders_buyer_idx: buyer_id, purchase_date). */
    async pageForBuyer(
      buyerId: string,
      limit: number,
      offset: number,
    ): Promise<{ rows: OrderRow[]; total: number }> {
      const where = eq(orders.buyerId, buyerId);
      const rows = await db
        .select()
        .from(orders)
        .where(where)
        .orderBy(desc(orders.purchaseDate), desc(orders.id))
        .limit(limit)
        .offset(offset);
      const [c] = await db.select({ n: count() }).from(orders).where(where);
      return { rows, total: Number(c?.n ?? 0) };
    },

    async findForBuyer(buyerId: string, amazonOrderId: string): Promise<OrderRow | undefined> {
      const [o] = await db
        .select()
        .from(orders)
        .where(and(eq(orders.buyerId, buyerId), eq(orders.amazonOrderId, amazonOrderId)))
        .limit(1);
      return o;
    },

    /** Items of orders of several sellers (a page of the buyer's list), by their full keys. */
    async itemsOfOrders(keys: { sellerId: string; orderId: string }[]): Promise<OrderItemRow[]> {
      if (keys.length === 0) return [];
      const match = keys.map(
        (k) => and(eq(orderItems.sellerId, k.sellerId), eq(orderItems.orderId, k.orderId)) as SQL,
      );
      return db
        .select()
        .from(orderItems)
        .where(or(...match))
        .orderBy(asc(orderItems.orderId), asc(orderItems.position));
    },

    async refundsOf(sellerId: string, orderId: string): Promise<RefundRow[]> {
      return db
        .select()
        .from(orderRefunds)
        .where(and(eq(orderRefunds.sellerId, sellerId), eq(orderRefunds.orderId, orderId)))
        .orderBy(asc(orderRefunds.createdAt), asc(orderRefunds.id));
    },

    async scansOf(sellerId: string, orderId: string): Promise<ShipmentEventRow[]> {
      return db
        .select()
        .from(shipmentEvents)
        .where(and(eq(shipmentEvents.sellerId, sellerId), eq(shipmentEvents.orderId, orderId)))
        .orderBy(asc(shipmentEvents.at), asc(shipmentEvents.id));
    },
  };
}
