// Rows → the views each side sees. Sellers see the buyer's name and relay address only (MSG-4/16);
// buyers never see the seller's real addresses, blocked messages or forwarding state.
import type { OrderMessagingContext } from '../../orders/index.ts';
import type { MessageRow, ThreadListRow, ThreadRow } from '../messaging.repository.ts';
import type {
  BuyerMessageView,
  BuyerThreadSummary,
  MessageView,
  PolicyViolation,
  ThreadSummary,
  ThreadView,
} from '../messaging.types.ts';
import { isOverdue } from '../response-deadline.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A short plain-text excerpt for lists (whitespace collapsed). */
export function preview(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function threadSummary(t: ThreadListRow, now: Date): ThreadSummary {
  return {
    id: t.id,
    topic: t.topic,
    subject: t.subject,
    amazonOrderId: t.amazonOrderId,
    productRef: t.productRef,
    marketplaceId: t.marketplaceId,
    buyer: { id: t.buyerId, name: t.buyerName, relayAddress: t.buyerRelay },
    lastMessageAt: t.lastMessageAt.toISOString(),
    lastMessageDirection: t.lastMessageDirection,
    lastMessagePreview: t.lastMessagePreview,
    messageCount: t.messageCount,
    awaitingResponse: t.responseDueAt !== null,
    responseDueAt: iso(t.responseDueAt),
    overdue: isOverdue(t.responseDueAt, now),
    replyDeadlineAt: iso(t.replyDeadlineAt),
    unread: t.sellerUnread,
  };
}

const attachmentsOf = (m: MessageRow) =>
  m.attachments.map((a) => ({
    uploadId: a.uploadId,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
  }));

export function messageView(m: MessageRow): MessageView {
  return {
    id: m.id,
    threadId: m.threadId,
    direction: m.direction,
    channel: m.channel,
    kind: m.kind,
    status: m.status,
    subject: m.subject,
    body: m.body,
    violations: m.violations.map(
      (v): PolicyViolation => ({
        rule: v.rule as PolicyViolation['rule'],
        start: v.start,
        end: v.end,
        message: v.message,
        hint: (v as { hint?: string }).hint ?? '',
      }),
    ),
    suspectedPhishing: m.suspectedPhishing,
    attachments: attachmentsOf(m),
    createdAt: m.createdAt.toISOString(),
    responseDueAt: iso(m.responseDueAt),
    respondedAt: iso(m.respondedAt),
    noResponseNeeded: m.noResponseNeededAt !== null,
    forwardStatus: m.forwardStatus,
  };
}

export function orderBeside(o: OrderMessagingContext | null): ThreadView['order'] {
  if (!o) return null;
  return {
    amazonOrderId: o.amazonOrderId,
    status: o.status,
    purchaseDate: o.purchaseDate.toISOString(),
    latestShipDate: iso(o.latestShipDate),
    latestDeliveryDate: iso(o.latestDeliveryDate),
    deliveredAt: iso(o.deliveredAt),
    items: o.items.map((i) => ({ title: i.title, sku: i.sku, quantity: i.quantityOrdered })),
    trackingNumbers: o.trackingNumbers,
  };
}

/** Only what the buyer may see: no blocked messages, no violations of seller messages. */
export function buyerMessageView(m: MessageRow): BuyerMessageView {
  return {
    id: m.id,
    direction: m.direction,
    kind: m.kind,
    subject: m.subject,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    attachments: attachmentsOf(m),
    redacted: m.direction === 'buyer_to_seller' && m.violations.length > 0,
  };
}

export function buyerThreadSummary(
  t: ThreadRow,
  seller: { id: string; name: string; relayAddress: string },
): BuyerThreadSummary {
  return {
    id: t.id,
    seller,
    topic: t.topic,
    subject: t.subject,
    amazonOrderId: t.amazonOrderId,
    lastMessageAt: t.lastMessageAt.toISOString(),
    lastMessagePreview: t.lastMessagePreview,
    unread: t.buyerUnread,
    replyDeadlineAt: iso(t.replyDeadlineAt),
  };
}
