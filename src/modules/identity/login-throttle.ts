// Login rate limiting: after `maxFailures` failed attempts for the same key (email, or client
// address) inside `windowMs`, further attempts are refused until the window slides past them.

export type ThrottlePolicy = { maxFailures: number; windowMs: number };

export const LOGIN_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60 * 1000 };

/** Returns the moment the key may try again, or null when it may try now. */
export function retryAfter(failures: readonly Date[], now: Date, policy: ThrottlePolicy): Date | null {
  const recent = failures
    .filter((f) => now.getTime() - f.getTime() < policy.windowMs)
    .sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < policy.maxFailures) return null;
  const oldestCounted = recent[recent.length - policy.maxFailures];
  return oldestCounted ? new Date(oldestCounted.getTime() + policy.windowMs) : null;
}
