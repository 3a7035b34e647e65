// NTF-2 Account notices: the operator publishes a notice (operator web session) to every seller or
// to the sellers of one marketplace; each seller gets exactly one `account.<kind>` event; sellers
// and anonymous callers are refused.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEvents } from '../../src/modules/notifications/notifications.tables.ts';
import { createSeller, IT, JP, PASSWORD, type TestSeller, webLogin } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let jp: TestSeller;
let it1: TestSeller;
let it2: TestSeller;
let opWeb: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T01:00:00Z' });
  jp = await createSeller(t, JP);
  it1 = await createSeller(t, IT);
  it2 = await createSeller(t, IT);
  await t.services.identity.createUser({
    email: 'ops-notices@example.test',
    password: PASSWORD,
    name: 'Operator',
    role: 'operator',
    sellerId: null,
    language: 'en',
  });
  opWeb = await webLogin(t, 'ops-notices@example.test');
});
afterAll(() => t?.close());

const eventsOf = (s: TestSeller, type: string) =>
  t.services.database.db
    .select()
    .from(domainEvents)
    .where(
      and(
        eq(domainEvents.sellerId, s.sellerId),
        eq(domainEvents.type, type),
        like(domainEvents.dedupeKey, 'account.%'),
      ),
    );

describe('account notices (NTF-2 Account)', () => {
  it('publishes a planned outage to the sellers of one marketplace only, one event each', async () => {
    const r = await t.request('POST', '/api/ops/account-notices', {
      headers: opWeb,
      body: {
        kind: 'planned_outage',
        title: 'Maintenance Sunday 02:00',
        body: 'Seller Central is down for one hour.',
        marketplaceId: IT,
      },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.notice).toMatchObject({
      kind: 'planned_outage',
      marketplaceId: IT,
      title: 'Maintenance Sunday 02:00',
    });
    expect(r.json.sellers).toBe(2);
    for (const s of [it1, it2]) {
      const [e, ...more] = await eventsOf(s, 'account.planned_outage');
      expect(more).toHaveLength(0);
      expect(e?.payload).toMatchObject({
        noticeId: r.json.notice.id,
        title: 'Maintenance Sunday 02:00',
        body: 'Seller Central is down for one hour.',
      });
    }
    expect(await eventsOf(jp, 'account.planned_outage')).toHaveLength(0);
  });

  it('publishes a business update to every seller and lists notices newest first', async () => {
    const r = await t.request('POST', '/api/ops/account-notices', {
      headers: opWeb,
      body: { kind: 'business_update', title: 'New fee schedule', body: 'Fees change on 1 January.' },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.sellers).toBeGreaterThanOrEqual(3);
    for (const s of [jp, it1, it2]) expect(await eventsOf(s, 'account.business_update')).toHaveLength(1);
    const list = await t.request('GET', '/api/ops/account-notices', { headers: opWeb });
    expect(list.status).toBe(200);
    expect(list.json.notices.map((n: { title: string }) => n.title).slice(0, 2)).toEqual([
      'New fee schedule',
      'Maintenance Sunday 02:00',
    ]);
  });

  it('refuses bad input, sellers and anonymous callers with stable codes', async () => {
    const badKind = await t.request('POST', '/api/ops/account-notices', {
      headers: opWeb,
      body: { kind: 'promotion', title: 'x', body: 'y' },
    });
    expect(badKind.status).toBe(400);
    expect(JSON.stringify(badKind.json.error)).toContain('kind');
    const unknownMarketplace = await t.request('POST', '/api/ops/account-notices', {
      headers: opWeb,
      body: { kind: 'new_feature', title: 'x', body: 'y', marketplaceId: 'NOPE' },
    });
    expect(unknownMarketplace.status).toBe(400);
    expect(unknownMarketplace.json.error.code).toBe('MARKETPLACE_NOT_FOUND');
    const sellerWeb = await webLogin(t, jp.email);
    const asSeller = await t.request('POST', '/api/ops/account-notices', {
      headers: sellerWeb,
      body: { kind: 'new_feature', title: 'x', body: 'y' },
    });
    expect(asSeller.status).toBe(403);
    expect(asSeller.json.error.code).toBe('OPERATOR_ONLY');
    const anon = await t.request('GET', '/api/ops/account-notices');
    expect(anon.status).toBe(401);
    expect(await eventsOf(jp, 'account.new_feature')).toHaveLength(0);
  });
});
