// ORD-6: every MFN order carries a ship-by window (order time plus the listing's handling time
// in business days, with a same-day cut-off) and a deliver-by window.
import { Temporal } from 'temporal-polyfill';
import {
  addBusinessDays,
  type BusinessCalendar,
  endOfLocalDay,
  nextBusinessDayOnOrAfter,
  startOfLocalDay,
  toZoned,
} from '../../platform/business-days.ts';

export type ShipByInput = {
  purchaseDate: Date;
  handlingDays: number;
  calendar: BusinessCalendar;
  /** Local time "HH:MM": orders at or after it count from the next business day. */
  sameDayCutoffLocalTime: string;
  transitDays: { min: number; max: number };
};

export type ShipByWindow = {
  earliestShipDate: Date;
  latestShipDate: Date;
  earliestDeliveryDate: Date;
  latestDeliveryDate: Date;
};

/** The first local business day that counts towards handling time. */
export function handlingStartDay(
  purchaseDate: Date,
  calendar: BusinessCalendar,
  cutoff: string,
): Temporal.PlainDate {
  const local = toZoned(purchaseDate, calendar.timeZone);
  const day = local.toPlainDate();
  const cutoffTime = Temporal.PlainTime.from(cutoff);
  const beforeCutoff = Temporal.PlainTime.compare(local.toPlainTime(), cutoffTime) < 0;
  const sameDayCounts = beforeCutoff && nextBusinessDayOnOrAfter(day, calendar).equals(day);
  return nextBusinessDayOnOrAfter(sameDayCounts ? day : day.add({ days: 1 }), calendar);
}

export function computeShipByWindow(input: ShipByInput): ShipByWindow {
  const { calendar } = input;
  const start = handlingStartDay(input.purchaseDate, calendar, input.sameDayCutoffLocalTime);
  const shipBy = addBusinessDays(start, Math.max(0, input.handlingDays), calendar);
  const deliverFrom = addBusinessDays(shipBy, Math.max(1, input.transitDays.min), calendar);
  const deliverBy = addBusinessDays(shipBy, Math.max(input.transitDays.min, input.transitDays.max), calendar);
  return {
    earliestShipDate: input.purchaseDate,
    latestShipDate: endOfLocalDay(shipBy, calendar.timeZone),
    earliestDeliveryDate: startOfLocalDay(deliverFrom, calendar.timeZone),
    latestDeliveryDate: endOfLocalDay(deliverBy, calendar.timeZone),
  };
}
