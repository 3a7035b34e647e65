// MSG-6/12: which messages an order allows now — SP-API Messaging v1 actions and the MSG-12
// templates — each with the reason when it is not available. Pure: facts of the order in, list out.
import type { MessagingAction, TemplateId } from './messaging.types.ts';

/** SP-API Messaging v1 message types a seller may send (getMessagingActionsForOrder). */
export const SP_API_ACTIONS = [
  'confirmCustomizationDetails',
  'confirmDeliveryDetails',
  'confirmOrderDetails',
  'confirmServiceDetails',
  'unexpectedProblem',
  'legalDisclosure',
  'warranty',
  'digitalAccessKey',
  'invoice',
] as const;
export type SpApiAction = (typeof SP_API_ACTIONS)[number];

export const TEMPLATE_IDS: readonly TemplateId[] = [
  'order_unavailable',
  'delay_notice',
  'return_confirmation',
];

/** Refund reasons after which Order Unavailable may be sent (MSG-12). */
export const UNAVAILABLE_REASONS: ReadonlySet<string> = new Set(['NoInventory', 'CouldNotShip']);
/** Refund reasons that follow a return (MSG-12 Return Confirmation). */
export const RETURN_REASONS: ReadonlySet<string> = new Set(['CustomerReturn', 'Undeliverable']);

export type ActionFacts = {
  status: string;
  /** Any unit shipped (or the order is Shipped). */
  shipped: boolean;
  /** Every unit shipped or canceled: nothing left to ship. */
  fullyShipped: boolean;
  deliveredAt: Date | null;
  refunds: readonly { reason: string }[];
  /** A parcel came back to the seller (ORD-12). */
  returnedToSender: boolean;
  now: Date;
  messagingWindowDaysAfterDelivery: number;
};

const DAY_MS = 86_400_000;

/** MSG-13: messages go out within N days of delivery (null: still inside the window). */
export function windowClosedReason(f: ActionFacts): string | null {
  if (!f.deliveredAt) return null;
  const closes = f.deliveredAt.getTime() + f.messagingWindowDaysAfterDelivery * DAY_MS;
  return f.now.getTime() >= closes
    ? `More than ${f.messagingWindowDaysAfterDelivery} days have passed since the order was delivered (MSG-13).`
    : null;
}

function actionReason(name: SpApiAction, f: ActionFacts): string | null {
  const canceled = f.status === 'Canceled';
  if (canceled && name !== 'unexpectedProblem' && name !== 'legalDisclosure') return 'The order is canceled.';
  switch (name) {
    case 'confirmCustomizationDetails':
    case 'confirmOrderDetails':
      return f.shipped ? 'Only before the order ships.' : null;
    case 'confirmDeliveryDetails':
      return f.deliveredAt ? 'Only until the order is delivered.' : null;
    case 'invoice':
      return f.shipped ? null : 'Only after the order has shipped.';
    case 'digitalAccessKey':
    case 'warranty':
    case 'confirmServiceDetails':
    case 'unexpectedProblem':
    case 'legalDisclosure':
      return null;
  }
}

export function templateReason(id: TemplateId, f: ActionFacts): string | null {
  switch (id) {
    case 'order_unavailable':
      return f.refunds.some((r) => UNAVAILABLE_REASONS.has(r.reason))
        ? null
        : 'Only after the order amount was adjusted with the reason NoInventory or CouldNotShip (MSG-12).';
    case 'delay_notice':
      if (f.status === 'Canceled') return 'The order is canceled.';
      return f.fullyShipped ? 'Only while the order has not shipped (MSG-12).' : null;
    case 'return_confirmation':
      return f.refunds.some((r) => RETURN_REASONS.has(r.reason)) ||
        (f.returnedToSender && f.refunds.length > 0)
        ? null
        : 'Only after a refund for returned products (MSG-12).';
  }
}

/** Every SP-API action and template with its availability now. */
export function messagingActions(f: ActionFacts): MessagingAction[] {
  const closed = windowClosedReason(f);
  const all: MessagingAction[] = [
    ...SP_API_ACTIONS.map((name) => ({ name, unavailableReason: closed ?? actionReason(name, f) })),
    ...TEMPLATE_IDS.map((name) => ({ name, unavailableReason: closed ?? templateReason(name, f) })),
  ];
  return all;
}
