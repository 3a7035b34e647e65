import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DigestFrequency, digestWindow, isKnownTimeZone, nextDigestWindow } from './digest-window.ts';

const iso = (d: Date) => d.toISOString();
const hours = (w: { start: Date; end: Date }) => (w.end.getTime() - w.start.getTime()) / 3600_000;

describe('digest windows in the seller time zone (NTF-6)', () => {
  it.each([
    // [at (UTC), frequency, zone, start, end, hours]
    [
      '2026-11-20T14:59:59Z',
      'daily',
      'Asia/Tokyo',
      '2026-11-19T15:00:00.000Z',
      '2026-11-20T15:00:00.000Z',
      24,
    ],
    [
      '2026-11-20T15:00:00Z',
      'daily',
      'Asia/Tokyo',
      '2026-11-20T15:00:00.000Z',
      '2026-11-21T15:00:00.000Z',
      24,
    ],
    // Europe/Rome spring forward (29 March 2026, 02:00 → 03:00): a 23-hour day.
    [
      '2026-03-29T01:30:00Z',
      'daily',
      'Europe/Rome',
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
      23,
    ],
    // Fall back (25 October 2026, 03:00 → 02:00): 02:30 happens twice, both in one 25-hour day.
    [
      '2026-10-25T00:30:00Z',
      'daily',
      'Europe/Rome',
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
      25,
    ],
    [
      '2026-10-25T01:30:00Z',
      'daily',
      'Europe/Rome',
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
      25,
    ],
    // A local midnight inside a DST gap: São Paulo skipped 00:00-01:00 on 4 November 2018.
    [
      '2018-11-04T12:00:00Z',
      'daily',
      'America/Sao_Paulo',
      '2018-11-04T03:00:00.000Z',
      '2018-11-05T02:00:00.000Z',
      23,
    ],
    // Weekly from Monday 00:00 local; the week of the Rome spring change is 167 hours.
    [
      '2026-03-29T20:00:00Z',
      'weekly',
      'Europe/Rome',
      '2026-03-22T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
      167,
    ],
    [
      '2026-03-29T22:00:00Z',
      'weekly',
      'Europe/Rome',
      '2026-03-29T22:00:00.000Z',
      '2026-04-05T22:00:00.000Z',
      168,
    ],
    // Sunday 23:30 in Tokyo is still the week that began on Monday the 16th.
    [
      '2026-11-22T14:30:00Z',
      'weekly',
      'Asia/Tokyo',
      '2026-11-15T15:00:00.000Z',
      '2026-11-22T15:00:00.000Z',
      168,
    ],
    // Monthly from the 1st: October in Rome has the 25-hour day; month ends and the leap day.
    [
      '2026-10-31T22:59:59Z',
      'monthly',
      'Europe/Rome',
      '2026-09-30T22:00:00.000Z',
      '2026-10-31T23:00:00.000Z',
      745,
    ],
    [
      '2026-10-31T23:00:00Z',
      'monthly',
      'Europe/Rome',
      '2026-10-31T23:00:00.000Z',
      '2026-11-30T23:00:00.000Z',
      720,
    ],
    [
      '2028-02-29T12:00:00Z',
      'monthly',
      'Asia/Tokyo',
      '2028-01-31T15:00:00.000Z',
      '2028-02-29T15:00:00.000Z',
      696,
    ],
    [
      '2028-02-29T12:00:00Z',
      'daily',
      'Europe/Rome',
      '2028-02-28T23:00:00.000Z',
      '2028-02-29T23:00:00.000Z',
      24,
    ],
    [
      '2026-12-31T15:30:00Z',
      'monthly',
      'Asia/Tokyo',
      '2026-12-31T15:00:00.000Z',
      '2027-01-31T15:00:00.000Z',
      744,
    ],
  ] as const)('%s %s in %s → [%s, %s)', (at, frequency, zone, start, end, h) => {
    const w = digestWindow(new Date(at), frequency as DigestFrequency, zone);
    expect(iso(w.start)).toBe(start);
    expect(iso(w.end)).toBe(end);
    expect(hours(w)).toBe(h);
  });

  it('names the window by its first local date', () => {
    expect(digestWindow(new Date('2026-03-29T20:00:00Z'), 'weekly', 'Europe/Rome').localStart).toBe(
      '2026-03-23',
    );
    expect(digestWindow(new Date('2026-10-31T23:30:00Z'), 'monthly', 'Europe/Rome').localStart).toBe(
      '2026-11-01',
    );
  });

  it('the next window starts where the previous ends', () => {
    const w = digestWindow(new Date('2026-10-24T12:00:00Z'), 'daily', 'Europe/Rome');
    const n = nextDigestWindow(w, 'Europe/Rome');
    expect(n.start).toEqual(w.end);
    expect(hours(n)).toBe(25);
  });

  it('every instant lies in exactly one window, and windows tile time (property)', () => {
    const zones = [
      'Europe/Rome',
      'Asia/Tokyo',
      'America/Sao_Paulo',
      'Australia/Lord_Howe',
      'America/New_York',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom<DigestFrequency>('daily', 'weekly', 'monthly'),
        fc.constantFrom(...zones),
        (ms, f, zone) => {
          const at = new Date(ms);
          const w = digestWindow(at, f, zone);
          expect(w.start.getTime()).toBeLessThanOrEqual(ms);
          expect(w.end.getTime()).toBeGreaterThan(ms);
          // The instant just before the end is in the same window; the end starts the next one.
          expect(digestWindow(new Date(w.end.getTime() - 1), f, zone).start).toEqual(w.start);
          expect(digestWindow(w.end, f, zone).start).toEqual(w.end);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('knows IANA zones', () => {
    expect(isKnownTimeZone('Europe/Rome')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
