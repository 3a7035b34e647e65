// Operator policy phrases (MSG-8..11): the operator adds a phrase for a marketplace (web session
// or operator API key) and the next seller message containing it is blocked — through the SP-API
// as everywhere — without a restart; removing it lets the message through again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeller,
  IT,
  JP,
  operatorKey,
  PASSWORD,
  placeOrder,
  spApiToken,
  type TestSeller,
  webLogin,
} from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let key: string;
let seller: TestSeller;
let opWeb: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T01:00:00Z' });
  key = await operatorKey(t);
  seller = await createSeller(t, JP);
  await t.services.identity.createUser({
    email: 'ops-phrases@example.test',
    password: PASSWORD,
    name: 'Operator',
    role: 'operator',
    sellerId: null,
    language: 'en',
  });
  opWeb = await webLogin(t, 'ops-phrases@example.test');
});
afterAll(() => t?.close());

const web = (method: string, path: string, body?: unknown) =>
  t.request(method, path, { headers: opWeb, ...(body !== undefined ? { body } : {}) });
const api = (method: string, path: string, body?: unknown) =>
  t.request(method, path, {
    headers: { authorization: `Bearer ${key}` },
    ...(body !== undefined ? { body } : {}),
  });

async function sendViaSpApi(orderId: string, text: string) {
  return t.request(
    'POST',
    `/messaging/v1/orders/${orderId}/messages/confirmOrderDetails?marketplaceIds=${JP}`,
    {
      headers: { 'x-amz-access-token': await spApiToken(t, seller) },
      body: { text },
    },
  );
}

describe('operator policy phrases (MSG-8..11)', () => {
  it('a phrase added by the operator blocks the next seller message without a restart; removing it lets it through', async () => {
    const o = await placeOrder(t, key, seller);
    const text = `Order ${o.amazonOrderId}: your parcel leaves today. Ask about our sakura bundle.`;
    const added = await web('POST', '/api/ops/policy-phrases', {
      marketplaceId: JP,
      rule: 'marketing',
      phrase: 'Sakura  bundle',
    });
    expect(added.status, added.text).toBe(201);
    expect(added.json).toMatchObject({
      marketplaceId: JP,
      rule: 'marketing',
      phrase: 'Sakura bundle',
      language: null,
    });

    const blocked = await sendViaSpApi(o.amazonOrderId, text);
    expect(blocked.status, blocked.text).toBe(400);
    expect(blocked.json.errors[0].code).toBe('InvalidInput');
    expect(blocked.json.errors[0].message).toMatch(/Blocked by the communication policy: .*\(MSG-9\)/);

    const list = await web('GET', `/api/ops/policy-phrases?marketplaceId=${JP}`);
    expect(list.json.phrases.map((p: { phrase: string }) => p.phrase)).toContain('Sakura bundle');
    // Another marketplace's phrases do not apply here, and are listed apart.
    const other = await api('GET', `/marketplace/v1/policy-phrases?marketplaceId=${IT}`);
    expect(other.json.phrases).toEqual([]);

    const removed = await web('DELETE', `/api/ops/policy-phrases/${added.json.id}`);
    expect(removed.status, removed.text).toBe(200);
    const sent = await sendViaSpApi(o.amazonOrderId, text);
    expect(sent.status, sent.text).toBe(201);
  });

  it('the marketplace API (operator key) adds, lists and removes phrases the same way', async () => {
    const r = await api('POST', '/marketplace/v1/policy-phrases', {
      marketplaceId: IT,
      rule: 'review_manipulation',
      phrase: 'cinque stelle',
      language: 'it',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({ rule: 'review_manipulation', language: 'it' });
    const all = await api('GET', '/marketplace/v1/policy-phrases');
    expect(all.json.phrases.some((p: { id: string }) => p.id === r.json.id)).toBe(true);
    const dup = await api('POST', '/marketplace/v1/policy-phrases', {
      marketplaceId: IT,
      rule: 'review_manipulation',
      phrase: 'cinque stelle',
    });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('POLICY_PHRASE_EXISTS');
    expect((await api('DELETE', `/marketplace/v1/policy-phrases/${r.json.id}`)).status).toBe(200);
    const gone = await api('DELETE', `/marketplace/v1/policy-phrases/${r.json.id}`);
    expect(gone.status).toBe(404);
  });

  it.each([
    [{ marketplaceId: JP, rule: 'spam', phrase: 'free gift' }, 'rule'],
    [{ marketplaceId: JP, rule: 'marketing', phrase: 'x' }, 'phrase'],
    [{ marketplaceId: JP, rule: 'marketing', phrase: 'y'.repeat(101) }, 'phrase'],
    [{ marketplaceId: JP, rule: 'marketing' }, 'phrase'],
    [{ marketplaceId: JP, rule: 'marketing', phrase: 'ok phrase', extra: 1 }, '(body)'],
  ])('refuses %j with 400 naming the field', async (body, field) => {
    const r = await web('POST', '/api/ops/policy-phrases', body);
    expect(r.status, r.text).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(r.json.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses an unknown marketplace', async () => {
    const r = await web('POST', '/api/ops/policy-phrases', {
      marketplaceId: 'NOPE',
      rule: 'marketing',
      phrase: 'abc',
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('MARKETPLACE_NOT_FOUND');
  });

  it('is for operators only: a seller session gets 403, no key 401, no CSRF token 403', async () => {
    const sellerWeb = await webLogin(t, seller.email);
    const s = await t.request('GET', '/api/ops/policy-phrases', { headers: sellerWeb });
    expect(s.status).toBe(403);
    const anon = await t.request('GET', '/marketplace/v1/policy-phrases');
    expect(anon.status).toBe(401);
    const noCsrf = await t.request('POST', '/api/ops/policy-phrases', {
      headers: { cookie: opWeb.cookie as string },
      body: { marketplaceId: JP, rule: 'marketing', phrase: 'no csrf' },
    });
    expect(noCsrf.status).toBe(403);
  });
});
