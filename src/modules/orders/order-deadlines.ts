// ORD-8 deadlines as pure functions: when the "Confirm as shipped by DATE" warning starts and when
// an unconfirmed order is auto-cancelled. The sweeps (order-deadlines.service.ts) select rows with
// these bounds; the views (order-view.ts) show the same dates, so the page and the sweep agree.
import { startOfLocalDay, toZoned } from '../../platform/business-days.ts';

/** What the verdicts need from the order's marketplace: its zone and the ORD-8 setting. */
export type DeadlineRules = { timeZone: string; autoCancelDaysAfterShipBy: number };

/**
 * Cutoffs already computed. Zoned date arithmetic costs 0.1–0.3 ms per call (temporal-polyfill),
 * which made it the largest part of an auto-cancel sweep over 100,000 orders (tens of seconds,
 * docs/benchmarks.md); ship-by dates repeat (windows are per local day and cut-off side: a few
 * hundred distinct values among 100,000 orders), so each is computed once. Bounded: cleared when
 * full.
 */
const cutoffs = new Map<string, number>();
const CUTOFF_CACHE_SIZE = 10_000;

/** ORD-8: an order still unconfirmed is cancelled at its ship-by date plus the setting's days. */
export function autoCancelCutoff(latestShipDate: Date, rules: DeadlineRules): Date {
  const key = `${latestShipDate.getTime()}|${rules.timeZone}|${rules.autoCancelDaysAfterShipBy}`;
  let at = cutoffs.get(key);
  if (at === undefined) {
    const shipBy = toZoned(latestShipDate, rules.timeZone);
    at = shipBy.add({ days: rules.autoCancelDaysAfterShipBy }).epochMilliseconds;
    if (cutoffs.size >= CUTOFF_CACHE_SIZE) cutoffs.clear();
    cutoffs.set(key, at);
  }
  return new Date(at);
}

/** ORD-8: the warning starts on the ship-by date (local midnight of that day in the marketplace). */
export function warningStartsAt(latestShipDate: Date, timeZone: string): Date {
  return startOfLocalDay(toZoned(latestShipDate, timeZone).toPlainDate(), timeZone);
}

/**
 * Bounds for the sweep queries at `now`:
 * - `warnShipByBefore`: orders whose ship-by is before the next local midnight have reached their
 *   ship-by day (so their warning is due);
 * - `cancelShipByAtOrBefore`: a superset bound for auto-cancel candidates (a local day can be 23 or
 *   25 hours long across daylight-saving changes, so allow two hours); `isAutoCancelDue` decides.
 */
export function sweepBounds(now: Date, rules: DeadlineRules) {
  const today = toZoned(now, rules.timeZone).toPlainDate();
  const warnShipByBefore = startOfLocalDay(today.add({ days: 1 }), rules.timeZone);
  const cancelShipByAtOrBefore = new Date(
    now.getTime() - rules.autoCancelDaysAfterShipBy * 86_400_000 + 2 * 3_600_000,
  );
  return { warnShipByBefore, cancelShipByAtOrBefore };
}

export function isWarningDue(latestShipDate: Date, rules: DeadlineRules, now: Date): boolean {
  return warningStartsAt(latestShipDate, rules.timeZone) <= now;
}

export function isAutoCancelDue(latestShipDate: Date, rules: DeadlineRules, now: Date): boolean {
  return autoCancelCutoff(latestShipDate, rules) <= now;
}
