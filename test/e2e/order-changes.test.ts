// ORD-5 buyer edits, ORD-13 cancellations and buyer requests, carrier scans: through the marketplace
// API (storefront side) and the seller web API, on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const mp = (method: string, path: string, body?: unknown) =>
  t.request(method, path, { body, headers: { authorization: `Bearer ${key}` } });
const seller$ = (method: string, path: string, body?: unknown, headers = web) =>
  t.request(method, path, { body, headers });
const detail = async (id: string) =>
  (await seller$('GET', `/api/orders/${id}`)).json.order ?? (await seller$('GET', `/api/orders/${id}`)).json;

async function mailTo(to: string) {
  const { mailbox } = await import('../../src/platform/db/platform.tables.ts');
  const { eq } = await import('drizzle-orm');
  return t.services.database.db.select().from(mailbox).where(eq(mailbox.to, to));
}

async function ship(id: string, tracking: string, items?: { orderItemId: string; quantity: number }[]) {
  const d = await detail(id);
  const r = await seller$('POST', `/api/orders/${id}/shipments`, {
    carrierCode: 'Yamato',
    trackingNumber: tracking,
    shipDate: t.clock.now().toISOString(),
    items:
      items ??
      d.items.map((i: { orderItemId: string; quantityOrdered: number }) => ({
        orderItemId: i.orderItemId,
        quantity: i.quantityOrdered,
      })),
  });
  expect(r.status, r.text).toBe(201);
  return d;
}

describe('seller cancellation (ORD-13)', () => {
  it('cancels an Unshipped order with a reason, without a charge, and tells the buyer', async () => {
    const o = await placeOrder(t, key, seller, { buyer: { name: 'Hana', email: 'hana@example.com' } });
    const r = await seller$('POST', `/api/orders/${o.amazonOrderId}/cancel`, {
      reason: 'NoInventory',
      note: 'broken',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ status: 'Canceled', cancellationKind: 'seller' });
    const d = await detail(o.amazonOrderId);
    expect(d.status).toBe('Canceled');
    expect(d.charge).toBeNull();
    expect(d.cancellation).toMatchObject({ kind: 'seller', reason: 'NoInventory' });
    expect(d.actions.canCancel).toBe(false);
    expect(d.timeline.map((e: { kind: string }) => e.kind)).toContain('order_canceled');
    await t.services.jobs.drain();
    const mails = await mailTo('hana@example.com');
    expect(mails.map((m) => m.subject)).toContain(`ご注文 ${o.amazonOrderId} はキャンセルされました`);
    expect(mails.find((m) => m.subject.includes('キャンセル'))?.text).toContain('請求されていません');

    const again = await seller$('POST', `/api/orders/${o.amazonOrderId}/cancel`, { reason: 'NoInventory' });
    expect(again.status).toBe(422);
    expect(again.json.error.code).toBe('ORDER_ALREADY_CANCELED');
  });

  it('cancels a Pending order (no refund: nothing was charged)', async () => {
    const o = await placeOrder(t, key, seller, { paymentMethod: 'CVS', paymentVerified: false });
    const r = await seller$('POST', `/api/orders/${o.amazonOrderId}/cancel`, { reason: 'GeneralAdjustment' });
    expect(r.status, r.text).toBe(200);
    expect((await detail(o.amazonOrderId)).status).toBe('Canceled');
  });

  it('refuses a partially shipped order with what to do instead', async () => {
    const o = await placeOrder(t, key, seller);
    const d = await detail(o.amazonOrderId);
    await ship(o.amazonOrderId, 'TRK-PART-1', [{ orderItemId: d.items[0].orderItemId, quantity: 1 }]);
    const r = await seller$('POST', `/api/orders/${o.amazonOrderId}/cancel`, { reason: 'NoInventory' });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('ORDER_PARTIALLY_SHIPPED');
    expect(r.json.error.message).toMatch(/Refund/);
  });

  it.each([
    [{ reason: 'Whatever' }, 400, 'VALIDATION_FAILED'],
    [{}, 400, 'VALIDATION_FAILED'],
    [{ reason: 'NoInventory', extra: 1 }, 400, 'VALIDATION_FAILED'],
  ])('refuses bad input %o', async (body, status, code) => {
    const o = await placeOrder(t, key, seller);
    const r = await seller$('POST', `/api/orders/${o.amazonOrderId}/cancel`, body);
    expect(r.status).toBe(status);
    expect(r.json.error.code).toBe(code);
    expect((await detail(o.amazonOrderId)).status).toBe('Unshipped');
  });

  it("cannot touch another seller's order", async () => {
    const o = await placeOrder(t, key, seller);
    const r = await seller$(
      'POST',
      `/api/orders/${o.amazonOrderId}/cancel`,
      { reason: 'NoInventory' },
      otherWeb,
    );
    expect(r.status).toBe(404);
    expect((await detail(o.amazonOrderId)).status).toBe('Unshipped');
  });

  it('needs a signed-in seller with the CSRF token', async () => {
    const o = await placeOrder(t, key, seller);
    const r = await t.request('POST', `/api/orders/${o.amazonOrderId}/cancel`, {
      body: { reason: 'NoInventory' },
      headers: { cookie: web.cookie ?? '' },
    });
    expect(r.status).toBe(403);
  });
});

describe('buyer-requested cancellation (ORD-13)', () => {
  it('the seller accepts: cancelled as the buyer’s, not the seller’s', async () => {
    const o = await placeOrder(t, key, seller);
    const req = await mp('POST', `/marketplace/v1/orders/${o.amazonOrderId}/cancellation-requests`, {
      reason: 'Ordered by mistake',
    });
    expect(req.status, req.text).toBe(200);
    expect(req.json.alreadyRequested).toBe(false);
    const repeat = await mp('POST', `/marketplace/v1/orders/${o.amazonOrderId}/cancellation-requests`, {
      reason: 'Ordered by mistake',
    });
    expect(repeat.json.alreadyRequested).toBe(true);
    const d = await detail(o.amazonOrderId);
    expect(d.buyerCancelRequest).toMatchObject({ reason: 'Ordered by mistake' });
    expect(d.buyerCancelRequested).toBe(true);

    const r = await seller$('POST', `/api/orders/${o.amazonOrderId}/cancel`, { reason: 'BuyerCanceled' });
    expect(r.status, r.text).toBe(200);
    expect(r.json.cancellationKind).toBe('buyer_requested');
  });

  it('the seller ships instead: the request closes', async () => {
    const o = await placeOrder(t, key, seller);
    await mp('POST', `/marketplace/v1/orders/${o.amazonOrderId}/cancellation-requests`, {
      reason: 'Too slow',
    });
    await ship(o.amazonOrderId, 'TRK-REQ-SHIP');
    const d = await detail(o.amazonOrderId);
    expect(d.status).toBe('Shipped');
    expect(d.buyerCancelRequest).toBeNull();
  });

  it('BuyerCanceled without a request is refused', async () => {
    const o = await placeOrder(t, key, seller);
    const r = await seller$('POST', `/api/orders/${o.amazonOrderId}/cancel`, { reason: 'BuyerCanceled' });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('NO_BUYER_CANCEL_REQUEST');
  });

  it('a shipped order cannot be requested for cancellation', async () => {
    const o = await placeOrder(t, key, seller);
    await ship(o.amazonOrderId, 'TRK-REQ-LATE');
    const r = await mp('POST', `/marketplace/v1/orders/${o.amazonOrderId}/cancellation-requests`, {
      reason: 'x',
    });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('ORDER_ALREADY_SHIPPED');
  });

  it('the marketplace cancels an unpaid pay-later order', async () => {
    const o = await placeOrder(t, key, seller, { paymentMethod: 'CVS', paymentVerified: false });
    const r = await mp('POST', `/marketplace/v1/orders/${o.amazonOrderId}/cancel`, {
      reason: 'PaymentNotCompleted',
    });
    expect(r.status, r.text).toBe(200);
    expect((await detail(o.amazonOrderId)).cancellation.kind).toBe('marketplace');
  });
});

describe('buyer edits inside the window (ORD-5)', () => {
  it('changes quantities and the address within 5 minutes, and refuses after', async () => {
    const o = await placeOrder(t, key, seller);
    const before = await detail(o.amazonOrderId);
    const itemA = before.items[0];
    t.clock.advance(4 * 60_000);
    const r = await mp('PATCH', `/marketplace/v1/orders/${o.amazonOrderId}`, {
      items: [{ orderItemId: itemA.orderItemId, quantity: 3 }],
      shippingAddress: {
        name: '山田 花子',
        addressLine1: '4-5-6 Ebisu',
        city: 'Shibuya-ku',
        postalCode: '150-0013',
        countryCode: 'JP',
      },
    });
    expect(r.status, r.text).toBe(200);
    const after = await detail(o.amazonOrderId);
    expect(after.items[0].quantityOrdered).toBe(3);
    expect(after.items[0].itemPrice.amount).toBe('4500');
    expect(after.orderTotal.amount).toBe('6850'); // 3×1500 + 350 + 2000
    expect(after.shippingAddress.addressLine1).toBe('4-5-6 Ebisu');
    expect(after.timeline.map((e: { kind: string }) => e.kind)).toContain('buyer_edited');

    t.clock.advance(60_000 + 1);
    const late = await mp('PATCH', `/marketplace/v1/orders/${o.amazonOrderId}`, {
      items: [{ orderItemId: itemA.orderItemId, quantity: 1 }],
    });
    expect(late.status).toBe(422);
    expect(late.json.error.code).toBe('EDIT_WINDOW_CLOSED');
    expect(late.json.error.message).toMatch(/Cancel the order and place a new one/);
    expect((await detail(o.amazonOrderId)).items[0].quantityOrdered).toBe(3);
  });

  it.each([
    [{}, 'NOTHING_TO_CHANGE'],
    [{ items: [{ orderItemId: 'nope', quantity: 1 }] }, 'UNKNOWN_ORDER_ITEM'],
    [{ items: [{ orderItemId: 'x', quantity: 0 }] }, 'VALIDATION_FAILED'],
  ])('refuses %o', async (body, code) => {
    const o = await placeOrder(t, key, seller);
    const r = await mp('PATCH', `/marketplace/v1/orders/${o.amazonOrderId}`, body);
    expect(r.json.error.code).toBe(code);
  });

  it('refuses another country', async () => {
    const o = await placeOrder(t, key, seller);
    const r = await mp('PATCH', `/marketplace/v1/orders/${o.amazonOrderId}`, {
      shippingAddress: {
        name: 'A',
        addressLine1: 'Via Roma 1',
        city: 'Milano',
        postalCode: '20121',
        countryCode: 'IT',
      },
    });
    expect(r.json.error.code).toBe('ADDRESS_COUNTRY_CHANGE');
  });
});

describe('carrier scans', () => {
  it('records transit and delivery on every shipment of the parcel; repeats are harmless', async () => {
    const o = await placeOrder(t, key, seller);
    await ship(o.amazonOrderId, 'TRK-SCAN-1');
    t.clock.advance(3600_000);
    const scan = (body: Record<string, unknown>) =>
      mp('POST', '/marketplace/v1/carrier-scans', {
        trackingNumber: 'TRK-SCAN-1',
        carrierCode: 'yamato',
        ...body,
      });
    expect((await scan({ status: 'InTransit', location: 'Tokyo hub', externalId: 's1' })).status).toBe(200);
    const delivered = await scan({ status: 'Delivered', externalId: 's2' });
    expect(delivered.status, delivered.text).toBe(200);
    expect(delivered.json.shipments[0]).toMatchObject({ amazonOrderId: o.amazonOrderId, recorded: true });
    const again = await scan({ status: 'Delivered', externalId: 's2' });
    expect(again.json.shipments[0].recorded).toBe(false);
    const d = await detail(o.amazonOrderId);
    expect(d.shipments[0]).toMatchObject({ trackingStatus: 'Delivered' });
    expect(d.shipments[0].deliveredAt).toBeTruthy();
    expect(d.timeline.filter((e: { kind: string }) => e.kind === 'carrier_scan')).toHaveLength(2);
  });

  it('a parcel returned to the seller needs a reason and enables the undeliverable refund', async () => {
    const o = await placeOrder(t, key, seller);
    await ship(o.amazonOrderId, 'TRK-RTS-1');
    const noReason = await mp('POST', '/marketplace/v1/carrier-scans', {
      trackingNumber: 'TRK-RTS-1',
      status: 'ReturnedToSender',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.code).toBe('RETURN_REASON_REQUIRED');
    const ok = await mp('POST', '/marketplace/v1/carrier-scans', {
      trackingNumber: 'TRK-RTS-1',
      status: 'ReturnedToSender',
      returnReason: 'Undeliverable',
    });
    expect(ok.status, ok.text).toBe(200);
    const d = await detail(o.amazonOrderId);
    expect(d.shipments[0]).toMatchObject({
      trackingStatus: 'ReturnedToSender',
      returnReason: 'Undeliverable',
    });
    expect(d.actions.canRefundUndeliverable).toBe(true);
  });

  it('an unknown tracking number is 404', async () => {
    const r = await mp('POST', '/marketplace/v1/carrier-scans', {
      trackingNumber: 'NOPE-404',
      status: 'Delivered',
    });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('TRACKING_NUMBER_NOT_FOUND');
  });
});

describe('gift messages and points from the storefront', () => {
  it('reach SP-API getOrderItemsBuyerInfo and getOrderItems', async () => {
    const { spApiToken, orderBody } = await import('../support/fixtures.ts');
    const token = await spApiToken(t, seller);
    const body = orderBody(seller);
    const gift = {
      giftMessageText: 'お誕生日おめでとう',
      giftWrapLevel: 'Classic',
      giftWrapPrice: { amount: '300', currencyCode: 'JPY' },
      pointsGranted: 30,
    };
    const placed = await mp('POST', '/marketplace/v1/orders', {
      ...body,
      items: [{ ...body.items[0], ...gift }, body.items[1]],
    });
    expect(placed.status, placed.text).toBe(201);
    const id = placed.json.amazonOrderId;
    const sp = (path: string) => t.request('GET', path, { headers: { 'x-amz-access-token': token } });
    const info = await sp(`/orders/v0/orders/${id}/orderItems/buyerInfo`);
    expect(info.status, info.text).toBe(200);
    expect(info.json.payload.OrderItems[0]).toMatchObject({
      GiftMessageText: 'お誕生日おめでとう',
      GiftWrapLevel: 'Classic',
      GiftWrapPrice: { CurrencyCode: 'JPY', Amount: '300' },
    });
    const items = await sp(`/orders/v0/orders/${id}/orderItems`);
    expect(items.json.payload.OrderItems[0]).toMatchObject({
      IsGift: 'true',
      PointsGranted: { PointsNumber: 30 },
    });
  });
});
