// The facts of one order that buyer–seller messaging needs (MSG-6/7/12/13): who the buyer is (by
// name and relay address only, MSG-16), where the order stands, its tracking numbers (never
// flagged by the policy), the delivery the 30-day window counts from, and its refunds (MSG-12
// templates). Read with whichever handle the caller holds (PGlite: one connection).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { orderItems, orders } from './orders.tables.ts';

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

/** An outer `orders` column inside a subquery (drizzle leaves one-table columns unqualified). */
const ordersCol = (col: string) => sql.raw(`"orders"."${col}"`);

/** JSON columns: PostgreSQL's driver parses them, PGlite may hand over the text. */
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** null when the seller has no such order (tenancy: another seller's id is "not found"). */
export async function loadOrderMessagingContext(
  db: DbOrTx,
  sellerId: string,
  amazonOrderId: string,
): Promise<OrderMessagingContext | null> {
  // One statement (the inbound mail path loads this for every mail; issue 5, 200 mails/s): the
  // order row, and as JSON beside it its items, parcels and refunds in their order, and the
  // buyer's language (their account setting picks the template language; else the marketplace's).
  const [row] = await db
    .select({
      o: orders,
      lang: sql<string | null>`(select b.language from buyers b where b.id = ${ordersCol('buyer_id')})`,
      items: sql<unknown>`(select coalesce(json_agg(json_build_object('orderItemId', i.order_item_id,
        'title', i.title, 'sku', i.sku, 'quantityOrdered', i.quantity_ordered,
        'quantityShipped', i.quantity_shipped, 'quantityCanceled', i.quantity_canceled)
        order by i.position), '[]'::json)
        from order_items i where i.seller_id = ${ordersCol('seller_id')} and i.order_id = ${ordersCol('id')})`,
      ships: sql<unknown>`(select coalesce(json_agg(json_build_object('trackingNumber', s.tracking_number,
        'trackingStatus', s.tracking_status, 'deliveredAt', s.delivered_at, 'returnedAt', s.returned_at)
        order by s.ship_date), '[]'::json)
        from shipments s where s.seller_id = ${ordersCol('seller_id')} and s.order_id = ${ordersCol('id')})`,
      refunds: sql<unknown>`(select coalesce(json_agg(json_build_object('id', r.id, 'reason', r.reason,
        'total', r.total::text, 'currency', r.currency, 'createdAt', r.created_at, 'lines', r.lines)
        order by r.created_at), '[]'::json)
        from order_refunds r where r.seller_id = ${ordersCol('seller_id')} and r.order_id = ${ordersCol('id')})`,
    })
    .from(orders)
    .where(and(eq(orders.sellerId, sellerId), eq(orders.amazonOrderId, amazonOrderId)))
    .limit(1);
  if (!row) return null;
  const { o, lang } = row;
  const items = json<OrderMessagingContext['items']>(row.items);
  const ships = json<
    {
      trackingNumber: string;
      trackingStatus: string | null;
      deliveredAt: string | null;
      returnedAt: string | null;
    }[]
  >(row.ships);
  const refunds = json<
    { id: string; reason: string; total: string; currency: string; createdAt: string; lines: unknown[] }[]
  >(row.refunds);
  const delivered = ships.filter((s) => s.deliveredAt !== null).map((s) => new Date(s.deliveredAt as string));
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
      quantityOrdered: Number(i.quantityOrdered),
      quantityShipped: Number(i.quantityShipped),
      quantityCanceled: Number(i.quantityCanceled),
    })),
    refunds: refunds.map((r) => ({
      id: r.id,
      reason: r.reason,
      total: BigInt(r.total),
      currency: r.currency,
      createdAt: new Date(r.createdAt),
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
