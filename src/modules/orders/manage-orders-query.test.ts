import { describe, expect, it } from 'vitest';
import {
  classifySearch,
  decodeCursor,
  encodeCursor,
  purchaseWindow,
  warningPeriodShipByBefore,
} from './manage-orders-query.ts';

describe('Manage Orders search term (ORD-3)', () => {
  it('reads an order id, an email (lower-cased) or else a SKU, after NFKC and trimming', () => {
    expect(classifySearch(' 503-1234567-7654321 ')).toEqual({
      kind: 'orderId',
      value: '503-1234567-7654321',
    });
    expect(classifySearch('Hanako@Example.COM')).toEqual({ kind: 'email', value: 'hanako@example.com' });
    expect(classifySearch('ＳＫＵ－Ａ')).toEqual({ kind: 'sku', value: 'SKU-A' });
    expect(classifySearch('Tea-Cup')).toEqual({ kind: 'sku', value: 'Tea-Cup' });
    expect(classifySearch('   ')).toBeUndefined();
    expect(classifySearch(undefined)).toBeUndefined();
  });
});

describe('purchase date window', () => {
  it('turns marketplace days into a half-open instant window, both days included', () => {
    const r = purchaseWindow('2026-11-20', '2026-11-21', 'Asia/Tokyo');
    expect(r).toEqual({
      ok: true,
      window: { from: new Date('2026-11-19T15:00:00Z'), to: new Date('2026-11-21T15:00:00Z') },
    });
    expect(purchaseWindow(undefined, undefined, 'Europe/Rome')).toEqual({ ok: true, window: {} });
  });

  it('refuses impossible dates and reversed ranges', () => {
    expect(purchaseWindow('2026-02-30', undefined, 'Asia/Tokyo').ok).toBe(false);
    expect(purchaseWindow('20261120', undefined, 'Asia/Tokyo').ok).toBe(false);
    expect(purchaseWindow('2026-11-21', '2026-11-20', 'Asia/Tokyo')).toMatchObject({ ok: false });
  });
});

describe('page cursor', () => {
  it('round-trips dated and undated cursors and refuses tampered ones', () => {
    const c = { at: new Date('2026-11-20T01:02:03.004Z'), id: 'ord_01ABC' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor(encodeCursor({ at: null, id: 'ord_X' }))).toEqual({ at: null, id: 'ord_X' });
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(decodeCursor(Buffer.from('["x","id"]').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('[1,""]').toString('base64url'))).toBeNull();
  });
});

describe('ORD-8 warning period bound', () => {
  it('is the next local midnight of the marketplace', () => {
    // 2026-11-20 10:00 in Tokyo → the warning covers ship-by dates before 2026-11-21 00:00 JST.
    expect(warningPeriodShipByBefore(new Date('2026-11-20T01:00:00Z'), 'Asia/Tokyo')).toEqual(
      new Date('2026-11-20T15:00:00Z'),
    );
    expect(warningPeriodShipByBefore(new Date('2026-11-20T23:30:00Z'), 'Europe/Rome')).toEqual(
      new Date('2026-11-21T23:00:00Z'),
    );
  });
});
