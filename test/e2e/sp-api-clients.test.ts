// The three public SP-API client libraries, unchanged, against a real listening Mercato, each
// pointed at it exactly as reference/sp-api.md §7 shows: LWA token, getOrders, getOrder,
// getOrderItems, confirmShipment. For amazon-sp-api also its two automatic recoveries: refresh
// and retry on the expired-token 403, and wait and retry on 429 QuotaExceeded.
import https from 'node:https';
import net from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import {
  OrdersApiClient as ScaleLeapOrdersApiClient,
  SellingPartnerBadRequestError,
  SellingPartnerNotFoundError,
} from '@scaleleap/selling-partner-api-sdk';
import { SellingPartnerApiAuth } from '@sp-api-sdk/auth';
import { sellingPartnerRegions } from '@sp-api-sdk/common';
import { OrdersApiClient as SpApiSdkOrdersApiClient } from '@sp-api-sdk/orders-api-v0';
import { SellingPartner } from 'amazon-sp-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeller, operatorKey, placeOrder, spApiToken, type TestSeller } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const CREATED_AFTER = '2026-11-01T00:00:00Z';

/** amazon-sp-api's unwrapped Orders v0 payloads (its typings are a v0 | 2026-01-01 union). */
type V0Order = { AmazonOrderId: string; OrderStatus: string };
type V0OrdersList = { Orders: V0Order[]; CreatedBefore?: string };

type Seen = { method: string; host: string; path: string; status: number };

/** Mercato on a real port; records every request it answers (method, host, path, status). */
async function listen(t: TestApp) {
  const seen: Seen[] = [];
  const fetch = async (req: Request, env: unknown) => {
    const res = await t.app.fetch(req, env);
    const url = new URL(req.url);
    seen.push({
      method: req.method,
      host: req.headers.get('host') ?? '',
      path: url.pathname,
      status: res.status,
    });
    return res;
  };
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server: s, port: info.port }),
    );
  });
  return {
    server,
    port,
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type Listening = Awaited<ReturnType<typeof listen>>;

/** §7.1: every https request of amazon-sp-api (SP-API hosts and api.amazon.com) goes to the local port. */
function localAgent(port: number) {
  class LocalAgent extends https.Agent {
    override createConnection(): net.Socket {
      return net.connect({ host: '127.0.0.1', port });
    }
  }
  return new LocalAgent();
}

function amazonSpApi(srv: Listening, s: TestSeller, extra: { access_token?: string } = {}) {
  return new SellingPartner({
    region: 'fe', // JP
    refresh_token: s.refreshToken,
    ...extra,
    credentials: {
      SELLING_PARTNER_APP_CLIENT_ID: s.clientId,
      SELLING_PARTNER_APP_CLIENT_SECRET: s.clientSecret,
    },
    options: { https_proxy_agent: localAgent(srv.port) },
  });
}

/** A confirmShipment body shipping every unit of the given items. */
function shipAll(
  s: TestSeller,
  ref: string,
  items: { OrderItemId?: string; QuantityOrdered?: number }[],
  shipDate: string,
) {
  return {
    marketplaceId: s.marketplaceId,
    packageDetail: {
      packageReferenceId: ref,
      carrierCode: 'Yamato Transport',
      trackingNumber: `TRK-${ref}`,
      shipDate,
      orderItems: items.map((i) => ({ orderItemId: i.OrderItemId ?? '', quantity: i.QuantityOrdered ?? 0 })),
    },
  };
}

let t: TestApp;
let srv: Listening;
let key: string;

beforeAll(async () => {
  t = await startTestApp();
  srv = await listen(t);
  key = await operatorKey(t);
});
afterAll(async () => {
  await srv?.close();
  await t?.close();
});

/** A seller with one fresh Unshipped order, old enough for getOrders (CreatedBefore ≤ now − 2 min). */
async function sellerWithOrder() {
  const seller = await createSeller(t);
  const order = await placeOrder(t, key, seller);
  t.clock.advance(10 * 60_000);
  return { seller, orderId: order.amazonOrderId };
}

const orderStatusOf = async (s: TestSeller, orderId: string) =>
  (await t.services.orders.getOrder(s.sellerId, orderId)).status;

describe('amazon-sp-api 1.2.1 (custom https.Agent to the local port)', () => {
  it('gets a token from /auth/o2/token, lists, reads and ships an order', async () => {
    const { seller, orderId } = await sellerWithOrder();
    const sp = amazonSpApi(srv, seller);
    const from = srv.seen.length;

    // Typed as v0 | 2026-01-01; with no endpoints_versions the library calls v0 (its oldest version).
    const list = (await sp.callAPI({
      operation: 'getOrders',
      endpoint: 'orders',
      query: { MarketplaceIds: [seller.marketplaceId], CreatedAfter: CREATED_AFTER },
    })) as V0OrdersList;
    // The library fetched its token first, through the same agent, as api.amazon.com would be.
    expect(srv.seen.slice(from, from + 2)).toEqual([
      { method: 'POST', host: 'api.amazon.com', path: '/auth/o2/token', status: 200 },
      { method: 'GET', host: 'sellingpartnerapi-fe.amazon.com', path: '/orders/v0/orders', status: 200 },
    ]);
    expect(sp.access_token).toMatch(/^Atza\|/);
    // amazon-sp-api unwraps `payload`.
    expect(list.Orders.map((o) => o.AmazonOrderId)).toEqual([orderId]);
    expect(list.CreatedBefore).toBeTruthy();

    const order = await sp.callAPI({ operation: 'getOrder', endpoint: 'orders', path: { orderId } });
    expect(order).toMatchObject({
      AmazonOrderId: orderId,
      OrderStatus: 'Unshipped',
      NumberOfItemsUnshipped: 3,
    });

    const items = await sp.callAPI({ operation: 'getOrderItems', endpoint: 'orders', path: { orderId } });
    expect(items.AmazonOrderId).toBe(orderId);
    expect(items.OrderItems.map((i) => [i.SellerSKU, i.QuantityOrdered])).toEqual([
      ['SKU-A', 2],
      ['SKU-B', 1],
    ]);

    const confirmed = await sp.callAPI({
      operation: 'confirmShipment',
      endpoint: 'orders',
      path: { orderId },
      body: shipAll(seller, '1', items.OrderItems, t.clock.now().toISOString()),
    });
    expect(confirmed).toEqual({ success: true }); // the library's mapping of our 204
    const after = await sp.callAPI({ operation: 'getOrder', endpoint: 'orders', path: { orderId } });
    expect(after).toMatchObject({
      OrderStatus: 'Shipped',
      NumberOfItemsShipped: 3,
      NumberOfItemsUnshipped: 0,
    });
    expect(await orderStatusOf(seller, orderId)).toBe('Shipped');
    // One token call for the whole session: the library reused its access token.
    expect(srv.seen.slice(from).filter((r) => r.path === '/auth/o2/token')).toHaveLength(1);
  });

  it('refreshes an expired access token and retries the call (403 Unauthorized, "access token … expired")', async () => {
    const { seller, orderId } = await sellerWithOrder();
    const old = await spApiToken(t, seller);
    t.clock.advance(3601 * 1000); // ACCESS_TOKEN_TTL_SECONDS = 3600, on the test clock
    const sp = amazonSpApi(srv, seller, { access_token: old });
    const from = srv.seen.length;

    const order = await sp.callAPI({ operation: 'getOrder', endpoint: 'orders', path: { orderId } });

    expect(order).toMatchObject({ AmazonOrderId: orderId, OrderStatus: 'Unshipped' });
    expect(srv.seen.slice(from).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET /orders/v0/orders/${orderId} 403`,
      'POST /auth/o2/token 200',
      `GET /orders/v0/orders/${orderId} 200`,
    ]);
    expect(sp.access_token).toMatch(/^Atza\|/);
    expect(sp.access_token).not.toBe(old);
  });
});

describe('amazon-sp-api 1.2.1 throttling (SPAPI_RATE_LIMITS getOrder rate 5, burst 1)', () => {
  let tt: TestApp;
  let ts: Listening;
  beforeAll(async () => {
    tt = await startTestApp({ env: { SPAPI_RATE_LIMITS: '{"getOrder":{"rate":5,"burst":1}}' } });
    ts = await listen(tt);
  });
  afterAll(async () => {
    await ts?.close();
    await tt?.close();
  });

  it('waits 1/x-amzn-RateLimit-Limit seconds after 429 QuotaExceeded and retries successfully', async () => {
    const seller = await createSeller(tt);
    const { amazonOrderId: orderId } = await placeOrder(tt, await operatorKey(tt), seller);
    const sp = amazonSpApi(ts, seller);

    const getOrder = async () =>
      (await sp.callAPI({ operation: 'getOrder', endpoint: 'orders', path: { orderId } })) as V0Order;
    const first = await getOrder();
    const from = ts.seen.length;
    const started = performance.now();
    const second = await getOrder();
    const waited = performance.now() - started;

    expect(first.AmazonOrderId).toBe(orderId);
    expect(second.AmazonOrderId).toBe(orderId);
    expect(ts.seen.slice(from).map((r) => r.status)).toEqual([429, 200]);
    // x-amzn-RateLimit-Limit: 5 → the library waited 1/5 s before its retry.
    expect(waited).toBeGreaterThanOrEqual(190);
  });
});

describe('@sp-api-sdk/orders-api-v0 6.2.5 (sellingPartnerRegions + LocalAuth)', () => {
  type AuthParams = ConstructorParameters<typeof SellingPartnerApiAuth>[0];
  let saved: { production: string; sandbox: string };
  let tokenCalls = 0;

  /** §7.2: the LWA URL is hard-coded in @sp-api-sdk/auth, so the token getter calls ours. */
  class LocalAuth extends SellingPartnerApiAuth {
    #p: AuthParams;
    #token?: string;
    #exp = 0;
    constructor(p: AuthParams) {
      super(p);
      this.#p = p;
    }
    override async getAccessToken(): Promise<string> {
      if (this.#token && Date.now() < this.#exp) return this.#token;
      const { clientId = '', clientSecret = '', refreshToken, scopes } = this.#p;
      tokenCalls++;
      const r = await fetch(`${srv.base}/auth/o2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(
          refreshToken
            ? {
                grant_type: 'refresh_token',
                refresh_token: refreshToken,
                client_id: clientId,
                client_secret: clientSecret,
              }
            : {
                grant_type: 'client_credentials',
                scope: (scopes ?? []).join(' '),
                client_id: clientId,
                client_secret: clientSecret,
              },
        ),
      });
      const j = (await r.json()) as { access_token: string; expires_in: number };
      this.#token = j.access_token;
      this.#exp = Date.now() + (j.expires_in - 60) * 1000;
      return j.access_token;
    }
  }

  beforeAll(() => {
    saved = { ...sellingPartnerRegions.fe.endpoints };
    sellingPartnerRegions.fe.endpoints.production = srv.base; // every @sp-api-sdk client in this process
    sellingPartnerRegions.fe.endpoints.sandbox = srv.base;
  });
  afterAll(() => {
    if (saved) Object.assign(sellingPartnerRegions.fe.endpoints, saved);
  });

  it('gets a token from /auth/o2/token, lists, reads and ships an order', async () => {
    const { seller, orderId } = await sellerWithOrder();
    const auth = new LocalAuth({
      clientId: seller.clientId,
      clientSecret: seller.clientSecret,
      refreshToken: seller.refreshToken,
    });
    const client = new SpApiSdkOrdersApiClient({ auth, region: 'fe' });
    const from = srv.seen.length;

    const list = await client.getOrders({
      marketplaceIds: [seller.marketplaceId],
      createdAfter: CREATED_AFTER,
    });
    expect(list.status).toBe(200);
    expect(list.data.payload?.Orders.map((o) => o.AmazonOrderId)).toEqual([orderId]);
    expect(tokenCalls).toBe(1);

    const order = await client.getOrder({ orderId });
    expect(order.data.payload).toMatchObject({ AmazonOrderId: orderId, OrderStatus: 'Unshipped' });

    const items = await client.getOrderItems({ orderId });
    const orderItems = items.data.payload?.OrderItems ?? [];
    expect(orderItems.map((i) => [i.SellerSKU, i.QuantityOrdered])).toEqual([
      ['SKU-A', 2],
      ['SKU-B', 1],
    ]);

    const confirmed = await client.confirmShipment({
      orderId,
      payload: shipAll(seller, '1', orderItems, t.clock.now().toISOString()),
    });
    expect(confirmed.status).toBe(204);
    expect((await client.getOrder({ orderId })).data.payload).toMatchObject({
      OrderStatus: 'Shipped',
      NumberOfItemsShipped: 3,
    });
    expect(await orderStatusOf(seller, orderId)).toBe('Shipped');
    expect(tokenCalls).toBe(1); // LocalAuth cached the token for all five calls
    expect(srv.seen.slice(from).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /auth/o2/token 200',
      'GET /orders/v0/orders 200',
      `GET /orders/v0/orders/${orderId} 200`,
      `GET /orders/v0/orders/${orderId}/orderItems 200`,
      `POST /orders/v0/orders/${orderId}/shipmentConfirmation 204`,
      `GET /orders/v0/orders/${orderId} 200`,
    ]);
  });

  it('surfaces an SP-API error as SellingPartnerApiError carrying our errors body', async () => {
    const { seller } = await sellerWithOrder();
    const auth = new LocalAuth({
      clientId: seller.clientId,
      clientSecret: seller.clientSecret,
      refreshToken: seller.refreshToken,
    });
    const client = new SpApiSdkOrdersApiClient({ auth, region: 'fe' });
    const err = await client.getOrder({ orderId: '999-0000000-0000000' }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'SellingPartnerApiError',
      message: 'orders (v0) error: Response code 404',
      response: { status: 404, data: { errors: [{ code: 'NotFound' }] } },
    });
  });
});

describe('@scaleleap/selling-partner-api-sdk 8.4.0 (basePath + region + accessToken)', () => {
  async function client(s: TestSeller) {
    const r = await fetch(`${srv.base}/auth/o2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: s.refreshToken,
        client_id: s.clientId,
        client_secret: s.clientSecret,
      }),
    });
    expect(r.status).toBe(200);
    const tok = (await r.json()) as { access_token: string };
    return new ScaleLeapOrdersApiClient({
      basePath: srv.base,
      region: 'us-west-2',
      accessToken: tok.access_token,
    });
  }

  it('gets a token from /auth/o2/token, lists, reads and ships an order', async () => {
    const { seller, orderId } = await sellerWithOrder();
    const c = await client(seller);
    const from = srv.seen.length;

    const list = await c.getOrders({ marketplaceIds: [seller.marketplaceId], createdAfter: CREATED_AFTER });
    expect(list.data.payload?.Orders.map((o) => o.AmazonOrderId)).toEqual([orderId]);

    const order = await c.getOrder({ orderId });
    expect(order.data.payload).toMatchObject({ AmazonOrderId: orderId, OrderStatus: 'Unshipped' });

    const items = await c.getOrderItems({ orderId });
    const orderItems = items.data.payload?.OrderItems ?? [];
    expect(orderItems.map((i) => [i.SellerSKU, i.QuantityOrdered])).toEqual([
      ['SKU-A', 2],
      ['SKU-B', 1],
    ]);

    const confirmed = await c.confirmShipment({
      orderId,
      payload: shipAll(seller, '1', orderItems, t.clock.now().toISOString()),
    });
    expect(confirmed.status).toBe(204);
    expect((await c.getOrder({ orderId })).data.payload).toMatchObject({
      OrderStatus: 'Shipped',
      NumberOfItemsShipped: 3,
    });
    expect(await orderStatusOf(seller, orderId)).toBe('Shipped');
    expect(srv.seen.slice(from).map((r) => r.status)).toEqual([200, 200, 200, 204, 200]);
  });

  it('maps our SP-API error bodies to its typed errors', async () => {
    const { seller } = await sellerWithOrder();
    const c = await client(seller);
    const notFound = await c.getOrder({ orderId: '999-0000000-0000000' }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(SellingPartnerNotFoundError);
    expect(notFound).toMatchObject({ code: 'NotFound', details: 'ORDER_NOT_FOUND' });
    const badInput = await c.getOrders({ marketplaceIds: [seller.marketplaceId] }).catch((e: unknown) => e);
    expect(badInput).toBeInstanceOf(SellingPartnerBadRequestError);
    expect(badInput).toMatchObject({ code: 'InvalidInput' });
  });
});
