// Solicitations v1 (reference/sp-api.md §4.3): one productReviewAndSellerFeedback request per
// order, inside the marketplace's window (solicitation-window.ts). The request is stored as a
// seller message of that kind with a neutral text in the buyer's language — through the one write
// path, so it passes the communication policy like any message (MSG-6..10) — and the messages
// table's unique index keeps it to one per order even under concurrent calls.
import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { orderInMarketplace, type SpApiMessagingPort } from './messaging.sp-api.ts';
import { messages } from './messaging.tables.ts';
import type { MessageLanguage } from './messaging.types.ts';
import {
  checkSolicitation,
  type SolicitationCheck,
  type SolicitationRefusal,
} from './solicitation-window.ts';

export const SOLICITATION_KIND = 'productReviewAndSellerFeedback';

/** Neutral on purpose (MSG-10): no "positive", no "if satisfied", nothing offered in return. */
const SOLICITATION_TEXT: Record<MessageLanguage, (id: string) => string> = {
  en: (id) =>
    `Thank you for your order ${id}. If you have a moment, please share your experience: you can review the products and leave feedback for the seller in Your Orders.`,
  ja: (id) =>
    `ご注文（注文番号: ${id}）ありがとうございました。よろしければ、注文履歴から商品のレビューと出品者の評価をお寄せください。`,
  it: (id) =>
    `Grazie per il tuo ordine ${id}. Se hai un momento, condividi la tua esperienza: puoi recensire i prodotti e lasciare un feedback al venditore in I miei ordini.`,
};

export const solicitationText = (language: MessageLanguage, amazonOrderId: string) =>
  SOLICITATION_TEXT[language](amazonOrderId);

/** The sentence of Amazon's 403 for each refusal (the window's is Amazon's own wording). */
export function refusalMessage(
  reason: SolicitationRefusal,
  policy: {
    solicitationFromDaysAfterEarliestDelivery: number;
    solicitationToDaysAfterLatestDelivery: number;
  },
): string {
  switch (reason) {
    case 'too_early':
    case 'too_late':
    case 'no_delivery_date':
      return `You can’t use this feature to request a review outside the ${policy.solicitationFromDaysAfterEarliestDelivery}-${policy.solicitationToDaysAfterLatestDelivery} day range after the order delivery date.`;
    case 'already_sent':
      return 'A review and seller feedback were already requested for this order. You can request them once per order.';
    case 'not_shipped':
      return 'You can request a review only for an order that was shipped and delivered.';
  }
}

export type SolicitationsDeps = {
  db: Db;
  clock: Clock;
  messaging: SpApiMessagingPort;
  marketplaces: MarketplacesService;
};

export type SolicitationsService = ReturnType<typeof createSolicitations>;

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
};

export function createSolicitations(d: SolicitationsDeps) {
  async function alreadySent(sellerId: string, orderId: string): Promise<boolean> {
    const rows = await d.db
      .select({ one: sql<number>`1` })
      .from(messages)
      .where(
        and(
          eq(messages.sellerId, sellerId),
          eq(messages.orderId, orderId),
          eq(messages.kind, SOLICITATION_KIND),
          eq(messages.status, 'accepted'),
        ),
      )
      .limit(1);
    return rows.length > 0;
  }

  async function evaluate(sellerId: string, amazonOrderId: string, marketplaceIds: string[] | undefined) {
    const { order, marketplace } = await orderInMarketplace(
      d.messaging,
      d.marketplaces,
      sellerId,
      amazonOrderId,
      marketplaceIds,
    );
    const policy = marketplace.policy.messaging;
    const check: SolicitationCheck = checkSolicitation(
      d.clock.now(),
      order,
      policy,
      await alreadySent(sellerId, order.id),
    );
    return { order, marketplace, policy, check };
  }

  return {
    /** getSolicitationActionsForOrder: the action names allowed now (at most the one type). */
    async actions(sellerId: string, amazonOrderId: string, marketplaceIds: string[] | undefined) {
      const { marketplace, check } = await evaluate(sellerId, amazonOrderId, marketplaceIds);
      return { marketplaceId: marketplace.id, names: check.allowed ? [SOLICITATION_KIND] : [] };
    },

    /**
     * createProductReviewAndSellerFeedbackSolicitation. Returns the refusal (Amazon answers it with
     * 403 Unauthorized) instead of throwing, so the route can use Amazon's wording.
     */
    async send(
      sellerId: string,
      amazonOrderId: string,
      marketplaceIds: string[] | undefined,
      author: string,
    ): Promise<{ ok: true } | { ok: false; reason: SolicitationRefusal; message: string }> {
      const { order, policy, check } = await evaluate(sellerId, amazonOrderId, marketplaceIds);
      if (!check.allowed)
        return { ok: false, reason: check.reason, message: refusalMessage(check.reason, policy) };
      try {
        await d.messaging.postMessage({
          from: 'seller',
          channel: 'sp_api',
          sellerId,
          buyerId: order.buyerId,
          amazonOrderId,
          kind: SOLICITATION_KIND,
          text: solicitationText(order.buyerLanguage, amazonOrderId),
          author,
        });
      } catch (err) {
        // Two calls at once: the unique index let one through.
        if (isUniqueViolation(err)) {
          return { ok: false, reason: 'already_sent', message: refusalMessage('already_sent', policy) };
        }
        throw err;
      }
      return { ok: true };
    },
  };
}
