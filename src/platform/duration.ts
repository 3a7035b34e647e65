import { Temporal } from 'temporal-polyfill';

/**
 * Parses an ISO 8601 duration such as "P8D", "PT36H" or "P1W" into milliseconds.
 * Days are exact 24-hour days here: the sandbox clock moves an instant, not a calendar date.
 * Returns null for anything that is not a positive duration without months or years.
 */
export function parseDurationMs(text: string): number | null {
  let d: Temporal.Duration;
  try {
    d = Temporal.Duration.from(text.trim().toUpperCase());
  } catch {
    return null;
  }
  if (d.years !== 0 || d.months !== 0 || d.sign <= 0) return null;
  const ms = d.total({ unit: 'milliseconds', relativeTo: '2000-01-01T00:00:00+00:00[UTC]' });
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}
