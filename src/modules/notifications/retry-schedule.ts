// NTF-7/8: temporary failures are retried with backoff; past the limit they count as permanent.
// Delays grow 1 min → 5 min → 30 min → 2 h → 6 h (about 9 hours in all), with ±10% jitter so a
// burst that failed together does not retry together.

export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;
/** Attempts in all (the first one plus the retries). */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When to try again after `attempts` failed attempts, or null when the limit is reached. */
export function nextAttemptAt(attempts: number, now: Date, random: () => number = Math.random): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const base: number = RETRY_DELAYS_MS[Math.max(0, attempts - 1)] ?? 6 * 3_600_000;
  const jitter = 1 + (random() * 2 - 1) * 0.1;
  return new Date(now.getTime() + Math.round(base * jitter));
}
