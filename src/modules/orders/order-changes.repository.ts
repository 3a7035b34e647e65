// Reads and writes of cancellations, buyer edits, carrier scans and the ORD-8 sweeps. Kept apart
// from orders.repository.ts so each file stays about one job.
import { and, asc, eq, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { orderItems, orders, shipmentEvents, shipments } from './orders.tables.ts';
import type { PostalAddress } from './orders.types.ts';

export type SweepCandidate = {
  sellerId: string;
  id: string;
  amazonOrderId: string;
  latestShipDate: Date;
  buyerCancelRequestedAt: Date | null;
};

const candidateColumns = {
  sellerId: orders.sellerId,
  id: orders.id,
  amazonOrderId: orders.amazonOrderId,
  latestShipDate: orders.latestShipDate,
  buyerCancelRequestedAt: orders.buyerCancelRequestedAt,
};

/**
 * `(seller_id, id) in (keys)`: the primary key, so each row is one index probe. The keys travel
 * as one JSON parameter: a literal `in ((…), (…), …)` list of a 2,000-order sweep batch costs
 * PostgreSQL ~2 s of planning per statement (an OR of 2,000 row comparisons), the JSON set
 * under 1 ms (bench/auto-cancel.ts, docs/benchmarks.md).
 */
function keyIn(keys: { sellerId: string; id: string }[]): SQL {
  const json = JSON.stringify(keys.map((k) => [k.sellerId, k.id]));
  return sql`(${orders.sellerId}, ${orders.id}) in (select k->>0, k->>1 from jsonb_array_elements(${json}::jsonb) k)`;
}

/** Unshipped MFN orders of a marketplace (the partial index of the sweeps), locked, SKIP LOCKED. */
async function lockOpenUnshipped(
  tx: DbOrTx,
  marketplaceId: string,
  extra: SQL[],
  limit: number,
): Promise<SweepCandidate[]> {
  const rows = await tx
    .select(candidateColumns)
    .from(orders)
    .where(
      and(
        eq(orders.marketplaceId, marketplaceId),
        eq(orders.status, 'Unshipped'),
        eq(orders.fulfillmentChannel, 'MFN'),
        ...extra,
      ),
    )
    .orderBy(asc(orders.latestShipDate))
    .limit(limit)
    .for('update', { skipLocked: true });
  return rows as SweepCandidate[];
}

export function createOrderChangesRepository() {
  return {
    async updateItem(
      tx: DbOrTx,
      sellerId: string,
      orderId: string,
      orderItemId: string,
      patch: Partial<typeof orderItems.$inferInsert>,
    ) {
      await tx
        .update(orderItems)
        .set(patch)
        .where(
          and(
            eq(orderItems.sellerId, sellerId),
            eq(orderItems.orderId, orderId),
            eq(orderItems.orderItemId, orderItemId),
          ),
        );
    },

    /** The order inside the caller's transaction (PGlite has one connection: never read beside it). */
    async orderById(tx: DbOrTx, sellerId: string, orderId: string) {
      const [o] = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.sellerId, sellerId), eq(orders.id, orderId)))
        .limit(1);
      return o;
    },

    async setShippingAddress(tx: DbOrTx, sellerId: string, orderId: string, address: PostalAddress) {
      await tx
        .update(orders)
        .set({ shippingAddress: address })
        .where(and(eq(orders.sellerId, sellerId), eq(orders.id, orderId)));
    },

    /** Every shipment with this tracking number (a combined parcel covers several orders), locked. */
    async lockShipmentsByTracking(tx: DbOrTx, trackingNumber: string, carrierCode?: string) {
      const conds: SQL[] = [eq(shipments.trackingNumber, trackingNumber)];
      if (carrierCode) conds.push(sql`lower(${shipments.carrierCode}) = ${carrierCode.toLowerCase()}`);
      return tx
        .select()
        .from(shipments)
        .where(and(...conds))
        .orderBy(asc(shipments.sellerId), asc(shipments.id))
        .for('update');
    },

    async updateShipment(
      tx: DbOrTx,
      sellerId: string,
      shipmentId: string,
      patch: Partial<typeof shipments.$inferInsert>,
    ) {
      await tx
        .update(shipments)
        .set(patch)
        .where(and(eq(shipments.sellerId, sellerId), eq(shipments.id, shipmentId)));
    },

    /** False when the same scan (by the marketplace's id) was already recorded. */
    async insertShipmentEvent(tx: DbOrTx, row: typeof shipmentEvents.$inferInsert): Promise<boolean> {
      const inserted = await tx
        .insert(shipmentEvents)
        .values(row)
        .onConflictDoNothing()
        .returning({ id: shipmentEvents.id });
      return inserted.length > 0;
    },

    async shipmentEventsOf(on: DbOrTx, sellerId: string, orderId: string) {
      return on
        .select()
        .from(shipmentEvents)
        .where(and(eq(shipmentEvents.sellerId, sellerId), eq(shipmentEvents.orderId, orderId)))
        .orderBy(asc(shipmentEvents.at), asc(shipmentEvents.id));
    },

    /**
     * ORD-8 auto-cancel candidates of one marketplace (ship-by at or before the bound), oldest
     * ship-by first, locked. SKIP LOCKED: a second sweep running at the same time takes other
     * rows, and an order being confirmed right now (locked by confirmShipment) is left to it.
     */
    lockAutoCancelCandidates(tx: DbOrTx, marketplaceId: string, shipByAtOrBefore: Date, limit: number) {
      return lockOpenUnshipped(tx, marketplaceId, [lte(orders.latestShipDate, shipByAtOrBefore)], limit);
    },

    /** ORD-8 warning candidates: reached their ship-by day, not warned yet. */
    lockWarningCandidates(tx: DbOrTx, marketplaceId: string, shipByBefore: Date, limit: number) {
      return lockOpenUnshipped(
        tx,
        marketplaceId,
        [lt(orders.latestShipDate, shipByBefore), isNull(orders.shipByWarningAt)],
        limit,
      );
    },

    async markWarned(tx: DbOrTx, keys: { sellerId: string; id: string }[], at: Date) {
      if (keys.length) await tx.update(orders).set({ shipByWarningAt: at }).where(keyIn(keys));
    },

    /** Cancels the given Unshipped orders (the status guard makes a repeat a no-op). */
    async markAutoCanceled(
      tx: DbOrTx,
      keys: { sellerId: string; id: string; kind: 'auto' | 'buyer_requested' }[],
      at: Date,
    ): Promise<{ sellerId: string; id: string }[]> {
      const out: { sellerId: string; id: string }[] = [];
      for (const kind of ['auto', 'buyer_requested'] as const) {
        const some = keys.filter((k) => k.kind === kind);
        if (!some.length) continue;
        const rows = await tx
          .update(orders)
          .set({
            status: 'Canceled',
            cancellationKind: kind,
            cancellationReason: 'ShipmentNotConfirmed',
            canceledAt: at,
            lastUpdateDate: at,
          })
          .where(and(keyIn(some), eq(orders.status, 'Unshipped')))
          .returning({ sellerId: orders.sellerId, id: orders.id });
        out.push(...rows);
      }
      return out;
    },
  };
}
