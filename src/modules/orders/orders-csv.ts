// Manage Orders bulk action "confirm shipments from a CSV upload" (ORD-7), pure part: parse the
// file (csv-parse: quotes, BOM, comma or tab separated like the flat-file feed FEED-1), check each
// row, and group rows into packages. Rows are numbered as the seller sees them in a spreadsheet
// (the header is row 1).
import { parse } from 'csv-parse/sync';
import { Temporal } from 'temporal-polyfill';

export const CSV_COLUMNS = [
  'order-id',
  'order-item-id',
  'quantity',
  'carrier-code',
  'carrier-name',
  'ship-method',
  'tracking-number',
  'ship-date',
] as const;
const REQUIRED = ['order-id', 'carrier-code', 'tracking-number', 'ship-date'] as const;

export const CSV_MAX_ROWS = 1000;
export const CSV_MAX_BYTES = 1_000_000;

/** The template offered for download: the header and one example row per case. */
export function csvTemplate(example: {
  orderId: string;
  orderItemId: string;
  carrier: string;
  date: string;
}) {
  return [
    CSV_COLUMNS.join(','),
    // Every remaining item of the order in one parcel: leave order-item-id and quantity empty.
    `${example.orderId},,,${example.carrier},,Standard,TRACK-0001,${example.date}`,
    // One item and quantity.
    `${example.orderId},${example.orderItemId},1,Other,My Carrier,Express,TRACK-0002,${example.date}`,
  ].join('\r\n');
}

export type ShipDateInput =
  | { kind: 'instant'; at: Date }
  | { kind: 'local'; dateTime: Temporal.PlainDateTime }
  | { kind: 'date'; date: Temporal.PlainDate };

export type CsvRow = {
  row: number;
  orderId: string;
  /** null: every item still left to ship. */
  orderItemId: string | null;
  /** null: all that is left of the item. */
  quantity: number | null;
  carrierCode: string;
  carrierName: string | null;
  shipMethod: string | null;
  trackingNumber: string;
  shipDate: ShipDateInput;
  shipDateText: string;
};

export type RowProblem = { row: number; orderId: string | null; code: string; message: string };

export type ParsedCsv =
  | { ok: true; rows: CsvRow[]; problems: RowProblem[] }
  | { ok: false; code: string; message: string };

const normalizeHeader = (h: string) =>
  h
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/** ISO date-time with offset, a local date-time, or a date (YYYY-MM-DD) in the marketplace's zone. */
export function parseShipDate(text: string): ShipDateInput | null {
  const s = text.trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    try {
      return { kind: 'date', date: Temporal.PlainDate.from(s, { overflow: 'reject' }) };
    } catch {
      return null;
    }
  }
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const at = new Date(s);
    return Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(s) ? null : { kind: 'instant', at };
  }
  try {
    return { kind: 'local', dateTime: Temporal.PlainDateTime.from(s, { overflow: 'reject' }) };
  } catch {
    return null;
  }
}

/**
 * The instant a ship date stands for. A bare date means "that day": noon local time, but never
 * later than now on today's date nor earlier than the purchase on the purchase day (the service
 * refuses ship dates before the purchase or more than a day ahead, ORD-7).
 */
export function resolveShipDate(
  d: ShipDateInput,
  o: { purchaseDate: Date; now: Date; timeZone: string },
): Date {
  if (d.kind === 'instant') return d.at;
  if (d.kind === 'local') return new Date(d.dateTime.toZonedDateTime(o.timeZone).epochMilliseconds);
  const noon = new Date(d.date.toPlainDateTime({ hour: 12 }).toZonedDateTime(o.timeZone).epochMilliseconds);
  const day = (x: Date) =>
    Temporal.Instant.fromEpochMilliseconds(x.getTime()).toZonedDateTimeISO(o.timeZone).toPlainDate();
  if (noon > o.now && day(o.now).equals(d.date)) return o.now;
  if (noon < o.purchaseDate && day(o.purchaseDate).equals(d.date)) return o.purchaseDate;
  return noon;
}

export function parseShipmentCsv(text: string): ParsedCsv {
  if (Buffer.byteLength(text, 'utf8') > CSV_MAX_BYTES) {
    return {
      ok: false,
      code: 'CSV_TOO_LARGE',
      message: 'The file is larger than 1 MB. Split it into smaller files.',
    };
  }
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: [',', '\t', ';'],
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    return {
      ok: false,
      code: 'CSV_UNREADABLE',
      message: `The file is not a valid CSV${where ? ` (problem near line ${where})` : ''}: ${(error as Error).message}`,
    };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, code: 'CSV_EMPTY', message: 'The file is empty.' };
  const columns = header.map(normalizeHeader);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) {
    return {
      ok: false,
      code: 'CSV_MISSING_COLUMNS',
      message: `The header row lacks the column(s) ${missing.join(', ')}. Start from the template: ${CSV_COLUMNS.join(', ')}.`,
    };
  }
  if (body.length === 0)
    return { ok: false, code: 'CSV_EMPTY', message: 'The file has a header but no rows.' };
  if (body.length > CSV_MAX_ROWS) {
    return {
      ok: false,
      code: 'CSV_TOO_MANY_ROWS',
      message: `The file has ${body.length} rows; at most ${CSV_MAX_ROWS} are accepted at once.`,
    };
  }
  const rows: CsvRow[] = [];
  const problems: RowProblem[] = [];
  for (const [i, cells] of body.entries()) {
    const row = i + 2;
    const get = (name: string) => {
      const at = columns.indexOf(name);
      const v = at < 0 ? '' : (cells[at] ?? '').trim();
      return v === '' ? null : v;
    };
    const orderId = get('order-id');
    const problem = (code: string, message: string) => {
      problems.push({ row, orderId, code, message });
    };
    if (!orderId) {
      problem('CSV_ORDER_ID_MISSING', 'The order-id is empty.');
      continue;
    }
    const orderItemId = get('order-item-id');
    const quantityText = get('quantity');
    let quantity: number | null = null;
    if (quantityText !== null) {
      if (!/^\d+$/.test(quantityText) || Number(quantityText) < 1) {
        problem('CSV_QUANTITY_INVALID', `The quantity "${quantityText}" is not a whole number above zero.`);
        continue;
      }
      if (!orderItemId) {
        problem(
          'CSV_QUANTITY_WITHOUT_ITEM',
          'A quantity needs an order-item-id. Leave both empty to ship every remaining item.',
        );
        continue;
      }
      quantity = Number(quantityText);
    }
    const carrierCode = get('carrier-code');
    if (!carrierCode) {
      problem('CSV_CARRIER_MISSING', 'The carrier-code is empty.');
      continue;
    }
    const carrierName = get('carrier-name');
    if (carrierCode.toLowerCase() === 'other' && !carrierName) {
      problem('CSV_CARRIER_NAME_MISSING', 'With carrier-code "Other", write the carrier-name.');
      continue;
    }
    const trackingNumber = get('tracking-number');
    if (!trackingNumber) {
      problem('CSV_TRACKING_MISSING', 'The tracking-number is empty.');
      continue;
    }
    if (trackingNumber.length > 64) {
      problem('CSV_TRACKING_TOO_LONG', 'The tracking-number is longer than 64 characters.');
      continue;
    }
    const shipDateText = get('ship-date');
    const shipDate = shipDateText ? parseShipDate(shipDateText) : null;
    if (!shipDateText || !shipDate) {
      problem(
        'CSV_SHIP_DATE_INVALID',
        `The ship-date "${shipDateText ?? ''}" is not a date (write 2026-11-24 or 2026-11-24T15:30:00+09:00).`,
      );
      continue;
    }
    rows.push({
      row,
      orderId,
      orderItemId,
      quantity,
      carrierCode,
      carrierName,
      shipMethod: get('ship-method'),
      trackingNumber,
      shipDate,
      shipDateText,
    });
  }
  return { ok: true, rows, problems };
}

/** Rows of one order with the same carrier, tracking number and ship date are one parcel. */
export type CsvPackage = { key: string; rows: CsvRow[] };

export function groupPackages(rows: readonly CsvRow[]): CsvPackage[] {
  const byKey = new Map<string, CsvRow[]>();
  for (const r of rows) {
    const key = [r.orderId, r.carrierCode, r.trackingNumber, r.shipDateText].join('\u0000');
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  return [...byKey].map(([key, rs]) => ({ key, rows: rs }));
}

export type ItemLeft = { orderItemId: string; left: number };

/**
 * The lines a package confirms: everything left when a row names no item, else each named item's
 * quantity (or all that is left of it). Unknown item ids pass through so the service refuses them
 * with its own message.
 */
export function packageLines(
  p: CsvPackage,
  items: readonly ItemLeft[],
): { orderItemId: string; quantity: number }[] {
  if (p.rows.some((r) => r.orderItemId === null)) {
    return items.filter((i) => i.left > 0).map((i) => ({ orderItemId: i.orderItemId, quantity: i.left }));
  }
  const wanted = new Map<string, number>();
  for (const r of p.rows) {
    const id = r.orderItemId as string;
    const left = items.find((i) => i.orderItemId === id)?.left ?? 0;
    wanted.set(id, (wanted.get(id) ?? 0) + (r.quantity ?? Math.max(left, 1)));
  }
  return [...wanted].map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
}
