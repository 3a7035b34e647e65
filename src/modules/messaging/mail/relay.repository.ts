// What the relay route reads besides the messaging service: the buyer behind a pair (the sender
// check), the thread a reply belongs to (In-Reply-To / References, an order id, the pair's latest
// thread), and the attachment bytes it keeps in messaging_uploads (MSG-4).
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { messages, messageThreads, messagingUploads } from '../messaging.tables.ts';

/** What the relay reads of other modules, through their services (buyers, orders). */
export type RelayPorts = {
  buyer(id: string): Promise<{ id: string; email: string; name: string; language: string } | undefined>;
  /** The buyer of each of these orders of the seller (orders.orderBuyerIds): one statement. */
  orderBuyerIds(sellerId: string, amazonOrderIds: string[]): Promise<Map<string, string | null>>;
};

export function createRelayRepository(db: Db, ports: RelayPorts) {
  return {
    buyer: ports.buyer,

    /** The thread of one of our messages (ids from our Message-IDs) or of a mail stored before. */
    async threadOfMessages(
      sellerId: string,
      buyerId: string,
      ids: { messageIds: string[]; emailMessageIds: string[] },
    ): Promise<string | undefined> {
      // Our own Message-IDs name message ids; other mail is found by the Message-ID it was stored with.
      for (const [column, values] of [
        [messages.id, ids.messageIds],
        [messages.emailMessageId, ids.emailMessageIds],
      ] as const) {
        if (!values.length) continue;
        const [m] = await db
          .select({ threadId: messages.threadId })
          .from(messages)
          .where(and(eq(messages.sellerId, sellerId), eq(messages.buyerId, buyerId), inArray(column, values)))
          .orderBy(desc(messages.createdAt))
          .limit(1);
        if (m) return m.threadId;
      }
      return undefined;
    },

    /** The order with this public id, when it is this buyer's order with this seller. */
    async orderOfPair(
      sellerId: string,
      buyerId: string,
      amazonOrderIds: string[],
    ): Promise<string | undefined> {
      // One lookup for all the ids the mail names; the first that is this buyer's order wins.
      if (!amazonOrderIds.length) return undefined;
      const buyers = await ports.orderBuyerIds(sellerId, amazonOrderIds);
      return amazonOrderIds.find((id) => buyers.get(id) === buyerId);
    },

    async latestThread(sellerId: string, buyerId: string): Promise<string | undefined> {
      const [t] = await db
        .select({ id: messageThreads.id })
        .from(messageThreads)
        .where(and(eq(messageThreads.sellerId, sellerId), eq(messageThreads.buyerId, buyerId)))
        .orderBy(desc(messageThreads.lastMessageAt))
        .limit(1);
      return t?.id;
    },

    async insertUpload(row: {
      sellerId: string;
      id: string;
      resource: string;
      contentType: string;
      data: Buffer;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db.insert(messagingUploads).values({
        ...row,
        contentMd5: createHash('md5').update(row.data).digest('base64'),
        size: row.data.length,
        uploadedAt: row.createdAt,
      });
    },

    async deleteUploads(sellerId: string, ids: string[]): Promise<void> {
      if (!ids.length) return;
      await db
        .delete(messagingUploads)
        .where(and(eq(messagingUploads.sellerId, sellerId), inArray(messagingUploads.id, ids)));
    },
  };
}

export type RelayRepository = ReturnType<typeof createRelayRepository>;
