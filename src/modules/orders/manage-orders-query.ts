// Manage Orders query rules (ORD-3), pure: what a search term means, the local date window of the
// date filter, and the opaque page cursor.
import { Temporal } from 'temporal-polyfill';
import { startOfLocalDay } from '../../platform/business-days.ts';

export type SearchTerm =
  | { kind: 'orderId'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'sku'; value: string };

const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

/**
 * ORD-3: one search box finds orders by order id, buyer email (real or relay) or SKU. The shape
 * decides: `503-1234567-1234567` is an order id, anything with an @ an email, the rest a SKU
 * (exact and case-sensitive, as SKUs are). Each kind is one index lookup, never a scan.
 */
export function classifySearch(raw: string | undefined): SearchTerm | undefined {
  const value = raw?.normalize('NFKC').trim();
  if (!value) return undefined;
  if (ORDER_ID.test(value)) return { kind: 'orderId', value };
  if (value.includes('@')) return { kind: 'email', value: value.toLowerCase() };
  return { kind: 'sku', value };
}

export type DateWindow = { from?: Date; to?: Date };

/**
 * The purchase-date filter: local dates (YYYY-MM-DD) of the seller's marketplace, both days
 * included, as the half-open instant window [from 00:00, day after `to` 00:00).
 */
export function purchaseWindow(
  from: string | undefined,
  to: string | undefined,
  timeZone: string,
): { ok: true; window: DateWindow } | { ok: false; message: string } {
  const parse = (s: string | undefined) => {
    if (!s) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
    try {
      return Temporal.PlainDate.from(s, { overflow: 'reject' });
    } catch {
      return null;
    }
  };
  const a = parse(from);
  const b = parse(to);
  if (a === null || b === null) return { ok: false, message: 'Dates must be written YYYY-MM-DD.' };
  if (a && b && Temporal.PlainDate.compare(a, b) > 0) {
    return { ok: false, message: 'The start date must be on or before the end date.' };
  }
  return {
    ok: true,
    window: {
      ...(a ? { from: startOfLocalDay(a, timeZone) } : {}),
      ...(b ? { to: startOfLocalDay(b.add({ days: 1 }), timeZone) } : {}),
    },
  };
}

export type PageCursor = { at: Date | null; id: string };

/** An opaque, URL-safe cursor: the sort key and id of the row a page starts after. */
export function encodeCursor(c: PageCursor): string {
  return Buffer.from(JSON.stringify([c.at ? c.at.getTime() : null, c.id])).toString('base64url');
}

export function decodeCursor(token: string): PageCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [at, id] = v as [unknown, unknown];
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) return null;
    if (at === null) return { at: null, id };
    if (typeof at !== 'number' || !Number.isFinite(at)) return null;
    return { at: new Date(at), id };
  } catch {
    return null;
  }
}

/**
 * ORD-8: orders whose ship-by falls before the next local midnight have reached their ship-by day,
 * so they are in the "Confirm as shipped by DATE" warning period (the same bound the warning
 * sweep uses, order-deadlines.ts).
 */
export function warningPeriodShipByBefore(now: Date, timeZone: string): Date {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  return startOfLocalDay(today.add({ days: 1 }), timeZone);
}
