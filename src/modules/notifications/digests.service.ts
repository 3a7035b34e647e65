// NTF-6 digests: batch-on-write. Each non-immediate delivery joins the open batch of its seller ×
// type × channel × address × window (a UNIQUE key, so concurrent collectors meet in one row);
// flushDue claims due batches with FOR UPDATE SKIP LOCKED, marks them flushed once and writes ONE
// pending delivery per non-empty batch with idempotency key `digest:<batchId>` (a second flush
// of the same window is a no-op; an empty window sends nothing). The send worker renders the
// carrier with `renderDigest` (the batch's items in the seller's language and zone).
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import type { Ids } from '../../platform/ids.ts';
import type { DeliveryChannel, RenderedMessage } from './channel.ts';
import { type DigestItem, digestEmail } from './digest-email.ts';
import { type DigestFrequency, digestWindow, isKnownTimeZone } from './digest-window.ts';

export type CollectInput = {
  sellerId: string;
  deliveryId: string;
  type: string;
  channel: DeliveryChannel;
  address: string;
  frequency: DigestFrequency;
  /** When the item was collected (the fan-out's clock): it picks the window. */
  at: Date;
  /** The seller's IANA zone; read from the seller when the caller does not pass it. */
  timeZone?: string;
};

export type DigestBatch = {
  sellerId: string;
  id: string;
  type: string;
  channel: DeliveryChannel;
  address: string;
  frequency: DigestFrequency;
  windowStart: Date;
  flushAt: Date;
  state: 'open' | 'flushed';
  itemCount: number;
  deliveryId: string | null;
};

/** Batches claimed per statement: bounded locks and memory, many statements for 100k digests. */
const FLUSH_BATCH = 2000;
const FALLBACK_ZONE = 'UTC';

export function createDigests(o: { db: Db; ids: Ids }) {
  // The seller's zone through the caller's transaction (PGlite has one connection: a query on
  // another connection inside a transaction would wait forever). Raw SQL on the marketplaces'
  // sellers table: read-only, one column, the notifications module owns no copy of it.
  async function sellerTimeZone(on: DbOrTx, sellerId: string): Promise<string> {
    const [r] = await queryRows<{ time_zone: string }>(
      on,
      sql`select time_zone from sellers where id = ${sellerId}`,
    );
    const zone = r?.time_zone;
    return zone && isKnownTimeZone(zone) ? zone : FALLBACK_ZONE;
  }

  return {
    /**
     * Adds a delivery to its open batch in the caller's transaction and returns the batch id. An
     * item whose window was already flushed (a late fan-out) joins the next window, so nothing is
     * lost. A delivery already collected is not counted twice (the fan-out may run again).
     */
    async collect(tx: DbOrTx, item: CollectInput): Promise<string> {
      const [already] = await queryRows<{ digest_batch_id: string | null }>(
        tx,
        sql`select digest_batch_id from deliveries where seller_id = ${item.sellerId} and id = ${item.deliveryId}`,
      );
      if (already?.digest_batch_id) return already.digest_batch_id;
      const zone =
        item.timeZone && isKnownTimeZone(item.timeZone)
          ? item.timeZone
          : await sellerTimeZone(tx, item.sellerId);
      let window = digestWindow(item.at, item.frequency, zone);
      // Bounded: a flushed window is only ever followed by open ones.
      for (let i = 0; i < 5; i++) {
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into digest_batches
                (seller_id, id, type, channel, address, frequency, window_start, flush_at, state, item_count)
              values (${item.sellerId}, ${o.ids.next('dgb')}, ${item.type}, ${item.channel}, ${item.address},
                ${item.frequency}, ${window.start.toISOString()}::timestamptz, ${window.end.toISOString()}::timestamptz,
                'open', 1)
              on conflict (seller_id, type, channel, address, window_start)
              do update set item_count = digest_batches.item_count + 1
              where digest_batches.state = 'open'
              returning id`,
        );
        if (row) {
          await tx.execute(
            sql`update deliveries set digest_batch_id = ${row.id}, state = 'digest'
                where seller_id = ${item.sellerId} and id = ${item.deliveryId}`,
          );
          return row.id;
        }
        window = digestWindow(window.end, item.frequency, zone);
      }
      throw new Error(`digest: no open window for ${item.sellerId} ${item.type} after 5 tries`);
    },

    /**
     * Flushes every batch due at `now`: claimed with SKIP LOCKED (workers never share a batch),
     * marked flushed and given its carrier delivery in ONE statement, so a crash leaves either
     * both or neither. Returns how many batches were flushed and how many digests will be sent.
     */
    async flushDue(
      now: Date,
      opts: { limit?: number } = {},
    ): Promise<{ flushed: number; deliveries: number }> {
      const limit = opts.limit ?? FLUSH_BATCH;
      const at = now.toISOString();
      let flushed = 0;
      let sent = 0;
      for (;;) {
        const [r] = await queryRows<{ flushed: number; deliveries: number }>(
          o.db,
          sql`with due as (
                select seller_id, id from digest_batches
                where state = 'open' and flush_at <= ${at}::timestamptz
                order by flush_at
                limit ${limit}
                for update skip locked
              ), done as (
                update digest_batches b set state = 'flushed',
                  delivery_id = case when b.item_count > 0 then 'dlv_' || b.id end
                from due where b.seller_id = due.seller_id and b.id = due.id
                returning b.*
              ), carrier as (
                -- The carrier points at the batch's latest item notification (a real row, so the
                -- delivery log and the send worker's join see it); digest_batch_id marks it.
                insert into deliveries (seller_id, id, notification_id, channel, address, idempotency_key,
                  state, attempts, next_attempt_at, digest_batch_id, created_at)
                select done.seller_id, done.delivery_id, last.notification_id, done.channel, done.address,
                  'digest:' || done.id, 'pending', 0, ${at}::timestamptz, done.id, ${at}::timestamptz
                from done
                cross join lateral (
                  select d.notification_id from deliveries d
                  where d.seller_id = done.seller_id and d.digest_batch_id = done.id and d.state = 'digest'
                  order by d.created_at desc, d.id desc limit 1
                ) last
                where done.item_count > 0
                on conflict (idempotency_key) do nothing
                returning id
              )
              select (select count(*) from done)::int as flushed, (select count(*) from carrier)::int as deliveries`,
        );
        flushed += r?.flushed ?? 0;
        sent += r?.deliveries ?? 0;
        if ((r?.flushed ?? 0) < limit) break;
      }
      return { flushed, deliveries: sent };
    },

    async findBatch(on: DbOrTx, sellerId: string, batchId: string): Promise<DigestBatch | undefined> {
      const [r] = await queryRows<Record<string, unknown>>(
        on,
        sql`select * from digest_batches where seller_id = ${sellerId} and id = ${batchId}`,
      );
      return r ? toBatch(r) : undefined;
    },

    /** The items of a batch: the notifications whose deliveries were collected into it. */
    async items(on: DbOrTx, sellerId: string, batchId: string): Promise<DigestItem[]> {
      const rows = await queryRows<{
        type: string;
        severity: DigestItem['severity'];
        created_at: string | Date;
        data: unknown;
      }>(
        on,
        sql`select n.type, n.severity, n.created_at, n.data
            from deliveries d join notifications n on n.seller_id = d.seller_id and n.id = d.notification_id
            where d.seller_id = ${sellerId} and d.digest_batch_id = ${batchId} and d.state = 'digest'
            order by n.created_at, n.id`,
      );
      return rows.map((r) => ({
        type: r.type,
        severity: r.severity,
        createdAt: new Date(r.created_at),
        data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
      }));
    },

    /**
     * What the send worker sends for a digest carrier (a delivery whose idempotency key is
     * `digest:<batchId>`): the batch's items in the seller's language and zone.
     */
    async renderDigest(
      on: DbOrTx,
      carrier: { sellerId: string; digestBatchId: string },
      seller: { language: string; timeZone: string; name?: string },
    ): Promise<RenderedMessage | undefined> {
      const batch = await this.findBatch(on, carrier.sellerId, carrier.digestBatchId);
      if (!batch) return undefined;
      const items = await this.items(on, carrier.sellerId, batch.id);
      const zone = isKnownTimeZone(seller.timeZone) ? seller.timeZone : FALLBACK_ZONE;
      const email = digestEmail({
        language: seller.language,
        timeZone: zone,
        sellerName: seller.name,
        frequency: batch.frequency,
        windowStart: batch.windowStart,
        windowEnd: batch.flushAt,
        items,
      });
      return { language: seller.language, ...email };
    },
  };
}

/** True for the delivery that carries a flushed digest (NTF-6). */
export function isDigestCarrier(d: { idempotencyKey: string; digestBatchId: string | null }): boolean {
  return d.digestBatchId !== null && d.idempotencyKey.startsWith('digest:');
}

function toBatch(r: Record<string, unknown>): DigestBatch {
  return {
    sellerId: r.seller_id as string,
    id: r.id as string,
    type: r.type as string,
    channel: r.channel as DeliveryChannel,
    address: r.address as string,
    frequency: r.frequency as DigestFrequency,
    windowStart: new Date(r.window_start as string),
    flushAt: new Date(r.flush_at as string),
    state: r.state as 'open' | 'flushed',
    itemCount: Number(r.item_count),
    deliveryId: (r.delivery_id as string | null) ?? null,
  };
}

export type Digests = ReturnType<typeof createDigests>;
