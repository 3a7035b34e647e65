// MSG-14: every buyer message must be answered within the marketplace's response time, counted in
// plain hours — weekends and holidays included (unlike the business-day ship-by rules, ORD-6).

const HOUR_MS = 3_600_000;

/** When the seller's reply to a buyer message written at `createdAt` is due. */
export function responseDueAt(createdAt: Date, responseTimeHours: number): Date {
  return new Date(createdAt.getTime() + responseTimeHours * HOUR_MS);
}

/** Overdue once the due time is reached (half-open: due at 10:00 is overdue at 10:00). */
export function isOverdue(dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && now.getTime() >= dueAt.getTime();
}

/** PERF-6: was a buyer message answered within the response time? */
export function answeredInTime(
  createdAt: Date,
  respondedAt: Date | null,
  responseTimeHours: number,
): boolean {
  return (
    respondedAt !== null && respondedAt.getTime() < responseDueAt(createdAt, responseTimeHours).getTime()
  );
}

/** MSG-15: is a reply deadline within the marketplace's bounds (hours from now)? */
export function replyDeadlineProblem(
  deadline: Date,
  now: Date,
  bounds: { min: number; max: number },
): string | null {
  const hours = (deadline.getTime() - now.getTime()) / HOUR_MS;
  if (!Number.isFinite(hours)) return 'The reply deadline is not a valid date.';
  if (hours < bounds.min) return `The reply deadline must be at least ${bounds.min} hours from now.`;
  if (hours > bounds.max) return `The reply deadline must be at most ${bounds.max} hours from now.`;
  return null;
}
