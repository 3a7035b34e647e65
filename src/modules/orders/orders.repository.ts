// The only file that knows the orders tables.
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { createManageOrdersQueries } from './manage-orders.repository.ts';
import { orderCharges, orderEvents, orderItems, orders, shipmentItems, shipments } from './orders.tables.ts';
import type { OrderStatus } from './orders.types.ts';

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type ShipmentRow = typeof shipments.$inferSelect;
export type ShipmentItemRow = typeof shipmentItems.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;
export type ChargeRow = typeof orderCharges.$inferSelect;

export type SellerOrderFilter = {
  sellerId: string;
  status?: OrderStatus;
  /** An order id, or a buyer email address. */
  q?: string;
  limit: number;
  offset: number;
};

/** Keyset query of SP-API getOrders: one date column, a half-open window, and a cursor. */
export type OrderSearch = {
  sellerId: string;
  marketplaceIds: string[];
  dateField: 'purchaseDate' | 'lastUpdateDate';
  after: Date;
  before?: Date;
  statuses?: OrderStatus[];
  fulfillmentChannels?: ('MFN' | 'AFN')[];
  paymentMethods?: string[];
  buyerEmail?: string;
  sellerOrderId?: string;
  amazonOrderIds?: string[];
  /** getOrders EarliestDeliveryDate* / LatestDeliveryDate*: inclusive bounds. */
  deliveryDates?: { earliestAfter?: Date; earliestBefore?: Date; latestAfter?: Date; latestBefore?: Date };
  cursor?: { at: Date; id: string };
  limit: number;
};

export function createOrdersRepository(db: Db) {
  return {
    // Manage Orders (web list, ORD-3): keyset pages and bounded tab counts, in their own file.
    ...createManageOrdersQueries(db),

    async insertOrder(
      tx: DbOrTx,
      order: typeof orders.$inferInsert,
      items: (typeof orderItems.$inferInsert)[],
    ) {
      await tx.insert(orders).values(order);
      await tx.insert(orderItems).values(items);
    },

    async insertEvents(tx: DbOrTx | undefined, events: (typeof orderEvents.$inferInsert)[]) {
      if (events.length) await (tx ?? db).insert(orderEvents).values(events);
    },

    async findByAmazonId(
      amazonOrderId: string,
      sellerId?: string,
      on: DbOrTx = db,
    ): Promise<OrderRow | undefined> {
      const where = sellerId
        ? and(eq(orders.sellerId, sellerId), eq(orders.amazonOrderId, amazonOrderId))
        : eq(orders.amazonOrderId, amazonOrderId);
      const [o] = await on.select().from(orders).where(where).limit(1);
      return o;
    },

    async findById(sellerId: string, orderId: string): Promise<OrderRow | undefined> {
      const [o] = await db
        .select()
        .from(orders)
        .where(and(eq(orders.sellerId, sellerId), eq(orders.id, orderId)))
        .limit(1);
      return o;
    },

    /** Locks the order row for the rest of the transaction: racing shipment confirmations queue. */
    async lockByAmazonId(
      tx: DbOrTx,
      amazonOrderId: string,
      sellerId?: string,
    ): Promise<OrderRow | undefined> {
      const where = sellerId
        ? and(eq(orders.sellerId, sellerId), eq(orders.amazonOrderId, amazonOrderId))
        : eq(orders.amazonOrderId, amazonOrderId);
      const [o] = await tx.select().from(orders).where(where).limit(1).for('update');
      return o;
    },

    async itemsOf(sellerId: string, orderIds: string[], on: DbOrTx = db): Promise<OrderItemRow[]> {
      if (orderIds.length === 0) return [];
      return on
        .select()
        .from(orderItems)
        .where(and(eq(orderItems.sellerId, sellerId), inArray(orderItems.orderId, orderIds)))
        .orderBy(asc(orderItems.orderId), asc(orderItems.position));
    },

    async shipmentsOf(sellerId: string, orderId: string, on: DbOrTx = db) {
      const s = await on
        .select()
        .from(shipments)
        .where(and(eq(shipments.sellerId, sellerId), eq(shipments.orderId, orderId)))
        .orderBy(asc(shipments.confirmedAt));
      const lines = await on
        .select()
        .from(shipmentItems)
        .where(and(eq(shipmentItems.sellerId, sellerId), eq(shipmentItems.orderId, orderId)));
      return s.map((row) => ({ ...row, items: lines.filter((l) => l.shipmentId === row.id) }));
    },

    async shipmentById(sellerId: string, shipmentId: string): Promise<ShipmentRow | undefined> {
      const [s] = await db
        .select()
        .from(shipments)
        .where(and(eq(shipments.sellerId, sellerId), eq(shipments.id, shipmentId)))
        .limit(1);
      return s;
    },

    async chargeOf(sellerId: string, orderId: string, on: DbOrTx = db): Promise<ChargeRow | undefined> {
      const [c] = await on
        .select()
        .from(orderCharges)
        .where(and(eq(orderCharges.sellerId, sellerId), eq(orderCharges.orderId, orderId)))
        .limit(1);
      return c;
    },

    async eventsOf(sellerId: string, orderId: string): Promise<OrderEventRow[]> {
      return db
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.sellerId, sellerId), eq(orderEvents.orderId, orderId)))
        .orderBy(asc(orderEvents.at), asc(orderEvents.id));
    },

    async insertShipment(
      tx: DbOrTx,
      shipment: typeof shipments.$inferInsert,
      lines: (typeof shipmentItems.$inferInsert)[],
    ) {
      await tx.insert(shipments).values(shipment);
      await tx.insert(shipmentItems).values(lines);
    },

    async setItemShipped(
      tx: DbOrTx,
      sellerId: string,
      orderId: string,
      orderItemId: string,
      quantityShipped: number,
    ) {
      await tx
        .update(orderItems)
        .set({ quantityShipped })
        .where(
          and(
            eq(orderItems.sellerId, sellerId),
            eq(orderItems.orderId, orderId),
            eq(orderItems.orderItemId, orderItemId),
          ),
        );
    },

    async updateOrder(
      tx: DbOrTx,
      sellerId: string,
      orderId: string,
      patch: Partial<typeof orders.$inferInsert>,
    ) {
      await tx
        .update(orders)
        .set(patch)
        .where(and(eq(orders.sellerId, sellerId), eq(orders.id, orderId)));
    },

    /** Records the capture once; returns false when the order was already charged (ORD-7). */
    async insertChargeOnce(tx: DbOrTx, charge: typeof orderCharges.$inferInsert): Promise<boolean> {
      const rows = await tx
        .insert(orderCharges)
        .values(charge)
        .onConflictDoNothing()
        .returning({ id: orderCharges.orderId });
      return rows.length > 0;
    },

    async listForSeller(f: SellerOrderFilter): Promise<{ rows: OrderRow[]; total: number }> {
      const conds: SQL[] = [eq(orders.sellerId, f.sellerId)];
      if (f.status) conds.push(eq(orders.status, f.status));
      const q = f.q?.trim();
      if (q) {
        conds.push(
          q.includes('@')
            ? (or(
                sql`lower(${orders.buyerEmail}) = ${q.toLowerCase()}`,
                eq(orders.buyerRelayEmail, q.toLowerCase()),
              ) as SQL)
            : (or(eq(orders.amazonOrderId, q), eq(orders.sellerOrderId, q)) as SQL),
        );
      }
      const where = and(...conds);
      const rows = await db
        .select()
        .from(orders)
        .where(where)
        .orderBy(desc(orders.purchaseDate), desc(orders.id))
        .limit(f.limit)
        .offset(f.offset);
      const [c] = await db.select({ n: count() }).from(orders).where(where);
      return { rows, total: Number(c?.n ?? 0) };
    },

    async countByStatus(sellerId: string): Promise<Record<string, number>> {
      const rows = await db
        .select({ status: orders.status, n: count() })
        .from(orders)
        .where(eq(orders.sellerId, sellerId))
        .groupBy(orders.status);
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },

    /** Unshipped / partially shipped orders past their ship-by date (home-page alerts, ORD-7/8). */
    async lateShipments(
      sellerId: string,
      now: Date,
    ): Promise<{ unshipped: number; partiallyShipped: number }> {
      const rows = await db
        .select({ status: orders.status, n: count() })
        .from(orders)
        .where(
          and(
            eq(orders.sellerId, sellerId),
            inArray(orders.status, ['Unshipped', 'PartiallyShipped']),
            lt(orders.latestShipDate, now),
          ),
        )
        .groupBy(orders.status);
      const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      return { unshipped: by.Unshipped ?? 0, partiallyShipped: by.PartiallyShipped ?? 0 };
    },

    async search(s: OrderSearch): Promise<OrderRow[]> {
      const col = s.dateField === 'purchaseDate' ? orders.purchaseDate : orders.lastUpdateDate;
      const conds: SQL[] = [
        eq(orders.sellerId, s.sellerId),
        inArray(orders.marketplaceId, s.marketplaceIds),
        gte(col, s.after),
      ];
      if (s.before) conds.push(lt(col, s.before));
      const statuses = [...new Set(s.statuses ?? [])];
      if (statuses.length === 1) conds.push(eq(orders.status, statuses[0] as OrderStatus));
      if (s.fulfillmentChannels?.length)
        conds.push(inArray(orders.fulfillmentChannel, s.fulfillmentChannels));
      if (s.paymentMethods?.length)
        conds.push(inArray(orders.paymentMethod, s.paymentMethods as ('Other' | 'CVS' | 'COD')[]));
      if (s.buyerEmail) {
        const e = s.buyerEmail.toLowerCase();
        conds.push(or(sql`lower(${orders.buyerEmail}) = ${e}`, eq(orders.buyerRelayEmail, e)) as SQL);
      }
      if (s.sellerOrderId) conds.push(eq(orders.sellerOrderId, s.sellerOrderId));
      if (s.amazonOrderIds?.length) conds.push(inArray(orders.amazonOrderId, s.amazonOrderIds));
      const dd = s.deliveryDates;
      if (dd?.earliestAfter) conds.push(gte(orders.earliestDeliveryDate, dd.earliestAfter));
      if (dd?.earliestBefore) conds.push(lte(orders.earliestDeliveryDate, dd.earliestBefore));
      if (dd?.latestAfter) conds.push(gte(orders.latestDeliveryDate, dd.latestAfter));
      if (dd?.latestBefore) conds.push(lte(orders.latestDeliveryDate, dd.latestBefore));
      if (s.cursor)
        conds.push(or(gt(col, s.cursor.at), and(eq(col, s.cursor.at), gt(orders.id, s.cursor.id))) as SQL);
      const page = (extra?: SQL) =>
        db
          .select()
          .from(orders)
          .where(and(...conds, extra))
          .orderBy(asc(col), asc(orders.id))
          .limit(s.limit);
      if (statuses.length < 2) return page();
      // Several statuses (typically Unshipped,PartiallyShipped): one index range per status, merged.
      // With `status IN (...)` the planner walks the date index and filters, and since open orders
      // are the recent ones it reads nearly all of a seller's orders first (117 ms at 100k orders).
      const [first, second, ...rest] = statuses.map((st) => page(eq(orders.status, st)));
      return unionAll(first as ReturnType<typeof page>, second as ReturnType<typeof page>, ...rest)
        .orderBy(asc(col), asc(orders.id))
        .limit(s.limit);
    },

    /** SP-API 2026 PACKAGES: the shipments (with their lines) of a page of orders, in two queries. */
    async shipmentsOfOrders(sellerId: string, orderIds: string[]) {
      if (orderIds.length === 0) return [];
      const s = await db
        .select()
        .from(shipments)
        .where(and(eq(shipments.sellerId, sellerId), inArray(shipments.orderId, orderIds)))
        .orderBy(asc(shipments.orderId), asc(shipments.confirmedAt));
      const lines = await db
        .select()
        .from(shipmentItems)
        .where(and(eq(shipmentItems.sellerId, sellerId), inArray(shipmentItems.orderId, orderIds)));
      return s.map((row) => ({ ...row, items: lines.filter((l) => l.shipmentId === row.id) }));
    },

    /** SP-API updateShipmentStatus (store pickup): the pickup status of some shipments of an order. */
    async setPickupStatus(tx: DbOrTx, sellerId: string, shipmentIds: string[], pickupStatus: string) {
      if (shipmentIds.length === 0) return;
      await tx
        .update(shipments)
        .set({ pickupStatus })
        .where(and(eq(shipments.sellerId, sellerId), inArray(shipments.id, shipmentIds)));
    },
  };
}

export type OrdersRepository = ReturnType<typeof createOrdersRepository>;
