// Notifications (NTF-1..10): the outbox of domain events, the notifications they become, one
// delivery per recipient and channel, digests, failed addresses, seller preferences, webhook
// endpoints, and SP-API Notifications v1 destinations and subscriptions. Every seller-owned table
// leads its keys with seller_id (DESIGN: ready for sharding by seller).
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * NTF-9 outbox: written in the same transaction as its cause (an order placed, a refund...). The
 * fan-out worker turns each row into a notification and its deliveries, once (processed_at).
 * `dedupe_key` makes a repeated cause (a retried request, a sweep run twice) one event.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id'),
    /** Catalogue type id (notification-catalogue.ts), e.g. `order.new`. */
    type: text('type').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('domain_events_dedupe_key').on(t.dedupeKey),
    index('domain_events_unprocessed_idx').on(t.occurredAt).where(sql`processed_at is null`),
  ],
);

/** One notification per event and seller: the in-app list (NTF-10) and the delivery log (NTF-8). */
export const notifications = pgTable(
  'notifications',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    severity: text('severity').$type<'critical' | 'warning' | 'info'>().notNull(),
    /** The values templates render (order id, items...); never buyer PII beyond what sellers see. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.id] }),
    uniqueIndex('notifications_event_key').on(t.sellerId, t.eventId),
    index('notifications_seller_created_idx').on(t.sellerId, t.createdAt),
  ],
);

export type DeliveryChannel = 'email' | 'sms' | 'webhook' | 'sp_api';
export type DeliveryState =
  | 'pending' // waiting for its attempt (next_attempt_at)
  | 'sending' // claimed by a worker until lease_until
  | 'sent' // accepted by the SMTP server / provider / endpoint
  | 'failed' // permanent failure, or temporary failures past the retry limit
  | 'skipped' // not sent, with `reason` (disabled type, failed address, disabled endpoint...)
  | 'digest'; // collected into a digest batch (digest_batch_id)

/**
 * NTF-8/9: one row per notification × channel × address. `idempotency_key` is unique: the fan-out
 * can run twice and still write one delivery; the send worker claims rows with a lease, so a crash
 * re-sends at most the deliveries that were in flight.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    notificationId: text('notification_id').notNull(),
    channel: text('channel').$type<DeliveryChannel>().notNull(),
    /** Email address, E.164 phone, webhook endpoint id or SP-API destination id. */
    address: text('address').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    state: text('state').$type<DeliveryState>().notNull(),
    reason: text('reason'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** SMTP reply code or HTTP status of the last attempt. */
    lastCode: integer('last_code'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    digestBatchId: text('digest_batch_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.id] }),
    uniqueIndex('deliveries_idempotency_key').on(t.idempotencyKey),
    index('deliveries_notification_idx').on(t.sellerId, t.notificationId),
    // The send worker's queue: only rows that still need work are in this index.
    index('deliveries_due_idx').on(t.nextAttemptAt).where(sql`state in ('pending', 'sending')`),
    index('deliveries_failed_address_idx').on(t.sellerId, t.channel, t.address, t.state),
    // NTF-6: a digest's items (and its latest item at flush) by batch; without it each flush scans.
    index('deliveries_digest_batch_idx')
      .on(t.sellerId, t.digestBatchId)
      .where(sql`digest_batch_id is not null`),
  ],
);

/** NTF-6 digests: one open batch per seller × type × channel × address × window (unique). */
export const digestBatches = pgTable(
  'digest_batches',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    type: text('type').notNull(),
    channel: text('channel').$type<DeliveryChannel>().notNull(),
    address: text('address').notNull(),
    frequency: text('frequency').$type<'daily' | 'weekly' | 'monthly'>().notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    /** When the batch is flushed: the end of the window in the seller's time zone. */
    flushAt: timestamp('flush_at', { withTimezone: true }).notNull(),
    state: text('state').$type<'open' | 'flushed'>().notNull(),
    itemCount: integer('item_count').notNull().default(0),
    /** The delivery that carries the digest once flushed. */
    deliveryId: text('delivery_id'),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.id] }),
    uniqueIndex('digest_batches_window_key').on(t.sellerId, t.type, t.channel, t.address, t.windowStart),
    index('digest_batches_due_idx').on(t.flushAt).where(sql`state = 'open'`),
  ],
);

/**
 * NTF-7: an address that failed for good (5xx, a bounce, or temporary failures past the limit).
 * Nothing more is sent to it until the seller resets it (reset_at); the home page shows the alert
 * while reset_at is null.
 */
export const failedAddresses = pgTable(
  'failed_addresses',
  {
    sellerId: text('seller_id').notNull(),
    channel: text('channel').$type<DeliveryChannel>().notNull(),
    address: text('address').notNull(),
    reason: text('reason').notNull(),
    /** The SMTP/HTTP evidence, e.g. `552 5.2.2 mailbox full`. */
    evidence: text('evidence'),
    failedAt: timestamp('failed_at', { withTimezone: true }).notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.channel, t.address] })],
);

/** NTF-1/3/6, PERF-7: the seller's choice per notification type (absent row = the type's defaults). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    sellerId: text('seller_id').notNull(),
    type: text('type').notNull(),
    enabled: boolean('enabled').notNull(),
    frequency: text('frequency').$type<'immediate' | 'daily' | 'weekly' | 'monthly'>().notNull(),
    emails: jsonb('emails').$type<string[]>().notNull().default([]),
    phones: jsonb('phones').$type<string[]>().notNull().default([]),
    /** Webhook endpoint ids (webhook_endpoints) that receive this type. */
    webhooks: jsonb('webhooks').$type<string[]>().notNull().default([]),
    inApp: boolean('in_app').notNull().default(true),
    /** PERF-7: metrics watched and the minimum severity (performance types only). */
    metrics: jsonb('metrics').$type<string[]>(),
    minSeverity: text('min_severity').$type<'critical' | 'warning' | 'info'>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.type] })],
);

/** Seller webhook endpoints, signed with Standard Webhooks; a 410 answer disables one (NTF-6). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    url: text('url').notNull(),
    /** `whsec_…` (base64 secret), shown once to the seller. */
    secret: text('secret').notNull(),
    description: text('description'),
    status: text('status').$type<'active' | 'disabled'>().notNull(),
    disabledReason: text('disabled_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.id] })],
);

/** SP-API Notifications v1 destinations (grantless: per developer application). */
export const spApiDestinations = pgTable(
  'sp_api_destinations',
  {
    id: text('id').primaryKey(),
    /** The LWA client id of the application that created it. */
    clientId: text('client_id').notNull(),
    name: text('name').notNull(),
    /** `sqs` {arn}, `eventBridge` {accountId, region}, or Mercato's `webhook` {url, secret}. */
    resourceType: text('resource_type').$type<'sqs' | 'eventBridge' | 'webhook'>().notNull(),
    resource: jsonb('resource').$type<Record<string, string>>().notNull(),
    /** sqs/eventBridge are stored but need AWS to deliver: `needs_aws`. */
    status: text('status').$type<'active' | 'needs_aws' | 'disabled'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sp_api_destinations_client_idx').on(t.clientId)],
);

/** SP-API Notifications v1 subscriptions: one per seller × application × notificationType. */
export const spApiSubscriptions = pgTable(
  'sp_api_subscriptions',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    clientId: text('client_id').notNull(),
    notificationType: text('notification_type').notNull(),
    destinationId: text('destination_id').notNull(),
    payloadVersion: text('payload_version').notNull(),
    processingDirective: jsonb('processing_directive').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('sp_api_subscriptions_key').on(t.sellerId, t.clientId, t.notificationType)],
);

/** Account notices (business updates, planned outages) the operator publishes (NTF-2 Account). */
export const accountNotices = pgTable('account_notices', {
  id: text('id').primaryKey(),
  /** null = every marketplace. */
  marketplaceId: text('marketplace_id'),
  kind: text('kind')
    .$type<'business_update' | 'new_feature' | 'planned_outage' | 'technical_issue'>()
    .notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  publishedBy: text('published_by').notNull(),
});
