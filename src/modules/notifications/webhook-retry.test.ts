import { describe, expect, it } from 'vitest';
import { nextWebhookAttemptAt, WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs } from './webhook-retry.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;

describe('webhook retry schedule (Svix, NTF-6)', () => {
  it.each([
    [1, 5 * s],
    [2, 5 * m],
    [3, 30 * m],
    [4, 2 * h],
    [5, 5 * h],
    [6, 10 * h],
    [7, 10 * h],
    [8, null],
    [9, null],
  ])('after %i failed attempt(s) waits %s ms', (failed, delay) => {
    expect(webhookRetryDelayMs(failed)).toBe(delay);
  });

  it('makes eight attempts in all over about 27.6 hours', () => {
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(8);
    let total = 0;
    for (let n = 1; webhookRetryDelayMs(n) !== null; n++) total += webhookRetryDelayMs(n) ?? 0;
    expect(total).toBe(5 * s + 5 * m + 30 * m + 2 * h + 5 * h + 10 * h + 10 * h);
    expect(total / h).toBeCloseTo(27.6, 1);
  });

  it('three failures then success lands 35 min 5 s after the first attempt', () => {
    let at = new Date('2026-11-20T00:00:00Z');
    for (let n = 1; n <= 3; n++) at = nextWebhookAttemptAt(n, at) as Date;
    expect(at.toISOString()).toBe('2026-11-20T00:35:05.000Z');
  });

  it('has no next attempt once the schedule is exhausted', () => {
    expect(nextWebhookAttemptAt(WEBHOOK_MAX_ATTEMPTS, new Date('2026-11-20T00:00:00Z'))).toBeNull();
  });
});
