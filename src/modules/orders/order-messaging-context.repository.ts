// The facts of one order that buyer–seller messaging needs (MSG-6/7/12/13): who the buyer is (by
// name and relay address only, MSG-16), where the order stands, its tracking numbers (never
// flagged by the policy), the delivery the 30-day window counts from, and its refunds (MSG-12
// templates). Read with whichever handle the caller holds (PGlite: one connection).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { orderItems, orderRefunds, orders, shipments } from './orders.tables.ts';

export type OrderMessagingContext = {
  id: string;
  amazonOrderId: string;
  sellerId: string;
  marketplaceId: string;
  status: string;
  fulfillmentChannel: 'MFN' | 'AFN';
  buyerId: string;
  buyerName: string;
  /** The real address: for relay derivation and forwarding only, never shown (MSG-16). */
  buyerEmail: string;
  buyerRelayEmail: string;
  buyerLanguage: 'ja' | 'it' | 'en';
  purchaseDate: Date;
  latestShipDate: Date | null;
  earliestDeliveryDate: Date | null;
  latestDeliveryDate: Date | null;
  /** MSG-13: the latest parcel delivery (null while nothing was delivered). */
  deliveredAt: Date | null;
  trackingNumbers: string[];
  /** A parcel came back to the seller (ORD-12): a return confirmation may follow. */
  returnedToSender: boolean;
  items: {
    orderItemId: string;
    title: string;
    sku: string;
    quantityOrdered: number;
    quantityShipped: number;
    quantityCanceled: number;
  }[];
  refunds: {
    id: string;
    reason: string;
    total: bigint;
    currency: string;
    createdAt: Date;
    lines: unknown[];
  }[];
  currency: string;
};

/** null when the seller has no such order (tenancy: another seller's id is "not found"). */
export async function loadOrderMessagingContext(
  db: DbOrTx,
  sellerId: string,
  amazonOrderId: string,
): Promise<OrderMessagingContext | null> {
  // The buyer's language (their account setting) picks the template language; else the order's
  // marketplace. Read with the order (one statement, not two: the inbound mail path, PERF).
  const [row] = await db
    .select({
      o: orders,
      lang: sql<
        string | null
      >`(select b.language from buyers b where b.id = ${sql.raw('"orders"."buyer_id"')})`,
    })
    .from(orders)
    .where(and(eq(orders.sellerId, sellerId), eq(orders.amazonOrderId, amazonOrderId)))
    .limit(1);
  if (!row) return null;
  const { o, lang } = row;
  const items = await db
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.sellerId, sellerId), eq(orderItems.orderId, o.id)))
    .orderBy(asc(orderItems.position));
  const ships = await db
    .select()
    .from(shipments)
    .where(and(eq(shipments.sellerId, sellerId), eq(shipments.orderId, o.id)))
    .orderBy(asc(shipments.shipDate));
  const refunds = await db
    .select()
    .from(orderRefunds)
    .where(and(eq(orderRefunds.sellerId, sellerId), eq(orderRefunds.orderId, o.id)))
    .orderBy(asc(orderRefunds.createdAt));
  const delivered = ships.map((s) => s.deliveredAt).filter((d): d is Date => d instanceof Date);
  return {
    id: o.id,
    amazonOrderId: o.amazonOrderId,
    sellerId: o.sellerId,
    marketplaceId: o.marketplaceId,
    status: o.status,
    fulfillmentChannel: o.fulfillmentChannel,
    buyerId: o.buyerId ?? '',
    buyerName: o.buyerName,
    buyerEmail: o.buyerEmail,
    buyerRelayEmail: o.buyerRelayEmail,
    buyerLanguage: lang === 'ja' || lang === 'it' || lang === 'en' ? lang : 'en',
    purchaseDate: o.purchaseDate,
    latestShipDate: o.latestShipDate,
    earliestDeliveryDate: o.earliestDeliveryDate,
    latestDeliveryDate: o.latestDeliveryDate,
    deliveredAt: delivered.length ? new Date(Math.max(...delivered.map((d) => d.getTime()))) : null,
    trackingNumbers: ships.map((s) => s.trackingNumber),
    returnedToSender: ships.some((s) => s.returnedAt !== null || s.trackingStatus === 'ReturnedToSender'),
    items: items.map((i) => ({
      orderItemId: i.orderItemId,
      title: i.title,
      sku: i.sku,
      quantityOrdered: i.quantityOrdered,
      quantityShipped: i.quantityShipped,
      quantityCanceled: i.quantityCanceled,
    })),
    refunds: refunds.map((r) => ({
      id: r.id,
      reason: r.reason,
      total: r.total,
      currency: r.currency,
      createdAt: r.createdAt,
      lines: r.lines,
    })),
    currency: o.currency,
  };
}

/**
 * MSG-4: the buyer of each of these public order ids of one seller (null: an order without a
 * buyer account); ids the seller does not have are absent. One statement for all the ids a mail
 * names (the relay threads a mail by an order id only when it is the writing buyer's order).
 */
export async function orderBuyerIds(
  db: DbOrTx,
  sellerId: string,
  amazonOrderIds: string[],
): Promise<Map<string, string | null>> {
  if (!amazonOrderIds.length) return new Map();
  const rows = await db
    .select({ amazonOrderId: orders.amazonOrderId, buyerId: orders.buyerId })
    .from(orders)
    .where(and(eq(orders.sellerId, sellerId), inArray(orders.amazonOrderId, amazonOrderIds)));
  return new Map(rows.map((r) => [r.amazonOrderId, r.buyerId]));
}

/** Contact This Seller (MSG-1): the buyer's orders with one seller, newest first, to pick from. */
export async function buyerOrdersWithSeller(
  db: DbOrTx,
  buyerId: string,
  sellerId: string,
  limit = 50,
): Promise<{ amazonOrderId: string; purchaseDate: Date; items: { title: string; quantity: number }[] }[]> {
  const rows = await db
    .select({ id: orders.id, amazonOrderId: orders.amazonOrderId, purchaseDate: orders.purchaseDate })
    .from(orders)
    .where(and(eq(orders.sellerId, sellerId), eq(orders.buyerId, buyerId)))
    .orderBy(desc(orders.purchaseDate))
    .limit(limit);
  if (!rows.length) return [];
  const items = await db
    .select({ orderId: orderItems.orderId, title: orderItems.title, quantity: orderItems.quantityOrdered })
    .from(orderItems)
    .where(
      and(
        eq(orderItems.sellerId, sellerId),
        inArray(
          orderItems.orderId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(orderItems.position));
  return rows.map((r) => ({
    amazonOrderId: r.amazonOrderId,
    purchaseDate: r.purchaseDate,
    items: items.filter((i) => i.orderId === r.id).map((i) => ({ title: i.title, quantity: i.quantity })),
  }));
}
