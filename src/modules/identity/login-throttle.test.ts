import { describe, expect, it } from 'vitest';
import { retryAfter } from './login-throttle.ts';

const policy = { maxFailures: 3, windowMs: 60_000 };
const at = (s: number) => new Date(1_000_000 + s * 1000);

describe('login throttle', () => {
  it.each([
    ['no failures', [], 10, null],
    ['two recent failures', [1, 2], 10, null],
    ['three recent failures', [1, 2, 3], 10, at(61)],
    ['three failures, one outside the window', [1, 40, 50], 70, null],
    ['five failures: waits for the third newest to age out', [1, 2, 3, 4, 5], 10, at(63)],
  ])('%s', (_n, fails, now, expected) => {
    expect(retryAfter((fails as number[]).map(at), at(now as number), policy)).toEqual(expected);
  });
});
