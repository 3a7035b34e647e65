// Refunds (ORD-12), combined shipments (ORD-10) and undeliverable returns: the queries of
// refunds.service.ts over the orders tables.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import type { OrderRow } from './orders.repository.ts';
import { orderItems, orderRefunds, orders, shipments } from './orders.tables.ts';

export type OrderRefundRow = typeof orderRefunds.$inferSelect;

export function createRefundsRepository(db: Db) {
  return {
    async refundsOf(sellerId: string, orderIds: string[], on: DbOrTx = db): Promise<OrderRefundRow[]> {
      if (orderIds.length === 0) return [];
      return on
        .select()
        .from(orderRefunds)
        .where(and(eq(orderRefunds.sellerId, sellerId), inArray(orderRefunds.orderId, orderIds)))
        .orderBy(asc(orderRefunds.createdAt), asc(orderRefunds.id));
    },

    async refundById(sellerId: string, refundId: string): Promise<OrderRefundRow | undefined> {
      const [r] = await db
        .select()
        .from(orderRefunds)
        .where(and(eq(orderRefunds.sellerId, sellerId), eq(orderRefunds.id, refundId)))
        .limit(1);
      return r;
    },

    /** The refund an API/feed caller already made with this key (read under the order lock). */
    async refundByRequestKey(
      tx: DbOrTx,
      sellerId: string,
      orderId: string,
      requestKey: string,
    ): Promise<OrderRefundRow | undefined> {
      const [r] = await tx
        .select()
        .from(orderRefunds)
        .where(
          and(
            eq(orderRefunds.sellerId, sellerId),
            eq(orderRefunds.orderId, orderId),
            eq(orderRefunds.requestKey, requestKey),
          ),
        )
        .limit(1);
      return r;
    },

    async insertRefund(tx: DbOrTx, row: typeof orderRefunds.$inferInsert) {
      await tx.insert(orderRefunds).values(row);
    },

    /** ORD-11/12: units that will never ship. */
    async setItemCanceled(
      tx: DbOrTx,
      sellerId: string,
      orderId: string,
      orderItemId: string,
      quantityCanceled: number,
    ) {
      await tx
        .update(orderItems)
        .set({ quantityCanceled })
        .where(
          and(
            eq(orderItems.sellerId, sellerId),
            eq(orderItems.orderId, orderId),
            eq(orderItems.orderItemId, orderItemId),
          ),
        );
    },

    /** ORD-12: the cost kept back from an undeliverable refund; also marks the parcel refunded. */
    async setActualShippingCost(tx: DbOrTx, sellerId: string, shipmentId: string, cost: bigint) {
      await tx
        .update(shipments)
        .set({ actualShippingCost: cost })
        .where(and(eq(shipments.sellerId, sellerId), eq(shipments.id, shipmentId)));
    },

    /** ORD-10 candidates: the buyer's other open MFN orders with this seller (address checked by the caller). */
    async openOrdersOfBuyer(
      sellerId: string,
      buyerEmail: string,
      exceptOrderId: string,
    ): Promise<OrderRow[]> {
      return db
        .select()
        .from(orders)
        .where(
          and(
            eq(orders.sellerId, sellerId),
            sql`lower(${orders.buyerEmail}) = ${buyerEmail.trim().toLowerCase()}`,
            inArray(orders.status, ['Unshipped', 'PartiallyShipped']),
            eq(orders.fulfillmentChannel, 'MFN'),
            ne(orders.id, exceptOrderId),
          ),
        )
        .orderBy(asc(orders.purchaseDate), asc(orders.id))
        .limit(50);
    },
  };
}

export type RefundsRepository = ReturnType<typeof createRefundsRepository>;
