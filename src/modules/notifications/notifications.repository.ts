// The only file that knows the pipeline's tables: the outbox (domain_events), notifications,
// deliveries and failed addresses (NTF-7..9). Preferences are read here too (absent row = the
// catalogue's defaults); the preferences engineer owns writing them.
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import type { DeliveryChannel } from './channel.ts';
import {
  deliveries,
  domainEvents,
  failedAddresses,
  notificationPreferences,
  notifications,
  webhookEndpoints,
} from './notifications.tables.ts';

export type DomainEventRow = typeof domainEvents.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type FailedAddressRow = typeof failedAddresses.$inferSelect;
export type PreferenceRow = typeof notificationPreferences.$inferSelect;

/** A claimed delivery joined with its notification (what the send worker needs). */
export type ClaimedDelivery = DeliveryRow & { notification: NotificationRow };

/** NTF-9: in the caller's transaction; a repeated dedupe key is one event (false). */
export async function insertDomainEvent(
  on: DbOrTx,
  row: Omit<typeof domainEvents.$inferInsert, 'occurredAt'> & { occurredAt?: Date },
): Promise<boolean> {
  const res = await on
    .insert(domainEvents)
    .values({ ...row, occurredAt: row.occurredAt ?? sql`now()` })
    .onConflictDoNothing({ target: domainEvents.dedupeKey })
    .returning({ id: domainEvents.id });
  return res.length > 0;
}

/** Many events in one statement (a sweep's batch); repeats of a dedupe key are dropped. */
export async function insertDomainEvents(
  on: DbOrTx,
  rows: (Omit<typeof domainEvents.$inferInsert, 'occurredAt'> & { occurredAt: Date })[],
): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const res = await on
      .insert(domainEvents)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing({ target: domainEvents.dedupeKey })
      .returning({ id: domainEvents.id });
    n += res.length;
  }
  return n;
}

export function createNotificationsRepository(db: Db) {
  return {
    /** The sellers of the next unprocessed events (read before the fan-out transaction). */
    async peekEventSellers(limit: number): Promise<string[]> {
      const rows = await db
        .select({ sellerId: domainEvents.sellerId })
        .from(domainEvents)
        .where(isNull(domainEvents.processedAt))
        .orderBy(domainEvents.occurredAt)
        .limit(limit);
      if (rows.length === 0) return [];
      return [...new Set(rows.map((r) => r.sellerId).filter((s): s is string => !!s))];
    },

    async hasUnprocessedEvents(): Promise<boolean> {
      const rows = await db
        .select({ id: domainEvents.id })
        .from(domainEvents)
        .where(isNull(domainEvents.processedAt))
        .limit(1);
      return rows.length > 0;
    },

    async disabledEndpoints(tx: DbOrTx, sellerIds: string[]) {
      if (sellerIds.length === 0) return [];
      return tx
        .select({ sellerId: webhookEndpoints.sellerId, id: webhookEndpoints.id })
        .from(webhookEndpoints)
        .where(and(inArray(webhookEndpoints.sellerId, sellerIds), eq(webhookEndpoints.status, 'disabled')));
    },

    /** Locks up to `limit` unprocessed events; other fan-out workers skip them (SKIP LOCKED). */
    async claimEvents(tx: DbOrTx, limit: number): Promise<DomainEventRow[]> {
      return tx
        .select()
        .from(domainEvents)
        .where(isNull(domainEvents.processedAt))
        .orderBy(domainEvents.occurredAt)
        .limit(limit)
        .for('update', { skipLocked: true });
    },

    async markEventsProcessed(tx: DbOrTx, ids: string[], at: Date) {
      if (ids.length === 0) return;
      await tx.update(domainEvents).set({ processedAt: at }).where(inArray(domainEvents.id, ids));
    },

    async countUnprocessedEvents(): Promise<number> {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(domainEvents)
        .where(isNull(domainEvents.processedAt));
      return r?.n ?? 0;
    },

    async preferences(tx: DbOrTx, sellerIds: string[]): Promise<PreferenceRow[]> {
      if (sellerIds.length === 0) return [];
      return tx
        .select()
        .from(notificationPreferences)
        .where(inArray(notificationPreferences.sellerId, sellerIds));
    },

    /** Addresses failed and not reset, for these sellers. */
    async activeFailedAddresses(tx: DbOrTx, sellerIds: string[]): Promise<FailedAddressRow[]> {
      if (sellerIds.length === 0) return [];
      return tx
        .select()
        .from(failedAddresses)
        .where(and(inArray(failedAddresses.sellerId, sellerIds), isNull(failedAddresses.resetAt)));
    },

    /** Fan-out writes: both idempotent, so a fan-out run twice writes one of each. */
    async insertNotifications(tx: DbOrTx, rows: (typeof notifications.$inferInsert)[]) {
      if (rows.length === 0) return;
      await tx.insert(notifications).values(rows).onConflictDoNothing();
    },
    async insertDeliveries(tx: DbOrTx, rows: (typeof deliveries.$inferInsert)[]) {
      if (rows.length === 0) return;
      for (let i = 0; i < rows.length; i += 1000) {
        await tx
          .insert(deliveries)
          .values(rows.slice(i, i + 1000))
          .onConflictDoNothing({ target: deliveries.idempotencyKey });
      }
    },
    async setDigestBatch(tx: DbOrTx, sellerId: string, deliveryId: string, batchId: string) {
      await tx
        .update(deliveries)
        .set({ digestBatchId: batchId })
        .where(and(eq(deliveries.sellerId, sellerId), eq(deliveries.id, deliveryId)));
    },

    /**
     * Send worker's claim (NTF-9): due `pending` rows and `sending` rows whose lease expired, locked
     * with SKIP LOCKED so workers never share a row; claimed rows get `sending`, a lease, and
     * next_attempt_at = lease end (so an expired lease is simply "due" again in the same index).
     */
    async claimDue(
      now: Date,
      leaseUntil: Date,
      limit: number,
      channels: DeliveryChannel[],
    ): Promise<ClaimedDelivery[]> {
      if (channels.length === 0) return [];
      const rows = await queryRows<Record<string, unknown>>(
        db,
        sql`with due as (
              select seller_id, id from deliveries
              where state in ('pending', 'sending') and next_attempt_at <= ${now.toISOString()}::timestamptz
                and channel = any(${sql.param(channels)}::text[])
              order by next_attempt_at
              limit ${limit}
              for update skip locked
            ), claimed as (
              update deliveries d set state = 'sending', lease_until = ${leaseUntil.toISOString()}::timestamptz,
                next_attempt_at = ${leaseUntil.toISOString()}::timestamptz, attempts = d.attempts + 1
              from due where d.seller_id = due.seller_id and d.id = due.id
              returning d.*
            )
            select c.*, n.id as n_id, n.event_id as n_event_id, n.type as n_type, n.severity as n_severity,
              n.data as n_data, n.created_at as n_created_at, n.read_at as n_read_at
            from claimed c join notifications n on n.seller_id = c.seller_id and n.id = c.notification_id`,
      );
      return rows.map(toClaimed);
    },

    /** Many sent rows in one statement (the burst path). */
    async markManySent(rows: { sellerId: string; id: string; code: number | null }[], at: Date) {
      if (rows.length === 0) return;
      await db.execute(sql`
        update deliveries d set state = 'sent', sent_at = ${at.toISOString()}::timestamptz, lease_until = null,
          last_code = v.code, last_error = null
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v("sellerId" text, id text, code int)
        where d.seller_id = v."sellerId" and d.id = v.id and d.state = 'sending'`);
    },

    async markRetry(sellerId: string, id: string, next: Date, code: number | null, error: string) {
      await db
        .update(deliveries)
        .set({ state: 'pending', nextAttemptAt: next, leaseUntil: null, lastCode: code, lastError: error })
        .where(
          and(eq(deliveries.sellerId, sellerId), eq(deliveries.id, id), eq(deliveries.state, 'sending')),
        );
    },

    async markFailed(
      tx: DbOrTx,
      sellerId: string,
      id: string,
      code: number | null,
      error: string,
      reason: string,
    ) {
      await tx
        .update(deliveries)
        .set({ state: 'failed', leaseUntil: null, lastCode: code, lastError: error, reason })
        .where(and(eq(deliveries.sellerId, sellerId), eq(deliveries.id, id)));
    },

    async markSkipped(tx: DbOrTx, sellerId: string, ids: string[], reason: string) {
      if (ids.length === 0) return;
      await tx
        .update(deliveries)
        .set({ state: 'skipped', leaseUntil: null, reason })
        .where(and(eq(deliveries.sellerId, sellerId), inArray(deliveries.id, ids)));
    },

    /** NTF-7: records (or re-records after a reset) the failed address. */
    async upsertFailedAddress(tx: DbOrTx, row: typeof failedAddresses.$inferInsert) {
      await tx
        .insert(failedAddresses)
        .values({ ...row, resetAt: null })
        .onConflictDoUpdate({
          target: [failedAddresses.sellerId, failedAddresses.channel, failedAddresses.address],
          set: { reason: row.reason, evidence: row.evidence ?? null, failedAt: row.failedAt, resetAt: null },
        });
    },

    /** Pending deliveries to an address that just failed: they will not be tried (NTF-7). */
    async skipPendingTo(tx: DbOrTx, sellerId: string, channel: DeliveryChannel, address: string) {
      await tx
        .update(deliveries)
        .set({ state: 'skipped', reason: 'address_failed', leaseUntil: null })
        .where(
          and(
            eq(deliveries.sellerId, sellerId),
            eq(deliveries.channel, channel),
            eq(deliveries.address, address),
            eq(deliveries.state, 'pending'),
          ),
        );
    },

    async failedAddress(tx: DbOrTx, sellerId: string, channel: DeliveryChannel, address: string) {
      const [r] = await tx
        .select()
        .from(failedAddresses)
        .where(
          and(
            eq(failedAddresses.sellerId, sellerId),
            eq(failedAddresses.channel, channel),
            eq(failedAddresses.address, address),
          ),
        )
        .for('update');
      return r;
    },

    async resetFailedAddress(
      tx: DbOrTx,
      sellerId: string,
      channel: DeliveryChannel,
      address: string,
      at: Date,
    ) {
      await tx
        .update(failedAddresses)
        .set({ resetAt: at })
        .where(
          and(
            eq(failedAddresses.sellerId, sellerId),
            eq(failedAddresses.channel, channel),
            eq(failedAddresses.address, address),
            isNull(failedAddresses.resetAt),
          ),
        );
    },

    /**
     * NTF-7 reset: what was missed because of the address goes back to `pending`, each row once
     * (the same delivery row is re-queued, so its idempotency key still allows one send).
     */
    async requeueMissed(tx: DbOrTx, sellerId: string, channel: DeliveryChannel, address: string, at: Date) {
      const res = await tx
        .update(deliveries)
        .set({ state: 'pending', reason: null, nextAttemptAt: at, attempts: 0, lastError: null })
        .where(
          and(
            eq(deliveries.sellerId, sellerId),
            eq(deliveries.channel, channel),
            eq(deliveries.address, address),
            or(
              and(eq(deliveries.state, 'skipped'), eq(deliveries.reason, 'address_failed')),
              and(eq(deliveries.state, 'failed'), eq(deliveries.reason, 'address_failed')),
            ),
          ),
        )
        .returning({ id: deliveries.id });
      return res.length;
    },

    async failedAddressAlerts(sellerId: string): Promise<FailedAddressRow[]> {
      return db
        .select()
        .from(failedAddresses)
        .where(and(eq(failedAddresses.sellerId, sellerId), isNull(failedAddresses.resetAt)))
        .orderBy(desc(failedAddresses.failedAt));
    },

    async deliveryForBounce(deliveryId: string): Promise<DeliveryRow | undefined> {
      const [r] = await db.select().from(deliveries).where(eq(deliveries.id, deliveryId)).limit(1);
      return r;
    },

    /** NTF-10 in-app list: newest first, keyset cursor on (created_at, id). */
    async listNotifications(f: {
      sellerId: string;
      severity?: string;
      type?: string;
      read?: boolean;
      cursor?: { at: Date; id: string };
      limit: number;
    }): Promise<NotificationRow[]> {
      const where: SQL[] = [
        eq(notifications.sellerId, f.sellerId),
        sql`(${notifications.data}->>'inApp') is distinct from 'false'`,
      ];
      if (f.severity) where.push(eq(notifications.severity, f.severity as NotificationRow['severity']));
      if (f.type) where.push(eq(notifications.type, f.type));
      if (f.read === true) where.push(sql`${notifications.readAt} is not null`);
      if (f.read === false) where.push(isNull(notifications.readAt));
      if (f.cursor)
        where.push(
          or(
            lt(notifications.createdAt, f.cursor.at),
            and(eq(notifications.createdAt, f.cursor.at), lt(notifications.id, f.cursor.id)),
          ) as SQL,
        );
      return db
        .select()
        .from(notifications)
        .where(and(...where))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(f.limit);
    },

    async markRead(sellerId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
      const [r] = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
        .where(and(eq(notifications.sellerId, sellerId), eq(notifications.id, id)))
        .returning();
      return r;
    },

    /** NTF-8 delivery log: notifications (all, in-app or not) newest first, with their deliveries. */
    async deliveryLog(f: {
      sellerId: string;
      type?: string;
      cursor?: { at: Date; id: string };
      limit: number;
    }): Promise<{ notification: NotificationRow; deliveries: DeliveryRow[] }[]> {
      const where: SQL[] = [eq(notifications.sellerId, f.sellerId)];
      if (f.type) where.push(eq(notifications.type, f.type));
      if (f.cursor)
        where.push(
          or(
            lt(notifications.createdAt, f.cursor.at),
            and(eq(notifications.createdAt, f.cursor.at), lt(notifications.id, f.cursor.id)),
          ) as SQL,
        );
      const ns = await db
        .select()
        .from(notifications)
        .where(and(...where))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(f.limit);
      if (ns.length === 0) return [];
      const ds = await db
        .select()
        .from(deliveries)
        .where(
          and(
            eq(deliveries.sellerId, f.sellerId),
            inArray(
              deliveries.notificationId,
              ns.map((n) => n.id),
            ),
          ),
        )
        .orderBy(deliveries.createdAt, deliveries.id);
      return ns.map((n) => ({ notification: n, deliveries: ds.filter((d) => d.notificationId === n.id) }));
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}

function toClaimed(r: Record<string, unknown>): ClaimedDelivery {
  return {
    sellerId: String(r.seller_id),
    id: String(r.id),
    notificationId: String(r.notification_id),
    channel: r.channel as DeliveryChannel,
    address: String(r.address),
    idempotencyKey: String(r.idempotency_key),
    state: r.state as DeliveryRow['state'],
    reason: (r.reason as string | null) ?? null,
    attempts: Number(r.attempts),
    nextAttemptAt: toDate(r.next_attempt_at) as Date,
    leaseUntil: toDate(r.lease_until),
    lastError: (r.last_error as string | null) ?? null,
    lastCode: r.last_code === null || r.last_code === undefined ? null : Number(r.last_code),
    sentAt: toDate(r.sent_at),
    digestBatchId: (r.digest_batch_id as string | null) ?? null,
    createdAt: toDate(r.created_at) as Date,
    notification: {
      sellerId: String(r.seller_id),
      id: String(r.n_id),
      eventId: String(r.n_event_id),
      type: String(r.n_type),
      severity: r.n_severity as NotificationRow['severity'],
      data: (typeof r.n_data === 'string' ? JSON.parse(r.n_data) : r.n_data) as Record<string, unknown>,
      createdAt: toDate(r.n_created_at) as Date,
      readAt: toDate(r.n_read_at),
    },
  };
}
