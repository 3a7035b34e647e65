// NTF-5: the week an out-of-stock report covers: the last complete local week (Monday to Sunday)
// in the seller's zone at `now`. Days are local calendar dates, so DST changes do not matter. Pure.
import { Temporal } from 'temporal-polyfill';

export type ReportWeek = {
  /** Monday of the reported week (YYYY-MM-DD): also the report's identity. */
  from: string;
  /** The Monday after (exclusive). */
  to: string;
  /** Sunday, the last day reported (inclusive, for display). */
  last: string;
};

export function outOfStockWeek(now: Date, timeZone: string): ReportWeek {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  const thisMonday = today.subtract({ days: today.dayOfWeek - 1 });
  const from = thisMonday.subtract({ weeks: 1 });
  return {
    from: from.toString(),
    to: thisMonday.toString(),
    last: thisMonday.subtract({ days: 1 }).toString(),
  };
}
