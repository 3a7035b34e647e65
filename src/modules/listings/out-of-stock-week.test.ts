import { describe, expect, it } from 'vitest';
import { outOfStockWeek } from './out-of-stock-week.ts';

describe('the week an out-of-stock report covers (NTF-5)', () => {
  it.each([
    // Monday 00:00 in Tokyo (Sunday 15:00 UTC): the week that just ended.
    ['2026-11-22T15:00:00Z', 'Asia/Tokyo', '2026-11-16', '2026-11-23', '2026-11-22'],
    // One second earlier it is still Sunday: the report is for the week before.
    ['2026-11-22T14:59:59Z', 'Asia/Tokyo', '2026-11-09', '2026-11-16', '2026-11-15'],
    // Rome, the Monday after the spring DST change (the week had 167 hours).
    ['2026-03-29T22:00:00Z', 'Europe/Rome', '2026-03-23', '2026-03-30', '2026-03-29'],
    // Across a year end.
    ['2027-01-04T10:00:00Z', 'Europe/Rome', '2026-12-28', '2027-01-04', '2027-01-03'],
  ])('at %s in %s reports %s..%s', (at, zone, from, to, last) => {
    expect(outOfStockWeek(new Date(at), zone)).toEqual({ from, to, last });
  });
});
