// Seller web API of Manage Orders (ORD-3, 7, 8, 9, 13): tabs with bounded counts, search by order
// id / buyer email / SKU, date and channel filters, keyset pages in both directions, sort by
// ship-by, alert views, packing slips (HTML and one PDF) and confirming shipments from a CSV.
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeller, operatorKey, placeOrder, type TestSeller, webLogin } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let seller: TestSeller;
let other: TestSeller;
let key: string;
let web: Record<string, string>;
type Placed = { amazonOrderId: string; latestShipDate: string | null };
const ids: Record<string, string> = {};
let first: Placed;

const get = (path: string, headers = web) => t.request('GET', path, { headers });
const listed = (r: { json: { orders: { amazonOrderId: string }[] } }) =>
  r.json.orders.map((o) => o.amazonOrderId);

async function upload(csv: string, headers = web, name = 'confirm.csv') {
  const form = new FormData();
  form.set('file', new File([csv], name, { type: 'text/csv' }));
  const res = await t.app.request('/api/orders/shipment-confirmations', {
    method: 'POST',
    headers,
    body: form,
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) };
}

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T01:00:00Z' });
  seller = await createSeller(t, undefined, '京都茶舗');
  other = await createSeller(t);
  key = await operatorKey(t);
  const place = async (name: string, over: Record<string, unknown> = {}) => {
    const o = (await placeOrder(t, key, seller, over)) as unknown as Placed;
    ids[name] = o.amazonOrderId;
    t.clock.advance(60_000);
    return o;
  };
  first = await place('first', { buyer: { name: '鈴木 一郎', email: 'Ichiro@Example.com' } });
  await place('teapot', {
    items: [
      {
        sku: 'TEAPOT-9',
        title: '急須 常滑焼',
        quantity: 1,
        unitPrice: { amount: '4800', currencyCode: 'JPY' },
        shippingPrice: { amount: '500', currencyCode: 'JPY' },
      },
    ],
  });
  await place('pending', { paymentMethod: 'CVS', paymentVerified: false });
  await place('afn', { fulfillmentChannel: 'AFN' });
  await place('business', { isBusinessOrder: true, purchaseOrderNumber: 'PO-7781' });
  for (let i = 0; i < 5; i++) await place(`bulk${i}`);
  await placeOrder(t, key, other, {
    items: [
      {
        sku: 'TEAPOT-9',
        title: 'x',
        quantity: 1,
        unitPrice: { amount: '1', currencyCode: 'JPY' },
        shippingPrice: { amount: '0', currencyCode: 'JPY' },
      },
    ],
  });
  web = await webLogin(t, seller.email);
});
afterAll(() => t?.close());

describe('Manage Orders list', () => {
  it('counts every tab and pages the All tab newest first with keyset cursors both ways', async () => {
    const r = await get('/api/orders?status=All&pageSize=4');
    expect(r.status).toBe(200);
    expect(r.json.counts).toEqual({
      Pending: 1,
      Unshipped: 9,
      PartiallyShipped: 0,
      Shipped: 0,
      Canceled: 0,
      All: 10,
    });
    expect(r.json.total).toBe(10);
    expect(listed(r)).toEqual([ids.bulk4, ids.bulk3, ids.bulk2, ids.bulk1]);
    expect(r.json.prevCursor).toBeNull();
    const p2 = await get(`/api/orders?status=All&pageSize=4&cursor=${r.json.nextCursor}`);
    expect(listed(p2)).toEqual([ids.bulk0, ids.business, ids.afn, ids.pending]);
    const p3 = await get(`/api/orders?status=All&pageSize=4&cursor=${p2.json.nextCursor}`);
    expect(listed(p3)).toEqual([ids.teapot, ids.first]);
    expect(p3.json.nextCursor).toBeNull();
    const back = await get(`/api/orders?status=All&pageSize=4&dir=prev&cursor=${p3.json.prevCursor}`);
    expect(listed(back)).toEqual(listed(p2));
    const back1 = await get(`/api/orders?status=All&pageSize=4&dir=prev&cursor=${back.json.prevCursor}`);
    expect(listed(back1)).toEqual(listed(r));
    expect(back1.json.prevCursor).toBeNull();
  });

  it('filters by status tab, channel and purchase dates (marketplace days, both included)', async () => {
    expect(listed(await get('/api/orders?status=Pending'))).toEqual([ids.pending]);
    const afn = await get('/api/orders?status=All&channel=AFN');
    expect(listed(afn)).toEqual([ids.afn]);
    expect(afn.json.counts.All).toBe(1);
    // All orders were placed on 2026-11-20 in Tokyo.
    expect((await get('/api/orders?from=2026-11-20&to=2026-11-20')).json.total).toBe(10);
    expect((await get('/api/orders?from=2026-11-21')).json.total).toBe(0);
    expect((await get('/api/orders?to=2026-11-19')).json.total).toBe(0);
  });

  it('finds orders by order id, buyer email (real or relay, any case) and SKU, never another seller’s', async () => {
    expect(listed(await get(`/api/orders?q=${ids.teapot}`))).toEqual([ids.teapot]);
    expect(listed(await get('/api/orders?q=ichiro%40example.COM'))).toEqual([ids.first]);
    const relay = (await t.services.orders.getOrder(seller.sellerId, ids.first as string)).buyerRelayEmail;
    expect(listed(await get(`/api/orders?q=${encodeURIComponent(relay)}`))).toEqual([ids.first]);
    const sku = await get('/api/orders?q=TEAPOT-9&status=All');
    expect(listed(sku)).toEqual([ids.teapot]);
    expect(sku.json.counts).toMatchObject({ Unshipped: 1, All: 1 });
    expect((await get('/api/orders?q=teapot-9')).json.total).toBe(0); // SKUs are case-sensitive
  });

  it('sorts by ship-by with orders without one (AFN) last, and pages that order', async () => {
    const all = await get('/api/orders?status=All&sort=shipBy&pageSize=200');
    const rows = all.json.orders as { amazonOrderId: string; latestShipDate: string | null }[];
    expect(rows.at(-1)?.amazonOrderId).toBe(ids.afn);
    const dates = rows.filter((o) => o.latestShipDate).map((o) => o.latestShipDate as string);
    expect(dates).toEqual([...dates].sort());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof get>> = await get(
        `/api/orders?status=All&sort=shipBy&pageSize=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...listed(page));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(rows.map((o) => o.amazonOrderId));
  });

  it('shows the late and ORD-8 warning views and the home alerts linking to them', async () => {
    const at = new Date(first.latestShipDate as string).getTime() + 3600_000;
    t.clock.set(new Date(at));
    const late = await get('/api/orders?status=All&view=late');
    expect(late.json.total).toBeGreaterThan(0);
    expect(late.json.orders.every((o: { shipmentLate: boolean }) => o.shipmentLate)).toBe(true);
    const warn = await get('/api/orders?status=Unshipped&view=shipByWarning');
    expect(warn.json.orders.every((o: { autoCancelAt: string | null }) => o.autoCancelAt !== null)).toBe(
      true,
    );
    const home = await get('/api/home');
    expect(home.status).toBe(200);
    const codes = home.json.alerts.map((a: { code: string; link: string }) => [a.code, a.link]);
    expect(codes).toEqual([
      ['SHIPMENT_IS_LATE', '/orders?status=All&view=late&sort=shipBy'],
      ['AUTO_CANCEL_WARNING', '/orders?status=Unshipped&view=shipByWarning&sort=shipBy'],
      ['ORDERS_PENDING_PAYMENT', '/orders?status=Pending'],
    ]);
    expect(home.json.alerts[0].params.count).toBe(late.json.total);
    expect(home.json.counts).toEqual({
      Pending: 1,
      Unshipped: 9,
      PartiallyShipped: 0,
      Shipped: 0,
      Canceled: 0,
    });
  });

  it('refuses bad input with stable codes', async () => {
    const bad = async (q: string, code: string) => {
      const r = await get(`/api/orders?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.json.error.code, q).toBe(code);
      expect(r.json.error.message.length, q).toBeGreaterThan(10);
    };
    await bad('from=2026-11-22&to=2026-11-21', 'INVALID_DATE_RANGE');
    await bad('from=2026-02-30', 'INVALID_DATE_RANGE');
    await bad('cursor=not-a-cursor', 'INVALID_CURSOR');
    await bad('status=Nope', 'VALIDATION_FAILED');
    await bad('channel=XYZ', 'VALIDATION_FAILED');
    await bad('pageSize=1000', 'VALIDATION_FAILED');
    expect((await t.request('GET', '/api/orders')).status).toBe(401);
  });
});

describe('packing slips (ORD-9)', () => {
  it('prints one or many orders as an HTML page with a print stylesheet, PO number and Business mark', async () => {
    const r = await get(`/api/orders/packing-slips?ids=${ids.business},${ids.teapot}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    const html = r.text;
    expect(html).toContain('@media print');
    expect(html.match(/data-testid="packing-slip"/g)).toHaveLength(2);
    expect(html.indexOf(ids.business as string)).toBeLessThan(html.indexOf(ids.teapot as string));
    expect(html).toContain('PO-7781');
    expect(html).toContain('法人購入者'); // the marketplace's language (Japan) by default
    expect(html).toContain('急須 常滑焼');
    expect(html).toContain('TEAPOT-9');
    expect(html).toContain('京都茶舗');
    expect(html).toContain('1-2-3 Shibuya');
    const en = await get(`/api/orders/packing-slips?ids=${ids.business}&lang=en`);
    expect(en.text).toContain('Business Buyer');
    expect(en.text).toContain('Buyer PO number');
  });

  it('downloads ONE PDF with a page per order, Japanese text extractable', async () => {
    const res = await t.app.request(
      `/api/orders/packing-slips.pdf?ids=${ids.teapot},${ids.business},${ids.first}`,
      {
        headers: web,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('packing-slips-3.pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const pdf = await getDocumentProxy(bytes);
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    expect(totalPages).toBe(3);
    expect(text[0]).toContain(ids.teapot);
    expect(text[0]).toContain('急須 常滑焼');
    expect(text[0]).toContain('納品書');
    expect(text[1]).toContain(ids.business);
    expect(text[1]).toContain('PO-7781');
    expect(text[2]).toContain(ids.first);
    expect(text[2]).not.toContain('PO-7781');
  });

  it('refuses Pending orders, unknown or foreign orders and empty or oversized requests', async () => {
    const pending = await get(`/api/orders/packing-slips?ids=${ids.teapot},${ids.pending}`);
    expect(pending.status).toBe(422);
    expect(pending.json.error.code).toBe('PACKING_SLIP_ORDER_PENDING');
    expect(pending.json.error.message).toContain(ids.pending);
    const foreignId = (
      await t.services.orders.repo.manageOrdersPage(
        { sellerId: other.sellerId },
        { sort: 'purchaseDate', limit: 1 },
      )
    ).rows[0]?.amazonOrderId;
    const foreign = await get(`/api/orders/packing-slips.pdf?ids=${foreignId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.code).toBe('ORDER_NOT_FOUND');
    expect((await get('/api/orders/packing-slips?ids=,,')).json.error.code).toBe('PACKING_SLIP_NO_ORDERS');
    const many = Array.from({ length: 101 }, (_, i) => `503-0000000-${String(i).padStart(7, '0')}`).join(',');
    expect((await get(`/api/orders/packing-slips?ids=${many}`)).json.error.code).toBe(
      'PACKING_SLIP_TOO_MANY',
    );
    expect((await t.request('GET', `/api/orders/packing-slips?ids=${ids.teapot}`)).status).toBe(401);
  });
});

describe('confirm shipments from a CSV upload', () => {
  it('offers a template with the expected columns', async () => {
    const r = await get('/api/orders/shipment-confirmations/template.csv');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    expect(r.text.split('\r\n')[0]).toBe(
      'order-id,order-item-id,quantity,carrier-code,carrier-name,ship-method,tracking-number,ship-date',
    );
  });

  it('applies good rows, refuses bad ones with a code and a sentence, and a re-upload changes nothing', async () => {
    const items = async (name: string) => {
      const o = await t.services.orders.getOrder(seller.sellerId, ids[name] as string);
      return t.services.orders.repo.itemsOf(seller.sellerId, [o.id]);
    };
    const [a, b] = await items('bulk0');
    const today = t.clock.now().toISOString().slice(0, 10);
    const csv = [
      'order-id,order-item-id,quantity,carrier-code,carrier-name,ship-method,tracking-number,ship-date',
      `${ids.bulk1},,,Yamato Transport,,宅急便,YMT-1001,${today}`, // every item
      `${ids.bulk0},${a?.orderItemId},1,Japan Post,,,JP-2001,${t.clock.now().toISOString()}`, // part of one item
      `${ids.bulk0},${b?.orderItemId},,Japan Post,,,JP-2001,${t.clock.now().toISOString()}`, // same parcel
      `${ids.pending},,,Yamato Transport,,,YMT-1002,${today}`, // Pending: refused
      `${ids.bulk2},${a?.orderItemId},1,Yamato Transport,,,YMT-1003,${today}`, // item of another order
      `${ids.bulk3},,,Other,,,X-1,${today}`, // Other without a name
      `${ids.bulk3},,,Sagawa Express,,,SGW-1,yesterday`, // bad date
      `${ids.bulk4},,5,Sagawa Express,,,SGW-2,${today}`, // quantity without item
      `503-0000000-0000000,,,Sagawa Express,,,SGW-3,${today}`, // unknown order
      `${ids.bulk3},,,Sagawa Express,"Sagawa, Kyoto",,"SGW-4",${today}`, // quoted fields: good
    ].join('\n');
    const r = await upload(csv);
    expect(r.status).toBe(200);
    const verdicts = r.json.results.map((x: { row: number; result: string; code?: string }) => [
      x.row,
      x.result,
      x.code ?? null,
    ]);
    expect(verdicts).toEqual([
      [2, 'applied', null],
      [3, 'applied', null],
      [4, 'applied', null],
      [5, 'refused', 'ORDER_NOT_SHIPPABLE_PENDING'],
      [6, 'refused', expect.any(String)],
      [7, 'refused', 'CSV_CARRIER_NAME_MISSING'],
      [8, 'refused', 'CSV_SHIP_DATE_INVALID'],
      [9, 'refused', 'CSV_QUANTITY_WITHOUT_ITEM'],
      [10, 'refused', 'ORDER_NOT_FOUND'],
      [11, 'applied', null],
    ]);
    expect(r.json).toMatchObject({ rows: 10, applied: 4, unchanged: 0, refused: 6 });
    for (const x of r.json.results.filter((y: { result: string }) => y.result === 'refused')) {
      expect(x.message.length).toBeGreaterThan(10);
    }
    expect((await t.services.orders.getOrder(seller.sellerId, ids.bulk1 as string)).status).toBe('Shipped');
    const bulk0 = await t.services.orders.getOrder(seller.sellerId, ids.bulk0 as string);
    expect(bulk0.status).toBe('PartiallyShipped'); // 1 of 2 + all of the other item
    const parcels = await t.services.orders.repo.shipmentsOf(seller.sellerId, bulk0.id);
    expect(parcels).toHaveLength(1);
    expect(parcels[0]?.items.map((l) => l.quantity).sort()).toEqual([1, 1]);
    expect((await t.services.orders.getOrder(seller.sellerId, ids.pending as string)).status).toBe('Pending');
    expect((await t.services.orders.getOrder(seller.sellerId, ids.bulk2 as string)).status).toBe('Unshipped');

    const again = await upload(csv);
    expect(again.json).toMatchObject({ applied: 0, unchanged: 4, refused: 6 });
    const after = await t.services.orders.repo.shipmentsOf(seller.sellerId, bulk0.id);
    expect(after).toHaveLength(1);
  });

  it('refuses unreadable files as a whole with a stable code', async () => {
    const whole = async (csv: string, code: string) => {
      const r = await upload(csv);
      expect(r.status, csv.slice(0, 40)).toBe(400);
      expect(r.json.error.code).toBe(code);
    };
    await whole('', 'CSV_EMPTY');
    await whole('order-id,tracking-number\n1,2', 'CSV_MISSING_COLUMNS');
    await whole('order-id,carrier-code,tracking-number,ship-date\n', 'CSV_EMPTY');
    await whole('order-id,carrier-code,tracking-number,ship-date\n"unterminated,x,y,z', 'CSV_UNREADABLE');
    const big = `order-id,carrier-code,tracking-number,ship-date\n${'503-0000000-0000000,Y,T,2026-11-20\n'.repeat(1001)}`;
    await whole(big, 'CSV_TOO_MANY_ROWS');
    const res = await t.app.request('/api/orders/shipment-confirmations', {
      method: 'POST',
      headers: web,
      body: new FormData(),
    });
    expect(res.status).toBe(400);
    const noCsrf = await upload('order-id\n1', { cookie: web.cookie as string });
    expect(noCsrf.status).toBe(403);
  });

  it('accepts tab-separated files with a byte-order mark', async () => {
    const tsv = `\uFEFForder-id\tcarrier-code\ttracking-number\tship-date\n${ids.bulk4}\tSagawa Express\tSGW-TAB\t${t.clock.now().toISOString()}`;
    const r = await upload(tsv, web, 'confirm.txt');
    expect(r.status).toBe(200);
    expect(r.json.results).toMatchObject([{ row: 2, result: 'applied', orderStatus: 'Shipped' }]);
  });
});
