// ORD-1: order statuses follow SP-API OrderStatus and move only along this table. Guards return a
// refusal (stable code + a sentence a seller understands) instead of throwing.
import type { OrderStatus } from './orders.types.ts';

export type OrderEventName =
  | 'payment_completed' // ORD-2: verification or pay-later (CVS) completion
  | 'ship_partially' // ORD-7
  | 'ship_fully' // ORD-7
  | 'cancel' // ORD-13 (seller, marketplace, or the ORD-8 auto-cancel)
  | 'buyer_cancel_request'; // ORD-13: BuyerRequestedCancel; the status does not change

export type Refusal = { code: string; message: string };

export const TRANSITIONS: Readonly<Record<OrderEventName, Partial<Record<OrderStatus, OrderStatus>>>> = {
  payment_completed: { Pending: 'Unshipped', PendingAvailability: 'Pending' },
  ship_partially: { Unshipped: 'PartiallyShipped', PartiallyShipped: 'PartiallyShipped' },
  ship_fully: { Unshipped: 'Shipped', PartiallyShipped: 'Shipped' },
  // Nothing is charged before the first shipment confirmation (ORD-7), so these cancellations
  // need no refund. Once part of an order shipped the buyer was charged: refund instead (ORD-12).
  cancel: {
    Pending: 'Canceled',
    PendingAvailability: 'Canceled',
    Unshipped: 'Canceled',
  },
  buyer_cancel_request: {
    Pending: 'Pending',
    PendingAvailability: 'PendingAvailability',
    Unshipped: 'Unshipped',
  },
};

const CANCEL_REFUSALS: Partial<Record<OrderStatus, Refusal>> = {
  PartiallyShipped: {
    code: 'ORDER_PARTIALLY_SHIPPED',
    message:
      'Part of this order has already shipped and the buyer was charged. Refund the items you cannot ship instead of cancelling.',
  },
  Shipped: {
    code: 'ORDER_ALREADY_SHIPPED',
    message: 'This order has shipped. It can no longer be cancelled; issue a refund if needed.',
  },
  Canceled: { code: 'ORDER_ALREADY_CANCELED', message: 'This order is already cancelled.' },
};

const REQUEST_REFUSALS: Partial<Record<OrderStatus, Refusal>> = {
  PartiallyShipped: {
    code: 'ORDER_PARTIALLY_SHIPPED',
    message: 'Part of this order has already shipped, so it can no longer be cancelled. Contact the seller.',
  },
  Shipped: {
    code: 'ORDER_ALREADY_SHIPPED',
    message:
      'This order has already shipped and can no longer be cancelled. You can return it after delivery.',
  },
  Canceled: { code: 'ORDER_ALREADY_CANCELED', message: 'This order is already cancelled.' },
};

const SHIP_REFUSALS: Partial<Record<OrderStatus, Refusal>> = {
  Pending: {
    code: 'ORDER_NOT_SHIPPABLE_PENDING',
    message:
      'This order is Pending: the buyer has not completed payment yet. Do not ship it; it becomes Unshipped when payment completes.',
  },
  PendingAvailability: {
    code: 'ORDER_NOT_SHIPPABLE_PENDING',
    message: 'This order is a pre-order that is not yet available. It cannot be shipped yet.',
  },
  Shipped: {
    code: 'ORDER_ALREADY_SHIPPED',
    message: 'Every item of this order has already been confirmed as shipped.',
  },
  Canceled: { code: 'ORDER_CANCELED', message: 'This order was cancelled and cannot be shipped.' },
  InvoiceUnconfirmed: {
    code: 'ORDER_NOT_SHIPPABLE_INVOICE',
    message: 'The invoice of this order is not confirmed yet, so it cannot be shipped.',
  },
  Unfulfillable: { code: 'ORDER_UNFULFILLABLE', message: 'This order cannot be fulfilled by the seller.' },
};

/** The status after `event`, or a refusal when the table has no such move. */
export function nextStatus(
  from: OrderStatus,
  event: OrderEventName,
): { ok: true; status: OrderStatus } | { ok: false; refusal: Refusal } {
  const to = TRANSITIONS[event][from];
  if (to) return { ok: true, status: to };
  const specific =
    event === 'ship_fully' || event === 'ship_partially'
      ? SHIP_REFUSALS[from]
      : event === 'cancel'
        ? CANCEL_REFUSALS[from]
        : event === 'buyer_cancel_request'
          ? REQUEST_REFUSALS[from]
          : undefined;
  if (specific) return { ok: false, refusal: specific };
  return {
    ok: false,
    refusal: {
      code: 'ILLEGAL_STATUS_TRANSITION',
      message: `An order in status ${from} cannot take the action "${event}".`,
    },
  };
}

/** Whether shipment may be confirmed now (ORD-2: never for a Pending order). */
export function shipmentRefusal(status: OrderStatus): Refusal | null {
  return TRANSITIONS.ship_partially[status] ? null : (SHIP_REFUSALS[status] ?? nextStatusRefusal(status));
}

function nextStatusRefusal(status: OrderStatus): Refusal {
  return { code: 'ILLEGAL_STATUS_TRANSITION', message: `An order in status ${status} cannot be shipped.` };
}
