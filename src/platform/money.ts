// Money is integer minor units plus a currency (DESIGN "Money"). Formatting happens only at the
// edge; the wire format is SP-API's Money: a decimal string in major units.

export const CURRENCY_DECIMALS: Readonly<Record<string, number>> = {
  JPY: 0,
  EUR: 2,
  USD: 2,
  GBP: 2,
  CAD: 2,
  MXN: 2,
};

export type Money = { minor: bigint; currency: string };

export function decimalsOf(currency: string): number | undefined {
  return CURRENCY_DECIMALS[currency];
}

export type ParseMoneyError = 'UNKNOWN_CURRENCY' | 'INVALID_AMOUNT' | 'TOO_MANY_DECIMALS';

/** "12.50" EUR → 1250n. Refuses more decimals than the currency has (no silent rounding). */
export function parseAmount(amount: string, currency: string): bigint | ParseMoneyError {
  const decimals = decimalsOf(currency);
  if (decimals === undefined) return 'UNKNOWN_CURRENCY';
  const m = /^(-)?(\d{1,15})(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) return 'INVALID_AMOUNT';
  const [, sign, whole = '0', frac = ''] = m;
  const trimmed = frac.replace(/0+$/, '');
  if (trimmed.length > decimals) return 'TOO_MANY_DECIMALS';
  const minor = BigInt(whole + trimmed.padEnd(decimals, '0'));
  return sign ? -minor : minor;
}

/** 1250n EUR → "12.50"; 1500n JPY → "1500". */
export function formatAmount(minor: bigint, currency: string): string {
  const decimals = decimalsOf(currency) ?? 2;
  const neg = minor < 0n;
  const abs = (neg ? -minor : minor).toString().padStart(decimals + 1, '0');
  const whole = abs.slice(0, abs.length - decimals);
  const frac = decimals ? `.${abs.slice(abs.length - decimals)}` : '';
  return `${neg ? '-' : ''}${whole}${frac}`;
}

/** SP-API Money object. */
export function toWire(minor: bigint, currency: string): { CurrencyCode: string; Amount: string } {
  return { CurrencyCode: currency, Amount: formatAmount(minor, currency) };
}

/**
 * Splits a total into parts proportional to weights with the largest-remainder method, so the
 * parts always sum to the total (used for per-item proration of charges and refunds).
 */
export function splitByWeights(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    const parts = weights.map(() => 0n);
    parts[0] = total;
    return parts;
  }
  const base = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - base.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left === 0n) break;
    base[i] = (base[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return base;
}
