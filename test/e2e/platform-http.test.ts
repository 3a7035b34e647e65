// Health, the OpenAPI document and its browsable page, and the sandbox clock over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeller, operatorKey, spApiToken, webLogin } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let key: string;
beforeAll(async () => {
  t = await startTestApp();
  key = await operatorKey(t);
});
afterAll(() => t?.close());

describe('health and API documentation', () => {
  it('answers /healthz', async () => {
    expect((await t.request('GET', '/healthz')).json).toEqual({ status: 'ok' });
  });
  it('documents every route family in /openapi.json', async () => {
    const r = await t.request('GET', '/openapi.json');
    expect(r.status).toBe(200);
    const paths = Object.keys(r.json.paths);
    for (const p of [
      '/marketplace/v1/orders',
      '/marketplace/v1/orders/{orderId}/payment',
      '/orders/v0/orders',
      '/orders/v0/orders/{orderId}',
      '/orders/v0/orders/{orderId}/orderItems',
      '/orders/v0/orders/{orderId}/shipmentConfirmation',
      '/api/orders',
      '/api/session',
      '/sandbox/v1/clock/advance',
    ]) {
      expect(paths).toContain(p);
    }
    expect(r.json.paths['/orders/v0/orders'].get.operationId).toBe('getOrders');
  });
  it('serves a browsable API page with local assets', async () => {
    const page = await t.request('GET', '/api-docs');
    expect(page.text).toContain('/api-docs/assets/swagger-ui-bundle.js');
    expect((await t.request('GET', '/api-docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });
  it('answers unknown API routes with a JSON 404 and unknown SP-API routes in SP-API shape', async () => {
    expect((await t.request('GET', '/api/nothing-here')).json.error.code).toBe('ROUTE_NOT_FOUND');
    expect((await t.request('GET', '/reports/2021-06-30/nothing')).json.errors[0].code).toBe('NotFound');
  });
});

describe('sandbox clock (API-4)', () => {
  it('moves forward by an ISO duration for an operator key, an SP-API token or a session, and persists', async () => {
    const seller = await createSeller(t);
    const before = new Date(
      (await t.request('GET', '/sandbox/v1/clock', { headers: { authorization: `Bearer ${key}` } })).json.now,
    );
    const a = await t.request('POST', '/sandbox/v1/clock/advance', {
      body: { by: 'P8D' },
      headers: { authorization: `Bearer ${key}` },
    });
    expect(a.status).toBe(200);
    expect(new Date(a.json.now).getTime() - before.getTime()).toBe(8 * 86400_000);
    const token = await spApiToken(t, seller);
    const b = await t.request('POST', '/sandbox/v1/clock/advance', {
      body: { by: 'PT1H' },
      headers: { 'x-amz-access-token': token },
    });
    expect(b.json.offsetMs).toBe(8 * 86400_000 + 3600_000);
    const web = await webLogin(t, seller.email);
    const c = await t.request('POST', '/api/sandbox/clock/advance', { body: { by: 'P1D' }, headers: web });
    expect(c.json.offsetMs).toBe(9 * 86400_000 + 3600_000);
    // Every process reads the offset from the database.
    await t.services.sandboxClock.load();
    expect(t.services.clock.offset).toBe(9 * 86400_000 + 3600_000);
  });
  it('refuses nonsense durations and anonymous callers', async () => {
    const bad = await t.request('POST', '/sandbox/v1/clock/advance', {
      body: { by: 'next week' },
      headers: { authorization: `Bearer ${key}` },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('INVALID_DURATION');
    const anon = await t.request('POST', '/sandbox/v1/clock/advance', { body: { by: 'P1D' } });
    expect(anon.status).toBe(401);
  });
  it('is refused in production mode', async () => {
    const prod = await startTestApp({ env: { MERCATO_MODE: 'production', MERCATO_SECRET: 'p'.repeat(40) } });
    try {
      const k = await operatorKey(prod);
      const r = await prod.request('POST', '/sandbox/v1/clock/advance', {
        body: { by: 'P1D' },
        headers: { authorization: `Bearer ${k}` },
      });
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('SANDBOX_DISABLED');
    } finally {
      await prod.close();
    }
  });
});
