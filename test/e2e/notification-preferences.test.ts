// NTF-1/3/6, PERF-7: the Notification Preferences API through the seller web API (session + CSRF)
// on a real database: the rows of the selling plan, every validation rule with the field named,
// webhook endpoints (private addresses refused, secret shown once), and who changed what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeller, IT, spApiToken, type TestSeller, webLogin } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let seller: TestSeller;
let italian: TestSeller;
let individual: TestSeller;
let web: Record<string, string>;
let itWeb: Record<string, string>;
let indWeb: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  seller = await createSeller(t);
  italian = await createSeller(t, IT);
  individual = await createSeller(t);
  const { sellers } = await import('../../src/modules/marketplaces/marketplaces.tables.ts');
  const { eq } = await import('drizzle-orm');
  await t.services.database.db
    .update(sellers)
    .set({ sellingPlan: 'Individual' })
    .where(eq(sellers.id, individual.sellerId));
  web = await webLogin(t, seller.email);
  itWeb = await webLogin(t, italian.email);
  indWeb = await webLogin(t, individual.email);
});
afterAll(() => t?.close());

const api = (method: string, path: string, body?: unknown, headers = web) =>
  t.request(method, path, { body, headers });

type TypeView = {
  type: string;
  mandatory: boolean;
  customized: boolean;
  preference: Record<string, unknown> & { emails: string[]; phones: string[]; webhooks: string[] };
  updatedBy: string | null;
};
async function rows(headers = web) {
  const r = await api('GET', '/api/notifications/preferences', undefined, headers);
  expect(r.status, r.text).toBe(200);
  const types = (r.json.groups as { group: string; types: TypeView[] }[]).flatMap((g) => g.types);
  return { body: r.json, byType: new Map(types.map((x) => [x.type, x])) };
}
const base = {
  enabled: true,
  frequency: 'immediate',
  emails: [] as string[],
  phones: [] as string[],
  webhooks: [] as string[],
  inApp: true,
};
const put = (type: string, body: Record<string, unknown>, headers = web) =>
  api('PUT', `/api/notifications/preferences/${type}`, { ...base, ...body }, headers);
const fieldsOf = (r: { json: { error: { details?: { fields?: { field: string; code: string }[] } } } }) =>
  r.json.error.details?.fields?.map((f) => `${f.field}:${f.code}`) ?? [];

describe('reading preferences (NTF-1)', () => {
  it('needs a seller session and the CSRF token to change anything', async () => {
    expect((await t.request('GET', '/api/notifications/preferences')).status).toBe(401);
    const noCsrf = await t.request('PUT', '/api/notifications/preferences/order.new', {
      body: base,
      headers: { cookie: web.cookie as string },
    });
    expect(noCsrf.status).toBe(403);
  });

  it("lists the plan's types in the page's groups with the catalogue defaults and the users' emails", async () => {
    const { body, byType } = await rows();
    expect(body.sellingPlan).toBe('Professional');
    expect(body.groups.map((g: { group: string }) => g.group).slice(0, 3)).toEqual([
      'orders',
      'returns_claims',
      'listings',
    ]);
    const order = byType.get('order.new') as TypeView;
    expect(order.customized).toBe(false);
    expect(order.preference).toMatchObject({ enabled: true, frequency: 'immediate', inApp: true });
    expect(order.preference.emails).toEqual([seller.email]);
    expect(byType.get('order.new_afn')?.preference.enabled).toBe(false);
    expect(byType.get('listing.created')?.preference.frequency).toBe('daily');
    expect(byType.get('emergency.contact')).toMatchObject({ mandatory: true, preference: { emails: [] } });
    expect(byType.get('performance.metric')?.preference).toMatchObject({
      metrics: expect.arrayContaining(['ODR', 'LATE_SHIPMENT_RATE']),
      minSeverity: 'warning',
    });
    expect(byType.has('report.ready')).toBe(true);
  });

  it('offers an Individual seller only the types of that plan', async () => {
    const { body, byType } = await rows(indWeb);
    expect(body.sellingPlan).toBe('Individual');
    expect(byType.has('report.ready')).toBe(false);
    expect(byType.has('order.new')).toBe(true);
    const r = await put('report.ready', {}, indWeb);
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('NOTIFICATION_TYPE_NOT_FOUND');
  });
});

describe('saving one type (NTF-3, NTF-6)', () => {
  it('saves several addresses, deduplicated, with the phone in E.164 from the marketplace region', async () => {
    const r = await put('order.new', {
      emails: ['Orders@Example.COM', 'orders@example.com', 'ops@example.com'],
      phones: ['090-1234-5678'],
      frequency: 'daily',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json.preference.preference).toMatchObject({
      emails: ['Orders@example.com', 'ops@example.com'],
      phones: ['+819012345678'],
      frequency: 'daily',
    });
    const after = (await rows()).byType.get('order.new') as TypeView;
    expect(after.customized).toBe(true);
    expect(after.preference.emails).toEqual(['Orders@example.com', 'ops@example.com']);
    // Recorded: who changed it (the signed-in user).
    expect(after.updatedBy).toMatch(/^usr_/);
  });

  it('reads local numbers in the marketplace country (Italy) and disables an optional type', async () => {
    const r = await put('order.new', { enabled: false, phones: ['333 123 4567'] }, itWeb);
    expect(r.status, r.text).toBe(200);
    expect(r.json.preference.preference).toMatchObject({ enabled: false, phones: ['+393331234567'] });
  });

  it('refuses an invalid email, naming the field', async () => {
    const r = await put('order.new', { emails: ['ok@example.com', 'not-an-address', 'a@b'] });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('INVALID_EMAIL');
    expect(fieldsOf(r)).toEqual(['emails.1:INVALID_EMAIL', 'emails.2:INVALID_EMAIL']);
    expect(r.json.error.message).toContain('not-an-address');
  });

  it('refuses more than 10 distinct emails, but counts duplicates once', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `user${i}@example.com`);
    const r = await put('order.canceled', { emails: eleven });
    expect(r.status).toBe(400);
    expect(fieldsOf(r)).toEqual(['emails:TOO_MANY_EMAILS']);
    const tenTwice = [...eleven.slice(0, 10), ...eleven.slice(0, 10).map((e) => e.toUpperCase())];
    const ok = await put('order.canceled', { emails: tenTwice });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.preference.preference.emails).toHaveLength(10);
  });

  it('refuses a phone number that is not valid', async () => {
    const r = await put('order.new', { phones: ['12345', '+81 90 1234 5678'] });
    expect(r.status).toBe(400);
    expect(fieldsOf(r)).toEqual(['phones.0:INVALID_PHONE']);
  });

  it('refuses a frequency the type does not allow', async () => {
    const r = await put('out_of_stock.weekly', { frequency: 'immediate', emails: ['a@example.com'] });
    expect(r.status).toBe(400);
    expect(fieldsOf(r)).toEqual(['frequency:FREQUENCY_NOT_ALLOWED']);
    const bad = await put('order.new', { frequency: 'hourly' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a channel the type does not offer (out-of-stock by SMS)', async () => {
    const r = await put('out_of_stock.weekly', { frequency: 'weekly', phones: ['+81 90 1111 2222'] });
    expect(r.status).toBe(400);
    expect(fieldsOf(r)).toEqual(['phones:CHANNEL_NOT_ALLOWED']);
  });

  it('refuses to disable a mandatory type', async () => {
    const r = await put('claims.a_to_z', { enabled: false });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('MANDATORY_TYPE');
    expect(fieldsOf(r)).toEqual(['enabled:MANDATORY_TYPE']);
  });

  it('takes performance metrics from the fixed list only, and only for performance types', async () => {
    const ok = await put('performance.metric', {
      metrics: ['ODR', 'RESPONSE_TIME'],
      minSeverity: 'critical',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.preference.preference).toMatchObject({
      metrics: ['ODR', 'RESPONSE_TIME'],
      minSeverity: 'critical',
    });
    const bad = await put('performance.metric', { metrics: ['ODR', 'HAPPINESS'] });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['metrics.1:UNKNOWN_METRIC']);
    const notPerf = await put('order.new', { metrics: ['ODR'] });
    expect(fieldsOf(notPerf)).toEqual(['metrics:METRICS_NOT_APPLICABLE']);
  });

  it('refuses unknown fields and unknown types', async () => {
    const r = await put('order.new', { color: 'red' });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    const u = await put('order.nope', {});
    expect(u.status).toBe(404);
  });
});

describe('the emergency contact (NTF-2)', () => {
  it('takes SMS phones only and needs one', async () => {
    const email = await put('emergency.contact', {
      emails: ['a@example.com'],
      phones: ['+81 80 1111 2222'],
      inApp: false,
    });
    expect(fieldsOf(email)).toEqual(['emails:CHANNEL_NOT_ALLOWED']);
    const none = await put('emergency.contact', { inApp: false });
    expect(fieldsOf(none)).toEqual(['phones:EMERGENCY_PHONE_REQUIRED']);
    const inApp = await put('emergency.contact', { phones: ['+81 80 1111 2222'], inApp: true });
    expect(fieldsOf(inApp)).toEqual(['inApp:CHANNEL_NOT_ALLOWED']);
    const disabled = await put('emergency.contact', {
      enabled: false,
      phones: ['+81 80 1111 2222'],
      inApp: false,
    });
    expect(disabled.json.error.code).toBe('MANDATORY_TYPE');
  });

  it('must be distinct from the phones of the other types, both ways', async () => {
    // order.new has +819012345678 from an earlier test.
    const same = await put('emergency.contact', { phones: ['+81 90 1234 5678'], inApp: false });
    expect(same.status).toBe(400);
    expect(fieldsOf(same)).toEqual(['phones.0:EMERGENCY_PHONE_NOT_DISTINCT']);
    const ok = await put('emergency.contact', { phones: ['+81 80 9999 0000'], inApp: false });
    expect(ok.status, ok.text).toBe(200);
    const reuse = await put('order.canceled', { phones: ['080-9999-0000'] });
    expect(reuse.status).toBe(400);
    expect(fieldsOf(reuse)).toEqual(['phones.0:EMERGENCY_PHONE_NOT_DISTINCT']);
    // Another seller may use the same number: the rule is per seller.
    const other = await put('order.canceled', { phones: ['+81 80 9999 0000'] }, indWeb);
    expect(other.status, other.text).toBe(200);
  });
});

describe('webhook endpoints (NTF-6)', () => {
  it('refuses URLs that are not http(s) or point at a private address', async () => {
    for (const url of ['ftp://example.com/hook', 'not a url', 'https://user:pw@example.com/h']) {
      const r = await api('POST', '/api/notifications/webhooks', { url });
      expect(r.status, url).toBe(400);
      expect(r.json.error.code).toBe('INVALID_WEBHOOK_URL');
      expect(r.json.error.details.fields[0].field).toBe('url');
    }
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'https://10.1.2.3/hook',
      'https://192.168.0.10/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      const r = await api('POST', '/api/notifications/webhooks', { url });
      expect(r.status, url).toBe(400);
      expect(r.json.error.code, url).toBe('WEBHOOK_URL_PRIVATE');
    }
  });

  it('creates an endpoint with a whsec_ secret shown once, lists it without, and deletes it from preferences', async () => {
    const created = await api('POST', '/api/notifications/webhooks', {
      url: 'https://93.184.215.14/hooks/mercato',
      description: 'ERP',
    });
    expect(created.status, created.text).toBe(201);
    const hook = created.json.webhook;
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(hook.secret.slice(6), 'base64').length).toBe(24);
    const list = await api('GET', '/api/notifications/webhooks');
    expect(list.json.webhooks).toEqual([expect.objectContaining({ id: hook.id, status: 'active' })]);
    expect(JSON.stringify(list.json)).not.toContain('whsec_');
    // Other sellers neither see nor can use it.
    expect((await api('GET', '/api/notifications/webhooks', undefined, itWeb)).json.webhooks).toEqual([]);
    const foreign = await put('order.new', { webhooks: [hook.id] }, itWeb);
    expect(fieldsOf(foreign)).toEqual(['webhooks.0:UNKNOWN_WEBHOOK']);

    const saved = await put('order.canceled', { webhooks: [hook.id, hook.id] });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.preference.preference.webhooks).toEqual([hook.id]);
    const unknown = await put('order.canceled', { webhooks: ['whk_nope'] });
    expect(fieldsOf(unknown)).toEqual(['webhooks.0:UNKNOWN_WEBHOOK']);

    expect((await api('DELETE', `/api/notifications/webhooks/${hook.id}`, undefined, itWeb)).status).toBe(
      404,
    );
    expect((await api('DELETE', `/api/notifications/webhooks/${hook.id}`)).status).toBe(204);
    expect((await rows()).byType.get('order.canceled')?.preference.webhooks).toEqual([]);
    const again = await api('DELETE', `/api/notifications/webhooks/${hook.id}`);
    expect(again.json.error.code).toBe('WEBHOOK_NOT_FOUND');
  });

  it('accepts private addresses when the operator allowed them (MERCATO_ALLOW_PRIVATE_WEBHOOKS=1)', async () => {
    const t2 = await startTestApp({ env: { MERCATO_ALLOW_PRIVATE_WEBHOOKS: '1' } });
    try {
      const s = await createSeller(t2);
      const h = await webLogin(t2, s.email);
      const r = await t2.request('POST', '/api/notifications/webhooks', {
        body: { url: 'http://127.0.0.1:9/hook' },
        headers: h,
      });
      expect(r.status, r.text).toBe(201);
      const ftp = await t2.request('POST', '/api/notifications/webhooks', {
        body: { url: 'ftp://127.0.0.1/hook' },
        headers: h,
      });
      expect(ftp.json.error.code).toBe('INVALID_WEBHOOK_URL');
    } finally {
      await t2.close();
    }
  });
});

describe('failed addresses (NTF-7)', () => {
  it('lists an address that failed for the home alert and the page, and the reset clears it', async () => {
    const { failedAddresses } = await import('../../src/modules/notifications/notifications.tables.ts');
    await t.services.database.db.insert(failedAddresses).values({
      sellerId: seller.sellerId,
      channel: 'email',
      address: 'ops@example.com',
      reason: 'mailbox_full',
      evidence: '552 5.2.2 mailbox full',
      failedAt: t.clock.now(),
    });
    const r = await api('GET', '/api/notifications/failed-addresses');
    expect(r.status, r.text).toBe(200);
    expect(r.json.failedAddresses).toEqual([
      expect.objectContaining({
        code: 'EMAIL_DELIVERY_FAILED',
        address: 'ops@example.com',
        reason: 'mailbox_full',
        reasonText: expect.any(String),
        evidence: '552 5.2.2 mailbox full',
      }),
    ]);
    expect((await rows()).body.failedAddresses).toHaveLength(1);
    // Another seller sees nothing of it.
    expect(
      (await api('GET', '/api/notifications/failed-addresses', undefined, itWeb)).json.failedAddresses,
    ).toEqual([]);

    const reset = await api('POST', '/api/notifications/failed-addresses/reset', {
      channel: 'email',
      address: 'ops@example.com',
    });
    expect(reset.status, reset.text).toBe(200);
    expect((await api('GET', '/api/notifications/failed-addresses')).json.failedAddresses).toEqual([]);
    const again = await api('POST', '/api/notifications/failed-addresses/reset', {
      channel: 'email',
      address: 'ops@example.com',
    });
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('FAILED_ADDRESS_NOT_FOUND');
  });
});

describe("the seller API for a seller's own tools (LWA token, no operator key)", () => {
  it('reads and saves the same preferences with an access token', async () => {
    const token = await spApiToken(t, italian);
    const h = { 'x-amz-access-token': token };
    expect((await t.request('GET', '/mercato/notifications/v1/preferences')).status).toBe(401);
    const r = await t.request('GET', '/mercato/notifications/v1/preferences', { headers: h });
    expect(r.status, r.text).toBe(200);
    const bad = await t.request('PUT', '/mercato/notifications/v1/preferences/order.canceled', {
      headers: h,
      body: { ...base, emails: ['nope'] },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['emails.0:INVALID_EMAIL']);
    const ok = await t.request('PUT', '/mercato/notifications/v1/preferences/order.canceled', {
      headers: h,
      body: { ...base, emails: ['tools@example.it'], phones: ['02 1234 5678'] },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.preference.updatedBy).toBe(`app:${italian.appId}`);
    // The web page sees what the tool saved.
    const row = (await rows(itWeb)).byType.get('order.canceled') as TypeView;
    expect(row.preference).toMatchObject({ emails: ['tools@example.it'], phones: ['+390212345678'] });
  });
});

describe('OpenAPI (API-3)', () => {
  it('documents the preferences routes', async () => {
    const doc = (await t.request('GET', '/openapi.json')).json;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/notifications/preferences',
        '/api/notifications/preferences/{type}',
        '/api/notifications/webhooks',
        '/api/notifications/webhooks/{id}',
        '/api/notifications/failed-addresses',
        '/api/notifications/failed-addresses/reset',
      ]),
    );
  });
});
