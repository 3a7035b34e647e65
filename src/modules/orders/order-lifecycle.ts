// ORD-1: order statuses follow SP-API OrderStatus and move only along this table. Guards return a
// refusal (stable code + a sentence a seller understands) instead of throwing.
import type { OrderStatus } from './orders.types.ts';

export type OrderEventName =
  | 'payment_completed' // ORD-2: verification or pay-later (CVS) completion
  | 'ship_partially' // ORD-7
  | 'ship_fully' // ORD-7
  | 'cancel'; // ORD-13

export type Refusal = { code: string; message: string };

export const TRANSITIONS: Readonly<Record<OrderEventName, Partial<Record<OrderStatus, OrderStatus>>>> = {
  payment_completed: { Pending: 'Unshipped', PendingAvailability: 'Pending' },
  ship_partially: { Unshipped: 'PartiallyShipped', PartiallyShipped: 'PartiallyShipped' },
  ship_fully: { Unshipped: 'Shipped', PartiallyShipped: 'Shipped' },
  cancel: {
    Pending: 'Canceled',
    PendingAvailability: 'Canceled',
    Unshipped: 'Canceled',
    PartiallyShipped: 'Canceled',
  },
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
  if (event === 'ship_fully' || event === 'ship_partially') {
    const refusal = SHIP_REFUSALS[from];
    if (refusal) return { ok: false, refusal };
  }
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
