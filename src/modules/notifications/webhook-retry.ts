// NTF-6 webhooks: Svix's retry schedule (reference/notifications.md §3.3), the one Standard
// Webhooks recommends: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, each measured
// from the previous failure (8 attempts over ~27.6 h). After the last one the delivery fails for
// good. Pure, so the send worker (and its tests) can ask "when next?" with any clock.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Wait before attempt n+2, indexed by failed attempts - 1 (attempt 1 runs immediately). */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

/** Attempts in all, the first included. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

/**
 * How long to wait after `failedAttempts` failures (1 = the first attempt just failed), or null
 * when the schedule is exhausted and the delivery must be marked failed.
 */
export function webhookRetryDelayMs(failedAttempts: number): number | null {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) return 0;
  return WEBHOOK_RETRY_DELAYS_MS[failedAttempts - 1] ?? null;
}

/** The moment of the next attempt after a failure at `failedAt`, or null when there is none. */
export function nextWebhookAttemptAt(failedAttempts: number, failedAt: Date): Date | null {
  const delay = webhookRetryDelayMs(failedAttempts);
  return delay === null ? null : new Date(failedAt.getTime() + delay);
}
