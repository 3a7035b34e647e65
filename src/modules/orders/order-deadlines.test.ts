import { describe, expect, it } from 'vitest';
import {
  autoCancelCutoff,
  isAutoCancelDue,
  isWarningDue,
  sweepBounds,
  warningStartsAt,
} from './order-deadlines.ts';

const JP = { timeZone: 'Asia/Tokyo', autoCancelDaysAfterShipBy: 7 };
const IT = { timeZone: 'Europe/Rome', autoCancelDaysAfterShipBy: 7 };

describe('ORD-8 deadlines', () => {
  it.each([
    // ship-by (UTC)              rules  cutoff (UTC)
    ['2026-03-10T14:59:59.000Z', JP, '2026-03-17T14:59:59.000Z'],
    // Italy leaves winter time on 2026-03-29: seven local days are 167 hours.
    ['2026-03-25T22:59:59.000Z', IT, '2026-04-01T21:59:59.000Z'],
    // ... and returns to it on 2026-10-25: 169 hours.
    ['2026-10-21T21:59:59.000Z', IT, '2026-10-28T22:59:59.000Z'],
  ])('cutoff of ship-by %s is %s', (shipBy, rules, cutoff) => {
    expect(autoCancelCutoff(new Date(shipBy), rules).toISOString()).toBe(cutoff);
  });

  it.each([
    ['2026-03-10T14:59:59.000Z', JP, '2026-03-09T15:00:00.000Z'], // 10 March 00:00 JST
    ['2026-07-01T21:59:59.000Z', IT, '2026-06-30T22:00:00.000Z'], // 1 July 00:00 CEST
  ])(
    'the warning for ship-by %s starts at %s (local midnight of the ship-by day)',
    (shipBy, rules, start) => {
      expect(warningStartsAt(new Date(shipBy), rules.timeZone).toISOString()).toBe(start);
    },
  );

  it.each([
    ['2026-03-09T14:59:59.999Z', false],
    ['2026-03-09T15:00:00.000Z', true],
  ])('warning due at %s: %s', (now, due) => {
    expect(isWarningDue(new Date('2026-03-10T14:59:59Z'), JP, new Date(now))).toBe(due);
  });

  it.each([
    ['2026-03-17T14:59:58.999Z', false],
    ['2026-03-17T14:59:59.000Z', true],
  ])('auto-cancel due at %s: %s', (now, due) => {
    expect(isAutoCancelDue(new Date('2026-03-10T14:59:59Z'), JP, new Date(now))).toBe(due);
  });

  it('the sweep bounds select a superset of what is due', () => {
    const now = new Date('2026-04-01T21:59:59Z');
    const b = sweepBounds(now, IT);
    const shipBy = new Date('2026-03-25T22:59:59Z'); // due exactly now (167 h across DST)
    expect(shipBy <= b.cancelShipByAtOrBefore).toBe(true);
    expect(isAutoCancelDue(shipBy, IT, now)).toBe(true);
    expect(b.warnShipByBefore.toISOString()).toBe('2026-04-01T22:00:00.000Z');
  });
});
