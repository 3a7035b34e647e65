// ORD-10: several orders of one buyer to one address ship in one parcel; each order is confirmed
// on its own with the same tracking number, and the shipping saved is refunded per order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPMENT_EMAIL_QUEUE } from '../../src/modules/orders/index.ts';
import { REFUND_EMAIL_QUEUE } from '../../src/modules/orders/refunds.service.ts';
import { createSeller, operatorKey, placeOrder, type TestSeller, webLogin } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let seller: TestSeller;
let other: TestSeller;
let key: string;
let web: Record<string, string>;
let otherWeb: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  seller = await createSeller(t);
  other = await createSeller(t);
  key = await operatorKey(t);
  web = await webLogin(t, seller.email);
  otherWeb = await webLogin(t, other.email);
});
afterAll(() => t?.close());

const api = (method: string, path: string, body?: unknown, headers = web) =>
  t.request(method, path, { body, headers });
const detail = async (id: string) => (await api('GET', `/api/orders/${id}`)).json.order;

const address = {
  name: '山田 太郎',
  addressLine1: '1-2-3 Shibuya',
  city: 'Shibuya-ku',
  stateOrRegion: 'Tokyo',
  postalCode: '150-0002',
  countryCode: 'JP',
  phone: '090-1234-5678',
};
const jpy = (amount: string) => ({ amount, currencyCode: 'JPY' });
const item = (sku: string, unit: string, shipping: string, quantity = 1) => ({
  sku,
  title: `Item ${sku}`,
  quantity,
  unitPrice: jpy(unit),
  shippingPrice: jpy(shipping),
});

let n = 0;
/** One buyer's order; the email and address may be written differently each time. */
function buyerOrder(
  email: string,
  items: ReturnType<typeof item>[],
  over: Record<string, unknown> = {},
  s = seller,
) {
  return placeOrder(t, key, s, {
    buyer: { name: '山田 太郎', email },
    shippingAddress: address,
    items,
    sellerOrderId: `combo-${++n}`,
    ...over,
  });
}

const parcel = (amazonOrderIds: string[], trackingNumber = `COMBO-${++n}`) => ({
  amazonOrderIds,
  carrierCode: 'Yamato',
  shippingMethod: 'TA-Q-BIN',
  trackingNumber,
  shipDate: t.clock.now().toISOString(),
});

describe('combined shipment (ORD-10)', () => {
  it('lists the combinable orders, ships them in one parcel and refunds the shipping saved', async () => {
    const email = 'taro.combo@example.com';
    const cheap = await buyerOrder(email, [item('TEA', '1500', '350', 2)]);
    const dear = await buyerOrder('Taro.Combo@Example.com', [item('POT', '6000', '800')], {
      shippingAddress: { ...address, addressLine1: ' 1-2-3  shibuya ', postalCode: '1500002' },
    });
    const small = await buyerOrder(email, [item('CUP', '900', '200'), item('LID', '100', '150')]);
    const elsewhere = await buyerOrder(email, [item('BOX', '500', '300')], {
      shippingAddress: { ...address, addressLine1: '9-9-9 Meguro', city: 'Meguro-ku' },
    });
    const someoneElse = await buyerOrder('hanako@example.com', [item('BAG', '500', '300')]);
    const pending = await buyerOrder(email, [item('PEN', '500', '300')], {
      paymentMethod: 'CVS',
      paymentVerified: false,
    });

    const combinable = await api('GET', `/api/orders/${cheap.amazonOrderId}/combinable`);
    expect(combinable.status, combinable.text).toBe(200);
    expect(combinable.json.orders.map((o: { amazonOrderId: string }) => o.amazonOrderId).sort()).toEqual(
      [dear.amazonOrderId, small.amazonOrderId].sort(),
    );
    expect(combinable.json.orders.map((o: { amazonOrderId: string }) => o.amazonOrderId)).not.toContain(
      elsewhere.amazonOrderId,
    );
    expect(someoneElse.amazonOrderId).toBeTruthy();
    expect(pending.status).toBe('Pending');

    const ids = [cheap.amazonOrderId, dear.amazonOrderId, small.amazonOrderId];
    const r = await api('POST', '/api/orders/combined-shipments', parcel(ids, 'COMBO-MAIN'));
    expect(r.status, r.text).toBe(201);
    expect(r.json.keepsShipping).toBe(dear.amazonOrderId);
    expect(r.json.combinedShipmentId).toMatch(/^cmb_/);

    const [dCheap, dDear, dSmall] = await Promise.all(ids.map(detail));
    for (const d of [dCheap, dDear, dSmall]) {
      expect(d.status).toBe('Shipped');
      expect(d.shipments).toHaveLength(1);
      expect(d.shipments[0]).toMatchObject({
        trackingNumber: 'COMBO-MAIN',
        combinedShipmentId: r.json.combinedShipmentId,
      });
      expect(d.charge).not.toBeNull(); // each order captured on its own confirmation (ORD-7)
    }
    // The order with the highest shipping keeps it; the others get theirs back.
    expect(dDear.refunds).toEqual([]);
    expect(dCheap.refunds).toHaveLength(1);
    expect(dCheap.refunds[0]).toMatchObject({
      kind: 'combined_shipping',
      reason: 'ShippingCombined',
      total: { amount: '350', currencyCode: 'JPY' },
      lines: [{ quantity: 0, itemPrice: { amount: '0' }, shippingPrice: { amount: '350' } }],
    });
    expect(dSmall.refunds[0]).toMatchObject({ reason: 'ShippingCombined', total: { amount: '350' } });
    expect(dCheap.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['shipment_confirmed', 'payment_captured', 'refund_issued']),
    );

    await t.services.jobs.drain([SHIPMENT_EMAIL_QUEUE, REFUND_EMAIL_QUEUE]);
    const { mailbox } = await import('../../src/platform/db/platform.tables.ts');
    const { eq } = await import('drizzle-orm');
    const mails = await t.services.database.db.select().from(mailbox).where(eq(mailbox.to, email));
    const refundMail = mails.find((m) => m.subject === `ご注文 ${cheap.amazonOrderId} の返金（￥350）`);
    expect(refundMail?.text).toContain('まとめて1つの荷物で発送');

    // Shipped orders are no longer combinable or shippable.
    const again = await api(
      'POST',
      '/api/orders/combined-shipments',
      parcel([cheap.amazonOrderId, elsewhere.amazonOrderId]),
    );
    expect([again.status, again.json.error.code]).toEqual([422, 'ORDER_ALREADY_SHIPPED']);
  });

  it.each([
    [
      'different buyers',
      'COMBINED_DIFFERENT_BUYERS',
      { buyer: { name: 'X', email: 'someone.else@example.com' } },
    ],
    [
      'different addresses',
      'COMBINED_DIFFERENT_ADDRESSES',
      { shippingAddress: { ...address, postalCode: '150-0003' } },
    ],
    ['a Pending order', 'ORDER_NOT_SHIPPABLE_PENDING', { paymentMethod: 'CVS', paymentVerified: false }],
  ])('refuses %s and writes nothing', async (_name, code, over) => {
    const email = `refused.${code.toLowerCase()}@example.com`;
    const a = await buyerOrder(email, [item('TEA', '1500', '350')]);
    const b = await placeOrder(t, key, seller, {
      buyer: { name: '山田 太郎', email },
      shippingAddress: address,
      items: [item('POT', '6000', '800')],
      ...over,
    });
    const r = await api('POST', '/api/orders/combined-shipments', parcel([a.amazonOrderId, b.amazonOrderId]));
    expect([r.status, r.json.error.code]).toEqual([422, code]);
    expect(r.json.error.message).toContain(b.amazonOrderId);
    const d = await detail(a.amazonOrderId);
    expect([d.status, d.shipments.length, d.charge, d.refunds.length]).toEqual(['Unshipped', 0, null, 0]);
  });

  it('confirms the rest of a partially shipped order in the parcel', async () => {
    const email = 'partial.combo@example.com';
    const a = await buyerOrder(email, [item('TEA', '1500', '350', 3)]);
    const b = await buyerOrder(email, [item('POT', '6000', '200')]);
    const items = (await detail(a.amazonOrderId)).items;
    const first = await api('POST', `/api/orders/${a.amazonOrderId}/shipments`, {
      carrierCode: 'Yamato',
      trackingNumber: 'FIRST',
      shipDate: t.clock.now().toISOString(),
      items: [{ orderItemId: items[0].orderItemId, quantity: 1 }],
    });
    expect(first.status, first.text).toBe(201);
    t.clock.advance(60_000);
    const r = await api('POST', '/api/orders/combined-shipments', parcel([a.amazonOrderId, b.amazonOrderId]));
    expect(r.status, r.text).toBe(201);
    const d = await detail(a.amazonOrderId);
    expect(d.status).toBe('Shipped');
    expect(d.shipments.map((s: { items: { quantity: number }[] }) => s.items[0]?.quantity)).toEqual([1, 2]);
    // A keeps its 350 shipping (the highest); B's 200 comes back.
    expect(r.json.keepsShipping).toBe(a.amazonOrderId);
    expect((await detail(b.amazonOrderId)).refunds[0].total.amount).toBe('200');
  });

  it("refuses another seller's orders", async () => {
    const a = await buyerOrder('mine@example.com', [item('TEA', '1500', '350')]);
    const b = await buyerOrder('mine@example.com', [item('POT', '6000', '800')]);
    const r = await api(
      'POST',
      '/api/orders/combined-shipments',
      parcel([a.amazonOrderId, b.amazonOrderId]),
      otherWeb,
    );
    expect([r.status, r.json.error.code]).toEqual([404, 'ORDER_NOT_FOUND']);
    const c = await api('GET', `/api/orders/${a.amazonOrderId}/combinable`, undefined, otherWeb);
    expect(c.status).toBe(404);
  });

  it('applies a carrier scan of the combined parcel to every order in it', async () => {
    const email = 'scan.combo@example.com';
    const a = await buyerOrder(email, [item('TEA', '1500', '350')]);
    const b = await buyerOrder(email, [item('POT', '6000', '800')]);
    expect(
      (
        await api(
          'POST',
          '/api/orders/combined-shipments',
          parcel([a.amazonOrderId, b.amazonOrderId], 'COMBO-SCAN'),
        )
      ).status,
    ).toBe(201);
    const scan = await t.request('POST', '/marketplace/v1/carrier-scans', {
      body: { trackingNumber: 'COMBO-SCAN', status: 'ReturnedToSender', returnReason: 'Rejected' },
      headers: { authorization: `Bearer ${key}` },
    });
    expect(scan.status, scan.text).toBe(200);
    // ORD-12 on each order: the parcel came back, each refunded less its share of the postage.
    for (const [id, cost, expected] of [
      [a.amazonOrderId, '300', '1200'], // 1500 + 350 − 350 (combined refund) − 300
      [b.amazonOrderId, '500', '6300'], // 6000 + 800 − 500
    ] as const) {
      const r = await api('POST', `/api/orders/${id}/refunds/undeliverable`, { actualShippingCost: cost });
      expect(r.status, r.text).toBe(201);
      expect(r.json.refund.total.amount).toBe(expected);
    }
  });
});
