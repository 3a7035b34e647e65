import { describe, expect, it } from 'vitest';
import { type ActionFacts, messagingActions } from './messaging-actions.ts';

const NOW = new Date('2026-11-20T00:00:00Z');
const base: ActionFacts = {
  status: 'Unshipped',
  shipped: false,
  fullyShipped: false,
  deliveredAt: null,
  refunds: [],
  returnedToSender: false,
  now: NOW,
  messagingWindowDaysAfterDelivery: 30,
};
const reasonOf = (f: Partial<ActionFacts>, name: string) =>
  messagingActions({ ...base, ...f }).find((a) => a.name === name)?.unavailableReason ?? null;
const shipped = { status: 'Shipped', shipped: true, fullyShipped: true };
const delivered = { ...shipped, deliveredAt: new Date('2026-11-10T00:00:00Z') };

describe('MSG-6/12 messaging actions by order state', () => {
  it.each([
    // [facts, action, available?]
    [{}, 'confirmOrderDetails', true],
    [shipped, 'confirmOrderDetails', false],
    [{}, 'confirmCustomizationDetails', true],
    [shipped, 'confirmCustomizationDetails', false],
    [shipped, 'confirmDeliveryDetails', true],
    [delivered, 'confirmDeliveryDetails', false],
    [{}, 'invoice', false],
    [shipped, 'invoice', true],
    [{ status: 'Canceled' }, 'confirmOrderDetails', false],
    [{ status: 'Canceled' }, 'unexpectedProblem', true],
    [{}, 'delay_notice', true],
    [shipped, 'delay_notice', false],
    [{}, 'order_unavailable', false],
    [{ refunds: [{ reason: 'CustomerCancel' }] }, 'order_unavailable', false],
    [{ refunds: [{ reason: 'NoInventory' }] }, 'order_unavailable', true],
    [{ refunds: [{ reason: 'CouldNotShip' }] }, 'order_unavailable', true],
    [delivered, 'return_confirmation', false],
    [{ ...delivered, refunds: [{ reason: 'CustomerReturn' }] }, 'return_confirmation', true],
    [
      { ...shipped, returnedToSender: true, refunds: [{ reason: 'GeneralAdjustment' }] },
      'return_confirmation',
      true,
    ],
    [{ ...shipped, returnedToSender: true }, 'return_confirmation', false],
  ] as [Partial<ActionFacts>, string, boolean][])('%o: %s available = %s', (facts, name, available) => {
    const reason = reasonOf(facts, name);
    if (available) expect(reason).toBeNull();
    else expect(reason).toEqual(expect.any(String));
  });

  it('offers nothing after the MSG-13 window (30 days after delivery)', () => {
    const late = {
      ...delivered,
      refunds: [{ reason: 'CustomerReturn' }],
      now: new Date('2026-12-10T00:00:00Z'),
    };
    const all = messagingActions({ ...base, ...late });
    expect(all.every((a) => a.unavailableReason?.includes('MSG-13'))).toBe(true);
    // One day earlier the window is still open.
    expect(reasonOf({ ...late, now: new Date('2026-12-09T00:00:00Z') }, 'return_confirmation')).toBeNull();
  });
});
