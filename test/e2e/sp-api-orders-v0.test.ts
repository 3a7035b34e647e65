// SP-API Orders v0 over HTTP, operation by operation (reference/sp-api.md §2.1–2.5): every getOrders
// query rule with its 400 InvalidInput, paging with NextToken re-sent with the filters, the order
// and item fields (ORD-2 unpriced Pending orders, ORD-13 BuyerRequestedCancel and cancelled orders,
// ORD-15 hidden pay-later details, ORD-16 phone), getOrderItemsBuyerInfo and updateShipmentStatus.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderEvents, orderItems, shipments } from '../../src/modules/orders/orders.tables.ts';
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
/** getOrders for a seller: CreatedAfter and MarketplaceIds filled in unless given. */
const getOrders = (s: Seller, q: Record<string, string> = {}) => {
  const query = new URLSearchParams({ MarketplaceIds: s.marketplaceId, CreatedAfter: AFTER, ...q });
  for (const [k, v] of Object.entries(q)) if (v === '') query.delete(k);
  return sp(s, 'GET', `/orders/v0/orders?${query}`);
};
const ids = (r: { json: { payload: { Orders: { AmazonOrderId: string }[] } } }) =>
  r.json.payload.Orders.map((o) => o.AmazonOrderId).sort();

async function itemsOf(s: Seller, id: string) {
  const r = await sp(s, 'GET', `/orders/v0/orders/${id}/orderItems`);
  expect(r.status, r.text).toBe(200);
  return r.json.payload.OrderItems as { OrderItemId: string; QuantityOrdered: number }[];
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
      trackingNumber: `TRK-${id}-${ref}`,
      shipDate: t.clock.now().toISOString(),
      orderItems: lines,
    },
  });
  expect(r.status, r.text).toBe(204);
}

describe('getOrders query rules (reference/sp-api.md §2.2)', () => {
  let s: Seller;
  const placed = { unshipped: '', partial: '', shipped: '', pending: '' };

  beforeAll(async () => {
    s = await seller();
    placed.unshipped = (await placeOrder(t, key, s, { sellerOrderId: 'S-UNSHIPPED' })).amazonOrderId;
    placed.partial = (await placeOrder(t, key, s)).amazonOrderId;
    placed.shipped = (await placeOrder(t, key, s)).amazonOrderId;
    placed.pending = (
      await placeOrder(t, key, s, { paymentMethod: 'CVS', paymentVerified: false })
    ).amazonOrderId;
    const [a, b] = await itemsOf(s, placed.partial);
    await confirm(s, placed.partial, '1', [{ orderItemId: a?.OrderItemId ?? '', quantity: 1 }]);
    const all = await itemsOf(s, placed.shipped);
    await confirm(
      s,
      placed.shipped,
      '1',
      all.map((i) => ({ orderItemId: i.OrderItemId, quantity: i.QuantityOrdered })),
    );
    expect(b).toBeTruthy();
    t.clock.advance(10 * 60_000);
  });

  it('filters by several OrderStatuses at once (comma-joined, URL-encoded)', async () => {
    const r = await getOrders(s, { OrderStatuses: 'Unshipped,PartiallyShipped' });
    expect(r.status, r.text).toBe(200);
    expect(ids(r)).toEqual([placed.unshipped, placed.partial].sort());
    expect(r.json.payload.Orders.map((o: { OrderStatus: string }) => o.OrderStatus).sort()).toEqual([
      'PartiallyShipped',
      'Unshipped',
    ]);
    // The same list as repeated keys, as some clients send it.
    const repeated = await sp(
      s,
      'GET',
      `/orders/v0/orders?MarketplaceIds=${s.marketplaceId}&CreatedAfter=${AFTER}&OrderStatuses=Shipped&OrderStatuses=Pending`,
    );
    expect(ids(repeated)).toEqual([placed.shipped, placed.pending].sort());
    const three = await getOrders(s, { OrderStatuses: 'Unshipped,Shipped,Pending' });
    expect(ids(three)).toEqual([placed.unshipped, placed.shipped, placed.pending].sort());
  });

  it('filters by AmazonOrderIds, SellerOrderId, PaymentMethods, FulfillmentChannels and BuyerEmail', async () => {
    expect(ids(await getOrders(s, { AmazonOrderIds: `${placed.shipped},${placed.pending}` }))).toEqual(
      [placed.shipped, placed.pending].sort(),
    );
    expect(ids(await getOrders(s, { SellerOrderId: 'S-UNSHIPPED' }))).toEqual([placed.unshipped]);
    expect(ids(await getOrders(s, { PaymentMethods: 'CVS' }))).toEqual([placed.pending]);
    expect(ids(await getOrders(s, { FulfillmentChannels: 'AFN' }))).toEqual([]);
    const relay = (await getOrders(s, { AmazonOrderIds: placed.partial })).json.payload.Orders[0].BuyerInfo
      .BuyerEmail as string;
    // BuyerEmail combines with other filters; only SellerOrderId is exclusive in the model.
    expect(ids(await getOrders(s, { BuyerEmail: relay, OrderStatuses: 'PartiallyShipped' }))).toEqual([
      placed.partial,
    ]);
  });

  it('filters by LastUpdatedAfter/LastUpdatedBefore', async () => {
    const r = await getOrders(s, {
      CreatedAfter: '',
      LastUpdatedAfter: AFTER,
      LastUpdatedBefore: new Date(t.clock.now().getTime() - 5 * 60_000).toISOString(),
    });
    expect(r.status, r.text).toBe(200);
    expect(ids(r)).toHaveLength(4);
    expect(r.json.payload.LastUpdatedBefore).toBeTruthy();
    expect(r.json.payload.CreatedBefore).toBeUndefined();
  });

  it('answers filters no Mercato order can meet with an empty page, and NotRequired invoices with all', async () => {
    const nothing: Record<string, string>[] = [
      { EasyShipShipmentStatuses: 'PendingPickUp' },
      { IsISPU: 'true' },
      { StoreChainStoreId: 'store-1' },
      { ActualFulfillmentSupplySourceId: 'src-1' },
      { ElectronicInvoiceStatuses: 'Accepted' },
    ];
    for (const q of nothing) {
      const r = await getOrders(s, q);
      expect(r.status, JSON.stringify(q)).toBe(200);
      expect(r.json.payload.Orders).toEqual([]);
    }
    expect(ids(await getOrders(s, { IsISPU: 'false' }))).toHaveLength(4);
    expect(ids(await getOrders(s, { ElectronicInvoiceStatuses: 'NotRequired' }))).toHaveLength(4);
  });

  it.each([
    ['no MarketplaceIds', { MarketplaceIds: '' }, /MarketplaceIds is required/],
    ['no *After', { CreatedAfter: '' }, /Exactly one of CreatedAfter and LastUpdatedAfter/],
    ['both *After', { LastUpdatedAfter: AFTER }, /Exactly one of/],
    [
      'LastUpdatedBefore with CreatedAfter',
      { LastUpdatedBefore: AFTER },
      /cannot be combined with CreatedAfter/,
    ],
    [
      'CreatedBefore < CreatedAfter',
      { CreatedBefore: '2026-10-01T00:00:00Z' },
      /equal to or after CreatedAfter/,
    ],
    ['CreatedBefore one minute ago', { CreatedBefore: 'ONE_MINUTE_AGO' }, /at least 2 minutes before/],
    ['CreatedAfter one minute ago', { CreatedAfter: 'ONE_MINUTE_AGO' }, /at least 2 minutes before/],
    ['SellerOrderId with OrderStatuses', { SellerOrderId: 'S-1', OrderStatuses: 'Shipped' }, /SellerOrderId/],
    ['SellerOrderId with BuyerEmail', { SellerOrderId: 'S-1', BuyerEmail: 'a@b.c' }, /SellerOrderId/],
    ['MaxResultsPerPage 0', { MaxResultsPerPage: '0' }, /1 to 100/],
    ['MaxResultsPerPage 101', { MaxResultsPerPage: '101' }, /1 to 100/],
    ['51 AmazonOrderIds', { AmazonOrderIds: Array(51).fill('503-1234567-1234567').join(',') }, /at most 50/],
    ['an order id not in 3-7-7', { AmazonOrderIds: '12345' }, /3-7-7/],
    ['an unknown status', { OrderStatuses: 'Unshipped,Lost' }, /Lost is not a valid order status/],
    ['an unknown marketplace', { MarketplaceIds: 'XXXXXXXX' }, /Invalid MarketplaceIds: XXXXXXXX/],
    ['a forged NextToken', { NextToken: 'not-a-token' }, /NextToken is not valid/],
    ['a non-date delivery bound', { LatestDeliveryDateBefore: 'tomorrow' }, /ISO 8601/],
  ])('refuses %s with 400 InvalidInput', async (_name, q, message) => {
    const oneMinuteAgo = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const query = Object.fromEntries(
      Object.entries(q).map(([k, v]) => [k, v === 'ONE_MINUTE_AGO' ? oneMinuteAgo : v]),
    );
    const r = await getOrders(s, query);
    expect(r.status, r.text).toBe(400);
    expect(r.json.errors).toHaveLength(1);
    expect(r.json.errors[0].code).toBe('InvalidInput');
    expect(r.json.errors[0].message).toMatch(message);
    expect(r.headers.get('x-amzn-RateLimit-Limit')).toBe('0.0167');
  });
});

describe('getOrders paging: NextToken re-sent with the same filters', () => {
  it('walks MaxResultsPerPage-sized pages in purchase order, and later orders do not slip into the window', async () => {
    const s = await seller();
    const placedIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const purchaseDate = new Date(t.clock.now().getTime() - (5 - i) * 3600_000).toISOString();
      placedIds.push((await placeOrder(t, key, s, { purchaseDate })).amazonOrderId);
    }
    t.clock.advance(10 * 60_000);
    const first = await getOrders(s, { MaxResultsPerPage: '2' });
    expect(first.status, first.text).toBe(200);
    const createdBefore = first.json.payload.CreatedBefore as string;
    const seen: string[] = first.json.payload.Orders.map((o: { AmazonOrderId: string }) => o.AmazonOrderId);
    let token = first.json.payload.NextToken as string | undefined;
    // An order placed between pages, old enough for a fresh query, is not part of this walk.
    await placeOrder(t, key, s);
    t.clock.advance(10 * 60_000);
    let pages = 1;
    while (token) {
      const r = await getOrders(s, { MaxResultsPerPage: '2', NextToken: token });
      expect(r.status, r.text).toBe(200);
      expect(r.json.payload.CreatedBefore).toBe(createdBefore);
      seen.push(...r.json.payload.Orders.map((o: { AmazonOrderId: string }) => o.AmazonOrderId));
      token = r.json.payload.NextToken;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(placedIds);
    // A fresh query does see it.
    expect(ids(await getOrders(s))).toHaveLength(6);
  });

  it('refuses a NextToken of a LastUpdated query on a Created query', async () => {
    const s = await seller();
    await placeOrder(t, key, s);
    await placeOrder(t, key, s);
    t.clock.advance(10 * 60_000);
    const byUpdate = await getOrders(s, {
      CreatedAfter: '',
      LastUpdatedAfter: AFTER,
      MaxResultsPerPage: '1',
    });
    const token = byUpdate.json.payload.NextToken as string;
    expect(token).toBeTruthy();
    const r = await getOrders(s, { NextToken: token });
    expect(r.status).toBe(400);
    expect(r.json.errors[0]).toMatchObject({
      code: 'InvalidInput',
      message: 'NextToken is not valid for this query.',
    });
  });
});

describe('getOrders delivery-date filters', () => {
  it('selects orders by EarliestDeliveryDate* and LatestDeliveryDate* (inclusive)', async () => {
    const s = await seller();
    const soon = (await placeOrder(t, key, s, { handlingDays: 1 })).amazonOrderId;
    const late = (await placeOrder(t, key, s, { handlingDays: 6 })).amazonOrderId;
    t.clock.advance(10 * 60_000);
    const all = (await getOrders(s)).json.payload.Orders as {
      AmazonOrderId: string;
      EarliestDeliveryDate: string;
      LatestDeliveryDate: string;
    }[];
    const soonOrder = all.find((o) => o.AmazonOrderId === soon);
    const lateOrder = all.find((o) => o.AmazonOrderId === late);
    expect(soonOrder && lateOrder && soonOrder.LatestDeliveryDate < lateOrder.LatestDeliveryDate).toBe(true);
    const latest = soonOrder?.LatestDeliveryDate ?? '';
    expect(ids(await getOrders(s, { LatestDeliveryDateBefore: latest }))).toEqual([soon]);
    expect(ids(await getOrders(s, { LatestDeliveryDateAfter: lateOrder?.LatestDeliveryDate ?? '' }))).toEqual(
      [late],
    );
    expect(
      ids(await getOrders(s, { EarliestDeliveryDateAfter: lateOrder?.EarliestDeliveryDate ?? '' })),
    ).toEqual([late]);
    expect(
      ids(await getOrders(s, { EarliestDeliveryDateBefore: soonOrder?.EarliestDeliveryDate ?? '' })),
    ).toEqual([soon]);
  });
});

describe('Order and OrderItem fields', () => {
  it('describes an Unshipped order field for field', async () => {
    const s = await seller();
    const o = await placeOrder(t, key, s, { isBusinessOrder: true, purchaseOrderNumber: 'PO-42' });
    const r = await sp(s, 'GET', `/orders/v0/orders/${o.amazonOrderId}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-amzn-RateLimit-Limit')).toBe('0.5');
    const p = r.json.payload;
    expect(p).toMatchObject({
      AmazonOrderId: o.amazonOrderId,
      OrderStatus: 'Unshipped',
      FulfillmentChannel: 'MFN',
      SalesChannel: 'Mercato.jp',
      ShipServiceLevel: 'Std JP D2D Dom',
      OrderTotal: { CurrencyCode: 'JPY', Amount: '5350' },
      NumberOfItemsShipped: 0,
      NumberOfItemsUnshipped: 3,
      PaymentMethod: 'Other',
      PaymentMethodDetails: ['Standard'],
      IsReplacementOrder: false,
      MarketplaceId: s.marketplaceId,
      OrderType: 'StandardOrder',
      IsBusinessOrder: true,
      IsPrime: false,
      IsPremiumOrder: false,
      IsGlobalExpressEnabled: false,
      IsSoldByAB: false,
      IsIBA: false,
      IsISPU: false,
      IsAccessPointOrder: false,
      HasRegulatedItems: false,
      AutomatedShippingSettings: { HasAutomatedShippingSettings: false },
      ElectronicInvoiceStatus: 'NotRequired',
      ShippingAddress: { Name: '山田 太郎', CountryCode: 'JP', Phone: '090-1234-5678' },
      BuyerInfo: { BuyerName: '山田 太郎', PurchaseOrderNumber: 'PO-42' },
    });
    for (const k of ['EarliestShipDate', 'LatestShipDate', 'EarliestDeliveryDate', 'LatestDeliveryDate'])
      expect(p[k], k).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(p).not.toHaveProperty('PaymentExecutionDetail');

    const [item] = await itemsOf(s, o.amazonOrderId);
    expect(item).toMatchObject({
      SellerSKU: 'SKU-A',
      QuantityOrdered: 2,
      QuantityShipped: 0,
      ItemPrice: { CurrencyCode: 'JPY', Amount: '3000' },
      ShippingPrice: { CurrencyCode: 'JPY', Amount: '350' },
      IsGift: 'false',
      ConditionId: 'New',
      BuyerRequestedCancel: { IsBuyerRequestedCancel: 'false', BuyerCancelReason: '' },
    });
    expect(item).not.toHaveProperty('PointsGranted');
  });

  it('hides the money, the address and the payment details of a Pending CVS order (ORD-2, ORD-15)', async () => {
    const s = await seller();
    const o = await placeOrder(t, key, s, { paymentMethod: 'CVS', paymentVerified: false });
    const p = (await sp(s, 'GET', `/orders/v0/orders/${o.amazonOrderId}`)).json.payload;
    expect(p.OrderStatus).toBe('Pending');
    expect(p.PaymentMethod).toBe('CVS');
    for (const k of [
      'OrderTotal',
      'PaymentMethodDetails',
      'PaymentExecutionDetail',
      'ShippingAddress',
      'LatestDeliveryDate',
    ])
      expect(p, k).not.toHaveProperty(k);
    const [item] = await itemsOf(s, o.amazonOrderId);
    expect(item).not.toHaveProperty('ItemPrice');
    expect(item?.QuantityOrdered).toBe(2);
    const address = (await sp(s, 'GET', `/orders/v0/orders/${o.amazonOrderId}/address`)).json.payload;
    expect(address).toEqual({ AmazonOrderId: o.amazonOrderId });

    // Paid at the convenience store: priced and addressed, the payment details stay hidden.
    expect((await mp('POST', `/marketplace/v1/orders/${o.amazonOrderId}/payment`, {})).status).toBe(200);
    const paid = (await sp(s, 'GET', `/orders/v0/orders/${o.amazonOrderId}`)).json.payload;
    expect(paid).toMatchObject({ OrderStatus: 'Unshipped', OrderTotal: { Amount: '5350' } });
    expect(paid.ShippingAddress).toBeTruthy();
    expect(paid).not.toHaveProperty('PaymentMethodDetails');
    expect(paid).not.toHaveProperty('PaymentExecutionDetail');
  });

  it('details the COD sub-payment of a cash-on-delivery order', async () => {
    const s = await seller();
    const o = await placeOrder(t, key, s, { paymentMethod: 'COD' });
    const p = (await sp(s, 'GET', `/orders/v0/orders/${o.amazonOrderId}`)).json.payload;
    expect(p.PaymentMethodDetails).toEqual(['COD']);
    expect(p.PaymentExecutionDetail).toEqual([
      { Payment: { CurrencyCode: 'JPY', Amount: '5350' }, PaymentMethod: 'COD' },
    ]);
  });

  it('shows the phone only until the deliver-by date, and never for AFN orders (ORD-16)', async () => {
    const s = await seller();
    const mfn = await placeOrder(t, key, s);
    const afn = await placeOrder(t, key, s, { fulfillmentChannel: 'AFN' });
    const phoneOf = async (id: string) => ({
      order: (await sp(s, 'GET', `/orders/v0/orders/${id}`)).json.payload.ShippingAddress?.Phone,
      address: (await sp(s, 'GET', `/orders/v0/orders/${id}/address`)).json.payload.ShippingAddress?.Phone,
    });
    expect(await phoneOf(mfn.amazonOrderId)).toEqual({ order: '090-1234-5678', address: '090-1234-5678' });
    expect(await phoneOf(afn.amazonOrderId)).toEqual({ order: undefined, address: undefined });
    const latest = (await sp(s, 'GET', `/orders/v0/orders/${mfn.amazonOrderId}`)).json.payload
      .LatestDeliveryDate;
    t.clock.set(new Date(new Date(latest).getTime() + 1000));
    s.token = await spApiToken(t, s); // the old access token expired on the way (1 hour)
    expect(await phoneOf(mfn.amazonOrderId)).toEqual({ order: undefined, address: undefined });
  });

  it('carries BuyerRequestedCancel on the items while the request is open, and after the seller accepts (ORD-13)', async () => {
    const s = await seller();
    const web = await webLogin(t, s.email);
    const o = await placeOrder(t, key, s);
    const req = await mp('POST', `/marketplace/v1/orders/${o.amazonOrderId}/cancellation-requests`, {
      reason: 'Ordered by mistake',
    });
    expect(req.status, req.text).toBe(200);
    for (const i of await itemsOf(s, o.amazonOrderId)) {
      expect(i).toMatchObject({
        BuyerRequestedCancel: { IsBuyerRequestedCancel: 'true', BuyerCancelReason: 'Ordered by mistake' },
      });
    }
    const cancel = await t.request('POST', `/api/orders/${o.amazonOrderId}/cancel`, {
      body: { reason: 'BuyerCanceled' },
      headers: web,
    });
    expect(cancel.status, cancel.text).toBe(200);
    // A cancelled order as Amazon shows it: no total, nothing left to ship, items at quantity 0.
    const p = (await sp(s, 'GET', `/orders/v0/orders/${o.amazonOrderId}`)).json.payload;
    expect(p).toMatchObject({ OrderStatus: 'Canceled', NumberOfItemsShipped: 0, NumberOfItemsUnshipped: 0 });
    expect(p).not.toHaveProperty('OrderTotal');
    expect(p).not.toHaveProperty('ShippingAddress');
    expect(p).not.toHaveProperty('LatestDeliveryDate');
    const items = await itemsOf(s, o.amazonOrderId);
    for (const i of items) {
      expect(i).toMatchObject({
        QuantityOrdered: 0,
        BuyerRequestedCancel: { IsBuyerRequestedCancel: 'true', BuyerCancelReason: 'Ordered by mistake' },
      });
      expect(i).not.toHaveProperty('ItemPrice');
    }
    t.clock.advance(10 * 60_000);
    expect(ids(await getOrders(s, { OrderStatuses: 'Canceled' }))).toEqual([o.amazonOrderId]);
  });

  it('a seller cancellation without a buyer request is not BuyerRequestedCancel', async () => {
    const s = await seller();
    const web = await webLogin(t, s.email);
    const o = await placeOrder(t, key, s);
    const cancel = await t.request('POST', `/api/orders/${o.amazonOrderId}/cancel`, {
      body: { reason: 'NoInventory' },
      headers: web,
    });
    expect(cancel.status, cancel.text).toBe(200);
    const [item] = await itemsOf(s, o.amazonOrderId);
    expect(item).toMatchObject({
      QuantityOrdered: 0,
      BuyerRequestedCancel: { IsBuyerRequestedCancel: 'false', BuyerCancelReason: '' },
    });
  });
});

describe('getOrderItemsBuyerInfo and PointsGranted', () => {
  it('gives each item its gift options, and points granted in the item', async () => {
    const s = await seller();
    const o = await placeOrder(t, key, s);
    const [a, b] = await itemsOf(s, o.amazonOrderId);
    // The storefront API takes no gift or points fields yet: the rows are written as checkout would.
    await t.services.database.db
      .update(orderItems)
      .set({
        giftMessageText: 'お誕生日おめでとう',
        giftWrapLevel: 'Classic',
        giftWrapPrice: 300n,
        pointsGranted: 30,
      })
      .where(and(eq(orderItems.sellerId, s.sellerId), eq(orderItems.orderItemId, a?.OrderItemId ?? '')));

    const r = await sp(s, 'GET', `/orders/v0/orders/${o.amazonOrderId}/orderItems/buyerInfo`);
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('x-amzn-RateLimit-Limit')).toBe('0.5');
    expect(r.json).toEqual({
      payload: {
        AmazonOrderId: o.amazonOrderId,
        OrderItems: [
          {
            OrderItemId: a?.OrderItemId,
            GiftWrapPrice: { CurrencyCode: 'JPY', Amount: '300' },
            GiftMessageText: 'お誕生日おめでとう',
            GiftWrapLevel: 'Classic',
          },
          { OrderItemId: b?.OrderItemId },
        ],
      },
    });
    const [withPoints, without] = await itemsOf(s, o.amazonOrderId);
    expect(withPoints).toMatchObject({
      PointsGranted: { PointsNumber: 30, PointsMonetaryValue: { CurrencyCode: 'JPY', Amount: '30' } },
    });
    expect(without).not.toHaveProperty('PointsGranted');
    const other = await seller();
    expect((await sp(other, 'GET', `/orders/v0/orders/${o.amazonOrderId}/orderItems/buyerInfo`)).status).toBe(
      404,
    );
  });
});

describe('updateShipmentStatus (store pickup)', () => {
  const update = (s: Seller, id: string, body: unknown) =>
    sp(s, 'POST', `/orders/v0/orders/${id}/shipment`, body);
  const pickupOf = async (s: Seller) =>
    (
      await t.services.database.db
        .select({ ref: shipments.packageReferenceId, pickup: shipments.pickupStatus })
        .from(shipments)
        .where(eq(shipments.sellerId, s.sellerId))
    ).sort((x, y) => x.ref.localeCompare(y.ref));

  it('sets the pickup status of the shipments holding the items (204), and records it on the order', async () => {
    const s = await seller();
    const o = await placeOrder(t, key, s);
    const [a, b] = await itemsOf(s, o.amazonOrderId);
    await confirm(s, o.amazonOrderId, '1', [{ orderItemId: a?.OrderItemId ?? '', quantity: 2 }]);
    await confirm(s, o.amazonOrderId, '2', [{ orderItemId: b?.OrderItemId ?? '', quantity: 1 }]);

    const r = await update(s, o.amazonOrderId, {
      marketplaceId: s.marketplaceId,
      shipmentStatus: 'ReadyForPickup',
      orderItems: [{ orderItemId: a?.OrderItemId, quantity: 2 }],
    });
    expect(r.status, r.text).toBe(204);
    expect(r.text).toBe('');
    expect(r.headers.get('x-amzn-RateLimit-Limit')).toBe('5');
    expect(await pickupOf(s)).toEqual([
      { ref: '1', pickup: 'ReadyForPickup' },
      { ref: '2', pickup: null },
    ]);
    // Without orderItems: every shipment of the order.
    const all = await update(s, o.amazonOrderId, {
      marketplaceId: s.marketplaceId,
      shipmentStatus: 'PickedUp',
    });
    expect(all.status, all.text).toBe(204);
    expect(await pickupOf(s)).toEqual([
      { ref: '1', pickup: 'PickedUp' },
      { ref: '2', pickup: 'PickedUp' },
    ]);
    const order = await t.services.orders.getOrder(s.sellerId, o.amazonOrderId);
    const events = await t.services.database.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.sellerId, s.sellerId), eq(orderEvents.orderId, order.id)));
    const updates = events.filter((e) => e.kind === 'shipment_status_updated');
    expect(updates.map((e) => e.data.shipmentStatus)).toEqual(['ReadyForPickup', 'PickedUp']);
    expect(updates[0]?.actor).toBe(`app:${s.appId}`);
  });

  it.each([
    ['a Pending order', 'pending', {}, 'SHIPMENT_STATUS_ORDER_PENDING'],
    ['an order with nothing shipped', 'unshipped', {}, 'NO_SHIPMENT_FOR_ITEMS'],
    ['a cancelled order', 'canceled', {}, 'SHIPMENT_STATUS_ORDER_CANCELED'],
    ['another marketplace', 'unshipped', { marketplaceId: 'APJ6JRA9NG5V4' }, 'MARKETPLACE_MISMATCH'],
    [
      'an unknown item',
      'unshipped',
      { orderItems: [{ orderItemId: '00000000000000' }] },
      'ORDER_ITEM_NOT_FOUND',
    ],
    ['an unknown status', 'unshipped', { shipmentStatus: 'Lost' }, 'VALIDATION_FAILED'],
  ])('refuses %s with 400 InvalidInput', async (_name, kind, over, code) => {
    const s = await seller();
    const o = await placeOrder(
      t,
      key,
      s,
      kind === 'pending' ? { paymentMethod: 'CVS', paymentVerified: false } : {},
    );
    if (kind === 'canceled') {
      const web = await webLogin(t, s.email);
      const c = await t.request('POST', `/api/orders/${o.amazonOrderId}/cancel`, {
        body: { reason: 'NoInventory' },
        headers: web,
      });
      expect(c.status, c.text).toBe(200);
    }
    const r = await update(s, o.amazonOrderId, {
      marketplaceId: s.marketplaceId,
      shipmentStatus: 'ReadyForPickup',
      ...over,
    });
    expect(r.status, r.text).toBe(400);
    expect(r.json.errors[0]).toMatchObject({ code: 'InvalidInput', details: code });
    expect(r.json.errors[0].message.length).toBeGreaterThan(20);
  });

  it("answers 404 for another seller's order and changes nothing", async () => {
    const s = await seller();
    const other = await seller();
    const o = await placeOrder(t, key, s);
    const [a] = await itemsOf(s, o.amazonOrderId);
    await confirm(s, o.amazonOrderId, '1', [{ orderItemId: a?.OrderItemId ?? '', quantity: 1 }]);
    const r = await update(other, o.amazonOrderId, {
      marketplaceId: s.marketplaceId,
      shipmentStatus: 'PickedUp',
    });
    expect(r.status).toBe(404);
    expect(r.json.errors[0].code).toBe('NotFound');
    expect(await pickupOf(s)).toEqual([{ ref: '1', pickup: null }]);
  });
});
