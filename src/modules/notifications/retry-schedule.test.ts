import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MS } from './retry-schedule.ts';

const now = new Date('2026-11-20T00:00:00Z');
const mid = () => 0.5; // no jitter

describe('retry schedule (NTF-7: temporary failures retried with backoff, then permanent)', () => {
  it.each([
    [1, 60_000],
    [2, 5 * 60_000],
    [3, 30 * 60_000],
    [4, 2 * 3_600_000],
    [5, 6 * 3_600_000],
  ])('after attempt %i waits %i ms', (attempts, ms) => {
    expect(nextAttemptAt(attempts, now, mid)?.getTime()).toBe(now.getTime() + ms);
  });

  it('gives up once every attempt is used', () => {
    expect(MAX_ATTEMPTS).toBe(RETRY_DELAYS_MS.length + 1);
    expect(nextAttemptAt(MAX_ATTEMPTS, now, mid)).toBeNull();
  });

  it('jitters by at most 10% either way', () => {
    expect(nextAttemptAt(1, now, () => 0)?.getTime()).toBe(now.getTime() + 54_000);
    expect(nextAttemptAt(1, now, () => 1)?.getTime()).toBe(now.getTime() + 66_000);
  });
});
