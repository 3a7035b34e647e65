// The notification pipeline (NTF-7..10): outbox → fan-out (one notification, one delivery per
// recipient × channel) → send worker (claim with SKIP LOCKED and a lease, send through the
// channel's adapter, mark sent / retry with backoff / failed) → failed addresses and their reset.
import { monotonicFactory } from 'ulid';
import type { Clock } from '../../platform/clock.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import type {
  ChannelAdapter,
  ChannelAdapters,
  DeliveryChannel,
  DigestCollector,
  RenderedMessage,
  SendOutcome,
} from './channel.ts';
import { failureReasonText, renderNotification } from './email-templates.ts';
import { notificationType } from './notification-catalogue.ts';
import {
  type ClaimedDelivery,
  createNotificationsRepository,
  type DomainEventRow,
  insertDomainEvent,
  insertDomainEvents,
} from './notifications.repository.ts';
import { SMS_NOT_CONFIGURED } from './sms-channel.ts';
import { nextWebhookAttemptAt } from './webhook-retry.ts';
import { planRecipients, type Preference } from './recipients.ts';
import { nextAttemptAt } from './retry-schedule.ts';
import { classifySmtpFailure } from './smtp-failure.ts';

const eventUlid = monotonicFactory();

export type PublishedEvent = {
  /** null = not one seller's (operator notices fan out by their own code). */
  sellerId: string | null;
  /** Catalogue type id, e.g. `order.new`. */
  type: string;
  /** Makes a repeated cause one event, e.g. `order.new:<orderId>`. */
  dedupeKey: string;
  payload: Record<string, unknown>;
  /** Business time of the cause (the caller's clock); defaults to the database's time. */
  occurredAt?: Date;
};

/**
 * NTF-9: writes the event in the caller's transaction, so it exists if and only if its cause
 * committed. Returns false when the dedupe key was already published (a repeat is one event).
 */
export async function publishEvent(tx: DbOrTx, e: PublishedEvent): Promise<boolean> {
  return insertDomainEvent(tx, {
    id: `evt_${eventUlid()}`,
    sellerId: e.sellerId,
    type: e.type,
    dedupeKey: e.dedupeKey,
    payload: e.payload,
    occurredAt: e.occurredAt,
  });
}

/** NTF-9 for batches (sweeps): one statement, same guarantees; returns how many were new. */
export async function publishEvents(
  tx: DbOrTx,
  events: (PublishedEvent & { occurredAt: Date })[],
): Promise<number> {
  if (events.length === 0) return 0;
  return insertDomainEvents(
    tx,
    events.map((e) => ({
      id: `evt_${eventUlid()}`,
      sellerId: e.sellerId,
      type: e.type,
      dedupeKey: e.dedupeKey,
      payload: e.payload,
      occurredAt: e.occurredAt,
    })),
  );
}

/** Extra recipients of an event that do not live in preferences (SP-API subscriptions...). */
export type RecipientSource = (
  tx: DbOrTx,
  event: { sellerId: string; type: string; payload: Record<string, unknown> },
) => Promise<{ channel: DeliveryChannel; address: string }[]>;

/** Renders a delivery itself, or returns undefined to leave it to the type's template. */
function unsendableReason(channel: DeliveryChannel): string {
  return channel === 'sms' ? SMS_NOT_CONFIGURED : 'channel_not_configured';
}

export type CustomRenderer = (d: ClaimedDelivery) => Promise<RenderedMessage | undefined>;

export type NotificationsDeps = {
  db: Db;
  ids: Ids;
  /** Business time (the sandbox clock in sandbox mode). */
  clock: Clock;
  /** The seller's language (templates) — marketplaces.getSeller. */
  getSeller: (sellerId: string) => Promise<{ language: string }>;
  /** Default email recipients: the seller's users (identity.sellerContacts). */
  sellerContacts: (sellerId: string) => Promise<{ email: string; language: string }[]>;
  adapters?: ChannelAdapters;
  /** How long a claimed delivery stays ours; a crashed worker's rows are re-claimed after it. */
  leaseMs?: number;
};

export const FAN_OUT_BATCH = 500;
export const SEND_BATCH = 200;

export function createNotificationsService(deps: NotificationsDeps) {
  const { db, ids, clock } = deps;
  const repo = createNotificationsRepository(db);
  const adapters: ChannelAdapters = { ...(deps.adapters ?? {}) };
  const recipientSources: RecipientSource[] = [];
  let digests: DigestCollector | undefined;
  const renderers: CustomRenderer[] = [];
  const leaseMs = deps.leaseMs ?? 60_000;
  const wakeListeners = new Set<() => void>();
  const wake = () => {
    for (const l of wakeListeners) l();
  };

  /** Contacts are read outside the fan-out transaction (PGlite has one connection). */
  async function contactsFor(sellerIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const id of sellerIds)
      out.set(
        id,
        (await deps.sellerContacts(id)).map((c) => c.email),
      );
    return out;
  }

  /**
   * Fan-out (NTF-8/9): one transaction turns up to `limit` unprocessed events into their
   * notification and deliveries and marks them processed; a crash rolls all of it back.
   */
  async function fanOutBatch(limit = FAN_OUT_BATCH): Promise<number> {
    if (!(await repo.hasUnprocessedEvents())) return 0;
    const peek = await repo.peekEventSellers(limit);
    const contacts = await contactsFor(peek);
    const now = clock.now();
    let processed = 0;
    await db.transaction(async (tx) => {
      const events = (await repo.claimEvents(tx, limit)).filter(
        // An event of a seller whose contacts we did not read waits for the next round.
        (e) => e.sellerId === null || contacts.has(e.sellerId),
      );
      if (events.length === 0) return;
      const sellerIds = [...new Set(events.map((e) => e.sellerId).filter((s): s is string => !!s))];
      const prefs = new Map(
        (await repo.preferences(tx, sellerIds)).map((p) => [`${p.sellerId}:${p.type}`, p]),
      );
      const failed = new Set(
        (await repo.activeFailedAddresses(tx, sellerIds)).map(
          (f) => `${f.sellerId}:${f.channel}:${f.address}`,
        ),
      );
      const disabled = new Set(
        (await repo.disabledEndpoints(tx, sellerIds)).map((w) => `${w.sellerId}:${w.id}`),
      );
      const notificationRows: Parameters<typeof repo.insertNotifications>[1] = [];
      const deliveryRows: Parameters<typeof repo.insertDeliveries>[1] = [];
      const digestItems: {
        sellerId: string;
        deliveryId: string;
        type: string;
        channel: DeliveryChannel;
        address: string;
        frequency: 'daily' | 'weekly' | 'monthly';
      }[] = [];
      for (const e of events) {
        const type = notificationType(e.type);
        if (!type || !e.sellerId) continue; // unknown types / seller-less events: nothing to deliver
        const sellerId = e.sellerId;
        const extra = [];
        for (const src of recipientSources)
          extra.push(...(await src(tx, { sellerId, type: e.type, payload: e.payload })));
        const p = prefs.get(`${sellerId}:${e.type}`);
        const plan = planRecipients({
          type,
          preference: p ? (p as Preference) : undefined,
          contactEmails: contacts.get(sellerId) ?? [],
          extra,
          failed: prefixed(failed, sellerId),
          disabledEndpoints: prefixed(disabled, sellerId),
        });
        const notificationId = ids.next('ntf');
        notificationRows.push({
          sellerId,
          id: notificationId,
          eventId: e.id,
          type: e.type,
          severity: type.severity,
          data: { ...e.payload, inApp: plan.inApp },
          createdAt: e.occurredAt,
        });
        for (const d of plan.deliveries) {
          // NTF-7: the failure alert is not sent to the address that failed.
          if (e.type === 'account.delivery_failure' && d.address === e.payload.address) continue;
          const deliveryId = ids.next('dlv');
          deliveryRows.push({
            sellerId,
            id: deliveryId,
            notificationId,
            channel: d.channel,
            address: d.address,
            idempotencyKey: `${e.id}:${d.channel}:${d.address}`,
            // A channel this installation cannot send on (SMS without a provider) is skipped with
            // the reason instead of waiting for ever.
            state: d.state === 'pending' && !adapters[d.channel] ? 'skipped' : d.state,
            reason: d.state === 'pending' && !adapters[d.channel] ? unsendableReason(d.channel) : d.reason,
            nextAttemptAt: now,
            createdAt: now,
          });
          if (d.state === 'digest' && plan.frequency !== 'immediate')
            digestItems.push({
              sellerId,
              deliveryId,
              type: e.type,
              channel: d.channel,
              address: d.address,
              frequency: plan.frequency,
            });
        }
      }
      await repo.insertNotifications(tx, notificationRows);
      await repo.insertDeliveries(tx, deliveryRows);
      if (digests) {
        for (const item of digestItems) {
          const batchId = await digests.collect(tx, { ...item, at: now });
          if (batchId) await repo.setDigestBatch(tx, item.sellerId, item.deliveryId, batchId);
        }
      }
      await repo.markEventsProcessed(
        tx,
        events.map((e) => e.id),
        now,
      );
      processed = events.length;
    });
    if (processed > 0) wake();
    return processed;
  }

  // One lookup per seller at a time, cached 30 s: a batch of 200 deliveries of one seller must
  // not queue 200 seller reads (on PGlite's single connection they wait behind order writes).
  const sellerLanguage = new Map<string, { at: number; language: Promise<string> }>();
  function languageOf(sellerId: string): Promise<string> {
    const c = sellerLanguage.get(sellerId);
    const t = clock.now().getTime();
    if (c && t - c.at < 30_000 && t >= c.at) return c.language;
    const language = deps
      .getSeller(sellerId)
      .then((s) => s.language)
      .catch(() => 'en');
    sellerLanguage.set(sellerId, { at: t, language });
    return language;
  }

  /**
   * Send worker (NTF-8/9): claims due deliveries of one channel, sends them concurrently through
   * the channel's adapter, then records each outcome. A crash between send and record re-sends
   * only the rows of this batch (their lease expires), never anything recorded as sent.
   */
  async function sendBatch(channel: DeliveryChannel, limit = SEND_BATCH): Promise<number> {
    const adapter = adapters[channel];
    if (!adapter) return 0;
    const now = clock.now();
    const claimed = await repo.claimDue(now, new Date(now.getTime() + leaseMs), limit, [channel]);
    if (claimed.length === 0) return 0;
    // An address may have failed after these rows were planned: they are skipped, not sent.
    const failed = new Set(
      (await repo.activeFailedAddresses(db, [...new Set(claimed.map((d) => d.sellerId))])).map(
        (f) => `${f.sellerId}:${f.channel}:${f.address}`,
      ),
    );
    const toSkip = claimed.filter((d) => failed.has(`${d.sellerId}:${d.channel}:${d.address}`));
    for (const d of toSkip) await repo.markSkipped(db, d.sellerId, [d.id], 'address_failed');
    const toSend = claimed.filter((d) => !failed.has(`${d.sellerId}:${d.channel}:${d.address}`));
    const outcomes = await Promise.all(toSend.map((d) => sendOne(adapter, d)));
    const sent: { sellerId: string; id: string; code: number | null }[] = [];
    const after = clock.now();
    for (let i = 0; i < toSend.length; i++) {
      const d = toSend[i] as ClaimedDelivery;
      const o = outcomes[i] as SendOutcome;
      if (o.ok) {
        sent.push({ sellerId: d.sellerId, id: d.id, code: o.code ?? null });
        continue;
      }
      // Webhooks (and SP-API webhook destinations) follow the Standard Webhooks/Svix schedule.
      const retryAt = o.permanent
        ? null
        : d.channel === 'webhook' || d.channel === 'sp_api'
          ? nextWebhookAttemptAt(d.attempts, after)
          : nextAttemptAt(d.attempts, after);
      if (retryAt) await repo.markRetry(d.sellerId, d.id, retryAt, o.code ?? null, o.error);
      else await failDelivery(d, o);
    }
    await repo.markManySent(sent, after);
    return claimed.length;
  }

  async function sendOne(adapter: ChannelAdapter, d: ClaimedDelivery): Promise<SendOutcome> {
    try {
      const language = await languageOf(d.sellerId);
      let rendered: RenderedMessage | undefined;
      for (const r of renderers) {
        rendered = await r(d);
        if (rendered) break;
      }
      return await adapter.send({
        deliveryId: d.id,
        sellerId: d.sellerId,
        address: d.address,
        idempotencyKey: d.idempotencyKey,
        notification: {
          id: d.notification.id,
          eventId: d.notification.eventId,
          type: d.notification.type,
          severity: d.notification.severity,
          data: d.notification.data,
          createdAt: d.notification.createdAt,
        },
        rendered: rendered ?? renderNotification(d.notification.type, d.notification.data, language),
      });
    } catch (err) {
      // An adapter that throws (a bug, a dropped connection) is a temporary failure: retried.
      return { ok: false, permanent: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** A permanent failure: email and SMS addresses are marked failed (NTF-7); others just fail. */
  async function failDelivery(d: ClaimedDelivery, o: Extract<SendOutcome, { ok: false }>) {
    if (d.channel !== 'email' && d.channel !== 'sms') {
      await db.transaction((tx) =>
        repo.markFailed(tx, d.sellerId, d.id, o.code ?? null, o.error, 'channel_failed'),
      );
      return;
    }
    const reason = d.channel === 'email' ? classifySmtpFailure(o.code, o.error).reason : 'rejected';
    await failAddress(
      d.sellerId,
      d.channel,
      d.address,
      reason,
      o.code ? `${o.error}` : o.error,
      d.id,
      o.code ?? null,
    );
  }

  /**
   * NTF-7: the delivery fails with reason `address_failed` (so a reset re-queues it), the address
   * is recorded with its evidence, pending deliveries to it are skipped, and — the first time —
   * an `account.delivery_failure` notification is raised (in-app and the seller's other emails).
   */
  async function failAddress(
    sellerId: string,
    channel: DeliveryChannel,
    address: string,
    reason: string,
    evidence: string,
    deliveryId: string,
    code: number | null,
  ) {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const existing = await repo.failedAddress(tx, sellerId, channel, address);
      await repo.markFailed(tx, sellerId, deliveryId, code, evidence, 'address_failed');
      if (existing && existing.resetAt === null) return; // already failed: one alert
      await repo.upsertFailedAddress(tx, { sellerId, channel, address, reason, evidence, failedAt: now });
      await repo.skipPendingTo(tx, sellerId, channel, address);
      await publishEvent(tx, {
        sellerId,
        type: 'account.delivery_failure',
        dedupeKey: `account.delivery_failure:${sellerId}:${channel}:${address}:${now.toISOString()}`,
        payload: { channel, address, reason, evidence },
        occurredAt: now,
      });
    });
    wake();
  }

  return {
    publishEvent,
    fanOutBatch,
    sendBatch,
    /** Channels with an adapter (the send loops run one per channel, so a slow one blocks no other). */
    channels: (): DeliveryChannel[] =>
      (Object.keys(adapters) as DeliveryChannel[]).filter((c) => adapters[c]),
    /** Channel engineers plug their adapter here (composition root). */
    registerChannel(channel: DeliveryChannel, adapter: ChannelAdapter) {
      adapters[channel] = adapter;
    },
    /** SP-API subscriptions and the like add recipients to events. */
    registerRecipientSource(src: RecipientSource) {
      recipientSources.push(src);
    },
    /** The digest engineer's collector; without one, digest deliveries stay `digest`. */
    setDigestCollector(c: DigestCollector) {
      digests = c;
    },
    /** A renderer tried before the templates (digest carriers render their batch). */
    registerRenderer(r: CustomRenderer) {
      renderers.push(r);
    },
    /** Wakes the send loops at once (after a fan-out, a reset). */
    onWake(listener: () => void): () => void {
      wakeListeners.add(listener);
      return () => wakeListeners.delete(listener);
    },
    wake,

    /** NTF-7: marks an address failed from outside the send path (an inbound bounce, a provider). */
    failAddress,

    /**
     * NTF-7 bounce: the inbound mail server maps `bounce+<deliveryId>@…` back to the delivery; a
     * permanent status marks its address failed. Returns false when the delivery is unknown.
     */
    async recordBounce(deliveryId: string, b: { code?: number | null; evidence: string }): Promise<boolean> {
      const d = await repo.deliveryForBounce(deliveryId);
      if (!d) return false;
      const c = classifySmtpFailure(b.code ?? null, b.evidence);
      // A delayed-delivery DSN (4.x.x) is information, not a failure.
      if (!c.permanent) return true;
      const reason = c.reason === 'rejected' ? 'bounce' : c.reason;
      await failAddress(d.sellerId, d.channel, d.address, reason, b.evidence, d.id, b.code ?? null);
      return true;
    },

    /**
     * NTF-7 reset: clears the alert and re-queues what was missed because of the address (each
     * delivery once: the same rows go back to pending).
     */
    async resetFailedAddress(sellerId: string, channel: DeliveryChannel, address: string) {
      const now = clock.now();
      const requeued = await db.transaction(async (tx) => {
        const f = await repo.failedAddress(tx, sellerId, channel, address);
        if (!f || f.resetAt !== null)
          throw notFound(
            'FAILED_ADDRESS_NOT_FOUND',
            `${address} is not marked as failed, so there is nothing to reset.`,
          );
        await repo.resetFailedAddress(tx, sellerId, channel, address, now);
        return repo.requeueMissed(tx, sellerId, channel, address, now);
      });
      wake();
      return { address, channel, requeued };
    },

    /** The home page's alert boxes: failed addresses not reset, with a readable reason. */
    async failedAddressAlerts(sellerId: string, language = 'en') {
      const rows = await repo.failedAddressAlerts(sellerId);
      return rows.map((r) => ({
        channel: r.channel,
        address: r.address,
        reason: r.reason,
        reasonText: failureReasonText(r.reason, language),
        evidence: r.evidence,
        failedAt: r.failedAt.toISOString(),
      }));
    },

    /**
     * NTF-7: the home page's alert boxes (the shape of /api/home's alerts): one per failed address
     * not reset, code EMAIL_DELIVERY_FAILED (SMS_DELIVERY_FAILED...), params address and reason.
     */
    async homeAlerts(sellerId: string) {
      const rows = await repo.failedAddressAlerts(sellerId);
      return rows.map((r) => ({
        severity: 'critical' as const,
        code: `${r.channel.toUpperCase()}_DELIVERY_FAILED`,
        message: `We could not deliver notifications to ${r.address} (${failureReasonText(r.reason, 'en')}). Nothing more is sent there until you reset it in Notification Preferences.`,
        params: { address: r.address, reason: r.reason },
        link: '/settings/notifications',
      }));
    },

    listNotifications: repo.listNotifications,
    deliveryLog: repo.deliveryLog,
    async markRead(sellerId: string, id: string) {
      const r = await repo.markRead(sellerId, id, clock.now());
      if (!r) throw notFound('NOTIFICATION_NOT_FOUND', 'This notification does not exist.');
      return r;
    },
    countUnprocessedEvents: repo.countUnprocessedEvents,
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/** The subset of `seller:key` entries of one seller, as bare keys. */
function prefixed(set: ReadonlySet<string>, sellerId: string): ReadonlySet<string> {
  const p = `${sellerId}:`;
  const out = new Set<string>();
  for (const k of set) if (k.startsWith(p)) out.add(k.slice(p.length));
  return out;
}

export type { DomainEventRow };
