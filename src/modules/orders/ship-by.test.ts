import { describe, expect, it } from 'vitest';
import { computeShipByWindow, handlingStartDay } from './ship-by.ts';

const tokyo = {
  timeZone: 'Asia/Tokyo',
  businessWeekdays: [1, 2, 3, 4, 5],
  holidays: ['2026-11-23', '2027-01-01'],
};

describe('ship-by window (ORD-6)', () => {
  it.each([
    // purchase instant (UTC), expected first handling day (Tokyo)
    ['2026-11-18T01:00:00Z', '2026-11-18', 'Wednesday 10:00 local, before the cut-off'],
    ['2026-11-18T06:00:00Z', '2026-11-19', 'Wednesday 15:00 local, after the cut-off'],
    ['2026-11-21T01:00:00Z', '2026-11-24', 'Saturday; Monday 23 Nov is a holiday'],
    ['2026-11-20T05:00:00Z', '2026-11-24', 'Friday 14:00 local is at the cut-off'],
  ])('orders at %s start handling on %s (%s)', (at, day) => {
    expect(handlingStartDay(new Date(at), tokyo, '14:00').toString()).toBe(day);
  });

  it('adds handling days in business days and ends the ship-by day at local midnight', () => {
    const w = computeShipByWindow({
      purchaseDate: new Date('2026-11-20T01:00:00Z'), // Friday 10:00 Tokyo
      handlingDays: 2,
      calendar: tokyo,
      sameDayCutoffLocalTime: '14:00',
      transitDays: { min: 1, max: 3 },
    });
    // Friday counts as day 0; +2 business days skips the weekend and the 23 Nov holiday.
    expect(w.latestShipDate.toISOString()).toBe('2026-11-25T14:59:59.000Z');
    expect(w.earliestDeliveryDate.toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect(w.latestDeliveryDate.toISOString()).toBe('2026-11-30T14:59:59.000Z');
  });

  it('ships on the same day with zero handling days before the cut-off', () => {
    const w = computeShipByWindow({
      purchaseDate: new Date('2026-11-18T01:00:00Z'),
      handlingDays: 0,
      calendar: tokyo,
      sameDayCutoffLocalTime: '14:00',
      transitDays: { min: 1, max: 2 },
    });
    expect(w.latestShipDate.toISOString()).toBe('2026-11-18T14:59:59.000Z');
  });
});
