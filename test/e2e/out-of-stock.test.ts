// NTF-5 end to end: the storefront reports views (some while out of stock) through the marketplace
// API; when the seller's local week ends, the sandbox clock move publishes one
// `out_of_stock.weekly` event listing the listings with no stock that buyers looked for; nothing
// for a seller with none; once per week however often the schedule runs.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEvents } from '../../src/modules/notifications/notifications.tables.ts';
import { createSeller, operatorKey, type TestSeller } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let seller: TestSeller;
let quiet: TestSeller;
let key: string;

// Friday 20 November 2026, 10:00 in Tokyo.
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T01:00:00Z' });
  seller = await createSeller(t);
  quiet = await createSeller(t);
  key = await operatorKey(t);
});
afterAll(() => t?.close());

const auth = () => ({ authorization: `Bearer ${key}` });
const put = async (s: TestSeller, sku: string, quantity: number) => {
  const r = await t.request('PUT', `/marketplace/v1/sellers/${s.sellerId}/listings/${sku}`, {
    body: { title: `Item ${sku}`, price: { amount: '1000', currencyCode: 'JPY' }, quantity },
    headers: auth(),
  });
  expect([200, 201], r.text).toContain(r.status);
};
const views = (body: unknown) =>
  t.request('POST', '/marketplace/v1/listing-views', { body, headers: auth() });
const advanceTo = async (iso: string) => {
  const by = Math.round((new Date(iso).getTime() - t.services.clock.now().getTime()) / 1000);
  const r = await t.request('POST', '/sandbox/v1/clock/advance', {
    body: { by: `PT${by}S` },
    headers: auth(),
  });
  expect(r.status, r.text).toBe(200);
};
const reports = (s: TestSeller) =>
  t.services.database.db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.sellerId, s.sellerId), eq(domainEvents.type, 'out_of_stock.weekly')));

describe('weekly out-of-stock report (NTF-5)', () => {
  it('reports the out-of-stock listings buyers looked for, once, when the local week ends', async () => {
    await put(seller, 'EMPTY-1', 0); // out of stock, looked for: reported
    await put(seller, 'BACK-1', 0); // looked for while empty, restocked since: not reported
    await put(seller, 'EMPTY-2', 0); // out of stock, nobody found it empty: not reported
    await put(quiet, 'FULL-1', 4);
    const r = await views({
      views: [
        { sellerId: seller.sellerId, sku: 'EMPTY-1', views: 3, outOfStockViews: 3 },
        { sellerId: seller.sellerId, sku: 'EMPTY-1', views: 2, outOfStockViews: 2 },
        { sellerId: seller.sellerId, sku: 'BACK-1', views: 4, outOfStockViews: 4 },
        { sellerId: seller.sellerId, sku: 'EMPTY-2', views: 1, outOfStockViews: 0 },
        { sellerId: quiet.sellerId, sku: 'FULL-1', views: 9 },
      ],
    });
    expect(r.status, r.text).toBe(200);
    await put(seller, 'BACK-1', 10);

    // Sunday 23:59:59 in Tokyo: the week is not over.
    await advanceTo('2026-11-22T14:59:59Z');
    expect(await reports(seller)).toHaveLength(0);
    // Monday 00:00: the clock move publishes the report.
    await advanceTo('2026-11-22T15:00:00Z');
    const [report, ...more] = await reports(seller);
    expect(more).toHaveLength(0);
    expect(report?.payload).toMatchObject({
      weekStart: '2026-11-16',
      weekEnd: '2026-11-22',
      items: [{ sku: 'EMPTY-1', title: 'Item EMPTY-1', outOfStockViews: 5 }],
    });
    expect(await reports(quiet)).toHaveLength(0);

    // The schedule runs again (another worker, a later minute): still one report.
    await advanceTo('2026-11-23T03:00:00Z');
    await t.services.listings.runWeeklyOutOfStock(t.services.clock.now());
    expect(await reports(seller)).toHaveLength(1);

    // The next week nobody looked: nothing is sent.
    await advanceTo('2026-11-29T15:00:00Z');
    expect(await reports(seller)).toHaveLength(1);
  });

  it('refuses view reports for unknown listings and impossible counts', async () => {
    const unknown = await views({ views: [{ sellerId: seller.sellerId, sku: 'NOPE', views: 1 }] });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('LISTING_NOT_FOUND');
    const more = await views({
      views: [{ sellerId: seller.sellerId, sku: 'EMPTY-1', views: 1, outOfStockViews: 2 }],
    });
    expect(more.status).toBe(400);
    expect(more.json.error.code).toBe('VIEWS_INVALID');
    const badDay = await views({
      views: [{ sellerId: seller.sellerId, sku: 'EMPTY-1', day: '20-11-2026', views: 1 }],
    });
    expect(badDay.status).toBe(400);
  });
});
