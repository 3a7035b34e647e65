// SP-API Orders 2026-01-01 over HTTP (reference/sp-api.md §2.7): searchOrders rules and paging,
// and every includedData block we have data for, filled by real flows (payment, shipment
// confirmation, carrier scans, cancellations, buyer requests). No `payload` wrapper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeller,
  operatorKey,
  placeOrder,
  spApiToken,
  type TestSeller,
  webLogin,
} from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let key: string;

beforeAll(async () => {
  t = await startTestApp();
  key = await operatorKey(t);
});
afterAll(() => t?.close());

type Seller = TestSeller & { token: string };
async function seller(): Promise<Seller> {
  const s = await createSeller(t);
  return { ...s, token: await spApiToken(t, s) };
}
const sp = (s: Seller, method: string, path: string, body?: unknown) =>
  t.request(method, path, { body, headers: { 'x-amz-access-token': s.token } });
const mp = (method: string, path: string, body?: unknown) =>
  t.request(method, path, { body, headers: { authorization: `Bearer ${key}` } });

const AFTER = '2026-11-01T00:00:00Z';
const search = (s: Seller, q: Record<string, string> = {}) =>
  sp(s, 'GET', `/orders/2026-01-01/orders?${new URLSearchParams({ createdAfter: AFTER, ...q })}`);
const getOrder = (s: Seller, id: string, includedData?: string) =>
  sp(s, 'GET', `/orders/2026-01-01/orders/${id}${includedData ? `?includedData=${includedData}` : ''}`);
const ALL = 'BUYER,RECIPIENT,PROCEEDS,EXPENSE,PROMOTION,CANCELLATION,FULFILLMENT,PACKAGES,TAX,PAYMENT';

async function itemIds(s: Seller, id: string) {
  return ((await getOrder(s, id)).json.order.orderItems as { orderItemId: string }[]).map(
    (i) => i.orderItemId,
  );
}
async function confirm(
  s: Seller,
  id: string,
  ref: string,
  lines: { orderItemId: string; quantity: number }[],
) {
  const r = await sp(s, 'POST', `/orders/v0/orders/${id}/shipmentConfirmation`, {
    marketplaceId: s.marketplaceId,
    packageDetail: {
      packageReferenceId: ref,
      carrierCode: 'Yamato Transport',
      shippingMethod: 'TA-Q-BIN',
      trackingNumber: `TRK-${id}-${ref}`,
      shipDate: t.clock.now().toISOString(),
      orderItems: lines,
    },
  });
  expect(r.status, r.text).toBe(204);
}

describe('searchOrders', () => {
  it('lists the seller’s orders without a payload wrapper; marketplaceIds is optional', async () => {
    const s = await seller();
    const o = await placeOrder(t, key, s, { sellerOrderId: 'S-1' });
    t.clock.advance(10 * 60_000);
    const r = await search(s);
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('x-amzn-RateLimit-Limit')).toBe('0.0056');
    expect(r.headers.get('x-amzn-RequestId')).toBeTruthy();
    expect(r.json).not.toHaveProperty('payload');
    expect(r.json.createdBefore).toBe(new Date(t.clock.now().getTime() - 120_000).toISOString());
    expect(r.json).not.toHaveProperty('pagination');
    expect(r.json.orders).toHaveLength(1);
    const order = r.json.orders[0];
    expect(order).toMatchObject({
      orderId: o.amazonOrderId,
      orderAliases: [{ aliasId: 'S-1', aliasType: 'SELLER_ORDER_ID' }],
      salesChannel: { channelName: 'AMAZON', marketplaceId: s.marketplaceId, marketplaceName: 'Mercato.jp' },
    });
    expect(order.orderItems.map((i: { product: { sellerSku: string } }) => i.product.sellerSku)).toEqual([
      'SKU-A',
      'SKU-B',
    ]);
    // Without includedData only the core: no buyer, no address, no money beyond unit prices.
    for (const k of ['buyer', 'recipient', 'proceeds', 'fulfillment', 'packages', 'payment'])
      expect(order, k).not.toHaveProperty(k);
    const withIds = await search(s, { marketplaceIds: s.marketplaceId });
    expect(withIds.json.orders).toHaveLength(1);
    expect((await search(s, { marketplaceIds: 'APJ6JRA9NG5V4' })).json.orders).toEqual([]);
  });

  it('filters by several fulfillmentStatuses and by fulfilledBy, and pages with paginationToken', async () => {
    const s = await seller();
    const unshipped = (await placeOrder(t, key, s)).amazonOrderId;
    const shipped = (await placeOrder(t, key, s)).amazonOrderId;
    const pending = (await placeOrder(t, key, s, { paymentMethod: 'CVS', paymentVerified: false }))
      .amazonOrderId;
    const afn = (await placeOrder(t, key, s, { fulfillmentChannel: 'AFN' })).amazonOrderId;
    const [a, b] = await itemIds(s, shipped);
    await confirm(s, shipped, '1', [
      { orderItemId: a ?? '', quantity: 2 },
      { orderItemId: b ?? '', quantity: 1 },
    ]);
    t.clock.advance(10 * 60_000);
    const idsOf = async (q: Record<string, string>) =>
      ((await search(s, q)).json.orders as { orderId: string }[]).map((o) => o.orderId).sort();
    expect(await idsOf({ fulfillmentStatuses: 'UNSHIPPED,SHIPPED' })).toEqual(
      [unshipped, shipped, afn].sort(),
    );
    expect(await idsOf({ fulfillmentStatuses: 'PENDING' })).toEqual([pending]);
    expect(await idsOf({ fulfilledBy: 'AMAZON' })).toEqual([afn]);
    expect(await idsOf({ fulfilledBy: 'MERCHANT', fulfillmentStatuses: 'UNSHIPPED' })).toEqual([unshipped]);

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await search(s, { maxResultsPerPage: '3', ...(token ? { paginationToken: token } : {}) });
      expect(r.status, r.text).toBe(200);
      seen.push(...r.json.orders.map((o: { orderId: string }) => o.orderId));
      token = r.json.pagination?.nextToken;
      pages++;
    } while (token);
    expect(pages).toBe(2);
    expect(seen).toEqual([unshipped, shipped, pending, afn]);
  });

  it.each([
    ['no *After', { createdAfter: '' }, /Exactly one of createdAfter and lastUpdatedAfter/],
    ['both *After', { lastUpdatedAfter: AFTER }, /Exactly one of/],
    ['createdBefore in the last 2 minutes', { createdBefore: 'NOW' }, /at least 2 minutes/],
    ['an unknown fulfillment status', { fulfillmentStatuses: 'SHIPPED,LOST' }, /LOST is not one of/],
    ['an unknown fulfilledBy', { fulfilledBy: 'ROBOT' }, /ROBOT/],
    ['an unknown includedData', { includedData: 'BUYER,EVERYTHING' }, /EVERYTHING is not one of/],
    [
      'maxResultsPerPage 0',
      { maxResultsPerPage: '0' },
      /maxResultsPerPage must be a whole number from 1 to 100/,
    ],
    ['a forged paginationToken', { paginationToken: 'xyz' }, /paginationToken is not valid/],
    ['an unknown marketplace', { marketplaceIds: 'NOPE' }, /Invalid marketplaceIds: NOPE/],
  ])('refuses %s with 400 InvalidInput', async (_n, q, message) => {
    const s = await seller();
    const query = Object.fromEntries(
      Object.entries({ createdAfter: AFTER, ...q })
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, v === 'NOW' ? t.clock.now().toISOString() : v]),
    );
    const r = await sp(s, 'GET', `/orders/2026-01-01/orders?${new URLSearchParams(query)}`);
    expect(r.status, r.text).toBe(400);
    expect(r.json).toEqual({
      errors: [
        {
          code: 'InvalidInput',
          message: expect.stringMatching(message),
          details: expect.stringMatching(/^INVALID_(QUERY|MARKETPLACE)$/),
        },
      ],
    });
  });
});

describe('getOrder with includedData', () => {
  it('maps buyer, recipient, proceeds, payment, fulfillment and packages of a partly shipped order', async () => {
    const s = await seller();
    const o = await placeOrder(t, key, s, { isBusinessOrder: true, purchaseOrderNumber: 'PO-9' });
    const [a] = await itemIds(s, o.amazonOrderId);
    await confirm(s, o.amazonOrderId, '1', [{ orderItemId: a ?? '', quantity: 1 }]);
    const scan = await mp('POST', '/marketplace/v1/carrier-scans', {
      trackingNumber: `TRK-${o.amazonOrderId}-1`,
      status: 'OutForDelivery',
      externalId: 'scan-1',
    });
    expect(scan.status, scan.text).toBe(200);

    const r = await getOrder(s, o.amazonOrderId, ALL);
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('x-amzn-RateLimit-Limit')).toBe('0.5');
    const order = r.json.order;
    expect(order.programs).toEqual(['AMAZON_BUSINESS']);
    expect(order.buyer).toEqual({
      buyerName: '山田 太郎',
      buyerEmail: expect.stringMatching(/@relay\.mercato\.jp$/),
      buyerPurchaseOrderNumber: 'PO-9',
    });
    expect(order.recipient.deliveryAddress).toMatchObject({
      name: '山田 太郎',
      postalCode: '150-0002',
      countryCode: 'JP',
      phone: '090-1234-5678',
    });
    expect(order.proceeds).toEqual({
      grandTotal: { amount: '5350', currencyCode: 'JPY' },
      breakdowns: [
        { type: 'ITEM', subtotal: { amount: '5000', currencyCode: 'JPY' } },
        { type: 'SHIPPING', subtotal: { amount: '350', currencyCode: 'JPY' } },
      ],
    });
    expect(order.payment).toEqual({
      paymentExecutions: [{ paymentMethod: 'Other', paymentAmount: { amount: '5350', currencyCode: 'JPY' } }],
    });
    expect(order.fulfillment).toMatchObject({
      fulfillmentStatus: 'PARTIALLY_SHIPPED',
      fulfilledBy: 'MERCHANT',
      fulfillmentServiceLevel: 'STANDARD',
      shipByWindow: { latestDateTime: expect.any(String) },
      deliverByWindow: { latestDateTime: expect.any(String) },
    });
    expect(order.orderItems[0]).toMatchObject({
      quantityOrdered: 2,
      proceeds: { proceedsTotal: { amount: '3350', currencyCode: 'JPY' } },
      fulfillment: { quantityFulfilled: 1, quantityUnfulfilled: 1 },
    });
    expect(order.packages).toEqual([
      {
        packageReferenceId: '1',
        createdTime: expect.any(String),
        packageStatus: { status: 'IN_TRANSIT', detailedStatus: 'OUT_FOR_DELIVERY' },
        carrier: 'Yamato Transport',
        shipTime: expect.any(String),
        shippingService: 'TA-Q-BIN',
        trackingNumber: `TRK-${o.amazonOrderId}-1`,
        packageItems: [{ orderItemId: a, quantity: 1 }],
      },
    ]);
    // Blocks Mercato has no data for are absent rather than invented.
    expect(order).not.toHaveProperty('tax');
    expect(order).not.toHaveProperty('fulfillmentOrders');
    expect(order.orderItems[0]).not.toHaveProperty('promotion');

    // Delivered: the package says so; past the deliver-by date the phone is gone (ORD-16).
    await mp('POST', '/marketplace/v1/carrier-scans', {
      trackingNumber: `TRK-${o.amazonOrderId}-1`,
      status: 'Delivered',
      externalId: 'scan-2',
    });
    const latest = order.fulfillment.deliverByWindow.latestDateTime as string;
    t.clock.set(new Date(new Date(latest).getTime() + 60_000));
    s.token = await spApiToken(t, s);
    const later = (await getOrder(s, o.amazonOrderId, 'RECIPIENT,PACKAGES')).json.order;
    expect(later.packages[0].packageStatus).toEqual({ status: 'DELIVERED', detailedStatus: 'DELIVERED' });
    expect(later.recipient.deliveryAddress).not.toHaveProperty('phone');
  });

  it('never shows the payment of a convenience-store order, and nothing priced while it is Pending (ORD-2, ORD-15)', async () => {
    const s = await seller();
    const o = await placeOrder(t, key, s, { paymentMethod: 'CVS', paymentVerified: false });
    const pending = (await getOrder(s, o.amazonOrderId, ALL)).json.order;
    expect(pending.fulfillment.fulfillmentStatus).toBe('PENDING');
    for (const k of ['payment', 'proceeds', 'recipient']) expect(pending, k).not.toHaveProperty(k);
    await mp('POST', `/marketplace/v1/orders/${o.amazonOrderId}/payment`, {});
    const paid = (await getOrder(s, o.amazonOrderId, ALL)).json.order;
    expect(paid.fulfillment.fulfillmentStatus).toBe('UNSHIPPED');
    expect(paid.proceeds.grandTotal).toEqual({ amount: '5350', currencyCode: 'JPY' });
    expect(paid.recipient).toBeTruthy();
    expect(paid).not.toHaveProperty('payment');
  });

  it('shows a buyer cancellation request, then who cancelled and why (CANCELLATION, ORD-13)', async () => {
    const s = await seller();
    const web = await webLogin(t, s.email);
    const o = await placeOrder(t, key, s);
    await mp('POST', `/marketplace/v1/orders/${o.amazonOrderId}/cancellation-requests`, {
      reason: 'Too late',
    });
    const requested = (await getOrder(s, o.amazonOrderId, 'CANCELLATION')).json.order;
    expect(requested.orderItems[0].cancellation).toEqual({
      cancellationRequest: { requester: 'BUYER', cancelReason: 'Too late' },
    });
    const other = await placeOrder(t, key, s);
    const c = await t.request('POST', `/api/orders/${other.amazonOrderId}/cancel`, {
      body: { reason: 'NoInventory' },
      headers: web,
    });
    expect(c.status, c.text).toBe(200);
    const canceled = (await getOrder(s, other.amazonOrderId, 'CANCELLATION,FULFILLMENT,PROCEEDS')).json.order;
    expect(canceled.fulfillment.fulfillmentStatus).toBe('CANCELLED');
    expect(canceled).not.toHaveProperty('proceeds');
    for (const i of canceled.orderItems) {
      expect(i.cancellation).toEqual({
        cancellationExecution: { cancelledBy: 'MERCHANT', cancelReason: 'NoInventory' },
      });
      expect(i.fulfillment).toEqual({ quantityFulfilled: 0, quantityUnfulfilled: 0 });
    }
  });

  it('answers 404 NotFound for an unknown or another seller’s order, and 400 for unknown includedData', async () => {
    const s = await seller();
    const other = await seller();
    const o = await placeOrder(t, key, s);
    const missing = await getOrder(s, '999-0000000-0000000');
    expect(missing.status).toBe(404);
    expect(missing.json.errors[0].code).toBe('NotFound');
    expect((await getOrder(other, o.amazonOrderId)).status).toBe(404);
    const bad = await getOrder(s, o.amazonOrderId, 'BUYER,NOPE');
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]).toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('NOPE'),
    });
    const noToken = await t.request('GET', `/orders/2026-01-01/orders/${o.amazonOrderId}`);
    expect(noToken.status).toBe(403);
    expect(noToken.json.errors[0].code).toBe('Unauthorized');
  });
});
