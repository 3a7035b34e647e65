import { useMemo } from 'react';
import { type Language, useI18n } from './i18n';

export interface Money {
  amount: string;
  currencyCode: string;
}

const locales: Record<Language, string> = { en: 'en-US', ja: 'ja-JP', it: 'it-IT' };

export function localeOf(language: Language) {
  return locales[language];
}

/** Decimal places of a currency per ISO 4217 (JPY 0, EUR 2). */
export function currencyDigits(currencyCode: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** Adds decimal-string amounts exactly, in minor units. */
export function sumMoney(values: Money[], currencyCode: string): Money {
  const digits = currencyDigits(currencyCode);
  const scale = 10n ** BigInt(digits);
  let total = 0n;
  for (const value of values) total += toMinor(value.amount, digits);
  const negative = total < 0n;
  const absolute = negative ? -total : total;
  const major = absolute / scale;
  const minor = (absolute % scale).toString().padStart(digits, '0');
  return { amount: `${negative ? '-' : ''}${major}${digits ? `.${minor}` : ''}`, currencyCode };
}

function toMinor(amount: string, digits: number): bigint {
  const negative = amount.trim().startsWith('-');
  const [whole = '0', fraction = ''] = amount.trim().replace(/^[-+]/, '').split('.');
  const minor =
    BigInt(whole || '0') * 10n ** BigInt(digits) +
    BigInt(fraction.padEnd(digits, '0').slice(0, digits) || '0');
  return negative ? -minor : minor;
}

export interface Formatters {
  number: (value: number) => string;
  money: (value: Money) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  /** Seconds left out; for timelines and logs. */
  time: (iso: string) => string;
}

export function makeFormatters(language: Language, timeZone: string | undefined): Formatters {
  const locale = localeOf(language);
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const money = new Map<string, Intl.NumberFormat>();
  const safe = (format: (d: Date) => string) => (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? '—' : format(d);
  };
  return {
    number: (value) => number.format(value),
    money: (value) => {
      let formatter = money.get(value.currencyCode);
      if (!formatter) {
        formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: value.currencyCode });
        money.set(value.currencyCode, formatter);
      }
      // A decimal string keeps exact values (Intl.NumberFormat v3).
      return formatter.format(value.amount as `${number}`);
    },
    date: safe((d) => date.format(d)),
    dateTime: safe((d) => dateTime.format(d)),
    time: safe((d) => time.format(d)),
  };
}

export function useFormat(): Formatters {
  const { language, timeZone } = useI18n();
  return useMemo(() => makeFormatters(language, timeZone), [language, timeZone]);
}
