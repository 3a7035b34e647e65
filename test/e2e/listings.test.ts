// NTF-2 Listings end to end: the storefront creates, updates and closes listings through the
// marketplace API (operator key); created/closed publish one domain event each in the same
// transaction (NTF-9); the seller's Inventory API lists them with filters.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEvents } from '../../src/modules/notifications/notifications.tables.ts';
import { createSeller, IT, operatorKey, type TestSeller, webLogin } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let seller: TestSeller;
let key: string;
let web: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T01:00:00Z' });
  seller = await createSeller(t);
  key = await operatorKey(t);
  web = await webLogin(t, seller.email);
});
afterAll(() => t?.close());

const put = (sku: string, body: unknown, s: TestSeller = seller, k = key) =>
  t.request('PUT', `/marketplace/v1/sellers/${s.sellerId}/listings/${encodeURIComponent(sku)}`, {
    body,
    headers: { authorization: `Bearer ${k}` },
  });
const close = (sku: string) =>
  t.request('POST', `/marketplace/v1/sellers/${seller.sellerId}/listings/${sku}/close`, {
    headers: { authorization: `Bearer ${key}` },
  });
const events = (type: string, sellerId = seller.sellerId) =>
  t.services.database.db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.sellerId, sellerId), eq(domainEvents.type, type)));
const tea = { title: 'Green tea 100g', price: { amount: '1500', currencyCode: 'JPY' }, quantity: 5 };

describe('listings through the marketplace API (NTF-2)', () => {
  it('creates a listing once, publishing listing.created in the same transaction', async () => {
    const r = await put('TEA-1', tea);
    expect(r.status, r.text).toBe(201);
    expect(r.json.listing).toMatchObject({
      sku: 'TEA-1',
      title: 'Green tea 100g',
      price: { amount: '1500', currencyCode: 'JPY' },
      quantity: 5,
      status: 'active',
    });
    const created = await events('listing.created');
    expect(created).toHaveLength(1);
    expect(created[0]?.payload).toMatchObject({ sku: 'TEA-1', title: 'Green tea 100g' });

    // An update is not a new listing: no second event.
    const u = await put('TEA-1', { ...tea, quantity: 0, title: 'Green tea 100 g' });
    expect(u.status).toBe(200);
    expect(u.json.listing).toMatchObject({ quantity: 0, title: 'Green tea 100 g' });
    expect(await events('listing.created')).toHaveLength(1);
  });

  it('closes once: the second close changes nothing and publishes nothing', async () => {
    await put('CUP-1', { ...tea, title: 'Tea cup', price: { amount: '2000', currencyCode: 'JPY' } });
    const c1 = await close('CUP-1');
    expect(c1.status, c1.text).toBe(200);
    expect(c1.json).toMatchObject({ alreadyClosed: false, listing: { status: 'closed' } });
    const c2 = await close('CUP-1');
    expect(c2.json.alreadyClosed).toBe(true);
    const closed = await events('listing.closed');
    expect(closed).toHaveLength(1);
    expect(closed[0]?.payload).toMatchObject({ sku: 'CUP-1', title: 'Tea cup' });
    // Offered again: re-opened, and that is a listing created.
    const again = await put('CUP-1', { ...tea, title: 'Tea cup' });
    expect(again.status).toBe(201);
    expect(again.json.listing.status).toBe('active');
    expect((await events('listing.created')).filter((e) => e.payload.sku === 'CUP-1')).toHaveLength(2);
  });

  it('refuses bad input with stable codes and the field named', async () => {
    const eur = await put('X-1', { ...tea, price: { amount: '15.00', currencyCode: 'EUR' } });
    expect(eur.status).toBe(400);
    expect(eur.json.error.code).toBe('LISTING_CURRENCY_MISMATCH');
    expect(eur.json.error.message).toContain('JPY');
    const decimals = await put('X-1', { ...tea, price: { amount: '15.50', currencyCode: 'JPY' } });
    expect(decimals.status).toBe(400);
    expect(decimals.json.error.code).toBe('LISTING_PRICE_INVALID');
    const negative = await put('X-1', { ...tea, quantity: -1 });
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.json.error)).toContain('quantity');
    const missing = await close('NOPE');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('LISTING_NOT_FOUND');
    const noSeller = await put('X-1', tea, { ...seller, sellerId: 'sel_unknown' });
    expect(noSeller.status).toBe(404);
    expect(noSeller.json.error.code).toBe('SELLER_NOT_FOUND');
    const noKey = await put('X-1', tea, seller, 'wrong');
    expect(noKey.status).toBe(401);
    expect(
      await events('listing.created').then((e) => e.filter((x) => x.payload.sku === 'X-1')),
    ).toHaveLength(0);
  });

  it('uses the marketplace currency (EUR with cents in Italy)', async () => {
    const it1 = await createSeller(t, IT);
    const r = await put(
      'VINO-1',
      { title: 'Chianti', price: { amount: '12.5', currencyCode: 'EUR' }, quantity: 3 },
      it1,
    );
    expect(r.status, r.text).toBe(201);
    expect(r.json.listing.price).toEqual({ amount: '12.50', currencyCode: 'EUR' });
  });

  it('lists the seller’s listings with status, stock and text filters, never another seller’s', async () => {
    const all = await t.request('GET', '/api/listings', { headers: web });
    expect(all.status, all.text).toBe(200);
    expect(all.json.listings.map((l: { sku: string }) => l.sku)).toEqual(['CUP-1', 'TEA-1']);
    const out = await t.request('GET', '/api/listings?stock=out', { headers: web });
    expect(out.json.listings.map((l: { sku: string }) => l.sku)).toEqual(['TEA-1']);
    await close('TEA-1');
    const closed = await t.request('GET', '/api/listings?status=closed', { headers: web });
    expect(closed.json.listings.map((l: { sku: string }) => l.sku)).toEqual(['TEA-1']);
    const q = await t.request('GET', '/api/listings?q=cup', { headers: web });
    expect(q.json).toMatchObject({ total: 1, listings: [{ sku: 'CUP-1', price: { amount: '1500' } }] });
    const anon = await t.request('GET', '/api/listings');
    expect(anon.status).toBe(401);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await t.request('GET', '/openapi.json')).json;
    expect(doc.paths['/marketplace/v1/sellers/{sellerId}/listings/{sku}']?.put).toBeTruthy();
    expect(doc.paths['/marketplace/v1/listing-views']?.post).toBeTruthy();
    expect(doc.paths['/api/listings']?.get).toBeTruthy();
  });
});
