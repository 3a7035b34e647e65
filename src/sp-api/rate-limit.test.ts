import { describe, expect, it } from 'vitest';
import { parseRateLimitSetting, RateLimiter, take } from './rate-limit.ts';

describe('SP-API token bucket', () => {
  it('allows the burst, then refuses until the rate refills a token', () => {
    let now = 0;
    const rl = new RateLimiter(true, { op: { rate: 0.5, burst: 3 } }, () => now);
    expect([rl.hit('a', 'op'), rl.hit('a', 'op'), rl.hit('a', 'op'), rl.hit('a', 'op')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now = 1999;
    expect(rl.hit('a', 'op')).toBe(false);
    now = 4100; // 2 s per token at 0.5/s
    expect(rl.hit('a', 'op')).toBe(true);
  });
  it('keeps separate buckets per caller', () => {
    const rl = new RateLimiter(true, { op: { rate: 0.01, burst: 1 } }, () => 0);
    expect(rl.hit('a', 'op')).toBe(true);
    expect(rl.hit('b', 'op')).toBe(true);
    expect(rl.hit('a', 'op')).toBe(false);
  });
  it('never holds more than the burst', () => {
    const r = take({ tokens: 2, updatedMs: 0 }, { rate: 10, burst: 3 }, 1_000_000);
    expect(r.bucket.tokens).toBe(2);
  });
  it.each([
    ['off', false],
    ['default', true],
    ['{"getOrders":{"rate":5,"burst":50}}', true],
  ])('parses the setting %s', (s, enabled) => {
    expect(parseRateLimitSetting(s).enabled).toBe(enabled);
  });
  it('refuses a nonsensical override', () => {
    expect(() => parseRateLimitSetting('{"getOrders":{"rate":0,"burst":1}}')).toThrow(/rate > 0/);
  });
});
