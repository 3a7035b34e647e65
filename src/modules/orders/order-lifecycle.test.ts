import { describe, expect, it } from 'vitest';
import { nextStatus, shipmentRefusal } from './order-lifecycle.ts';
import type { OrderStatus } from './orders.types.ts';

describe('order lifecycle (ORD-1)', () => {
  it.each<[OrderStatus, Parameters<typeof nextStatus>[1], OrderStatus | string]>([
    ['Pending', 'payment_completed', 'Unshipped'],
    ['Unshipped', 'ship_partially', 'PartiallyShipped'],
    ['Unshipped', 'ship_fully', 'Shipped'],
    ['PartiallyShipped', 'ship_fully', 'Shipped'],
    ['PartiallyShipped', 'ship_partially', 'PartiallyShipped'],
    ['Pending', 'cancel', 'Canceled'],
    ['Unshipped', 'cancel', 'Canceled'],
    // refusals
    ['Pending', 'ship_fully', 'ORDER_NOT_SHIPPABLE_PENDING'],
    ['Pending', 'ship_partially', 'ORDER_NOT_SHIPPABLE_PENDING'],
    ['Shipped', 'ship_partially', 'ORDER_ALREADY_SHIPPED'],
    ['Canceled', 'ship_fully', 'ORDER_CANCELED'],
    ['Shipped', 'cancel', 'ORDER_ALREADY_SHIPPED'],
    ['PartiallyShipped', 'cancel', 'ORDER_PARTIALLY_SHIPPED'],
    ['Canceled', 'cancel', 'ORDER_ALREADY_CANCELED'],
    ['Unshipped', 'buyer_cancel_request', 'Unshipped'],
    ['Pending', 'buyer_cancel_request', 'Pending'],
    ['Shipped', 'buyer_cancel_request', 'ORDER_ALREADY_SHIPPED'],
    ['Canceled', 'buyer_cancel_request', 'ORDER_ALREADY_CANCELED'],
    ['Unshipped', 'payment_completed', 'ILLEGAL_STATUS_TRANSITION'],
    ['Canceled', 'payment_completed', 'ILLEGAL_STATUS_TRANSITION'],
  ])('%s --%s--> %s', (from, event, expected) => {
    const r = nextStatus(from, event);
    expect(r.ok ? r.status : r.refusal.code).toBe(expected);
  });

  it('refuses to ship a Pending order with a reason a seller understands (ORD-2)', () => {
    const r = shipmentRefusal('Pending');
    expect(r?.code).toBe('ORDER_NOT_SHIPPABLE_PENDING');
    expect(r?.message).toMatch(/not completed payment/);
  });

  it.each<OrderStatus>(['Unshipped', 'PartiallyShipped'])('allows shipping a %s order', (s) => {
    expect(shipmentRefusal(s)).toBeNull();
  });
});
