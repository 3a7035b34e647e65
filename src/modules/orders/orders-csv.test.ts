import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  groupPackages,
  packageLines,
  parseShipDate,
  parseShipmentCsv,
  resolveShipDate,
} from './orders-csv.ts';

const HEADER =
  'order-id,order-item-id,quantity,carrier-code,carrier-name,ship-method,tracking-number,ship-date';

describe('shipment CSV parsing', () => {
  it('reads rows with quotes and numbers them as a spreadsheet does', () => {
    const r = parseShipmentCsv(
      `${HEADER}\n503-1,,,"Other","Kyoto, Express",,"T-1",2026-11-20\n503-2,I1,2,DHL,,,T-2,2026-11-20T10:00:00Z`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.row, x.orderId, x.orderItemId, x.quantity, x.carrierName])).toEqual([
      [2, '503-1', null, null, 'Kyoto, Express'],
      [3, '503-2', 'I1', 2, null],
    ]);
  });

  it('accepts headers in any case, with spaces or underscores, in any order', () => {
    const r = parseShipmentCsv('Tracking Number;ORDER_ID;Ship-Date;carrier code\nT;503-1;2026-11-20;DHL');
    expect(r).toMatchObject({
      ok: true,
      rows: [{ orderId: '503-1', trackingNumber: 'T', carrierCode: 'DHL' }],
    });
  });

  it('lists each bad row with a code and keeps the good ones', () => {
    const r = parseShipmentCsv(
      `${HEADER}\n,,,DHL,,,T,2026-11-20\n503-1,,0,DHL,,,T,2026-11-20\n503-1,I,1,,,,T,2026-11-20\n503-1,,,DHL,,,,2026-11-20\n503-1,,,DHL,,,T,20/11/2026\n503-9,,,DHL,,,T,2026-11-20`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'CSV_ORDER_ID_MISSING'],
      [3, 'CSV_QUANTITY_INVALID'],
      [4, 'CSV_CARRIER_MISSING'],
      [5, 'CSV_TRACKING_MISSING'],
      [6, 'CSV_SHIP_DATE_INVALID'],
    ]);
    expect(r.rows.map((x) => x.row)).toEqual([7]);
  });

  it('refuses a whole file without the required columns or rows', () => {
    expect(parseShipmentCsv('')).toMatchObject({ ok: false, code: 'CSV_EMPTY' });
    expect(parseShipmentCsv('order-id,carrier-code\n1,2')).toMatchObject({
      ok: false,
      code: 'CSV_MISSING_COLUMNS',
    });
    expect(parseShipmentCsv(HEADER)).toMatchObject({ ok: false, code: 'CSV_EMPTY' });
  });
});

describe('ship dates', () => {
  const tz = 'Asia/Tokyo';
  it('parses instants, local date-times and dates', () => {
    expect(parseShipDate('2026-11-20T10:00:00+09:00')).toEqual({
      kind: 'instant',
      at: new Date('2026-11-20T01:00:00Z'),
    });
    expect(parseShipDate('2026-11-20 10:00')).toMatchObject({ kind: 'local' });
    expect(parseShipDate('2026-11-20')).toMatchObject({ kind: 'date' });
    expect(parseShipDate('2026-13-01')).toBeNull();
    expect(parseShipDate('tomorrow')).toBeNull();
  });

  it('reads a bare date as noon, clamped to now today and to the purchase on its day', () => {
    const date = { kind: 'date', date: Temporal.PlainDate.from('2026-11-20') } as const;
    const purchase = new Date('2026-11-20T00:30:00Z'); // 09:30 JST
    expect(
      resolveShipDate(date, { purchaseDate: purchase, now: new Date('2026-11-25T00:00:00Z'), timeZone: tz }),
    ).toEqual(new Date('2026-11-20T03:00:00Z'));
    const now = new Date('2026-11-20T01:00:00Z'); // 10:00 JST, before noon
    expect(resolveShipDate(date, { purchaseDate: purchase, now, timeZone: tz })).toEqual(now);
    const late = new Date('2026-11-20T05:00:00Z'); // bought 14:00 JST
    expect(
      resolveShipDate(date, { purchaseDate: late, now: new Date('2026-11-21T00:00:00Z'), timeZone: tz }),
    ).toEqual(late);
    const local = parseShipDate('2026-11-20T15:30');
    expect(local && resolveShipDate(local, { purchaseDate: purchase, now, timeZone: tz })).toEqual(
      new Date('2026-11-20T06:30:00Z'),
    );
  });
});

describe('packages', () => {
  it('groups rows of one parcel and ships every remaining item for a row without item id', () => {
    const r = parseShipmentCsv(
      `${HEADER}\nA,I1,1,DHL,,,T1,2026-11-20\nA,I2,,DHL,,,T1,2026-11-20\nA,,,DHL,,,T2,2026-11-20`,
    );
    if (!r.ok) throw new Error('parse');
    const [p1, p2] = groupPackages(r.rows);
    expect(p1?.rows.map((x) => x.row)).toEqual([2, 3]);
    const left = [
      { orderItemId: 'I1', left: 2 },
      { orderItemId: 'I2', left: 3 },
      { orderItemId: 'I3', left: 0 },
    ];
    expect(p1 && packageLines(p1, left)).toEqual([
      { orderItemId: 'I1', quantity: 1 },
      { orderItemId: 'I2', quantity: 3 },
    ]);
    expect(p2 && packageLines(p2, left)).toEqual([
      { orderItemId: 'I1', quantity: 2 },
      { orderItemId: 'I2', quantity: 3 },
    ]);
  });
});
