// The thin slice of issue 2: a storefront places an order, the seller reads it through SP-API,
// confirms the shipment, and the buyer gets an email with the tracking number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeller, operatorKey, placeOrder, spApiToken, type TestSeller } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let seller: TestSeller;
let key: string;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  seller = await createSeller(t);
  key = await operatorKey(t);
  token = await spApiToken(t, seller);
});
afterAll(() => t?.close());

const sp = (method: string, path: string, body?: unknown) =>
  t.request(method, path, { body, headers: { 'x-amz-access-token': token } });

async function mailboxFor(to: string) {
  const { mailbox } = await import('../../src/platform/db/platform.tables.ts');
  const { eq } = await import('drizzle-orm');
  return t.services.database.db.select().from(mailbox).where(eq(mailbox.to, to));
}

describe('order slice', () => {
  it('creates an order, lists it through SP-API, confirms shipment, charges once and emails the buyer', async () => {
    const created = await placeOrder(t, key, seller, { buyer: { name: 'Taro', email: 'taro@example.com' } });
    expect(created.amazonOrderId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
    expect(created.status).toBe('Unshipped');

    t.clock.advance(10 * 60_000); // getOrders needs CreatedBefore ≥ 2 minutes ago
    const list = await sp(
      'GET',
      `/orders/v0/orders?MarketplaceIds=${seller.marketplaceId}&CreatedAfter=2026-11-01T00:00:00Z`,
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('x-amzn-RateLimit-Limit')).toBe('0.0167');
    expect(list.headers.get('x-amzn-RequestId')).toBeTruthy();
    const order = list.json.payload.Orders.find(
      (o: { AmazonOrderId: string }) => o.AmazonOrderId === created.amazonOrderId,
    );
    expect(order).toMatchObject({
      OrderStatus: 'Unshipped',
      FulfillmentChannel: 'MFN',
      PaymentMethod: 'Other',
      OrderTotal: { CurrencyCode: 'JPY', Amount: '5350' }, // 2×1500 + 350 + 2000 + 0
      NumberOfItemsUnshipped: 3,
      MarketplaceId: seller.marketplaceId,
    });
    expect(order.BuyerInfo.BuyerEmail).toMatch(/@relay\.mercato\.jp$/);
    expect(JSON.stringify(list.json)).not.toContain('taro@example.com');

    const items = await sp('GET', `/orders/v0/orders/${created.amazonOrderId}/orderItems`);
    expect(items.status).toBe(200);
    const [a, b] = items.json.payload.OrderItems;
    expect(a).toMatchObject({
      SellerSKU: 'SKU-A',
      QuantityOrdered: 2,
      ItemPrice: { CurrencyCode: 'JPY', Amount: '3000' },
    });

    const confirm = (orderItems: unknown[], ref: string) =>
      sp('POST', `/orders/v0/orders/${created.amazonOrderId}/shipmentConfirmation`, {
        marketplaceId: seller.marketplaceId,
        packageDetail: {
          packageReferenceId: ref,
          carrierCode: 'Yamato Transport',
          trackingNumber: `TRK-${ref}`,
          shipDate: t.clock.now().toISOString(),
          orderItems,
        },
      });
    const first = await confirm([{ orderItemId: a.OrderItemId, quantity: 1 }], '1');
    expect(first.status).toBe(204);
    expect((await sp('GET', `/orders/v0/orders/${created.amazonOrderId}`)).json.payload.OrderStatus).toBe(
      'PartiallyShipped',
    );

    const second = await confirm(
      [
        { orderItemId: a.OrderItemId, quantity: 1 },
        { orderItemId: b.OrderItemId, quantity: 1 },
      ],
      '2',
    );
    expect(second.status).toBe(204);
    const after = await sp('GET', `/orders/v0/orders/${created.amazonOrderId}`);
    expect(after.json.payload).toMatchObject({
      OrderStatus: 'Shipped',
      NumberOfItemsShipped: 3,
      NumberOfItemsUnshipped: 0,
    });

    // ORD-7: one capture for the whole order, however many confirmations.
    const internal = await t.services.orders.getOrder(seller.sellerId, created.amazonOrderId);
    const charge = await t.services.orders.repo.chargeOf(seller.sellerId, internal.id);
    expect(charge?.amount).toBe(5350n);

    await t.services.jobs.drain();
    const mails = await mailboxFor('taro@example.com');
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.text).join('\n')).toContain('TRK-1');
    // Japan: the buyer is written to in Japanese.
    expect(mails.map((m) => m.subject)).toContain(`ご注文 ${created.amazonOrderId} を発送しました`);
  });

  it('refuses to ship a Pending (convenience store) order until payment completes (ORD-2)', async () => {
    const created = await placeOrder(t, key, seller, { paymentMethod: 'CVS', paymentVerified: false });
    expect(created.status).toBe('Pending');
    const items = await sp('GET', `/orders/v0/orders/${created.amazonOrderId}/orderItems`);
    const body = {
      marketplaceId: seller.marketplaceId,
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'Yamato Transport',
        trackingNumber: '123',
        shipDate: t.clock.now().toISOString(),
        orderItems: items.json.payload.OrderItems.map(
          (i: { OrderItemId: string; QuantityOrdered: number }) => ({
            orderItemId: i.OrderItemId,
            quantity: i.QuantityOrdered,
          }),
        ),
      },
    };
    const refused = await sp('POST', `/orders/v0/orders/${created.amazonOrderId}/shipmentConfirmation`, body);
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0]).toMatchObject({
      code: 'InvalidInput',
      details: 'ORDER_NOT_SHIPPABLE_PENDING',
    });
    const got = await sp('GET', `/orders/v0/orders/${created.amazonOrderId}`);
    expect(got.json.payload.ShippingAddress).toBeUndefined(); // no address for Pending (ORD-2)

    const paid = await t.request('POST', `/marketplace/v1/orders/${created.amazonOrderId}/payment`, {
      body: {},
      headers: { authorization: `Bearer ${key}` },
    });
    expect(paid.status).toBe(200);
    expect(paid.json.status).toBe('Unshipped');
    expect(
      (await sp('POST', `/orders/v0/orders/${created.amazonOrderId}/shipmentConfirmation`, body)).status,
    ).toBe(204);
  });

  it('answers SP-API errors in SP-API shape', async () => {
    const missing = await sp('GET', '/orders/v0/orders/999-0000000-0000000');
    expect(missing.status).toBe(404);
    expect(missing.json.errors[0].code).toBe('NotFound');
    const bad = await sp('GET', '/orders/v0/orders?MarketplaceIds=A1VC38T7YXB528');
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].code).toBe('InvalidInput');
    const badDate = await sp('POST', '/orders/v0/orders/503-1111111-1111111/shipmentConfirmation', {
      marketplaceId: seller.marketplaceId,
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'X',
        trackingNumber: '1',
        shipDate: '02/21/2022',
        orderItems: [],
      },
    });
    expect(badDate.status).toBe(400);
    expect(badDate.json.errors[0].code).toBe('InvalidInput');
    const noToken = await t.request('GET', '/orders/v0/orders/503-1111111-1111111');
    expect(noToken.status).toBe(403);
    expect(noToken.json.errors[0].code).toBe('Unauthorized');
  });
});
