import { Temporal } from 'temporal-polyfill';

/** A business-day calendar: working weekdays plus a list of holidays (local dates). */
export type BusinessCalendar = {
  timeZone: string;
  businessWeekdays: readonly number[];
  holidays: readonly string[];
};

export function isBusinessDay(date: Temporal.PlainDate, cal: BusinessCalendar): boolean {
  return cal.businessWeekdays.includes(date.dayOfWeek) && !cal.holidays.includes(date.toString());
}

/** The first business day on or after `date`. */
export function nextBusinessDayOnOrAfter(
  date: Temporal.PlainDate,
  cal: BusinessCalendar,
): Temporal.PlainDate {
  let d = date;
  for (let guard = 0; guard < 366 && !isBusinessDay(d, cal); guard++) d = d.add({ days: 1 });
  return d;
}

/** `date` plus `n` business days (n = 0 returns the date itself when it is a business day). */
export function addBusinessDays(
  date: Temporal.PlainDate,
  n: number,
  cal: BusinessCalendar,
): Temporal.PlainDate {
  let d = nextBusinessDayOnOrAfter(date, cal);
  for (let i = 0; i < n; i++) d = nextBusinessDayOnOrAfter(d.add({ days: 1 }), cal);
  return d;
}

export function toZoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

/** Start of a local date in the calendar's zone, as an instant. */
export function startOfLocalDay(date: Temporal.PlainDate, timeZone: string): Date {
  return new Date(date.toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** Last millisecond of a local date (windows are half-open; this is the inclusive display end). */
export function endOfLocalDay(date: Temporal.PlainDate, timeZone: string): Date {
  return new Date(date.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds - 1000);
}
