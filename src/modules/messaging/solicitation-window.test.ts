import { describe, expect, it } from 'vitest';
import { checkSolicitation, type SolicitationOrder, solicitationWindow } from './solicitation-window.ts';

const policy = { solicitationFromDaysAfterEarliestDelivery: 5, solicitationToDaysAfterLatestDelivery: 30 };
const d = (s: string) => new Date(s);
const order = (over: Partial<SolicitationOrder> = {}): SolicitationOrder => ({
  status: 'Shipped',
  earliestDeliveryDate: d('2026-11-10T00:00:00Z'),
  latestDeliveryDate: d('2026-11-12T00:00:00Z'),
  deliveredAt: null,
  ...over,
});

describe('solicitation window (Solicitations v1: 5 days after EarliestDeliveryDate to 30 days after LatestDeliveryDate)', () => {
  it('places the window from the delivery estimate', () => {
    expect(solicitationWindow(order(), policy)).toEqual({
      from: d('2026-11-15T00:00:00Z'),
      to: d('2026-12-12T00:00:00Z'),
    });
  });

  it('falls back to the delivery when the order has no estimate, and is null without either', () => {
    const delivered = order({
      earliestDeliveryDate: null,
      latestDeliveryDate: null,
      deliveredAt: d('2026-11-11T00:00:00Z'),
    });
    expect(solicitationWindow(delivered, policy)).toEqual({
      from: d('2026-11-16T00:00:00Z'),
      to: d('2026-12-11T00:00:00Z'),
    });
    expect(
      solicitationWindow(order({ earliestDeliveryDate: null, latestDeliveryDate: null }), policy),
    ).toBeNull();
  });

  const cases: [string, Partial<SolicitationOrder>, string, boolean, string | null][] = [
    [
      'refuses 1 ms before 5 days after the earliest delivery date',
      {},
      '2026-11-14T23:59:59.999Z',
      false,
      'too_early',
    ],
    ['allows exactly 5 days after the earliest delivery date', {}, '2026-11-15T00:00:00Z', false, null],
    [
      'allows 1 ms before 30 days after the latest delivery date',
      {},
      '2026-12-11T23:59:59.999Z',
      false,
      null,
    ],
    [
      'refuses exactly 30 days after the latest delivery date (half-open)',
      {},
      '2026-12-12T00:00:00Z',
      false,
      'too_late',
    ],
    ['refuses a second solicitation for the order', {}, '2026-11-20T00:00:00Z', true, 'already_sent'],
    [
      'refuses an unshipped order inside the window',
      { status: 'Unshipped' },
      '2026-11-20T00:00:00Z',
      false,
      'not_shipped',
    ],
    ['refuses a canceled order', { status: 'Canceled' }, '2026-11-20T00:00:00Z', false, 'not_shipped'],
    ['allows a partially shipped order', { status: 'PartiallyShipped' }, '2026-11-20T00:00:00Z', false, null],
    [
      'allows a delivered order whose status lags',
      { status: 'Unshipped', deliveredAt: d('2026-11-11T00:00:00Z') },
      '2026-11-20T00:00:00Z',
      false,
      null,
    ],
    [
      'refuses a shipped order without any delivery date',
      { earliestDeliveryDate: null, latestDeliveryDate: null },
      '2026-11-20T00:00:00Z',
      false,
      'no_delivery_date',
    ],
  ];
  it.each(cases)('%s', (_name, over, now, alreadySent, reason) => {
    const r = checkSolicitation(d(now), order(over), policy, alreadySent);
    expect(r.allowed ? null : r.reason).toBe(reason);
  });
});
