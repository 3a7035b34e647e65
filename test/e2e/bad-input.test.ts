// Bad input gets a clear, stable error and writes nothing; a repeated request with the same
// Idempotency-Key creates one order and answers the same (issue 2, "Bad input and faults").
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders } from '../../src/modules/orders/orders.tables.ts';
import { createSeller, IT, operatorKey, orderBody, type TestSeller } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let seller: TestSeller;
let italian: TestSeller;
let key: string;

beforeAll(async () => {
  t = await startTestApp();
  seller = await createSeller(t);
  italian = await createSeller(t, IT);
  key = await operatorKey(t);
});
afterAll(() => t?.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  t.request('POST', '/marketplace/v1/orders', {
    body,
    headers: { authorization: `Bearer ${key}`, ...headers },
  });

async function orderCount(): Promise<number> {
  const [r] = await t.services.database.db.select({ n: count() }).from(orders);
  return Number(r?.n ?? 0);
}

const item = (over: Record<string, unknown>) => ({
  sku: 'X',
  title: 'Thing',
  quantity: 1,
  unitPrice: { amount: '100', currencyCode: 'JPY' },
  shippingPrice: { amount: '0', currencyCode: 'JPY' },
  ...over,
});

describe('create order: bad input', () => {
  it.each<[string, () => unknown, number, string, RegExp]>([
    ['malformed JSON', () => '{"marketplaceId": ', 400, 'MALFORMED_JSON', /not valid JSON/],
    [
      'an unknown field',
      () => ({ ...orderBody(seller), colour: 'red' }),
      400,
      'VALIDATION_FAILED',
      /unknown field\(s\): colour/,
    ],
    [
      'a wrong type',
      () => ({ ...orderBody(seller), paymentVerified: 'yes' }),
      400,
      'VALIDATION_FAILED',
      /paymentVerified/,
    ],
    [
      'a negative quantity',
      () => orderBody(seller, { items: [item({ quantity: -1 })] }),
      400,
      'VALIDATION_FAILED',
      /items\.0\.quantity/,
    ],
    ['no items', () => orderBody(seller, { items: [] }), 400, 'VALIDATION_FAILED', /at least one item/],
    [
      'an amount that is not a number',
      () => orderBody(seller, { items: [item({ unitPrice: { amount: '1,5', currencyCode: 'JPY' } })] }),
      400,
      'VALIDATION_FAILED',
      /decimal string/,
    ],
    [
      'a currency that does not match the marketplace',
      () => orderBody(seller, { items: [item({ unitPrice: { amount: '10.00', currencyCode: 'EUR' } })] }),
      400,
      'CURRENCY_MISMATCH',
      /EUR does not match the marketplace currency JPY/,
    ],
    [
      'decimals on a yen amount',
      () => orderBody(seller, { items: [item({ unitPrice: { amount: '10.5', currencyCode: 'JPY' } })] }),
      400,
      'INVALID_AMOUNT',
      /items\.0\.unitPrice/,
    ],
    [
      'three decimals on a euro amount',
      () =>
        orderBody(italian, {
          items: [
            item({
              unitPrice: { amount: '10.555', currencyCode: 'EUR' },
              shippingPrice: { amount: '0', currencyCode: 'EUR' },
            }),
          ],
        }),
      400,
      'INVALID_AMOUNT',
      /10\.555/,
    ],
    [
      'an unknown seller',
      () => ({ ...orderBody(seller), sellerId: 'sel_nobody' }),
      400,
      'SELLER_NOT_FOUND',
      /Unknown seller id sel_nobody/,
    ],
    [
      'an unknown marketplace',
      () => ({ ...orderBody(seller), marketplaceId: 'ATVPDKIKX0DER' }),
      400,
      'MARKETPLACE_NOT_FOUND',
      /Unknown marketplace/,
    ],
    [
      'a seller of another marketplace',
      () => ({ ...orderBody(seller), marketplaceId: IT }),
      400,
      'SELLER_NOT_IN_MARKETPLACE',
      /does not sell on/,
    ],
    [
      'a PO number on a consumer order',
      () => orderBody(seller, { purchaseOrderNumber: 'PO-1' }),
      400,
      'PO_NUMBER_REQUIRES_BUSINESS_ORDER',
      /business orders/,
    ],
    [
      'a purchase date in the future',
      () => orderBody(seller, { purchaseDate: '2030-01-01T00:00:00Z' }),
      400,
      'PURCHASE_DATE_IN_FUTURE',
      /future/,
    ],
    [
      'a bad country code',
      () =>
        orderBody(seller, {
          shippingAddress: { ...orderBody(seller).shippingAddress, countryCode: 'Japan' },
        }),
      400,
      'VALIDATION_FAILED',
      /countryCode/,
    ],
  ])('refuses %s with a stable code and writes nothing', async (_name, body, status, code, message) => {
    const before = await orderCount();
    const r = await post(body());
    expect(r.status).toBe(status);
    expect(r.json.error.code).toBe(code);
    expect(r.json.error.message).toMatch(message);
    expect(await orderCount()).toBe(before);
  });

  it('lists every field problem at once', async () => {
    const r = await post({
      ...orderBody(seller),
      paymentMethod: 'Bitcoin',
      buyer: { name: '', email: 'nope' },
    });
    expect(r.status).toBe(400);
    const fields = r.json.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['paymentMethod', 'buyer.name', 'buyer.email']));
  });

  it('never leaks a stack trace', async () => {
    const r = await post('{"marketplaceId": ');
    expect(r.text).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('create order: idempotency', () => {
  it('creates one order for a request repeated with the same Idempotency-Key and answers the same', async () => {
    const before = await orderCount();
    const body = orderBody(seller);
    const a = await post(body, { 'idempotency-key': 'checkout-42' });
    const b = await post(body, { 'idempotency-key': 'checkout-42' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.json).toEqual(a.json);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(await orderCount()).toBe(before + 1);
  });

  it('creates one order when the same key races itself', async () => {
    const before = await orderCount();
    const body = orderBody(seller);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => post(body, { 'idempotency-key': 'race-1' })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json.amazonOrderId)).size).toBe(1);
    expect(await orderCount()).toBe(before + 1);
  });

  it('refuses a key reused for a different request', async () => {
    await post(orderBody(seller), { 'idempotency-key': 'checkout-43' });
    const r = await post(orderBody(seller, { handlingDays: 5 }), { 'idempotency-key': 'checkout-43' });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keys are per seller: the same key from two sellers creates two orders', async () => {
    const a = await post(orderBody(seller), { 'idempotency-key': 'shared-key' });
    const b = await post(orderBody(italian), { 'idempotency-key': 'shared-key' });
    expect(a.json.amazonOrderId).not.toBe(b.json.amazonOrderId);
  });
});

describe('confirm shipment: bad input (web)', () => {
  it('refuses more than was ordered, an unknown item and a future date, and writes nothing', async () => {
    const { webLogin, placeOrder } = await import('../support/fixtures.ts');
    const o = await placeOrder(t, key, seller);
    const headers = await webLogin(t, seller.email);
    const detail = await t.request('GET', `/api/orders/${o.amazonOrderId}`, { headers });
    const [first] = detail.json.order.items;
    const ship = (items: unknown, shipDate = t.clock.now().toISOString()) =>
      t.request('POST', `/api/orders/${o.amazonOrderId}/shipments`, {
        headers,
        body: { carrierCode: 'Yamato', trackingNumber: '1', shipDate, items },
      });
    const tooMany = await ship([{ orderItemId: first.orderItemId, quantity: 99 }]);
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.error).toMatchObject({ code: 'SHIP_QUANTITY_EXCEEDS_ORDERED' });
    expect(tooMany.json.error.message).toMatch(/only 2 of 2 remain/);
    expect((await ship([{ orderItemId: '0', quantity: 1 }])).json.error.code).toBe('ORDER_ITEM_NOT_FOUND');
    expect(
      (await ship([{ orderItemId: first.orderItemId, quantity: 1 }], '2030-01-01T00:00:00Z')).json.error.code,
    ).toBe('SHIP_DATE_IN_FUTURE');
    const after = await t.request('GET', `/api/orders/${o.amazonOrderId}`, { headers });
    expect(after.json.order.status).toBe('Unshipped');
    expect(after.json.order.shipments).toEqual([]);
    expect(after.json.order.charge).toBeNull();
  });

  it('captures payment once when two confirmations race (ORD-7)', async () => {
    const { placeOrder } = await import('../support/fixtures.ts');
    const o = await placeOrder(t, key, seller);
    const order = await t.services.orders.getOrder(seller.sellerId, o.amazonOrderId);
    const items = await t.services.orders.repo.itemsOf(seller.sellerId, [order.id]);
    const confirm = (ref: string, item: (typeof items)[number]) =>
      t.services.orders.confirmShipment({
        sellerId: seller.sellerId,
        amazonOrderId: o.amazonOrderId,
        packageReferenceId: ref,
        carrierCode: 'Yamato',
        trackingNumber: `T${ref}`,
        shipDate: t.clock.now(),
        items: [{ orderItemId: item.orderItemId, quantity: 1 }],
        source: 'sp-api',
        actor: { kind: 'app', id: 'test' },
      });
    const results = await Promise.allSettled([confirm('1', items[0]!), confirm('2', items[1]!)]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const charge = await t.services.orders.repo.chargeOf(seller.sellerId, order.id);
    expect(charge?.amount).toBe(order.orderTotal);
    const events = await t.services.orders.repo.eventsOf(seller.sellerId, order.id);
    expect(events.filter((e) => e.kind === 'payment_captured')).toHaveLength(1);
  });
});
