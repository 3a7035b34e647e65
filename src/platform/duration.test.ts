import { describe, expect, it } from 'vitest';
import { parseDurationMs } from './duration.ts';

describe('ISO 8601 durations for the sandbox clock', () => {
  it.each([
    ['P8D', 8 * 86400_000],
    ['PT1H', 3600_000],
    ['PT90M', 5400_000],
    ['P1W', 7 * 86400_000],
    ['p1d', 86400_000],
    ['P1DT12H', 36 * 3600_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });
  it.each(['8 days', 'P1M', 'P1Y', '-P1D', 'PT0S', ''])('refuses %s', (text) => {
    expect(parseDurationMs(text)).toBeNull();
  });
});
