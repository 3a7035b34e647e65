// The only file that knows the messaging tables (threads, messages, relay addresses). Buyers'
// names are read by id from the buyers table (display only; MSG-16: never their addresses).
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { type Db, type DbOrTx, queryRows } from '../../platform/db/database.ts';
import { messageThreads, messages, relayAddresses } from './messaging.tables.ts';
import type { InboxFilter } from './messaging.types.ts';

export type ThreadRow = typeof messageThreads.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type RelayRow = typeof relayAddresses.$inferSelect;
/** A thread with what its summary shows beside it. */
export type ThreadListRow = ThreadRow & { buyerName: string; buyerRelay: string; noResponseNeeded: boolean };

// Subqueries name the outer table explicitly: drizzle renders bare column names in one-table
// selects, which inside a subquery would bind to the inner table's same-named column.
const T = 'message_threads';
const buyerName = sql<string>`coalesce((select b.name from buyers b where b.id = ${sql.raw(`${T}.buyer_id`)}), '')`;
const buyerRelay = sql<string>`coalesce((select r.address from relay_addresses r where r.seller_id = ${sql.raw(`${T}.seller_id`)} and r.buyer_id = ${sql.raw(`${T}.buyer_id`)} and r.party = 'buyer'), '')`;
/** A thread whose buyer messages were (some) marked "no response needed" and nothing awaits. */
const noResponseNeeded = sql<boolean>`(${sql.raw(`${T}.response_due_at`)} is null and exists (select 1 from messages m where m.seller_id = ${sql.raw(`${T}.seller_id`)} and m.thread_id = ${sql.raw(`${T}.id`)} and m.no_response_needed_at is not null))`;

const listColumns = { t: messageThreads, buyerName, buyerRelay, noResponseNeeded };
const flat = (r: {
  t: ThreadRow;
  buyerName: string;
  buyerRelay: string;
  noResponseNeeded: boolean;
}): ThreadListRow => ({
  ...r.t,
  buyerName: r.buyerName,
  buyerRelay: r.buyerRelay,
  noResponseNeeded: Boolean(r.noResponseNeeded),
});
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

function filterCondition(filter: InboxFilter, now: Date): SQL | undefined {
  switch (filter) {
    case 'awaiting':
      return isNotNull(messageThreads.responseDueAt);
    case 'overdue':
      return and(isNotNull(messageThreads.responseDueAt), lte(messageThreads.responseDueAt, now));
    case 'no_response_needed':
      return noResponseNeeded;
    case 'unread':
      return eq(messageThreads.sellerUnread, true);
    default:
      return undefined;
  }
}

/** Keyset position in "unanswered first" order: awaiting by due time, then the rest by last message. */
export type InboxCursor = { due: string | null; last: string; id: string };

export function createMessagingRepository(db: Db) {
  return {
    async thread(on: DbOrTx, sellerId: string, threadId: string): Promise<ThreadRow | undefined> {
      const [t] = await on
        .select()
        .from(messageThreads)
        .where(and(eq(messageThreads.sellerId, sellerId), eq(messageThreads.id, threadId)))
        .limit(1);
      return t;
    },

    async threadListRow(sellerId: string, threadId: string): Promise<ThreadListRow | undefined> {
      const [r] = await db
        .select(listColumns)
        .from(messageThreads)
        .where(and(eq(messageThreads.sellerId, sellerId), eq(messageThreads.id, threadId)))
        .limit(1);
      return r ? flat(r) : undefined;
    },

    async threadByIdForBuyer(buyerId: string, threadId: string): Promise<ThreadRow | undefined> {
      const [t] = await db
        .select()
        .from(messageThreads)
        .where(and(eq(messageThreads.buyerId, buyerId), eq(messageThreads.id, threadId)))
        .limit(1);
      return t;
    },

    async threadByKey(
      on: DbOrTx,
      k: {
        sellerId: string;
        buyerId: string;
        orderId: string | null;
        topic: string;
        productRef: string | null;
      },
    ): Promise<ThreadRow | undefined> {
      const [t] = await on
        .select()
        .from(messageThreads)
        .where(
          and(
            eq(messageThreads.sellerId, k.sellerId),
            eq(messageThreads.buyerId, k.buyerId),
            sql`coalesce(${messageThreads.orderId}, '') = ${k.orderId ?? ''}`,
            eq(messageThreads.topic, k.topic as ThreadRow['topic']),
            sql`coalesce(${messageThreads.productRef}, '') = ${k.productRef ?? ''}`,
          ),
        )
        .limit(1);
      return t;
    },

    /** Inserts unless the unique key exists (a concurrent first message): the caller re-reads. */
    async insertThread(on: DbOrTx, row: typeof messageThreads.$inferInsert): Promise<boolean> {
      const r = await on
        .insert(messageThreads)
        .values(row)
        .onConflictDoNothing()
        .returning({ id: messageThreads.id });
      return r.length > 0;
    },

    async updateThread(
      on: DbOrTx,
      sellerId: string,
      threadId: string,
      set: Partial<ThreadRow> | Record<string, unknown>,
    ) {
      const [t] = await on
        .update(messageThreads)
        .set(set as Partial<ThreadRow>)
        .where(and(eq(messageThreads.sellerId, sellerId), eq(messageThreads.id, threadId)))
        .returning();
      return t as ThreadRow;
    },

    /** false: the Message-ID was stored already (mail redelivered). */
    async insertMessage(on: DbOrTx, row: typeof messages.$inferInsert): Promise<MessageRow | undefined> {
      const [m] = await on.insert(messages).values(row).onConflictDoNothing().returning();
      return m;
    },

    async messageByEmailId(sellerId: string, emailMessageId: string): Promise<MessageRow | undefined> {
      const [m] = await db
        .select()
        .from(messages)
        .where(and(eq(messages.sellerId, sellerId), eq(messages.emailMessageId, emailMessageId)))
        .limit(1);
      return m;
    },

    async threadMessages(sellerId: string, threadId: string): Promise<MessageRow[]> {
      return db
        .select()
        .from(messages)
        .where(and(eq(messages.sellerId, sellerId), eq(messages.threadId, threadId)))
        .orderBy(asc(messages.createdAt), asc(messages.id));
    },

    /** MSG-14: the seller answered: every awaiting buyer message of the thread is responded. */
    async markResponded(on: DbOrTx, sellerId: string, threadId: string, at: Date): Promise<void> {
      await on
        .update(messages)
        .set({ respondedAt: at })
        .where(
          and(
            eq(messages.sellerId, sellerId),
            eq(messages.threadId, threadId),
            eq(messages.direction, 'buyer_to_seller'),
            isNull(messages.respondedAt),
            isNull(messages.noResponseNeededAt),
          ),
        );
    },

    async markNoResponseNeeded(on: DbOrTx, sellerId: string, threadId: string, at: Date): Promise<number> {
      const r = await on
        .update(messages)
        .set({ noResponseNeededAt: at })
        .where(
          and(
            eq(messages.sellerId, sellerId),
            eq(messages.threadId, threadId),
            eq(messages.direction, 'buyer_to_seller'),
            isNull(messages.respondedAt),
            isNull(messages.noResponseNeededAt),
          ),
        )
        .returning({ id: messages.id });
      return r.length;
    },

    /** The reader opened the thread: its unread flag and the other side's messages to it. */
    async markRead(reader: 'seller' | 'buyer', sellerId: string, threadId: string, at: Date): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .update(messageThreads)
          .set(reader === 'seller' ? { sellerUnread: false } : { buyerUnread: false })
          .where(and(eq(messageThreads.sellerId, sellerId), eq(messageThreads.id, threadId)));
        await tx
          .update(messages)
          .set({ readAt: at })
          .where(
            and(
              eq(messages.sellerId, sellerId),
              eq(messages.threadId, threadId),
              eq(messages.direction, reader === 'seller' ? 'buyer_to_seller' : 'seller_to_buyer'),
              isNull(messages.readAt),
            ),
          );
      });
    },

    /** Flood control: messages a buyer wrote (to any seller) since `since`. */
    async countBuyerMessagesSince(buyerId: string, since: Date): Promise<number> {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(messages)
        .where(
          and(
            eq(messages.buyerId, buyerId),
            eq(messages.direction, 'buyer_to_seller'),
            gte(messages.createdAt, since),
          ),
        );
      return Number(r?.n ?? 0);
    },

    /** Flood control for mail: messages one sender address wrote to this seller's threads. */
    async countAuthorMessagesSince(sellerId: string, author: string, since: Date): Promise<number> {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(messages)
        .where(
          and(eq(messages.sellerId, sellerId), eq(messages.author, author), gte(messages.createdAt, since)),
        );
      return Number(r?.n ?? 0);
    },

    async relayFor(on: DbOrTx, sellerId: string, buyerId: string): Promise<RelayRow[]> {
      return on
        .select()
        .from(relayAddresses)
        .where(and(eq(relayAddresses.sellerId, sellerId), eq(relayAddresses.buyerId, buyerId)));
    },

    async insertRelays(on: DbOrTx, rows: (typeof relayAddresses.$inferInsert)[]): Promise<void> {
      if (rows.length) await on.insert(relayAddresses).values(rows).onConflictDoNothing();
    },

    async relayByAddress(address: string): Promise<RelayRow | undefined> {
      const [r] = await db
        .select()
        .from(relayAddresses)
        .where(eq(relayAddresses.address, address.trim().toLowerCase()))
        .limit(1);
      return r;
    },

    async buyer(
      on: DbOrTx,
      buyerId: string,
    ): Promise<{ id: string; email: string; name: string; language: string } | undefined> {
      const rows = await queryRows<{ id: string; email: string; name: string; language: string }>(
        on,
        sql`select id, email, name, language from buyers where id = ${buyerId} limit 1`,
      );
      return rows[0];
    },

    /** MSG-4 fallback: an alias orders already carry (buyer_relay_email) before any thread exists. */
    async orderByRelayEmail(
      address: string,
    ): Promise<{ sellerId: string; buyerId: string | null } | undefined> {
      const [r] = await queryRows<{ seller_id: string; buyer_id: string | null }>(
        db,
        sql`select seller_id, buyer_id from orders where lower(buyer_relay_email) = ${address.trim().toLowerCase()} limit 1`,
      );
      return r ? { sellerId: r.seller_id, buyerId: r.buyer_id } : undefined;
    },

    /** The inbox: filter, search, "unanswered first" keyset page. */
    async inbox(
      sellerId: string,
      q: { filter: InboxFilter; search?: string; cursor?: InboxCursor; limit: number; now: Date },
    ): Promise<ThreadListRow[]> {
      const conds: (SQL | undefined)[] = [
        eq(messageThreads.sellerId, sellerId),
        filterCondition(q.filter, q.now),
      ];
      if (q.search) {
        const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conds.push(
          or(
            sql`${messageThreads.amazonOrderId} ilike ${like}`,
            sql`${messageThreads.subject} ilike ${like}`,
            sql`${messageThreads.lastMessagePreview} ilike ${like}`,
            sql`${buyerName} ilike ${like}`,
            sql`${buyerRelay} ilike ${like}`,
          ),
        );
      }
      const c = q.cursor;
      if (c) {
        const last = new Date(c.last);
        const afterLast = or(
          lt(messageThreads.lastMessageAt, last),
          and(eq(messageThreads.lastMessageAt, last), lt(messageThreads.id, c.id)),
        );
        if (c.due) {
          const due = new Date(c.due);
          conds.push(
            or(
              isNull(messageThreads.responseDueAt),
              sql`${messageThreads.responseDueAt} > ${ts(due)}`,
              and(sql`${messageThreads.responseDueAt} = ${ts(due)}`, afterLast),
            ),
          );
        } else {
          conds.push(and(isNull(messageThreads.responseDueAt), afterLast));
        }
      }
      const rows = await db
        .select(listColumns)
        .from(messageThreads)
        .where(and(...conds))
        .orderBy(
          sql`(${messageThreads.responseDueAt} is null)`,
          asc(messageThreads.responseDueAt),
          desc(messageThreads.lastMessageAt),
          desc(messageThreads.id),
        )
        .limit(q.limit);
      return rows.map(flat);
    },

    async inboxCounts(sellerId: string, now: Date): Promise<Record<InboxFilter, number>> {
      const [r] = await db
        .select({
          all: sql<number>`count(*)::int`,
          awaiting: sql<number>`(count(*) filter (where ${messageThreads.responseDueAt} is not null))::int`,
          overdue: sql<number>`(count(*) filter (where ${messageThreads.responseDueAt} <= ${ts(now)}))::int`,
          no_response_needed: sql<number>`(count(*) filter (where ${noResponseNeeded}))::int`,
          unread: sql<number>`(count(*) filter (where ${messageThreads.sellerUnread}))::int`,
        })
        .from(messageThreads)
        .where(eq(messageThreads.sellerId, sellerId));
      return {
        all: Number(r?.all ?? 0),
        awaiting: Number(r?.awaiting ?? 0),
        overdue: Number(r?.overdue ?? 0),
        no_response_needed: Number(r?.no_response_needed ?? 0),
        unread: Number(r?.unread ?? 0),
      };
    },

    async buyerThreads(buyerId: string): Promise<ThreadRow[]> {
      return db
        .select()
        .from(messageThreads)
        .where(eq(messageThreads.buyerId, buyerId))
        .orderBy(desc(messageThreads.lastMessageAt), desc(messageThreads.id));
    },

    async threadIdForOrder(sellerId: string, amazonOrderId: string): Promise<string | null> {
      const [t] = await db
        .select({ id: messageThreads.id })
        .from(messageThreads)
        .where(
          and(
            eq(messageThreads.sellerId, sellerId),
            eq(messageThreads.amazonOrderId, amazonOrderId),
            eq(messageThreads.topic, 'order'),
          ),
        )
        .orderBy(desc(messageThreads.lastMessageAt))
        .limit(1);
      return t?.id ?? null;
    },

    /** MSG-14 sweep: threads past their due time whose overdue notice was not published. */
    async dueUnnotified(now: Date, limit: number): Promise<ThreadRow[]> {
      return db
        .select()
        .from(messageThreads)
        .where(
          and(
            isNotNull(messageThreads.responseDueAt),
            isNull(messageThreads.overdueNotifiedAt),
            lte(messageThreads.responseDueAt, now),
          ),
        )
        .orderBy(asc(messageThreads.responseDueAt))
        .limit(limit);
    },

    /** MSG-15 sweep: reply deadlines reached without a reminder. */
    async replyDeadlinesReached(now: Date, limit: number): Promise<ThreadRow[]> {
      return db
        .select()
        .from(messageThreads)
        .where(
          and(
            isNotNull(messageThreads.replyDeadlineAt),
            isNull(messageThreads.replyDeadlineRemindedAt),
            lte(messageThreads.replyDeadlineAt, now),
          ),
        )
        .orderBy(asc(messageThreads.replyDeadlineAt))
        .limit(limit);
    },

    /** Claims a sweep row (only one process publishes): false when another sweep took it. */
    async claimOverdue(on: DbOrTx, t: ThreadRow, now: Date): Promise<boolean> {
      const r = await on
        .update(messageThreads)
        .set({ overdueNotifiedAt: now })
        .where(
          and(
            eq(messageThreads.sellerId, t.sellerId),
            eq(messageThreads.id, t.id),
            isNull(messageThreads.overdueNotifiedAt),
            eq(messageThreads.responseDueAt, t.responseDueAt as Date),
          ),
        )
        .returning({ id: messageThreads.id });
      return r.length > 0;
    },

    async claimReplyDeadline(on: DbOrTx, t: ThreadRow, now: Date): Promise<boolean> {
      const r = await on
        .update(messageThreads)
        .set({ replyDeadlineRemindedAt: now })
        .where(
          and(
            eq(messageThreads.sellerId, t.sellerId),
            eq(messageThreads.id, t.id),
            isNull(messageThreads.replyDeadlineRemindedAt),
          ),
        )
        .returning({ id: messageThreads.id });
      return r.length > 0;
    },

    /** PERF-6 raw data: buyer messages since `since` with their reply state. */
    async buyerMessagesSince(
      sellerId: string,
      since: Date,
    ): Promise<{ createdAt: Date; respondedAt: Date | null; noResponseNeededAt: Date | null }[]> {
      return db
        .select({
          createdAt: messages.createdAt,
          respondedAt: messages.respondedAt,
          noResponseNeededAt: messages.noResponseNeededAt,
        })
        .from(messages)
        .where(
          and(
            eq(messages.sellerId, sellerId),
            eq(messages.direction, 'buyer_to_seller'),
            eq(messages.status, 'accepted'),
            gte(messages.createdAt, since),
          ),
        );
    },
  };
}

export type MessagingRepository = ReturnType<typeof createMessagingRepository>;
