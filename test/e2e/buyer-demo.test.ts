// Demo data gives "Your Account" buyers with a password, listed with the demo credentials.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from '../../src/modules/sandbox/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

it('creates a Japanese and an Italian demo buyer who sign in with the demo password', async () => {
  const s = t.services;
  const creds = await loadDemoData({
    db: s.database.db,
    clock: s.clock,
    marketplaces: s.marketplaces,
    identity: s.identity,
    orders: s.orders,
    buyers: s.buyers,
    ordersPerSeller: 12,
  });
  expect(creds.buyers?.map((b) => b.login.email)).toEqual([
    'buyer-jp@demo.mercato.test',
    'buyer-it@demo.mercato.test',
  ]);
  const jp = await t.request('POST', '/api/buyer/session', {
    body: { email: 'buyer-jp@demo.mercato.test', password: DEMO_PASSWORD },
  });
  expect(jp.status).toBe(200);
  expect(jp.json.buyer.language).toBe('ja');
  const cookie = (jp.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const orders = await t.request('GET', '/api/buyer/orders', { headers: { cookie } });
  // Every tenth order (index 3, 13, ...) is the demo buyer's: 12 per seller leaves one.
  expect(orders.json.total).toBe(1);
  expect(orders.json.orders[0].sellerName).toBe('さくら商店 Sakura Shop');
});
