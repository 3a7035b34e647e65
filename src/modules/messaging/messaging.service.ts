// Buyer–seller messaging (MSG-1..16): the one write path (postMessage, use-cases/post-message.ts),
// the seller's inbox and threads, the buyer's views, response time (MSG-14/PERF-6), reply
// deadlines (MSG-15), what an order allows now (MSG-6/12) and the relay aliases (MSG-4).
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { buyerOrdersWithSeller, type OrderMessagingContext } from '../orders/index.ts';
import { type ActionFacts, messagingActions as actionsFor, templateReason } from './messaging-actions.ts';
import { createMessagingRepository, type InboxCursor } from './messaging.repository.ts';
import type {
  BuyerThreadSummary,
  BuyerThreadView,
  InboxPage,
  InboxQuery,
  MessageLanguage,
  MessagingAction,
  PolicyDirection,
  PolicyVerdict,
  PostMessageInput,
  PostMessageResult,
  SellerProfileView,
  TemplateId,
  ThreadSummary,
  ThreadView,
} from './messaging.types.ts';
import { checkMessage } from './policy/message-policy.ts';
import { replyDeadlineProblem } from './response-deadline.ts';
import { renderMessageTemplate } from './templates.ts';
import { asMessageLanguage, CONTACT_TOPICS, threadSubject, topicLabel } from './thread-subject.ts';
import { createCore, type MessagingDeps } from './use-cases/core.ts';
import { buildPolicyContext } from './use-cases/policy-context.ts';
import { type PostKnown, postMessage } from './use-cases/post-message.ts';
import { replyDeadlineText, runSweeps } from './use-cases/sweeps.ts';
import { responseTimeStats } from './use-cases/response-time.ts';
import {
  buyerMessageView,
  buyerThreadSummary,
  messageView,
  orderBeside,
  threadSummary,
} from './use-cases/views.ts';

export type { MessagingDeps } from './use-cases/core.ts';
export type { OrderMessagingContext } from '../orders/index.ts';

export type MessagingService = {
  /** `known`: facts an internal caller (the mail relay) already read, not read again. */
  postMessage(input: PostMessageInput, known?: PostKnown): Promise<PostMessageResult>;
  check(input: {
    sellerId?: string;
    buyerId?: string;
    direction: PolicyDirection;
    marketplaceId: string;
    orderId?: string;
    threadId?: string;
    text: string;
    language?: MessageLanguage;
    maxChars?: number;
  }): Promise<PolicyVerdict>;
  listThreads(sellerId: string, q: InboxQuery): Promise<InboxPage>;
  getThread(sellerId: string, threadId: string, opts?: { markRead?: boolean }): Promise<ThreadView>;
  markNoResponseNeeded(sellerId: string, threadId: string, actor: string): Promise<ThreadSummary>;
  setReplyDeadline(
    sellerId: string,
    threadId: string,
    input: { deadline: Date; text?: string },
    actor: string,
  ): Promise<PostMessageResult>;
  orderContext(sellerId: string, amazonOrderId: string): Promise<OrderMessagingContext>;
  messagingActions(sellerId: string, amazonOrderId: string): Promise<MessagingAction[]>;
  renderTemplate(
    sellerId: string,
    amazonOrderId: string,
    id: TemplateId,
    language?: MessageLanguage,
  ): Promise<{ subject: string; text: string }>;
  summary(sellerId: string): Promise<{ awaiting: number; overdue: number; unread: number }>;
  responseTimeStats(
    sellerId: string,
    days: number,
  ): Promise<{
    buyerMessages: number;
    answeredInTime: number;
    noResponseNeeded: number;
    rate: number | null;
  }>;
  sellerProfile(sellerId: string): Promise<SellerProfileView>;
  listBuyerThreads(buyerId: string): Promise<BuyerThreadSummary[]>;
  getBuyerThread(buyerId: string, threadId: string): Promise<BuyerThreadView>;
  relayAddressesFor(sellerId: string, buyerId: string): Promise<{ buyerAlias: string; sellerAlias: string }>;
  resolveRelayAddress(
    address: string,
  ): Promise<{ address: string; sellerId: string; buyerId: string; party: 'buyer' | 'seller' } | null>;
  runSweeps(): Promise<{ overdue: number; replyDeadlineReminders: number }>;
  /** The order's conversation, if one exists (compose page). */
  getThreadIdForOrder(sellerId: string, amazonOrderId: string): Promise<string | null>;
  /** MSG-1: the buyer's orders with one seller (the Contact This Seller order picker). */
  buyerOrdersWithSeller(
    buyerId: string,
    sellerId: string,
  ): Promise<{ amazonOrderId: string; purchaseDate: string; items: { title: string; quantity: number }[] }[]>;
};

const PAGE_DEFAULT = 25;
const PAGE_MAX = 100;

function encodeCursor(c: InboxCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}
function decodeCursor(s: string): InboxCursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as InboxCursor;
    if (typeof c.id === 'string' && typeof c.last === 'string' && !Number.isNaN(Date.parse(c.last))) return c;
  } catch {
    // fall through
  }
  throw invalid('INVALID_CURSOR', 'The page cursor is not valid; start from the first page.');
}

export function createMessagingService(deps: MessagingDeps): MessagingService {
  const repo = createMessagingRepository(deps.db);
  const core = createCore(deps, repo);

  async function actionFacts(o: OrderMessagingContext): Promise<ActionFacts> {
    const m = await deps.marketplaces.getMarketplace(o.marketplaceId);
    const left = o.items.reduce((n, i) => n + i.quantityOrdered - i.quantityShipped - i.quantityCanceled, 0);
    return {
      status: o.status,
      shipped: o.status === 'Shipped' || o.items.some((i) => i.quantityShipped > 0),
      fullyShipped: o.status === 'Shipped' || left <= 0,
      deliveredAt: o.deliveredAt,
      refunds: o.refunds,
      returnedToSender: o.returnedToSender,
      now: deps.clock.now(),
      messagingWindowDaysAfterDelivery: m.policy.messaging.messagingWindowDaysAfterDelivery,
    };
  }

  async function sellerThread(sellerId: string, threadId: string) {
    const row = await repo.threadListRow(sellerId, threadId);
    if (!row) throw notFound('THREAD_NOT_FOUND', 'No such message thread.');
    return row;
  }

  const service: MessagingService = {
    postMessage: (input, known) => postMessage(core, input, { known }),

    async check(input) {
      const m = await deps.marketplaces.getMarketplace(input.marketplaceId);
      const now = deps.clock.now();
      let order: Pick<OrderMessagingContext, 'amazonOrderId' | 'trackingNumbers' | 'deliveredAt'> | null =
        null;
      let preOrderReply = false;
      if (input.sellerId && input.threadId) {
        const t = await repo.thread(deps.db, input.sellerId, input.threadId);
        if (!t) throw notFound('THREAD_NOT_FOUND', 'No such message thread.');
        if (t.amazonOrderId) order = await core.orderContext(input.sellerId, t.amazonOrderId);
        else preOrderReply = true;
      } else if (input.sellerId && input.orderId) {
        // A draft may name an order this seller does not have (a typo, tools testing texts): the
        // text is still checked against that id (MSG-7), without tracking numbers or delivery.
        const orderId = input.orderId;
        order = await core.orderContext(input.sellerId, orderId).catch((err: unknown) => {
          if (err instanceof AppError && err.kind === 'not_found')
            return { amazonOrderId: orderId, trackingNumbers: [], deliveredAt: null };
          throw err;
        });
      }
      let language = input.language;
      if (!language && input.sellerId)
        language = asMessageLanguage((await deps.marketplaces.getSeller(input.sellerId)).language);
      const phrases = input.direction === 'seller-to-buyer' ? await deps.phrases.forMarketplace(m.id) : [];
      return checkMessage(
        input.text,
        buildPolicyContext({
          marketplace: m,
          direction: input.direction,
          language: language ?? asMessageLanguage(m.language),
          order,
          preOrderReply,
          now,
          ...(input.maxChars ? { maxChars: input.maxChars } : {}),
          phrases,
        }),
      );
    },

    async listThreads(sellerId, q) {
      const now = deps.clock.now();
      const limit = Math.min(Math.max(q.limit ?? PAGE_DEFAULT, 1), PAGE_MAX);
      const rows = await repo.inbox(sellerId, {
        filter: q.filter ?? 'all',
        ...(q.q?.trim() ? { search: q.q.trim() } : {}),
        ...(q.cursor ? { cursor: decodeCursor(q.cursor) } : {}),
        limit: limit + 1,
        now,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        threads: page.map((r) => threadSummary(r, now)),
        counts: await repo.inboxCounts(sellerId, now),
        nextCursor:
          rows.length > limit && last
            ? encodeCursor({
                due: last.responseDueAt ? last.responseDueAt.toISOString() : null,
                last: last.lastMessageAt.toISOString(),
                id: last.id,
              })
            : null,
      };
    },

    async getThread(sellerId, threadId, opts = {}) {
      const now = deps.clock.now();
      let row = await sellerThread(sellerId, threadId);
      if (opts.markRead && row.sellerUnread) {
        await repo.markRead('seller', sellerId, threadId, now);
        row = { ...row, sellerUnread: false };
      }
      const msgs = await repo.threadMessages(sellerId, threadId);
      const order = row.amazonOrderId
        ? await core.orderContext(sellerId, row.amazonOrderId).catch(() => null)
        : null;
      return { ...threadSummary(row, now), messages: msgs.map(messageView), order: orderBeside(order) };
    },

    async markNoResponseNeeded(sellerId, threadId, _actor) {
      const now = deps.clock.now();
      await sellerThread(sellerId, threadId);
      await deps.db.transaction(async (tx) => {
        await repo.markNoResponseNeeded(tx, sellerId, threadId, now);
        // MSG-14: nothing awaits a reply any more; the thread leaves "awaiting" and "overdue".
        await repo.updateThread(tx, sellerId, threadId, { responseDueAt: null, overdueNotifiedAt: null });
      });
      return threadSummary(await sellerThread(sellerId, threadId), now);
    },

    async setReplyDeadline(sellerId, threadId, input, actor) {
      const now = deps.clock.now();
      const t = await sellerThread(sellerId, threadId);
      if (!t.amazonOrderId)
        throw invalid(
          'REPLY_DEADLINE_NEEDS_ORDER',
          'A reply deadline can only be set in a conversation about an order.',
        );
      const seller = await deps.marketplaces.getSeller(sellerId);
      const m = await deps.marketplaces.getMarketplace(seller.marketplaceId);
      const problem = replyDeadlineProblem(input.deadline, now, m.policy.messaging.replyDeadlineHours);
      if (problem) throw invalid('REPLY_DEADLINE_OUT_OF_RANGE', problem);
      const order = await core.orderContext(sellerId, t.amazonOrderId);
      const notice = replyDeadlineText(
        order.buyerLanguage,
        order.amazonOrderId,
        input.deadline,
        seller.timeZone,
      );
      const text = input.text?.trim() ? `${input.text.trim()}\n\n${notice}` : notice;
      return postMessage(
        core,
        { from: 'seller', channel: 'web', sellerId, threadId, kind: 'reply_deadline', text, author: actor },
        { threadSet: { replyDeadlineAt: input.deadline, replyDeadlineRemindedAt: null } },
      );
    },

    orderContext: (sellerId, amazonOrderId) => core.orderContext(sellerId, amazonOrderId),

    async messagingActions(sellerId, amazonOrderId) {
      return actionsFor(await actionFacts(await core.orderContext(sellerId, amazonOrderId)));
    },

    async renderTemplate(sellerId, amazonOrderId, id, language) {
      const o = await core.orderContext(sellerId, amazonOrderId);
      const facts = await actionFacts(o);
      const reason = templateReason(id, facts);
      if (reason) throw invalid('TEMPLATE_NOT_AVAILABLE', reason);
      const seller = await deps.marketplaces.getSeller(sellerId);
      const refund = [...o.refunds]
        .reverse()
        .find((r) =>
          id === 'order_unavailable'
            ? r.reason === 'NoInventory' || r.reason === 'CouldNotShip'
            : r.reason === 'CustomerReturn' || r.reason === 'Undeliverable' || o.returnedToSender,
        );
      const titleOf = new Map(o.items.map((i) => [i.orderItemId, i.title]));
      return renderMessageTemplate(id, language ?? o.buyerLanguage, {
        amazonOrderId: o.amazonOrderId,
        currency: o.currency,
        timeZone: seller.timeZone,
        latestShipDate: o.latestShipDate,
        items: o.items.map((i) => ({ title: i.title, quantity: i.quantityOrdered })),
        ...(refund
          ? {
              refund: {
                reason: refund.reason,
                total: refund.total,
                createdAt: refund.createdAt,
                items: (refund.lines as { orderItemId: string; quantity: number }[])
                  .filter((l) => l.quantity > 0)
                  .map((l) => ({ title: titleOf.get(l.orderItemId) ?? l.orderItemId, quantity: l.quantity })),
              },
            }
          : {}),
      });
    },

    async summary(sellerId) {
      const c = await repo.inboxCounts(sellerId, deps.clock.now());
      return { awaiting: c.awaiting, overdue: c.overdue, unread: c.unread };
    },

    responseTimeStats: (sellerId, days) => responseTimeStats(core, sellerId, days),

    async sellerProfile(sellerId) {
      const seller = await deps.marketplaces.getSeller(sellerId);
      const m = await deps.marketplaces.getMarketplace(seller.marketplaceId);
      const language = asMessageLanguage(m.language);
      return {
        id: seller.id,
        name: seller.name,
        marketplace: { id: m.id, name: m.salesChannel, language },
        topics: CONTACT_TOPICS.map((id) => ({
          id,
          label: topicLabel(id, language),
          subject: threadSubject(id, language, m.salesChannel),
        })),
      };
    },

    async listBuyerThreads(buyerId) {
      const rows = await repo.buyerThreads(buyerId);
      const out: BuyerThreadSummary[] = [];
      for (const t of rows)
        out.push(buyerThreadSummary(t, await sellerSide(t.sellerId, t.buyerId, t.marketplaceId)));
      return out;
    },

    async getBuyerThread(buyerId, threadId) {
      const t = await repo.threadByIdForBuyer(buyerId, threadId);
      if (!t) throw notFound('THREAD_NOT_FOUND', 'No such conversation.');
      if (t.buyerUnread) await repo.markRead('buyer', t.sellerId, t.id, deps.clock.now());
      const msgs = (await repo.threadMessages(t.sellerId, t.id)).filter((m) => m.status === 'accepted');
      return {
        ...buyerThreadSummary(
          { ...t, buyerUnread: false },
          await sellerSide(t.sellerId, t.buyerId, t.marketplaceId),
        ),
        messages: msgs.map(buyerMessageView),
      };
    },

    async relayAddressesFor(sellerId, buyerId) {
      const seller = await deps.marketplaces.getSeller(sellerId);
      const m = await deps.marketplaces.getMarketplace(seller.marketplaceId);
      return core.ensureRelays(deps.db, sellerId, buyerId, m.domain);
    },

    async resolveRelayAddress(address) {
      const a = address.trim().toLowerCase();
      const r = await repo.relayByAddress(a);
      if (r) return { address: r.address, sellerId: r.sellerId, buyerId: r.buyerId, party: r.party };
      const o = await repo.orderByRelayEmail(a);
      if (o?.buyerId) return { address: a, sellerId: o.sellerId, buyerId: o.buyerId, party: 'buyer' };
      return null;
    },

    runSweeps: () => runSweeps(core),

    getThreadIdForOrder: (sellerId, amazonOrderId) => repo.threadIdForOrder(sellerId, amazonOrderId),

    async buyerOrdersWithSeller(buyerId, sellerId) {
      await deps.marketplaces.getSeller(sellerId);
      const rows = await buyerOrdersWithSeller(deps.db, buyerId, sellerId);
      return rows.map((r) => ({ ...r, purchaseDate: r.purchaseDate.toISOString() }));
    },
  };

  /** What a buyer sees of the seller: the name and the seller's relay alias (MSG-4). */
  async function sellerSide(sellerId: string, buyerId: string, marketplaceId: string) {
    const seller = await deps.marketplaces.getSeller(sellerId);
    const m = await deps.marketplaces.getMarketplace(marketplaceId);
    const { sellerAlias } = await core.ensureRelays(deps.db, sellerId, buyerId, m.domain);
    return { id: seller.id, name: seller.name, relayAddress: sellerAlias };
  }

  return service;
}

/** MSG-14/15 sweeps run every minute (and whenever the sandbox clock moves). */
export const MESSAGING_SWEEP_INTERVAL_MS = 60_000;
