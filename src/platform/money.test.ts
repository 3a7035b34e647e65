import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount, splitByWeights } from './money.ts';

describe('money', () => {
  it.each([
    ['1500', 'JPY', 1500n],
    ['0', 'JPY', 0n],
    ['12.50', 'EUR', 1250n],
    ['12.5', 'EUR', 1250n],
    ['12', 'EUR', 1200n],
    ['12.500', 'EUR', 1250n],
    ['10.5', 'JPY', 'TOO_MANY_DECIMALS'],
    ['10.555', 'EUR', 'TOO_MANY_DECIMALS'],
    ['1,5', 'EUR', 'INVALID_AMOUNT'],
    ['abc', 'EUR', 'INVALID_AMOUNT'],
    ['1', 'XXX', 'UNKNOWN_CURRENCY'],
  ])('parses %s %s as %s', (amount, currency, expected) => {
    expect(parseAmount(amount, currency)).toBe(expected);
  });

  it.each([
    [1500n, 'JPY', '1500'],
    [1250n, 'EUR', '12.50'],
    [5n, 'EUR', '0.05'],
    [-5n, 'EUR', '-0.05'],
  ])('formats %s %s as %s', (minor, currency, expected) => {
    expect(formatAmount(minor, currency)).toBe(expected);
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.constantFrom('JPY', 'EUR'),
        (minor, currency) => {
          expect(parseAmount(formatAmount(minor, currency), currency)).toBe(minor);
        },
      ),
    );
  });

  it('splits a total into parts that always sum to it, never negative', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const parts = splitByWeights(total, weights);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          expect(parts.every((p) => p >= 0n)).toBe(true);
        },
      ),
    );
  });

  it('splits proportionally with the largest remainder', () => {
    expect(splitByWeights(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(splitByWeights(1000n, [3000n, 1000n])).toEqual([750n, 250n]);
  });
});
