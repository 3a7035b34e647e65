// A seller never sees another seller's data, on every route family: the seller web API (orders,
// search, shipment confirmation, developer apps), SP-API (each Orders v0 operation), LWA, the
// operator pages and the marketplace API. Sellers A and B share one marketplace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeller,
  operatorKey,
  orderBody,
  PASSWORD,
  placeOrder,
  spApiToken,
  type TestSeller,
  webLogin,
} from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let key: string;
let a: TestSeller;
let b: TestSeller;
let aOrders: string[];
let bOrders: { id: string; buyerEmail: string }[];
let aWeb: Record<string, string>;
let aToken: string;
let bToken: string;

beforeAll(async () => {
  t = await startTestApp();
  key = await operatorKey(t);
  a = await createSeller(t);
  b = await createSeller(t);
  expect(a.marketplaceId).toBe(b.marketplaceId);
  aOrders = [];
  for (let i = 0; i < 2; i++) {
    aOrders.push(
      (await placeOrder(t, key, a, { buyer: { name: 'A Buyer', email: `a-buyer-${i}@example.com` } }))
        .amazonOrderId,
    );
  }
  bOrders = [];
  for (let i = 0; i < 2; i++) {
    const buyerEmail = `b-buyer-${i}@example.com`;
    const o = await placeOrder(t, key, b, { buyer: { name: 'B Buyer', email: buyerEmail } });
    bOrders.push({ id: o.amazonOrderId, buyerEmail });
  }
  t.clock.advance(10 * 60_000); // getOrders sees orders created ≥ 2 minutes ago
  aWeb = await webLogin(t, a.email);
  aToken = await spApiToken(t, a);
  bToken = await spApiToken(t, b);
});
afterAll(() => t?.close());

const B0 = () => bOrders[0]?.id ?? '';

/** B's order as B sees it, straight from the service. */
async function bOrderState(id: string) {
  const o = await t.services.orders.getOrder(b.sellerId, id);
  const shipments = await t.services.orders.repo.shipmentsOf(b.sellerId, o.id);
  return { status: o.status, itemsShipped: o.itemsShipped, shipments: shipments.length };
}

const sp = (token: string, method: string, path: string, body?: unknown) =>
  t.request(method, path, { body, headers: { 'x-amz-access-token': token } });

describe('seller web API', () => {
  it("reads its own order but answers 404 for another seller's order", async () => {
    const own = await t.request('GET', `/api/orders/${aOrders[0]}`, { headers: aWeb });
    expect(own.status).toBe(200);
    expect(own.json.order.amazonOrderId).toBe(aOrders[0]);
    for (const { id } of bOrders) {
      const r = await t.request('GET', `/api/orders/${id}`, { headers: aWeb });
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('ORDER_NOT_FOUND');
      expect(r.text).not.toContain('B Buyer');
    }
  });

  it("never lists another seller's orders, counts them, or finds them by buyer email or order id", async () => {
    const all = await t.request('GET', '/api/orders?status=All&pageSize=200', { headers: aWeb });
    expect(all.status).toBe(200);
    expect(all.json.orders.map((o: { amazonOrderId: string }) => o.amazonOrderId).sort()).toEqual(
      [...aOrders].sort(),
    );
    expect(all.json.total).toBe(2);
    expect(all.json.counts.All).toBe(2);
    expect(all.text).not.toContain('B Buyer');

    // Control: A finds its own order by its buyer's email and by id.
    const mine = await t.request('GET', `/api/orders?q=${encodeURIComponent('a-buyer-0@example.com')}`, {
      headers: aWeb,
    });
    expect(mine.json.orders.map((o: { amazonOrderId: string }) => o.amazonOrderId)).toEqual([aOrders[0]]);

    const bRelay = (await t.services.orders.getOrder(b.sellerId, B0())).buyerRelayEmail;
    for (const q of [bOrders[0]?.buyerEmail ?? '', B0(), bRelay]) {
      const r = await t.request('GET', `/api/orders?q=${encodeURIComponent(q)}&status=All`, {
        headers: aWeb,
      });
      expect(r.status, q).toBe(200);
      expect(r.json.orders, q).toEqual([]);
      expect(r.json.total, q).toBe(0);
    }

    const home = await t.request('GET', '/api/home', { headers: aWeb });
    expect(home.status).toBe(200);
    expect(home.json.counts.Unshipped).toBe(2);
  });

  it("cannot confirm shipment of another seller's order (404, nothing written)", async () => {
    const bItems = await t.services.orders.repo.itemsOf(b.sellerId, [
      (await t.services.orders.getOrder(b.sellerId, B0())).id,
    ]);
    const before = await bOrderState(B0());
    const r = await t.request('POST', `/api/orders/${B0()}/shipments`, {
      headers: aWeb,
      body: {
        carrierCode: 'Yamato Transport',
        trackingNumber: 'STOLEN-1',
        shipDate: t.clock.now().toISOString(),
        items: bItems.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
      },
    });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('ORDER_NOT_FOUND');
    expect(await bOrderState(B0())).toEqual(before);
    expect(before).toEqual({ status: 'Unshipped', itemsShipped: 0, shipments: 0 });
  });

  it("cannot see, authorize, get codes for, or revoke another seller's apps", async () => {
    const bAuthId = (await t.services.identity.listApps(b.sellerId))[0]?.authorizations[0]?.id ?? '';
    expect(bAuthId).toBeTruthy();

    const apps = await t.request('GET', '/api/settings/apps', { headers: aWeb });
    expect(apps.status).toBe(200);
    expect(apps.json.apps.map((x: { id: string }) => x.id)).toEqual([a.appId]);
    expect(apps.text).not.toContain(b.clientId);

    const authorize = await t.request('POST', `/api/settings/apps/${b.appId}/authorizations`, {
      headers: aWeb,
    });
    expect(authorize.status).toBe(404);
    expect(authorize.text).not.toContain('Atzr|');
    const code = await t.request('POST', `/api/settings/apps/${b.appId}/authorization-code`, {
      headers: aWeb,
    });
    expect(code.status).toBe(404);
    expect(code.json.code).toBeUndefined();
    for (const path of [
      `/api/settings/apps/${b.appId}/authorizations/${bAuthId}`,
      `/api/settings/apps/${a.appId}/authorizations/${bAuthId}`, // A's app id, B's authorization
    ]) {
      const revoke = await t.request('DELETE', path, { headers: aWeb });
      expect(revoke.status, path).toBe(404);
    }

    // B's app is untouched: one authorization, not revoked, and B's refresh token still works.
    const bApps = await t.services.identity.listApps(b.sellerId);
    expect(bApps[0]?.authorizations).toEqual([expect.objectContaining({ id: bAuthId, revokedAt: null })]);
    expect(await spApiToken(t, b)).toMatch(/^Atza\|/);
  });
});

describe('SP-API', () => {
  it("answers 404 NotFound to every Orders v0 read of another seller's order", async () => {
    for (const suffix of ['', '/orderItems', '/buyerInfo', '/address']) {
      const own = await sp(aToken, 'GET', `/orders/v0/orders/${aOrders[0]}${suffix}`);
      expect(own.status, `own ${suffix}`).toBe(200);
      for (const { id, buyerEmail } of bOrders) {
        const r = await sp(aToken, 'GET', `/orders/v0/orders/${id}${suffix}`);
        expect(r.status, `${id}${suffix}`).toBe(404);
        expect(r.json.errors[0].code).toBe('NotFound');
        expect(r.json.payload).toBeUndefined();
        expect(r.text).not.toContain(buyerEmail);
        expect(r.text).not.toContain('B Buyer');
      }
    }
  });

  it("cannot confirm shipment of another seller's order (404 NotFound, order unchanged)", async () => {
    // The attacker even knows B's real order item ids.
    const items = (await sp(bToken, 'GET', `/orders/v0/orders/${B0()}/orderItems`)).json.payload
      .OrderItems as {
      OrderItemId: string;
      QuantityOrdered: number;
    }[];
    const r = await sp(aToken, 'POST', `/orders/v0/orders/${B0()}/shipmentConfirmation`, {
      marketplaceId: b.marketplaceId,
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'Yamato Transport',
        trackingNumber: 'STOLEN-2',
        shipDate: t.clock.now().toISOString(),
        orderItems: items.map((i) => ({ orderItemId: i.OrderItemId, quantity: i.QuantityOrdered })),
      },
    });
    expect(r.status).toBe(404);
    expect(r.json.errors[0].code).toBe('NotFound');
    const seen = await sp(bToken, 'GET', `/orders/v0/orders/${B0()}`);
    expect(seen.json.payload).toMatchObject({
      OrderStatus: 'Unshipped',
      NumberOfItemsShipped: 0,
      NumberOfItemsUnshipped: 3,
    });
    expect(await bOrderState(B0())).toEqual({ status: 'Unshipped', itemsShipped: 0, shipments: 0 });
  });

  it("never returns another seller's orders from getOrders, whatever the filter", async () => {
    const base = `/orders/v0/orders?MarketplaceIds=${a.marketplaceId}&CreatedAfter=2026-11-01T00:00:00Z`;
    const ids = async (query: string) => {
      const r = await sp(aToken, 'GET', `${base}${query}`);
      expect(r.status, query).toBe(200);
      return (r.json.payload.Orders as { AmazonOrderId: string }[]).map((o) => o.AmazonOrderId);
    };
    expect((await ids('')).sort()).toEqual([...aOrders].sort());
    expect(await ids(`&AmazonOrderIds=${bOrders.map((o) => o.id).join(',')}`)).toEqual([]);
    expect(await ids(`&AmazonOrderIds=${B0()},${aOrders[0]}`)).toEqual([aOrders[0]]);
    expect(await ids(`&BuyerEmail=${encodeURIComponent(bOrders[0]?.buyerEmail ?? '')}`)).toEqual([]);
    // Control: B's own token does see them.
    const bList = await sp(bToken, 'GET', base);
    expect(
      (bList.json.payload.Orders as { AmazonOrderId: string }[]).map((o) => o.AmazonOrderId).sort(),
    ).toEqual(bOrders.map((o) => o.id).sort());
  });

  it("refuses A's refresh token presented with B's client id and secret (invalid_grant)", async () => {
    const r = await t.request('POST', '/auth/o2/token', {
      body: {
        grant_type: 'refresh_token',
        refresh_token: a.refreshToken,
        client_id: b.clientId,
        client_secret: b.clientSecret,
      },
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('invalid_grant');
    expect(r.json.access_token).toBeUndefined();
  });

  it("gives B's app nothing for an authorization code A issued to A's app (invalid_grant)", async () => {
    const issued = await t.request('POST', `/api/settings/apps/${a.appId}/authorization-code`, {
      headers: aWeb,
    });
    expect(issued.status).toBe(201);
    const r = await t.request('POST', '/auth/o2/token', {
      body: {
        grant_type: 'authorization_code',
        code: issued.json.code,
        client_id: b.clientId,
        client_secret: b.clientSecret,
      },
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('invalid_grant');
    expect(r.json.refresh_token).toBeUndefined();
    // No authorization of A was attached to B's app.
    const bApps = await t.services.identity.listApps(b.sellerId);
    expect(bApps.flatMap((x) => x.authorizations)).toHaveLength(1);
  });
});

describe('operator and seller pages', () => {
  let opWeb: Record<string, string>;
  beforeAll(async () => {
    const email = 'operator@example.test';
    await t.services.identity.createUser({
      email,
      password: PASSWORD,
      name: 'Operator',
      role: 'operator',
      sellerId: null,
      language: 'en',
    });
    opWeb = await webLogin(t, email);
  });

  it('refuses operator pages to a seller session (403)', async () => {
    for (const path of ['/api/ops/mail', '/api/ops/jobs']) {
      const r = await t.request('GET', path, { headers: aWeb });
      expect(r.status, path).toBe(403);
      expect(r.json.error.code).toBe('OPERATOR_ONLY');
      expect(r.json.messages).toBeUndefined();
    }
    // Control: the operator gets them.
    expect((await t.request('GET', '/api/ops/mail', { headers: opWeb })).status).toBe(200);
    expect((await t.request('GET', '/api/ops/jobs', { headers: opWeb })).status).toBe(200);
  });

  it('refuses seller pages to an operator session (403 SELLER_ONLY)', async () => {
    const reads = [
      '/api/orders',
      `/api/orders/${aOrders[0]}`,
      '/api/home',
      '/api/settings/apps',
      '/api/settings/account',
    ];
    for (const path of reads) {
      const r = await t.request('GET', path, { headers: opWeb });
      expect(r.status, path).toBe(403);
      expect(r.json.error.code).toBe('SELLER_ONLY');
    }
    const ship = await t.request('POST', `/api/orders/${aOrders[0]}/shipments`, {
      headers: opWeb,
      body: {
        carrierCode: 'Yamato Transport',
        trackingNumber: 'OP-1',
        shipDate: t.clock.now().toISOString(),
        items: [{ orderItemId: 'x', quantity: 1 }],
      },
    });
    expect(ship.status).toBe(403);
    expect(ship.json.error.code).toBe('SELLER_ONLY');
  });
});

describe('marketplace API', () => {
  it("is not reachable with a seller's SP-API token or web session (401 INVALID_API_KEY)", async () => {
    const attempts: Record<string, Record<string, string>> = {
      'SP-API token as x-amz-access-token': { 'x-amz-access-token': aToken },
      'SP-API token as bearer': { authorization: `Bearer ${aToken}` },
      'refresh token as bearer': { authorization: `Bearer ${a.refreshToken}` },
      'client secret as bearer': { authorization: `Bearer ${a.clientSecret}` },
      'seller web session': aWeb,
    };
    for (const [what, headers] of Object.entries(attempts)) {
      const create = await t.request('POST', '/marketplace/v1/orders', { headers, body: orderBody(a) });
      expect(create.status, what).toBe(401);
      expect(create.json.error.code, what).toBe('INVALID_API_KEY');
      const pay = await t.request('POST', `/marketplace/v1/orders/${B0()}/payment`, { headers, body: {} });
      expect(pay.status, what).toBe(401);
    }
    const listed = await t.request('GET', '/api/orders?pageSize=200', { headers: aWeb });
    expect(listed.json.total).toBe(2); // no order was created
  });
});
