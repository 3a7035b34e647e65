// NTF-6 digest windows: daily, weekly (from Monday) and monthly (from the 1st) in the seller's IANA
// time zone, half-open [start, end), flushed at the end. Computed on local calendar dates and
// turned into instants with Temporal, so a window is 23 or 25 hours long across a daylight-saving
// change (Europe/Rome), and a local midnight that does not exist (a DST gap at 00:00, as in
// America/Sao_Paulo until 2019) starts at the first instant of that local day. Pure.
import { Temporal } from 'temporal-polyfill';

export type DigestFrequency = 'daily' | 'weekly' | 'monthly';

export type DigestWindow = {
  frequency: DigestFrequency;
  /** The first local date of the window (YYYY-MM-DD), in the seller's zone. */
  localStart: string;
  /** First instant of the window (inclusive). */
  start: Date;
  /** First instant after the window (exclusive): the digest is flushed then. */
  end: Date;
};

function firstDateOfWindow(date: Temporal.PlainDate, frequency: DigestFrequency): Temporal.PlainDate {
  if (frequency === 'daily') return date;
  // ISO weekday: Monday = 1.
  if (frequency === 'weekly') return date.subtract({ days: date.dayOfWeek - 1 });
  return date.with({ day: 1 });
}

function nextWindowDate(start: Temporal.PlainDate, frequency: DigestFrequency): Temporal.PlainDate {
  if (frequency === 'daily') return start.add({ days: 1 });
  if (frequency === 'weekly') return start.add({ weeks: 1 });
  return start.add({ months: 1 });
}

/** The first instant of a local date: `startOfDay` handles a midnight inside a DST gap. */
function startOf(date: Temporal.PlainDate, timeZone: string): Date {
  return new Date(date.toZonedDateTime({ timeZone }).startOfDay().epochMilliseconds);
}

/** The digest window that contains the instant `at` for a seller in `timeZone`. */
export function digestWindow(at: Date, frequency: DigestFrequency, timeZone: string): DigestWindow {
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  const first = firstDateOfWindow(local.toPlainDate(), frequency);
  return {
    frequency,
    localStart: first.toString(),
    start: startOf(first, timeZone),
    end: startOf(nextWindowDate(first, frequency), timeZone),
  };
}

/** The window right after `w` (used when an item arrives for a window already flushed). */
export function nextDigestWindow(w: DigestWindow, timeZone: string): DigestWindow {
  return digestWindow(w.end, w.frequency, timeZone);
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}
