import { describe, expect, it } from 'vitest';
import {
  autoCancelAt,
  homeAlerts,
  isShipmentLate,
  timelineMessage,
  timelineParams,
  type ShipByRules,
} from './order-view.ts';
import type { OrderStatus } from './orders.types.ts';

const tokyo: ShipByRules = { timeZone: 'Asia/Tokyo', autoCancelDaysAfterShipBy: 7 };
const rome: ShipByRules = { timeZone: 'Europe/Rome', autoCancelDaysAfterShipBy: 7 };
// Ship by Wednesday 25 Nov 2026, end of the day in Tokyo.
const shipBy = new Date('2026-11-25T14:59:59Z');
const order = (status: OrderStatus, latestShipDate: Date | null = shipBy) => ({ status, latestShipDate });

describe('shipment late (ORD-7)', () => {
  it.each([
    ['Unshipped', '2026-11-25T15:00:00Z', true],
    ['PartiallyShipped', '2026-11-25T15:00:00Z', true],
    ['Unshipped', '2026-11-25T14:59:59Z', false],
    ['Shipped', '2026-12-20T00:00:00Z', false],
    ['Pending', '2026-12-20T00:00:00Z', false],
    ['Canceled', '2026-12-20T00:00:00Z', false],
  ] as const)('%s at %s is late: %s', (status, now, late) => {
    expect(isShipmentLate(order(status), new Date(now))).toBe(late);
  });

  it('an order without a ship-by date (AFN) is never late', () => {
    expect(isShipmentLate(order('Unshipped', null), new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('auto-cancel cutoff (ORD-8)', () => {
  it('is unknown before the local ship-by date and set from its first minute on', () => {
    expect(autoCancelAt(order('Unshipped'), tokyo, new Date('2026-11-24T14:59:59Z'))).toBeNull();
    expect(autoCancelAt(order('Unshipped'), tokyo, new Date('2026-11-24T15:00:00Z'))?.toISOString()).toBe(
      '2026-12-02T14:59:59.000Z',
    );
    expect(autoCancelAt(order('Unshipped'), tokyo, new Date('2026-12-05T00:00:00Z'))?.toISOString()).toBe(
      '2026-12-02T14:59:59.000Z',
    );
  });

  it('follows the marketplace setting', () => {
    const cutoff = autoCancelAt(order('Unshipped'), { ...tokyo, autoCancelDaysAfterShipBy: 30 }, shipBy);
    expect(cutoff?.toISOString()).toBe('2026-12-25T14:59:59.000Z');
  });

  it('keeps the end of the local day across a daylight saving change (Italy, end of October)', () => {
    const romeShipBy = new Date('2026-10-23T21:59:59Z'); // Friday 23 Oct, 23:59:59 CEST
    const cutoff = autoCancelAt(order('Unshipped', romeShipBy), rome, romeShipBy);
    expect(cutoff?.toISOString()).toBe('2026-10-30T22:59:59.000Z'); // Friday 30 Oct, 23:59:59 CET
  });

  it.each(['PartiallyShipped', 'Shipped', 'Pending', 'Canceled'] as const)(
    'does not apply to %s orders',
    (s) => {
      expect(autoCancelAt(order(s), tokyo, new Date('2026-11-26T00:00:00Z'))).toBeNull();
    },
  );

  it('does not apply without a ship-by date', () => {
    expect(autoCancelAt(order('Unshipped', null), tokyo, new Date('2026-11-26T00:00:00Z'))).toBeNull();
  });
});

describe('timeline entries', () => {
  const shipments = [
    {
      id: 'shp_1',
      carrierCode: 'Other',
      carrierName: 'Kuroneko Local',
      trackingNumber: 'KL-1',
    },
  ] as never;

  it('sends the values of each kind as params, and an English sentence', () => {
    const confirmed = timelineParams(
      {
        kind: 'shipment_confirmed',
        data: { shipmentId: 'shp_1', carrierCode: 'Other', trackingNumber: 'KL-1', late: true },
      },
      shipments,
    );
    expect(confirmed).toEqual({
      carrierCode: 'Other',
      carrierName: 'Kuroneko Local',
      trackingNumber: 'KL-1',
      late: true,
    });
    expect(timelineMessage('shipment_confirmed', confirmed)).toBe(
      'Shipment confirmed: Kuroneko Local KL-1 (after the ship-by date)',
    );

    const captured = timelineParams(
      { kind: 'payment_captured', data: { amount: '1250', currency: 'EUR' } },
      [],
    );
    expect(captured).toEqual({ amount: '12.50', currencyCode: 'EUR' });
    expect(timelineMessage('payment_captured', captured)).toBe('Buyer charged 12.50 EUR for the whole order');

    const notified = timelineParams(
      { kind: 'buyer_notified_shipment', data: { shipmentId: 'shp_1' } },
      shipments,
    );
    expect(notified).toEqual({ trackingNumber: 'KL-1' });
    expect(timelineMessage('buyer_notified_shipment', notified)).toBe(
      'Shipment email sent to the buyer (tracking KL-1)',
    );

    const failed = timelineParams(
      { kind: 'buyer_email_failed', data: { shipmentId: 'shp_gone', responseCode: 550 } },
      shipments,
    );
    expect(failed).toEqual({ trackingNumber: null, responseCode: 550 });
    expect(timelineMessage('buyer_email_failed', failed)).toBe(
      'The shipment email could not be delivered to the buyer (SMTP 550)',
    );
  });

  it('reads an unknown kind as words, with no params', () => {
    expect(timelineParams({ kind: 'feedback_received', data: { rating: 5 } }, [])).toEqual({});
    expect(timelineMessage('feedback_received', {})).toBe('Feedback received');
  });
});

describe('home alerts', () => {
  it('carry the count as params beside the English message, linking to the matching orders', () => {
    expect(homeAlerts({ late: 0, shipByWarning: 2, cancelRequests: 0, pending: 1 })).toEqual([
      {
        severity: 'warning',
        code: 'AUTO_CANCEL_WARNING',
        message:
          '2 order(s) will be cancelled automatically unless you confirm them as shipped by the date shown.',
        params: { count: 2 },
        link: '/orders?status=Unshipped&view=shipByWarning&sort=shipBy',
      },
      {
        severity: 'info',
        code: 'ORDERS_PENDING_PAYMENT',
        message: '1 order(s) are Pending payment. Do not ship them until they become Unshipped.',
        params: { count: 1 },
        link: '/orders?status=Pending',
      },
    ]);
  });

  it('put late shipments first and buyer cancellation requests among the warnings', () => {
    expect(homeAlerts({ late: 3, shipByWarning: 0, cancelRequests: 1, pending: 0 })).toMatchObject([
      {
        severity: 'critical',
        code: 'SHIPMENT_IS_LATE',
        params: { count: 3 },
        link: '/orders?status=All&view=late&sort=shipBy',
      },
      { severity: 'warning', code: 'BUYER_CANCEL_REQUESTS', params: { count: 1 } },
    ]);
    expect(homeAlerts({ late: 0, shipByWarning: 0, cancelRequests: 0, pending: 0 })).toEqual([]);
  });
});
