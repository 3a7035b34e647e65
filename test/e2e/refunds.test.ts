// ORD-12 refunds and adjustments, ORD-11 shipping what is available, ORD-12 undeliverable returns:
// through the seller web API, the marketplace API (carrier scans) and SP-API, on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeller,
  IT,
  operatorKey,
  placeOrder,
  spApiToken,
  type TestSeller,
  webLogin,
} from '../support/fixtures.ts';
import { SHIPMENT_EMAIL_QUEUE } from '../../src/modules/orders/index.ts';
import { REFUND_EMAIL_QUEUE } from '../../src/modules/orders/refunds.service.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let seller: TestSeller;
let italian: TestSeller;
let other: TestSeller;
let key: string;
let web: Record<string, string>;
let itWeb: Record<string, string>;
let otherWeb: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  seller = await createSeller(t);
  italian = await createSeller(t, IT);
  other = await createSeller(t);
  key = await operatorKey(t);
  web = await webLogin(t, seller.email);
  itWeb = await webLogin(t, italian.email);
  otherWeb = await webLogin(t, other.email);
});
afterAll(() => t?.close());

type Item = { orderItemId: string; sku: string; quantityOrdered: number };

const api = (method: string, path: string, body?: unknown, headers = web) =>
  t.request(method, path, { body, headers });
/** Runs the buyer emails of shipments and refunds (other queues are not this file's business). */
const sendBuyerEmails = () => t.services.jobs.drain([SHIPMENT_EMAIL_QUEUE, REFUND_EMAIL_QUEUE]);
const mp = (method: string, path: string, body?: unknown) =>
  t.request(method, path, { body, headers: { authorization: `Bearer ${key}` } });
const detail = async (id: string, headers = web) => {
  const r = await api('GET', `/api/orders/${id}`, undefined, headers);
  expect(r.status, r.text).toBe(200);
  return r.json.order;
};
const itemsOf = async (id: string, headers = web) => {
  const d = await detail(id, headers);
  const bySku = (sku: string) => d.items.find((i: Item) => i.sku === sku) as Item;
  return { a: bySku('SKU-A'), b: bySku('SKU-B') };
};

async function mailTo(to: string) {
  const { mailbox } = await import('../../src/platform/db/platform.tables.ts');
  const { eq } = await import('drizzle-orm');
  return t.services.database.db.select().from(mailbox).where(eq(mailbox.to, to));
}

async function refundRows(sellerId: string, amazonOrderId: string) {
  const o = await t.services.orders.getOrder(sellerId, amazonOrderId);
  return t.services.orders.refundsOf(sellerId, o.id);
}

async function ship(
  id: string,
  items: { orderItemId: string; quantity: number }[],
  tracking = `TRK-${id}`,
  headers = web,
) {
  const r = await api(
    'POST',
    `/api/orders/${id}/shipments`,
    { carrierCode: 'Yamato', trackingNumber: tracking, shipDate: t.clock.now().toISOString(), items },
    headers,
  );
  expect(r.status, r.text).toBe(201);
}

// JP order of the fixtures: SKU-A 2 × 1500 with 350 shipping, SKU-B 1 × 2000 with no shipping:
// 5350 JPY charged at the first confirmation.
describe('refunds (ORD-12)', () => {
  it('refuses to refund an order nothing was charged for: cancel it instead', async () => {
    const o = await placeOrder(t, key, seller);
    const { a } = await itemsOf(o.amazonOrderId);
    const r = await api('POST', `/api/orders/${o.amazonOrderId}/refunds`, {
      reason: 'NoInventory',
      lines: [{ orderItemId: a.orderItemId, quantity: 1 }],
    });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('ORDER_NOT_CHARGED');
    expect(r.json.error.message).toMatch(/Cancel the order instead/);
    expect(await refundRows(seller.sellerId, o.amazonOrderId)).toHaveLength(0);
  });

  it('documents its routes in /openapi.json', async () => {
    const doc = await t.request('GET', '/openapi.json');
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining([
        '/api/orders/{amazonOrderId}/refunds',
        '/api/orders/{amazonOrderId}/refunds/undeliverable',
        '/api/orders/{amazonOrderId}/ship-available',
        '/api/orders/combined-shipments',
        '/api/orders/{amazonOrderId}/combinable',
      ]),
    );
  });

  it('refunds unshipped units of a partially shipped order, which stays PartiallyShipped and late (ORD-7)', async () => {
    const o = await placeOrder(t, key, seller, {
      buyer: { name: '佐藤 花子', email: 'hanako.refund@example.com' },
    });
    const { a, b } = await itemsOf(o.amazonOrderId);
    await ship(o.amazonOrderId, [{ orderItemId: a.orderItemId, quantity: 1 }]);
    const beforeRefund = await t.services.orders.getOrder(seller.sellerId, o.amazonOrderId);
    t.clock.advance(5 * 60_000);

    const r = await api('POST', `/api/orders/${o.amazonOrderId}/refunds`, {
      reason: 'NoInventory',
      note: 'The second tin broke in the warehouse',
      lines: [
        { orderItemId: a.orderItemId, quantity: 1 },
        { orderItemId: b.orderItemId, quantity: 1 },
      ],
    });
    expect(r.status, r.text).toBe(201);
    // A: half of 3000 and half of the 350 shipping; B: its 2000.
    expect(r.json.refund).toMatchObject({
      reason: 'NoInventory',
      kind: 'refund',
      total: { amount: '3675', currencyCode: 'JPY' },
      note: 'The second tin broke in the warehouse',
    });

    const d = await detail(o.amazonOrderId);
    expect(d.status).toBe('PartiallyShipped');
    const itemA = d.items.find((i: Item) => i.orderItemId === a.orderItemId);
    expect(itemA).toMatchObject({
      quantityShipped: 1,
      quantityCanceled: 1,
      refundable: { quantity: 1, itemPrice: { amount: '1500' }, shippingPrice: { amount: '175' } },
    });
    expect(d.items.find((i: Item) => i.orderItemId === b.orderItemId)).toMatchObject({
      quantityCanceled: 1,
      refundable: { quantity: 0, total: { amount: '0' } },
    });
    expect(d.refunds).toHaveLength(1);
    expect(d.refunds[0]).toMatchObject({
      reason: 'NoInventory',
      total: { amount: '3675' },
      lines: [
        {
          orderItemId: a.orderItemId,
          quantity: 1,
          itemPrice: { amount: '1500' },
          shippingPrice: { amount: '175' },
        },
        { orderItemId: b.orderItemId, quantity: 1, itemPrice: { amount: '2000' } },
      ],
    });
    expect(d.refunds[0].actor).toMatch(/^seller:/);
    // Who, when and why on the timeline.
    const entry = d.timeline.find((e: { kind: string }) => e.kind === 'refund_issued');
    expect(entry).toMatchObject({
      actor: d.refunds[0].actor,
      at: t.clock.now().toISOString(),
      params: { amount: '3675', currencyCode: 'JPY', reason: 'NoInventory' },
      message: 'Refunded 3675 JPY (NoInventory)',
    });

    // SP-API: the refund moved LastUpdateDate, and the cancelled units left NumberOfItemsUnshipped.
    const after = await t.services.orders.getOrder(seller.sellerId, o.amazonOrderId);
    expect(after.lastUpdateDate.getTime()).toBeGreaterThan(beforeRefund.lastUpdateDate.getTime());
    const since = new Date(t.clock.now().getTime() - 1000).toISOString();
    t.clock.advance(3 * 60_000);
    const token = await spApiToken(t, seller);
    const list = await t.request(
      'GET',
      `/orders/v0/orders?MarketplaceIds=${seller.marketplaceId}&LastUpdatedAfter=${since}`,
      { headers: { 'x-amz-access-token': token } },
    );
    expect(list.status, list.text).toBe(200);
    const listed = list.json.payload.Orders.find(
      (x: { AmazonOrderId: string }) => x.AmazonOrderId === o.amazonOrderId,
    );
    expect(listed).toMatchObject({
      OrderStatus: 'PartiallyShipped',
      NumberOfItemsShipped: 1,
      NumberOfItemsUnshipped: 0,
    });

    // The cancelled units can no longer be confirmed.
    const late = await api('POST', `/api/orders/${o.amazonOrderId}/shipments`, {
      carrierCode: 'Yamato',
      trackingNumber: 'TRK-2',
      shipDate: t.clock.now().toISOString(),
      items: [{ orderItemId: b.orderItemId, quantity: 1 }],
    });
    expect(late.status).toBe(422);
    expect(late.json.error.code).toBe('SHIP_QUANTITY_EXCEEDS_ORDERED');

    // ORD-7: past ship-by it is still "Shipment is late", with the home warning.
    t.clock.set(new Date((after.latestShipDate as Date).getTime() + 3600_000));
    expect((await detail(o.amazonOrderId)).shipmentLate).toBe(true);
    const home = await api('GET', '/api/home');
    expect(home.json.alerts.map((x: { code: string }) => x.code)).toContain('SHIPMENT_IS_LATE');
    // Back before every ship-by date, so the ORD-8 sweeps leave the other tests' orders alone.
    t.clock.set(beforeRefund.purchaseDate);
    t.clock.advance(10 * 60_000);

    // The buyer is told, in Japanese.
    await sendBuyerEmails();
    const mails = await mailTo('hanako.refund@example.com');
    const refundMail = mails.find((m) => m.subject.includes('返金'));
    expect(refundMail?.subject).toBe(`ご注文 ${o.amazonOrderId} の返金（￥3,675）`);
    expect(refundMail?.text).toContain('商品の在庫切れのため');
    expect((await detail(o.amazonOrderId)).timeline.map((e: { kind: string }) => e.kind)).toContain(
      'buyer_notified_refund',
    );
  });

  it('never refunds more than was charged, and refuses bad amounts with clear codes', async () => {
    const o = await placeOrder(t, key, seller);
    const { a, b } = await itemsOf(o.amazonOrderId);
    await ship(o.amazonOrderId, [
      { orderItemId: a.orderItemId, quantity: 2 },
      { orderItemId: b.orderItemId, quantity: 1 },
    ]);
    const refund = (lines: unknown[]) =>
      api('POST', `/api/orders/${o.amazonOrderId}/refunds`, { reason: 'GeneralAdjustment', lines });

    const cases: [unknown, number, string][] = [
      [{ orderItemId: a.orderItemId, itemPrice: '3001' }, 422, 'REFUND_EXCEEDS_CHARGED'],
      [{ orderItemId: a.orderItemId, itemPrice: '10.5' }, 400, 'AMOUNT_TOO_MANY_DECIMALS'],
      [{ orderItemId: a.orderItemId, itemPrice: '-1' }, 400, 'NEGATIVE_AMOUNT'],
      [{ orderItemId: a.orderItemId, itemPrice: '1,000' }, 400, 'INVALID_AMOUNT'],
      [{ orderItemId: '99999999999999', itemPrice: '1' }, 422, 'ORDER_ITEM_NOT_FOUND'],
      [{ orderItemId: a.orderItemId, quantity: 3 }, 422, 'REFUND_QUANTITY_EXCEEDS_ORDERED'],
    ];
    for (const [line, status, code] of cases) {
      const r = await refund([line]);
      expect([r.status, r.json.error?.code], JSON.stringify(line)).toEqual([status, code]);
    }
    const unknownReason = await api('POST', `/api/orders/${o.amazonOrderId}/refunds`, {
      reason: 'BecauseISaidSo',
      lines: [{ orderItemId: a.orderItemId, itemPrice: '1' }],
    });
    expect(unknownReason.status).toBe(400);

    expect((await refund([{ orderItemId: a.orderItemId, itemPrice: '2000' }])).status).toBe(201);
    const over = await refund([{ orderItemId: a.orderItemId, itemPrice: '1001' }]);
    expect(over.status).toBe(422);
    expect(over.json.error.message).toBe(
      `Item ${a.orderItemId}: you can refund at most 1000 JPY of item price (3000 JPY charged, 2000 JPY already refunded).`,
    );

    // A failed step leaves nothing written: the first line is fine, the second is not.
    const before = await t.services.orders.getOrder(seller.sellerId, o.amazonOrderId);
    const mixed = await refund([
      { orderItemId: b.orderItemId, itemPrice: '500' },
      { orderItemId: a.orderItemId, shippingPrice: '351' },
    ]);
    expect(mixed.status).toBe(422);
    expect(await refundRows(seller.sellerId, o.amazonOrderId)).toHaveLength(1);
    const unchanged = await t.services.orders.getOrder(seller.sellerId, o.amazonOrderId);
    expect(unchanged.lastUpdateDate).toEqual(before.lastUpdateDate);

    // Everything left (3350) can still go back, then nothing more.
    const rest = await refund([
      { orderItemId: a.orderItemId, itemPrice: '1000', shippingPrice: '350' },
      { orderItemId: b.orderItemId, itemPrice: '2000' },
    ]);
    expect(rest.status, rest.text).toBe(201);
    const d = await detail(o.amazonOrderId);
    const refunded = d.refunds.reduce(
      (s: number, r: { total: { amount: string } }) => s + Number(r.total.amount),
      0,
    );
    expect(refunded).toBe(5350);
    expect(Number(d.charge.amount.amount)).toBe(5350);
    expect((await refund([{ orderItemId: b.orderItemId, itemPrice: '1' }])).json.error.code).toBe(
      'REFUND_EXCEEDS_CHARGED',
    );
  });

  it('lets concurrent refunds together never exceed the charge', async () => {
    const o = await placeOrder(t, key, seller);
    const { a, b } = await itemsOf(o.amazonOrderId);
    await ship(o.amazonOrderId, [
      { orderItemId: a.orderItemId, quantity: 2 },
      { orderItemId: b.orderItemId, quantity: 1 },
    ]);
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        t.services.orders
          .refund({
            sellerId: seller.sellerId,
            amazonOrderId: o.amazonOrderId,
            reason: 'GeneralAdjustment',
            lines: [{ orderItemId: a.orderItemId, itemPrice: '2000' }],
            source: 'sp-api',
            actor: { kind: 'app', id: 'racer' },
          })
          .then(
            () => 'ok',
            (e: { code?: string }) => e.code,
          ),
      ),
    );
    expect(results.sort()).toEqual(['REFUND_EXCEEDS_CHARGED', 'REFUND_EXCEEDS_CHARGED', 'ok']);
    expect(await refundRows(seller.sellerId, o.amazonOrderId)).toHaveLength(1);
  });

  it('returns the first refund for a repeated request key', async () => {
    const o = await placeOrder(t, key, seller);
    const { a } = await itemsOf(o.amazonOrderId);
    await ship(o.amazonOrderId, [{ orderItemId: a.orderItemId, quantity: 2 }]);
    const send = () =>
      t.request('POST', `/api/orders/${o.amazonOrderId}/refunds`, {
        body: { reason: 'PriceDiscrepancy', lines: [{ orderItemId: a.orderItemId, itemPrice: '300' }] },
        headers: { ...web, 'idempotency-key': 'adj-42' },
      });
    const first = await send();
    const second = await send();
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.json.refund.id).toBe(first.json.refund.id);
    expect(await refundRows(seller.sellerId, o.amazonOrderId)).toHaveLength(1);
  });

  it("refuses to act on another seller's order", async () => {
    const o = await placeOrder(t, key, seller);
    const { a } = await itemsOf(o.amazonOrderId);
    await ship(o.amazonOrderId, [{ orderItemId: a.orderItemId, quantity: 2 }]);
    const r = await api(
      'POST',
      `/api/orders/${o.amazonOrderId}/refunds`,
      { reason: 'GeneralAdjustment', lines: [{ orderItemId: a.orderItemId, itemPrice: '1' }] },
      otherWeb,
    );
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('ORDER_NOT_FOUND');
    const csrfless = await t.request('POST', `/api/orders/${o.amazonOrderId}/refunds`, {
      body: { reason: 'GeneralAdjustment', lines: [{ orderItemId: a.orderItemId, itemPrice: '1' }] },
      headers: { cookie: web.cookie as string },
    });
    expect(csrfless.status).toBe(403);
  });
});

describe('ship what is available (ORD-11)', () => {
  it('confirms the available items, refunds the rest as NoInventory in one step, and closes the order Shipped', async () => {
    const o = await placeOrder(t, key, seller, { buyer: { name: 'Ken', email: 'ken.partial@example.com' } });
    const { a, b } = await itemsOf(o.amazonOrderId);
    const body = {
      carrierCode: 'Yamato',
      trackingNumber: 'PART-1',
      shipDate: t.clock.now().toISOString(),
      items: [{ orderItemId: a.orderItemId, quantity: 2 }],
      buyerConsent: true,
    };
    const noConsent = await api('POST', `/api/orders/${o.amazonOrderId}/ship-available`, {
      ...body,
      buyerConsent: false,
    });
    expect(noConsent.status).toBe(400);
    const everything = await api('POST', `/api/orders/${o.amazonOrderId}/ship-available`, {
      ...body,
      items: [...body.items, { orderItemId: b.orderItemId, quantity: 1 }],
    });
    expect(everything.status).toBe(422);
    expect(everything.json.error.code).toBe('NOTHING_UNAVAILABLE');
    expect((await detail(o.amazonOrderId)).status).toBe('Unshipped');

    const r = await api('POST', `/api/orders/${o.amazonOrderId}/ship-available`, body);
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({
      status: 'Shipped',
      refund: { reason: 'NoInventory', kind: 'unavailable', total: { amount: '2000' } },
    });
    const d = await detail(o.amazonOrderId);
    expect(d.status).toBe('Shipped');
    expect(d.charge.amount.amount).toBe('5350');
    expect(d.items.find((i: Item) => i.orderItemId === b.orderItemId)).toMatchObject({
      quantityShipped: 0,
      quantityCanceled: 1,
    });
    expect(d.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['shipment_confirmed', 'payment_captured', 'refund_issued']),
    );
    const token = await spApiToken(t, seller);
    const sp = await t.request('GET', `/orders/v0/orders/${o.amazonOrderId}`, {
      headers: { 'x-amz-access-token': token },
    });
    expect(sp.json.payload).toMatchObject({
      OrderStatus: 'Shipped',
      NumberOfItemsShipped: 2,
      NumberOfItemsUnshipped: 0,
    });

    await sendBuyerEmails();
    const subjects = (await mailTo('ken.partial@example.com')).map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        `ご注文 ${o.amazonOrderId} を発送しました`,
        `ご注文 ${o.amazonOrderId} の返金（￥2,000）`,
      ]),
    );
  });

  it('refuses a Pending order, and a shipment with nothing in it', async () => {
    const pending = await placeOrder(t, key, seller, { paymentMethod: 'CVS', paymentVerified: false });
    const { a } = await itemsOf(pending.amazonOrderId);
    const body = {
      carrierCode: 'Yamato',
      trackingNumber: 'P-1',
      shipDate: t.clock.now().toISOString(),
      items: [{ orderItemId: a.orderItemId, quantity: 1 }],
      buyerConsent: true,
    };
    const r = await api('POST', `/api/orders/${pending.amazonOrderId}/ship-available`, body);
    expect([r.status, r.json.error.code]).toEqual([422, 'ORDER_NOT_SHIPPABLE_PENDING']);
    const empty = await api('POST', `/api/orders/${pending.amazonOrderId}/ship-available`, {
      ...body,
      items: [],
    });
    expect([empty.status, empty.json.error.code]).toEqual([422, 'NOTHING_TO_SHIP']);
  });
});

describe('undeliverable returns (ORD-12)', () => {
  it('refunds a parcel returned to the seller less the actual shipping cost, once, and tells the buyer in Italian', async () => {
    const o = await placeOrder(t, key, italian, {
      buyer: { name: 'Giulia', email: 'giulia.return@example.com' },
    });
    const { a, b } = await itemsOf(o.amazonOrderId, itWeb);
    await ship(
      o.amazonOrderId,
      [
        { orderItemId: a.orderItemId, quantity: 2 },
        { orderItemId: b.orderItemId, quantity: 1 },
      ],
      'BRT-777',
      itWeb,
    );
    const refund = (cost: string) =>
      api(
        'POST',
        `/api/orders/${o.amazonOrderId}/refunds/undeliverable`,
        { actualShippingCost: cost },
        itWeb,
      );

    // In transit: not yet.
    const early = await refund('6.90');
    expect([early.status, early.json.error.code]).toEqual([422, 'PARCEL_NOT_RETURNED']);

    const scan = await mp('POST', '/marketplace/v1/carrier-scans', {
      trackingNumber: 'BRT-777',
      status: 'ReturnedToSender',
      returnReason: 'InvalidAddress',
      externalId: 'brt-scan-1',
    });
    expect(scan.status, scan.text).toBe(200);
    expect((await refund('6.905')).json.error.code).toBe('AMOUNT_TOO_MANY_DECIMALS');
    expect((await refund('80.00')).json.error.code).toBe('DEDUCTION_EXCEEDS_REFUND');

    // Charged: 2 × 15.00 + 4.90 + 20.50 = 55.40 EUR; refunded less 6.90.
    const r = await refund('6.90');
    expect(r.status, r.text).toBe(201);
    expect(r.json.refund).toMatchObject({
      reason: 'Undeliverable',
      kind: 'undeliverable',
      total: { amount: '48.50', currencyCode: 'EUR' },
      deductedShipping: { amount: '6.90' },
    });
    expect((await refund('6.90')).json.error.code).toBe('UNDELIVERABLE_ALREADY_REFUNDED');

    const d = await detail(o.amazonOrderId, itWeb);
    expect(d.refunds).toHaveLength(1);
    expect(d.shipments[0]).toMatchObject({
      trackingStatus: 'ReturnedToSender',
      returnReason: 'InvalidAddress',
    });
    const left = d.items.reduce(
      (s: number, i: { refundable: { total: { amount: string } } }) => s + Number(i.refundable.total.amount),
      0,
    );
    expect(left.toFixed(2)).toBe('6.90');

    await sendBuyerEmails();
    const mail = (await mailTo('giulia.return@example.com')).find((m) => m.subject.startsWith('Rimborso'));
    expect(mail?.subject.replace(/\s/g, ' ')).toBe(
      `Rimborso di 48,50 € per il tuo ordine ${o.amazonOrderId}`,
    );
    expect(mail?.text.replace(/\s/g, ' ')).toContain(
      'Il costo di spedizione effettivo di 6,90 € è stato detratto',
    );
  });
});
