// Solicitations v1 (reference/sp-api.md §4.3): a seller may request a product review and seller
// feedback once per order, from N days after the EarliestDeliveryDate to M days after the
// LatestDeliveryDate (marketplace policy: 5 and 30 days, as Amazon). Pure: the caller passes `now`
// and whether a solicitation was already sent.

export type SolicitationPolicy = {
  solicitationFromDaysAfterEarliestDelivery: number;
  solicitationToDaysAfterLatestDelivery: number;
};

export type SolicitationOrder = {
  status: string;
  earliestDeliveryDate: Date | null;
  latestDeliveryDate: Date | null;
  /** The carrier's delivery, when known: stands in for a missing delivery estimate. */
  deliveredAt: Date | null;
};

export type SolicitationRefusal =
  | 'not_shipped' // nothing was shipped (pending, unshipped, canceled, unfulfillable)
  | 'no_delivery_date' // no delivery estimate and no delivery: the window cannot be placed
  | 'too_early'
  | 'too_late'
  | 'already_sent';

export type SolicitationCheck =
  | { allowed: true; window: { from: Date; to: Date } }
  | { allowed: false; reason: SolicitationRefusal; window: { from: Date; to: Date } | null };

const DAY_MS = 86_400_000;
const SHIPPED = new Set(['Shipped', 'PartiallyShipped']);

/** The half-open window [from, to) in which a solicitation may be sent; null without dates. */
export function solicitationWindow(
  order: SolicitationOrder,
  policy: SolicitationPolicy,
): { from: Date; to: Date } | null {
  const earliest = order.earliestDeliveryDate ?? order.deliveredAt;
  const latest = order.latestDeliveryDate ?? order.deliveredAt ?? order.earliestDeliveryDate;
  if (!earliest || !latest) return null;
  return {
    from: new Date(earliest.getTime() + policy.solicitationFromDaysAfterEarliestDelivery * DAY_MS),
    to: new Date(latest.getTime() + policy.solicitationToDaysAfterLatestDelivery * DAY_MS),
  };
}

/** May a productReviewAndSellerFeedback solicitation be sent for this order now? */
export function checkSolicitation(
  now: Date,
  order: SolicitationOrder,
  policy: SolicitationPolicy,
  alreadySent: boolean,
): SolicitationCheck {
  const window = solicitationWindow(order, policy);
  // "Send only one productReviewAndSellerFeedback … per order" [model].
  if (alreadySent) return { allowed: false, reason: 'already_sent', window };
  // "Seek reviews only for delivered orders" [docs]: a delivery records the order as delivered
  // even when its status has not caught up.
  if (!SHIPPED.has(order.status) && !order.deliveredAt)
    return { allowed: false, reason: 'not_shipped', window };
  if (!window) return { allowed: false, reason: 'no_delivery_date', window };
  const t = now.getTime();
  if (t < window.from.getTime()) return { allowed: false, reason: 'too_early', window };
  if (t >= window.to.getTime()) return { allowed: false, reason: 'too_late', window };
  return { allowed: true, window };
}
