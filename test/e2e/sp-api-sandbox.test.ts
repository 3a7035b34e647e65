// Amazon's static sandbox reproduced (reference/sp-api.md §2.6): in sandbox mode the models'
// `x-amzn-api-sandbox.static` requests (TEST_CASE_200, TEST_CASE_400, the 2026 examples) get the
// models' answers, over HTTP and through amazon-sp-api with use_sandbox; in production mode they
// are ordinary (invalid) requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SP_API_SANDBOX_FIXTURES } from '../../src/modules/orders/sp-api-sandbox-fixtures.ts';
import { createSeller, spApiToken, type TestSeller } from '../support/fixtures.ts';
import { amazonSpApi, type Listening, listen } from '../support/sp-api-client-support.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const example = (operation: string, i = 0) => {
  const f = SP_API_SANDBOX_FIXTURES.filter((x) => x.operation === operation)[i];
  if (!f) throw new Error(`no example ${operation}[${i}]`);
  return f;
};

describe('sandbox mode', () => {
  let t: TestApp;
  let s: TestSeller;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    s = await createSeller(t);
    token = await spApiToken(t, s);
  });
  afterAll(() => t?.close());
  const sp = (method: string, path: string, body?: unknown) =>
    t.request(method, path, { body, headers: { 'x-amz-access-token': token } });

  it('answers getOrders CreatedAfter=TEST_CASE_200 as Amazon’s sandbox does', async () => {
    const r = await sp('GET', '/orders/v0/orders?CreatedAfter=TEST_CASE_200&MarketplaceIds=ATVPDKIKX0DER');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-amzn-RateLimit-Limit')).toBe('0.0167');
    expect(r.json.payload.CreatedBefore).toBe('1.569521782042E9');
    expect(r.json.payload.Orders[0]).toMatchObject({
      AmazonOrderId: '902-1845936-5435065',
      OrderTotal: { CurrencyCode: 'USD', Amount: '11.01' },
      SalesChannel: 'Amazon.com',
    });
    expect(r.json).toEqual(example('getOrders', 0).response);
  });

  it('pages TEST_CASE_200_NEXT_TOKEN with the example NextToken re-sent with the filters', async () => {
    const first = await sp(
      'GET',
      '/orders/v0/orders?CreatedAfter=TEST_CASE_200_NEXT_TOKEN&MarketplaceIds=ATVPDKIKX0DER',
    );
    expect(first.json.payload.NextToken).toBe('2YgYW55IGNhcm5hbCBwbGVhc3VyZS4');
    const second = await sp(
      'GET',
      `/orders/v0/orders?CreatedAfter=TEST_CASE_200_NEXT_TOKEN&MarketplaceIds=ATVPDKIKX0DER&NextToken=${first.json.payload.NextToken}`,
    );
    expect(second.status).toBe(200);
    expect(second.json.payload.NextToken).toBeUndefined();
    expect(second.json.payload.Orders[0].AmazonOrderId).toBe('902-3159896-1390916');
  });

  it.each([
    ['/orders/v0/orders?CreatedAfter=TEST_CASE_400'],
    ['/orders/v0/orders/TEST_CASE_400'],
    ['/orders/v0/orders/TEST_CASE_400/buyerInfo'],
    ['/orders/v0/orders/TEST_CASE_400/address'],
    ['/orders/v0/orders/TEST_CASE_400/orderItems'],
    ['/orders/v0/orders/TEST_CASE_400/orderItems/buyerInfo'],
    ['/orders/2026-01-01/orders/TEST_CASE_400'],
  ])('answers %s with 400 InvalidInput "Invalid Input"', async (path) => {
    const r = await sp('GET', path);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ errors: [{ code: 'InvalidInput', message: 'Invalid Input' }] });
  });

  it('answers the 2026 searchOrders TEST_CASE_400 with its details', async () => {
    const r = await sp('GET', '/orders/2026-01-01/orders?createdAfter=TEST_CASE_400');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      errors: [{ code: 'InvalidInput', message: 'Invalid Input', details: 'Invalid Input' }],
    });
  });

  it.each([
    ['getOrder', '', '902-1845936-5435065'],
    ['getOrderBuyerInfo', '/buyerInfo', '902-1845936-5435065'],
    ['getOrderAddress', '/address', '902-1845936-5435065'],
    ['getOrderItems', '/orderItems', '902-1845936-5435065'],
    ['getOrderItemsBuyerInfo', '/orderItems/buyerInfo', '902-1845936-5435065'],
  ])('answers %s of orderId TEST_CASE_200 with the example', async (operation, suffix, amazonOrderId) => {
    const r = await sp('GET', `/orders/v0/orders/TEST_CASE_200${suffix}`);
    expect(r.status).toBe(200);
    expect(r.json.payload.AmazonOrderId).toBe(amazonOrderId);
    expect(r.json).toEqual(example(operation, 0).response);
  });

  it('answers the example confirmShipment (204) and its invalid shipDate (400 "Invalid Input")', async () => {
    const ok = example('confirmShipment', 0);
    const good = await sp(
      'POST',
      '/orders/v0/orders/902-1106328-1059050/shipmentConfirmation',
      ok.parameters.body,
    );
    expect(good.status).toBe(204);
    expect(good.text).toBe('');
    const bad = await sp(
      'POST',
      '/orders/v0/orders/902-1106328-1059050/shipmentConfirmation',
      example('confirmShipment', 1).parameters.body,
    );
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ errors: [{ code: 'Invalid Input', message: 'Invalid Input' }] });
  });

  it('answers the updateShipmentStatus example with "Marketplace ID is not defined"', async () => {
    const r = await sp('POST', '/orders/v0/orders/503-1234567-1234567/shipment', {
      marketplaceId: '1',
      shipmentStatus: 'ReadyForPickup',
    });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      errors: [{ code: 'InvalidInput', message: 'Marketplace ID is not defined', details: '1001' }],
    });
  });

  it('answers the Orders 2026-01-01 examples (searchOrders and getOrder)', async () => {
    const search = example('searchOrders', 0);
    const q = new URLSearchParams({
      createdAfter: String(search.parameters.createdAfter),
      marketplaceIds: (search.parameters.marketplaceIds as string[]).join(','),
      includedData: (search.parameters.includedData as string[]).join(','),
    });
    const r = await sp('GET', `/orders/2026-01-01/orders?${q}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-amzn-RateLimit-Limit')).toBe('0.0056');
    expect(r.json.orders[0].orderId).toBe('250-1234567-8901234');
    expect(r.json.pagination.nextToken).toBe('2YgYW55IGNhcm5hbCBwbGVhc3VyZS4');
    expect(r.json).toEqual(search.response);

    const get = example('getOrder20260101', 0);
    const g = await sp(
      'GET',
      `/orders/2026-01-01/orders/${get.parameters.orderId}?includedData=${(get.parameters.includedData as string[]).join(',')}`,
    );
    expect(g.status).toBe(200);
    expect(g.json.order.orderId).toBe('171-9876543-2109876');
    expect(g.json).toEqual(get.response);
  });

  it('refuses a TEST_CASE value with other parameters: "Could not match input arguments"', async () => {
    const r = await sp('GET', '/orders/v0/orders?CreatedAfter=TEST_CASE_200&MarketplaceIds=A1VC38T7YXB528');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      errors: [{ code: 'InvalidInput', message: 'Could not match input arguments' }],
    });
  });

  it('still needs an access token', async () => {
    const r = await t.request('GET', '/orders/v0/orders/TEST_CASE_200');
    expect(r.status).toBe(403);
    expect(r.json.errors[0].code).toBe('Unauthorized');
  });

  describe('amazon-sp-api with use_sandbox (host sandbox.sellingpartnerapi-fe.amazon.com)', () => {
    let srv: Listening;
    beforeAll(async () => {
      srv = await listen(t);
    });
    afterAll(() => srv?.close());

    it('gets the TEST_CASE_200 order list and order, as a sandbox test suite would', async () => {
      const client = amazonSpApi(srv, s, { use_sandbox: true });
      const from = srv.seen.length;
      const list = (await client.callAPI({
        operation: 'getOrders',
        endpoint: 'orders',
        query: { CreatedAfter: 'TEST_CASE_200', MarketplaceIds: ['ATVPDKIKX0DER'] },
      })) as { Orders: { AmazonOrderId: string }[] };
      expect(list.Orders.map((o) => o.AmazonOrderId)).toEqual(['902-1845936-5435065', '902-8745147-1934268']);
      const items = (await client.callAPI({
        operation: 'getOrderItems',
        endpoint: 'orders',
        path: { orderId: 'TEST_CASE_200' },
      })) as { OrderItems: { BuyerRequestedCancel: unknown }[] };
      expect(items.OrderItems[0]?.BuyerRequestedCancel).toEqual({
        IsBuyerRequestedCancel: 'true',
        BuyerCancelReason: 'Found cheaper somewhere else.',
      });
      expect(srv.seen.slice(from).map((r) => `${r.host} ${r.path} ${r.status}`)).toEqual([
        'api.amazon.com /auth/o2/token 200',
        'sandbox.sellingpartnerapi-fe.amazon.com /orders/v0/orders 200',
        'sandbox.sellingpartnerapi-fe.amazon.com /orders/v0/orders/TEST_CASE_200/orderItems 200',
      ]);
      const err = await client
        .callAPI({ operation: 'getOrder', endpoint: 'orders', path: { orderId: 'TEST_CASE_400' } })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'InvalidInput', message: 'Invalid Input' });
    });
  });
});

describe('production mode', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { MERCATO_MODE: 'production', MERCATO_SECRET: 'p'.repeat(40) } });
    token = await spApiToken(t, await createSeller(t));
  });
  afterAll(() => t?.close());

  it('treats the sandbox test values as ordinary requests', async () => {
    const headers = { 'x-amz-access-token': token };
    const list = await t.request(
      'GET',
      '/orders/v0/orders?CreatedAfter=TEST_CASE_200&MarketplaceIds=ATVPDKIKX0DER',
      {
        headers,
      },
    );
    expect(list.status).toBe(400);
    expect(list.json.errors[0]).toMatchObject({
      code: 'InvalidInput',
      message: 'CreatedAfter must be an ISO 8601 date-time.',
    });
    const order = await t.request('GET', '/orders/v0/orders/TEST_CASE_200', { headers });
    expect(order.status).toBe(404);
    expect(order.json.errors[0].code).toBe('NotFound');
  });
});
