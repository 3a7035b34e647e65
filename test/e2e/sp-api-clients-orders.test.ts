// The public SP-API client libraries, unchanged, on the operations issue 3 adds: Orders
// 2026-01-01 searchOrders/getOrder (amazon-sp-api 1.2.1 and @sp-api-sdk/orders-api-2026-01-01),
// and v0 getOrderItemsBuyerInfo and updateShipmentStatus (amazon-sp-api, @sp-api-sdk/orders-api-v0,
// @scaleleap/selling-partner-api-sdk). The libraries are pointed at Mercato as in
// reference/sp-api.md §7 (test/support/sp-api-client-support.ts).
import { OrdersApiClient as ScaleLeapOrdersApiClient } from '@scaleleap/selling-partner-api-sdk';
import { sellingPartnerRegions } from '@sp-api-sdk/common';
import { OrdersApiClient as Orders2026Client } from '@sp-api-sdk/orders-api-2026-01-01';
import { OrdersApiClient as OrdersV0Client } from '@sp-api-sdk/orders-api-v0';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderItems, shipments } from '../../src/modules/orders/orders.tables.ts';
import { createSeller, operatorKey, placeOrder, spApiToken, type TestSeller } from '../support/fixtures.ts';
import { amazonSpApi, type Listening, listen, localAuth } from '../support/sp-api-client-support.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let srv: Listening;
let key: string;
let saved: { production: string; sandbox: string };

beforeAll(async () => {
  t = await startTestApp();
  srv = await listen(t);
  key = await operatorKey(t);
  saved = { ...sellingPartnerRegions.fe.endpoints };
  sellingPartnerRegions.fe.endpoints.production = srv.base; // every @sp-api-sdk client in this process
  sellingPartnerRegions.fe.endpoints.sandbox = srv.base;
});
afterAll(async () => {
  if (saved) Object.assign(sellingPartnerRegions.fe.endpoints, saved);
  await srv?.close();
  await t?.close();
});

/** A seller with one Unshipped order whose first item is a wrapped gift, placed 10 minutes ago. */
async function sellerWithGiftOrder() {
  const seller = await createSeller(t);
  const order = await placeOrder(t, key, seller);
  const items = await t.services.orders.repo.itemsOf(seller.sellerId, [
    (await t.services.orders.getOrder(seller.sellerId, order.amazonOrderId)).id,
  ]);
  const first = items[0]?.orderItemId ?? '';
  // The storefront API takes no gift fields yet: written as checkout would.
  await t.services.database.db
    .update(orderItems)
    .set({ giftMessageText: 'Happy birthday', giftWrapLevel: 'Classic', giftWrapPrice: 200n })
    .where(and(eq(orderItems.sellerId, seller.sellerId), eq(orderItems.orderItemId, first)));
  t.clock.advance(10 * 60_000);
  return { seller, orderId: order.amazonOrderId, first, second: items[1]?.orderItemId ?? '' };
}

async function shipFirst(s: TestSeller, orderId: string, first: string) {
  const r = await t.request('POST', `/orders/v0/orders/${orderId}/shipmentConfirmation`, {
    headers: { 'x-amz-access-token': await spApiToken(t, s) },
    body: {
      marketplaceId: s.marketplaceId,
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'Yamato Transport',
        trackingNumber: `TRK-${orderId}`,
        shipDate: t.clock.now().toISOString(),
        orderItems: [{ orderItemId: first, quantity: 2 }],
      },
    },
  });
  expect(r.status, r.text).toBe(204);
}

const pickupOf = async (s: TestSeller) =>
  (
    await t.services.database.db
      .select({ pickup: shipments.pickupStatus })
      .from(shipments)
      .where(eq(shipments.sellerId, s.sellerId))
  ).map((r) => r.pickup);

describe('amazon-sp-api 1.2.1', () => {
  it('calls searchOrders and getOrder of Orders 2026-01-01 (options.version) and gets the unwrapped bodies', async () => {
    const { seller, orderId } = await sellerWithGiftOrder();
    const sp = amazonSpApi(srv, seller);
    const from = srv.seen.length;
    const found = (await sp.callAPI({
      operation: 'searchOrders',
      endpoint: 'orders',
      query: {
        createdAfter: '2026-11-01T00:00:00Z',
        marketplaceIds: [seller.marketplaceId],
        includedData: ['BUYER', 'FULFILLMENT'],
      },
      options: { version: '2026-01-01' },
    })) as { orders: { orderId: string; buyer: unknown; fulfillment: { fulfillmentStatus: string } }[] };
    expect(found.orders.map((o) => o.orderId)).toEqual([orderId]);
    expect(found.orders[0]?.fulfillment.fulfillmentStatus).toBe('UNSHIPPED');
    expect(found.orders[0]?.buyer).toMatchObject({ buyerName: '山田 太郎' });

    const one = (await sp.callAPI({
      operation: 'getOrder',
      endpoint: 'orders',
      path: { orderId },
      query: { includedData: ['FULFILLMENT'] },
      options: { version: '2026-01-01' },
    })) as { order: { orderId: string; orderItems: { fulfillment: { packing?: unknown } }[] } };
    expect(one.order.orderId).toBe(orderId);
    expect(one.order.orderItems[0]?.fulfillment.packing).toEqual({
      giftOption: { giftMessage: 'Happy birthday', giftWrapLevel: 'Classic' },
    });
    expect(srv.seen.slice(from).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /auth/o2/token 200',
      'GET /orders/2026-01-01/orders 200',
      `GET /orders/2026-01-01/orders/${orderId} 200`,
    ]);
    // Arrays went out comma-joined, as the reference says.
    expect(srv.seen[from + 1]?.query).toContain('includedData=BUYER%2CFULFILLMENT');
  });

  it('calls getOrderItemsBuyerInfo and updateShipmentStatus of Orders v0', async () => {
    const { seller, orderId, first } = await sellerWithGiftOrder();
    const sp = amazonSpApi(srv, seller);
    const info = (await sp.callAPI({
      operation: 'getOrderItemsBuyerInfo',
      endpoint: 'orders',
      path: { orderId },
    })) as { AmazonOrderId: string; OrderItems: { OrderItemId: string; GiftMessageText?: string }[] };
    expect(info.AmazonOrderId).toBe(orderId);
    expect(info.OrderItems[0]).toEqual({
      OrderItemId: first,
      GiftWrapPrice: { CurrencyCode: 'JPY', Amount: '200' },
      GiftMessageText: 'Happy birthday',
      GiftWrapLevel: 'Classic',
    });
    await shipFirst(seller, orderId, first);
    const updated = await sp.callAPI({
      operation: 'updateShipmentStatus',
      endpoint: 'orders',
      path: { orderId },
      body: { marketplaceId: seller.marketplaceId, shipmentStatus: 'ReadyForPickup' },
    });
    expect(updated).toEqual({ success: true }); // the library's mapping of our 204
    expect(await pickupOf(seller)).toEqual(['ReadyForPickup']);
    const refused = await sp
      .callAPI({
        operation: 'updateShipmentStatus',
        endpoint: 'orders',
        path: { orderId },
        body: {
          marketplaceId: seller.marketplaceId,
          shipmentStatus: 'PickedUp',
          orderItems: [{ orderItemId: 'x' }],
        },
      })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'InvalidInput', details: 'ORDER_ITEM_NOT_FOUND' });
  });
});

describe('@sp-api-sdk/orders-api-2026-01-01 2.3.3 and orders-api-v0 6.2.5', () => {
  it('searches and gets orders of 2026-01-01 with includedData', async () => {
    const { seller, orderId, first } = await sellerWithGiftOrder();
    await shipFirst(seller, orderId, first);
    t.clock.advance(5 * 60_000);
    const client = new Orders2026Client({ auth: localAuth(srv.base, seller), region: 'fe' });
    const list = await client.searchOrders({
      createdAfter: '2026-11-01T00:00:00Z',
      marketplaceIds: [seller.marketplaceId],
      fulfillmentStatuses: ['PARTIALLY_SHIPPED'],
      includedData: ['PACKAGES', 'PROCEEDS'],
      maxResultsPerPage: 10,
    });
    expect(list.status).toBe(200);
    expect(list.data.orders.map((o) => o.orderId)).toEqual([orderId]);
    expect(list.data.orders[0]?.proceeds?.grandTotal).toEqual({ amount: '5350', currencyCode: 'JPY' });
    expect(list.data.orders[0]?.packages?.[0]).toMatchObject({
      packageReferenceId: '1',
      packageStatus: { status: 'SHIPPED' },
      trackingNumber: `TRK-${orderId}`,
      packageItems: [{ orderItemId: first, quantity: 2 }],
    });
    expect(list.data.createdBefore).toBeTruthy();
    const one = await client.getOrder({ orderId, includedData: ['FULFILLMENT'] });
    expect(one.data.order.fulfillment?.fulfillmentStatus).toBe('PARTIALLY_SHIPPED');
    const missing = await client.getOrder({ orderId: '999-0000000-0000000' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({
      name: 'SellingPartnerApiError',
      response: { status: 404, data: { errors: [{ code: 'NotFound' }] } },
    });
  });

  it('reads item buyer info and updates the shipment status through v0', async () => {
    const { seller, orderId, first, second } = await sellerWithGiftOrder();
    const client = new OrdersV0Client({ auth: localAuth(srv.base, seller), region: 'fe' });
    const info = await client.getOrderItemsBuyerInfo({ orderId });
    expect(info.data.payload?.OrderItems.map((i) => [i.OrderItemId, i.GiftWrapLevel])).toEqual([
      [first, 'Classic'],
      [second, undefined],
    ]);
    await shipFirst(seller, orderId, first);
    const r = await client.updateShipmentStatus({
      orderId,
      payload: {
        marketplaceId: seller.marketplaceId,
        shipmentStatus: 'PickedUp',
        orderItems: [{ orderItemId: first, quantity: 2 }],
      },
    });
    expect(r.status).toBe(204);
    expect(await pickupOf(seller)).toEqual(['PickedUp']);
  });
});

describe('@scaleleap/selling-partner-api-sdk 8.4.0', () => {
  it('reads item buyer info and updates the shipment status', async () => {
    const { seller, orderId, first } = await sellerWithGiftOrder();
    const c = new ScaleLeapOrdersApiClient({
      basePath: srv.base,
      region: 'us-west-2',
      accessToken: await spApiToken(t, seller),
    });
    const info = await c.getOrderItemsBuyerInfo({ orderId });
    expect(info.data.payload?.OrderItems[0]).toMatchObject({
      OrderItemId: first,
      GiftMessageText: 'Happy birthday',
    });
    await shipFirst(seller, orderId, first);
    const r = await c.updateShipmentStatus({
      orderId,
      payload: { marketplaceId: seller.marketplaceId, shipmentStatus: 'RefusedPickup' },
    });
    expect(r.status).toBe(204);
    expect(await pickupOf(seller)).toEqual(['RefusedPickup']);
  });
});
