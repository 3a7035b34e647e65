// Buyer–seller messaging (MSG-1..16): threads, messages, relay addresses, the forwarding outbox,
// uploads (SP-API Uploads for attachments), the operator's extra policy phrases and the seller's
// Customer Service Reply-to verification. Every seller-owned table leads its keys with seller_id
// (DESIGN: ready for sharding by seller).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Who wrote a message. `system`: Mercato itself (reply-deadline notice, delivery problems). */
export type MessageDirection = 'buyer_to_seller' | 'seller_to_buyer' | 'system';
/** How it reached us: the web pages, mail to a relay address, or the SP-API. */
export type MessageChannel = 'web' | 'email' | 'sp_api';
/** Contact This Seller topics (MSG-1) and `order` for threads about one order. */
export type ThreadTopic = 'product_details' | 'shipping' | 'returns_policy' | 'other' | 'order';
/**
 * `accepted`: stored and (when it has a recipient) forwarded. `blocked`: a seller message that
 * failed the policy, kept only when it came by mail (the web and SP-API refuse it without
 * storing) so the seller sees why it did not go out.
 */
export type MessageStatus = 'accepted' | 'blocked';
export type ForwardStatus = 'pending' | 'sent' | 'failed' | 'not_needed';

/** One violation of the policy engine, stored with blocked messages and redactions. */
export type StoredViolation = { rule: string; start: number; end: number; message: string };
export type StoredAttachment = { uploadId: string; fileName: string; contentType: string; size: number };

/**
 * A conversation of one buyer with one seller about one order, or (before an order) about one
 * Contact This Seller topic. Response-time state (MSG-14/15) lives here so the inbox can sort
 * "unanswered first" and the sweep can find overdue threads by index.
 */
export const messageThreads = pgTable(
  'message_threads',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    buyerId: text('buyer_id').notNull(),
    marketplaceId: text('marketplace_id').notNull(),
    /** Internal order id (`ord_…`) and its public id, for order threads. */
    orderId: text('order_id'),
    amazonOrderId: text('amazon_order_id'),
    topic: text('topic').$type<ThreadTopic>().notNull(),
    /** MSG-1: the subject line (localized per marketplace) of the first message. */
    subject: text('subject').notNull(),
    /** Optional product the pre-order question is about (ASIN or SKU). */
    productRef: text('product_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull(),
    lastMessageDirection: text('last_message_direction').$type<MessageDirection>().notNull(),
    /** A short plain-text excerpt of the last accepted message, for the inbox list. */
    lastMessagePreview: text('last_message_preview').notNull().default(''),
    messageCount: integer('message_count').notNull().default(0),
    /** MSG-14: the oldest unanswered buyer message's due time; null when nothing is awaited. */
    responseDueAt: timestamp('response_due_at', { withTimezone: true }),
    /** MSG-14: the overdue notification for the current due time was published. */
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    /** MSG-15: the buyer was told the order will be cancelled without an answer by then. */
    replyDeadlineAt: timestamp('reply_deadline_at', { withTimezone: true }),
    replyDeadlineRemindedAt: timestamp('reply_deadline_reminded_at', { withTimezone: true }),
    sellerUnread: boolean('seller_unread').notNull().default(false),
    buyerUnread: boolean('buyer_unread').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.id] }),
    // One thread per buyer, seller and order — or per pre-order topic.
    uniqueIndex('message_threads_key').on(
      t.sellerId,
      t.buyerId,
      sql`coalesce(${t.orderId}, '')`,
      t.topic,
      sql`coalesce(${t.productRef}, '')`,
    ),
    index('message_threads_seller_last_idx').on(t.sellerId, t.lastMessageAt, t.id),
    index('message_threads_seller_due_idx')
      .on(t.sellerId, t.responseDueAt)
      .where(sql`response_due_at is not null`),
    // The overdue sweep (all sellers) and the reply-deadline sweep read small partial indexes.
    index('message_threads_due_unnotified_idx')
      .on(t.responseDueAt)
      .where(sql`response_due_at is not null and overdue_notified_at is null`),
    index('message_threads_reply_deadline_idx')
      .on(t.replyDeadlineAt)
      .where(sql`reply_deadline_at is not null and reply_deadline_reminded_at is null`),
    index('message_threads_buyer_idx').on(t.buyerId, t.lastMessageAt),
    index('message_threads_seller_order_idx').on(t.sellerId, t.amazonOrderId),
  ],
);

export const messages = pgTable(
  'messages',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    threadId: text('thread_id').notNull(),
    buyerId: text('buyer_id').notNull(),
    /** Internal order id, copied from the thread (the solicitation/once-per-order rules). */
    orderId: text('order_id'),
    direction: text('direction').$type<MessageDirection>().notNull(),
    channel: text('channel').$type<MessageChannel>().notNull(),
    /**
     * The purpose: `contact_seller` (MSG-1), `reply`, an SP-API message type
     * (`confirmOrderDetails`, `unexpectedProblem`, …), a template (`order_unavailable`,
     * `delay_notice`, `return_confirmation`), `productReviewAndSellerFeedback`, `reply_deadline`.
     */
    kind: text('kind').notNull(),
    status: text('status').$type<MessageStatus>().notNull(),
    subject: text('subject'),
    /** What the recipient sees (buyer messages: contact details already redacted, MSG-11/16). */
    body: text('body').notNull(),
    /** Policy violations (blocked) or redactions (buyer messages), with spans into `body`. */
    violations: jsonb('violations').$type<StoredViolation[]>().notNull().default([]),
    /** MSG-5: mail that claims to be from the marketplace but is not plain text. */
    suspectedPhishing: boolean('suspected_phishing').notNull().default(false),
    attachments: jsonb('attachments').$type<StoredAttachment[]>().notNull().default([]),
    /** Who wrote it: a seller user id, `app:<id>` (SP-API), a buyer id, or `email`. */
    author: text('author').notNull(),
    /** RFC 5322 Message-ID: ours for what we forward, the sender's for mail received. */
    emailMessageId: text('email_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** MSG-14 (buyer messages): due time, the seller's reply, or "no response needed". */
    responseDueAt: timestamp('response_due_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    noResponseNeededAt: timestamp('no_response_needed_at', { withTimezone: true }),
    /** The forwarding outbox: mail to the other party's real address (MSG-3/4). */
    forwardStatus: text('forward_status').$type<ForwardStatus>().notNull(),
    forwardAttempts: integer('forward_attempts').notNull().default(0),
    forwardNextAt: timestamp('forward_next_at', { withTimezone: true }),
    forwardLeaseUntil: timestamp('forward_lease_until', { withTimezone: true }),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    forwardError: text('forward_error'),
    /** The buyer read it (seller messages) / the seller read it (buyer messages). */
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.id] }),
    index('messages_thread_idx').on(t.sellerId, t.threadId, t.createdAt),
    // Mail received twice (an SMTP retry after a lost 250) is one message.
    uniqueIndex('messages_email_message_id_key')
      .on(t.sellerId, t.emailMessageId)
      .where(sql`email_message_id is not null`),
    // Solicitations v1: one productReviewAndSellerFeedback per order.
    uniqueIndex('messages_one_solicitation_per_order')
      .on(t.sellerId, t.orderId)
      .where(sql`kind = 'productReviewAndSellerFeedback' and status = 'accepted'`),
    // The forwarding worker's queue.
    index('messages_forward_pending_idx').on(t.forwardNextAt).where(sql`forward_status = 'pending'`),
    // PERF-6: buyer messages by time, per seller.
    index('messages_seller_buyer_msgs_idx')
      .on(t.sellerId, t.createdAt)
      .where(sql`direction = 'buyer_to_seller'`),
    // Flood control: messages per buyer in the last hour.
    index('messages_buyer_created_idx').on(t.buyerId, t.createdAt),
  ],
);

/**
 * MSG-4: stable anonymised addresses. For each buyer–seller pair two aliases: `buyer` (what the
 * seller sees and writes to; the one orders already carry as buyer_relay_email) and `seller`
 * (what the buyer sees and writes to). Inbound mail is accepted at RCPT only for these.
 */
export const relayAddresses = pgTable(
  'relay_addresses',
  {
    address: text('address').primaryKey(),
    sellerId: text('seller_id').notNull(),
    buyerId: text('buyer_id').notNull(),
    /** Whose real address hides behind this alias. */
    party: text('party').$type<'buyer' | 'seller'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('relay_addresses_pair_key').on(t.sellerId, t.buyerId, t.party)],
);

/** SP-API Uploads 2020-11-01 destinations: attachment bytes for Messaging v1 (≤ 10 MB). */
export const messagingUploads = pgTable(
  'messaging_uploads',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    /** The `{resource}` path the destination was created for. */
    resource: text('resource').notNull(),
    contentMd5: text('content_md5').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }),
    data: bytea('data'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.id] })],
);

/** Operator-added phrases per marketplace (MSG-9/10/11), applied without a deploy. */
export const policyPhrases = pgTable(
  'policy_phrases',
  {
    id: text('id').primaryKey(),
    marketplaceId: text('marketplace_id').notNull(),
    /** The rule the phrase belongs to: `marketing`, `review_manipulation`, `off_platform`, `opt_out`. */
    rule: text('rule').notNull(),
    /** Plain phrase, matched on the canonicalised text (case/width folded). */
    phrase: text('phrase').notNull(),
    language: text('language'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('policy_phrases_key').on(t.marketplaceId, t.rule, t.phrase)],
);

/** MSG-3: the verification link sent to a seller's Customer Service Reply-to address. */
export const customerServiceEmailVerifications = pgTable('customer_service_email_verifications', {
  tokenHash: text('token_hash').primaryKey(),
  sellerId: text('seller_id').notNull(),
  email: text('email').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
