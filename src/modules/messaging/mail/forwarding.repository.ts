// The forwarding outbox over the messages table (MSG-3/4): due `pending` rows are claimed with
// SKIP LOCKED and a lease; claiming moves forward_next_at to the lease's end, so a row whose
// worker died (crash between storing and forwarding, or mid-send) is simply due again after the
// lease, and is sent by exactly one worker.
import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../platform/db/database.ts';
import { messages, messagingUploads } from '../messaging.tables.ts';
import type { MessageDirection, StoredAttachment } from '../messaging.tables.ts';

export type ClaimedForward = {
  sellerId: string;
  id: string;
  threadId: string;
  buyerId: string;
  direction: MessageDirection;
  subject: string | null;
  body: string;
  attachments: StoredAttachment[];
  attempts: number;
  createdAt: Date;
  /** What the forwarded copy needs, read with the claim (one statement instead of five). */
  thread: { subject: string; amazonOrderId: string | null } | null;
  buyer: { name: string; email: string } | null;
  /** The pair's aliases when both are stored (else the caller ensures them). */
  aliases: { buyerAlias: string; sellerAlias: string } | null;
  /** Up to 10 earlier accepted messages of the thread, newest first (In-Reply-To / References). */
  previousIds: string[];
};

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

export function createForwardingRepository(
  db: Db,
  ports: { buyer(id: string): Promise<{ email: string; name: string } | undefined> },
) {
  return {
    async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedForward[]> {
      const rows = await queryRows<Record<string, unknown>>(
        db,
        sql`with due as (
              select seller_id, id from messages
              where forward_status = 'pending'
                and (forward_next_at <= ${now.toISOString()}::timestamptz or forward_next_at is null)
              order by forward_next_at nulls first
              limit ${limit}
              for update skip locked
            )
            update messages m set forward_lease_until = ${leaseUntil.toISOString()}::timestamptz,
              forward_next_at = ${leaseUntil.toISOString()}::timestamptz,
              forward_attempts = m.forward_attempts + 1
            from due where m.seller_id = due.seller_id and m.id = due.id
            returning m.seller_id, m.id, m.thread_id, m.buyer_id, m.direction, m.subject, m.body,
              m.attachments, m.forward_attempts, m.created_at,
              (select json_build_object('subject', t.subject, 'amazonOrderId', t.amazon_order_id)
                 from message_threads t where t.seller_id = m.seller_id and t.id = m.thread_id) as thread,
              (select json_build_object('name', b.name, 'email', b.email)
                 from buyers b where b.id = m.buyer_id) as buyer,
              (select json_object_agg(r.party, r.address)
                 from relay_addresses r where r.seller_id = m.seller_id and r.buyer_id = m.buyer_id) as aliases,
              (select coalesce(json_agg(prev.id order by prev.created_at desc, prev.id desc), '[]'::json)
                 from (select p.id, p.created_at from messages p
                        where p.seller_id = m.seller_id and p.thread_id = m.thread_id
                          and p.status = 'accepted' and (p.created_at, p.id) < (m.created_at, m.id)
                        order by p.created_at desc, p.id desc limit 10) prev) as previous_ids`,
      );
      return rows.map((r) => {
        const aliases = json<{ buyer?: string; seller?: string } | null>(r.aliases);
        return {
          sellerId: String(r.seller_id),
          id: String(r.id),
          threadId: String(r.thread_id),
          buyerId: String(r.buyer_id),
          direction: r.direction as MessageDirection,
          subject: (r.subject as string | null) ?? null,
          body: String(r.body),
          attachments: (typeof r.attachments === 'string'
            ? JSON.parse(r.attachments)
            : r.attachments) as StoredAttachment[],
          attempts: Number(r.forward_attempts),
          createdAt: toDate(r.created_at),
          thread: json<ClaimedForward['thread']>(r.thread) ?? null,
          buyer: json<ClaimedForward['buyer']>(r.buyer) ?? null,
          aliases:
            aliases?.buyer && aliases.seller
              ? { buyerAlias: aliases.buyer, sellerAlias: aliases.seller }
              : null,
          previousIds: json<string[] | null>(r.previous_ids) ?? [],
        };
      });
    },

    /** The outcome, only while this worker still holds the lease it claimed with. */
    async finish(
      m: { sellerId: string; id: string },
      leaseUntil: Date,
      set:
        | { status: 'sent'; at: Date }
        | { status: 'failed'; error: string }
        | { status: 'pending'; nextAt: Date; error: string }
        | { status: 'not_needed'; error: string },
    ): Promise<boolean> {
      const values =
        set.status === 'sent'
          ? { forwardStatus: 'sent' as const, forwardedAt: set.at, forwardError: null, forwardNextAt: null }
          : set.status === 'pending'
            ? { forwardStatus: 'pending' as const, forwardNextAt: set.nextAt, forwardError: set.error }
            : { forwardStatus: set.status, forwardError: set.error, forwardNextAt: null };
      const r = await db
        .update(messages)
        .set({ ...values, forwardLeaseUntil: null })
        .where(
          and(
            eq(messages.sellerId, m.sellerId),
            eq(messages.id, m.id),
            eq(messages.forwardStatus, 'pending'),
            eq(messages.forwardLeaseUntil, leaseUntil),
          ),
        )
        .returning({ id: messages.id });
      return r.length > 0;
    },

    buyer: ports.buyer,

    async upload(sellerId: string, id: string) {
      const [u] = await db
        .select({ data: messagingUploads.data, contentType: messagingUploads.contentType })
        .from(messagingUploads)
        .where(and(eq(messagingUploads.sellerId, sellerId), eq(messagingUploads.id, id)));
      return u;
    },

    async pendingCount(): Promise<number> {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(messages)
        .where(eq(messages.forwardStatus, 'pending'));
      return r?.n ?? 0;
    },
  };
}

export type ForwardingRepository = ReturnType<typeof createForwardingRepository>;
