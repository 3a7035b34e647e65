// Authentication on every front door: the LWA token endpoint (grants and LWA errors), SP-API
// access tokens (expiry, tampering, usage plans), web sessions (cookie, throttling, CSRF, logout)
// and operator keys on the marketplace API.
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

const EXPIRED_BODY = {
  errors: [
    {
      code: 'Unauthorized',
      message: 'Access to requested resource is denied.',
      details: 'The access token you provided has expired.',
    },
  ],
};
const QUOTA_BODY = {
  errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }],
};

let t: TestApp;
let key: string;

beforeAll(async () => {
  // Usage plans on (Amazon's defaults), with a tiny bucket for getOrderBuyerInfo to exhaust.
  t = await startTestApp({ env: { SPAPI_RATE_LIMITS: '{"getOrderBuyerInfo":{"rate":0.5,"burst":2}}' } });
  key = await operatorKey(t);
});
afterAll(() => t?.close());

const lwa = (body: Record<string, string>) => t.request('POST', '/auth/o2/token', { body });
const lwaForm = (form: Record<string, string>) => t.request('POST', '/auth/o2/token', { form });
const refreshGrant = (s: Pick<TestSeller, 'clientId' | 'clientSecret'>, refreshToken: string) =>
  lwa({
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: s.clientId,
    client_secret: s.clientSecret,
  });
const sp = (token: string, path: string) =>
  t.request('GET', path, { headers: { 'x-amz-access-token': token } });
const listOrders = (token: string, s: TestSeller) =>
  sp(token, `/orders/v0/orders?MarketplaceIds=${s.marketplaceId}&CreatedAfter=2026-11-01T00:00:00Z`);

describe('LWA token endpoint POST /auth/o2/token', () => {
  let seller: TestSeller;
  beforeAll(async () => {
    seller = await createSeller(t);
  });

  it('exchanges a refresh token sent as JSON for a working bearer access token', async () => {
    const r = await refreshGrant(seller, seller.refreshToken);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.json).toEqual({
      access_token: expect.stringMatching(/^Atza\|/),
      token_type: 'bearer',
      expires_in: 3600,
    });
    const list = await listOrders(r.json.access_token, seller);
    expect(list.status).toBe(200);
    expect(list.json.payload.Orders).toEqual([]);
  });

  it('accepts the same grant form-encoded', async () => {
    const r = await lwaForm({
      grant_type: 'refresh_token',
      refresh_token: seller.refreshToken,
      client_id: seller.clientId,
      client_secret: seller.clientSecret,
    });
    expect(r.status).toBe(200);
    expect(r.json.access_token).toMatch(/^Atza\|/);
    expect((await listOrders(r.json.access_token, seller)).status).toBe(200);
  });

  it('issues a grantless client_credentials token that getOrders refuses (no seller behind it)', async () => {
    const r = await lwa({
      grant_type: 'client_credentials',
      scope: 'sellingpartnerapi::notifications',
      client_id: seller.clientId,
      client_secret: seller.clientSecret,
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      access_token: expect.stringMatching(/^Atza\|/),
      token_type: 'bearer',
      expires_in: 3600,
    });
    const list = await listOrders(r.json.access_token, seller);
    expect(list.status).toBe(403);
    expect(list.json.errors).toHaveLength(1);
    expect(list.json.errors[0]).toMatchObject({
      code: 'Unauthorized',
      message: 'Access to requested resource is denied.',
    });
    // Not the "expired" details: amazon-sp-api would refresh and retry forever.
    expect(list.json.errors[0].details).not.toMatch(/access token.*expired/);

    // Several scopes, space-separated (@sp-api-sdk/auth), are accepted; an unknown one is not.
    const both = await lwaForm({
      grant_type: 'client_credentials',
      scope: 'sellingpartnerapi::notifications sellingpartnerapi::client_credential:rotation',
      client_id: seller.clientId,
      client_secret: seller.clientSecret,
    });
    expect(both.status).toBe(200);
    const unknown = await lwa({
      grant_type: 'client_credentials',
      scope: 'sellingpartnerapi::everything',
      client_id: seller.clientId,
      client_secret: seller.clientSecret,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toBe('invalid_scope');
  });

  it('exchanges a website authorization code once, for a refresh token and an access token', async () => {
    const web = await webLogin(t, seller.email);
    const issued = await t.request('POST', `/api/settings/apps/${seller.appId}/authorization-code`, {
      headers: web,
    });
    expect(issued.status).toBe(201);
    const code = issued.json.code as string;
    expect(code).toBeTruthy();
    const grant = {
      grant_type: 'authorization_code',
      code,
      client_id: seller.clientId,
      client_secret: seller.clientSecret,
    };

    const r = await lwa(grant);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      access_token: expect.stringMatching(/^Atza\|/),
      refresh_token: expect.stringMatching(/^Atzr\|/),
      token_type: 'bearer',
      expires_in: 3600,
    });
    expect(r.json.refresh_token).not.toBe(seller.refreshToken);
    expect((await listOrders(r.json.access_token, seller)).status).toBe(200);
    expect((await refreshGrant(seller, r.json.refresh_token)).status).toBe(200);

    const again = await lwa(grant);
    expect(again.status).toBe(400);
    expect(again.json).toEqual({
      error: 'invalid_grant',
      error_description: expect.stringContaining('code'),
    });
  });

  it('refuses an authorization code after its five minutes', async () => {
    const web = await webLogin(t, seller.email);
    const { code } = (
      await t.request('POST', `/api/settings/apps/${seller.appId}/authorization-code`, { headers: web })
    ).json;
    t.clock.advance(5 * 60_000 + 1000);
    const r = await lwa({
      grant_type: 'authorization_code',
      code,
      client_id: seller.clientId,
      client_secret: seller.clientSecret,
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('invalid_grant');
  });

  it('answers invalid_client (401) for a wrong client secret or an unknown client id', async () => {
    const wrong = await refreshGrant(
      { clientId: seller.clientId, clientSecret: 'not-the-secret' },
      seller.refreshToken,
    );
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    expect(wrong.json.access_token).toBeUndefined();
    const unknown = await refreshGrant(
      { clientId: 'amzn1.application-oa2-client.unknown', clientSecret: seller.clientSecret },
      seller.refreshToken,
    );
    expect(unknown.status).toBe(401);
    expect(unknown.json.error).toBe('invalid_client');
  });

  it('answers invalid_grant (400) for an unknown refresh token', async () => {
    const r = await refreshGrant(seller, 'Atzr|no-such-refresh-token');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      error: 'invalid_grant',
      error_description: 'The request has an invalid grant parameter : refresh_token',
    });
  });

  it('answers invalid_grant once the seller revokes the authorization; other authorizations keep working', async () => {
    const web = await webLogin(t, seller.email);
    const created = await t.request('POST', `/api/settings/apps/${seller.appId}/authorizations`, {
      headers: web,
    });
    expect(created.status).toBe(201);
    const { id: authId, refreshToken } = created.json.authorization as { id: string; refreshToken: string };
    expect((await refreshGrant(seller, refreshToken)).status).toBe(200);

    const revoked = await t.request('DELETE', `/api/settings/apps/${seller.appId}/authorizations/${authId}`, {
      headers: web,
    });
    expect(revoked.status).toBe(204);

    const refused = await refreshGrant(seller, refreshToken);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe('invalid_grant');
    expect((await refreshGrant(seller, seller.refreshToken)).status).toBe(200);
    const twice = await t.request('DELETE', `/api/settings/apps/${seller.appId}/authorizations/${authId}`, {
      headers: web,
    });
    expect(twice.status).toBe(404);
  });

  it('answers unsupported_grant_type for other grants', async () => {
    const r = await lwa({
      grant_type: 'password',
      username: seller.email,
      password: PASSWORD,
      client_id: seller.clientId,
      client_secret: seller.clientSecret,
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('unsupported_grant_type');
    expect(r.json.access_token).toBeUndefined();
  });

  it('answers invalid_request naming the missing parameter', async () => {
    const noRefresh = await lwa({
      grant_type: 'refresh_token',
      client_id: seller.clientId,
      client_secret: seller.clientSecret,
    });
    expect(noRefresh.status).toBe(400);
    expect(noRefresh.json).toEqual({
      error: 'invalid_request',
      error_description: expect.stringContaining('refresh_token'),
    });
    const noSecret = await lwaForm({
      grant_type: 'refresh_token',
      refresh_token: seller.refreshToken,
      client_id: seller.clientId,
    });
    expect(noSecret.status).toBe(400);
    expect(noSecret.json.error).toBe('invalid_request');
    expect(noSecret.json.error_description).toContain('client_secret');
    const noScope = await lwa({
      grant_type: 'client_credentials',
      client_id: seller.clientId,
      client_secret: seller.clientSecret,
    });
    expect(noScope.status).toBe(400);
    expect(noScope.json.error_description).toContain('scope');
    const garbage = await t.request('POST', '/auth/o2/token', {
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(garbage.status).toBe(400);
    expect(garbage.json.error).toBe('invalid_request');
  });
});

describe('SP-API access tokens', () => {
  it('are accepted until ACCESS_TOKEN_TTL_SECONDS, then refused with the "expired" 403 that clients refresh on', async () => {
    const seller = await createSeller(t);
    const token = await spApiToken(t, seller);
    t.clock.advance(3599 * 1000);
    expect((await listOrders(token, seller)).status).toBe(200);
    t.clock.advance(2000);
    const r = await listOrders(token, seller);
    expect(r.status).toBe(403);
    expect(r.json).toEqual(EXPIRED_BODY);
    expect(r.headers.get('x-amzn-RequestId')).toBeTruthy();
    // A fresh token from the same refresh token works again.
    expect((await listOrders(await spApiToken(t, seller), seller)).status).toBe(200);
  });

  it('refuses a tampered token (claims changed to another seller, or signature altered) with 403', async () => {
    const victim = await createSeller(t);
    const attacker = await createSeller(t);
    await placeOrder(t, key, victim);
    t.clock.advance(10 * 60_000);
    const token = await spApiToken(t, attacker);
    const [body, sig] = token.slice('Atza|'.length).split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    expect(claims.seller).toBe(attacker.sellerId);
    const forged = `Atza|${Buffer.from(JSON.stringify({ ...claims, seller: victim.sellerId })).toString('base64url')}.${sig}`;
    const flipped = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;

    for (const bad of [forged, flipped, 'Atza|garbage', 'not-a-token']) {
      const r = await listOrders(bad, victim);
      expect(r.status, bad).toBe(403);
      expect(r.json.errors[0]).toMatchObject({
        code: 'Unauthorized',
        message: 'Access to requested resource is denied.',
      });
      expect(r.json.errors[0].details).not.toMatch(/access token.*expired/);
      expect(JSON.stringify(r.json)).not.toContain('Orders');
    }
    // The genuine token still only sees the attacker's (empty) order list.
    const own = await listOrders(token, victim);
    expect(own.status).toBe(200);
    expect(own.json.payload.Orders).toEqual([]);
  });

  it('answers 429 QuotaExceeded with x-amzn-RateLimit-Limit and x-amzn-RequestId once the burst is used', async () => {
    const seller = await createSeller(t);
    const other = await createSeller(t);
    const { amazonOrderId } = await placeOrder(t, key, seller);
    const token = await spApiToken(t, seller);
    const path = `/orders/v0/orders/${amazonOrderId}/buyerInfo`;

    const statuses = [];
    for (let i = 0; i < 2; i++) {
      const ok = await sp(token, path);
      statuses.push(ok.status);
      expect(ok.headers.get('x-amzn-RateLimit-Limit')).toBe('0.5');
    }
    expect(statuses).toEqual([200, 200]);
    const r = await sp(token, path);
    expect(r.status).toBe(429);
    expect(r.json).toEqual(QUOTA_BODY);
    expect(r.headers.get('x-amzn-RateLimit-Limit')).toBe('0.5');
    const requestId = r.headers.get('x-amzn-RequestId');
    expect(requestId).toBeTruthy();
    const next = await sp(token, path);
    expect(next.status).toBe(429);
    expect(next.headers.get('x-amzn-RequestId')).not.toBe(requestId); // one id per request
    // The bucket is per selling partner and application: another seller is not throttled.
    const otherOrder = await placeOrder(t, key, other);
    const o = await sp(await spApiToken(t, other), `/orders/v0/orders/${otherOrder.amazonOrderId}/buyerInfo`);
    expect(o.status).toBe(200);
  });
});

describe('web sessions', () => {
  it('sets an HttpOnly, SameSite session cookie on sign-in and returns the CSRF token', async () => {
    const seller = await createSeller(t);
    const r = await t.request('POST', '/api/session', { body: { email: seller.email, password: PASSWORD } });
    expect(r.status).toBe(200);
    const setCookie = r.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^mercato_session=[^;]+;/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Path=\//i);
    const cookieValue = setCookie.split(';')[0]?.split('=')[1] ?? '';
    expect(r.text).not.toContain(cookieValue); // the session token is never readable by scripts
    expect(r.json.user).toMatchObject({ email: seller.email, role: 'seller', sellerId: seller.sellerId });
    expect(r.json.csrfToken).toBeTruthy();

    const me = await t.request('GET', '/api/session', { headers: { cookie: setCookie.split(';')[0] ?? '' } });
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe(seller.email);
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS and no cookie', async () => {
    const seller = await createSeller(t);
    const r = await t.request('POST', '/api/session', { body: { email: seller.email, password: 'wrong' } });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('INVALID_CREDENTIALS');
    expect(r.headers.get('set-cookie')).toBeNull();
    const nobody = await t.request('POST', '/api/session', {
      body: { email: 'nobody@example.test', password: PASSWORD },
    });
    expect(nobody.status).toBe(401);
    expect(nobody.json.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('throttles the 6th failed attempt for an email (429), even with the right password, until the window passes', async () => {
    const seller = await createSeller(t);
    const attempt = (password: string, email = seller.email) =>
      t.request('POST', '/api/session', { body: { email, password } });
    for (let i = 0; i < 5; i++) {
      const r = await attempt(`wrong-${i}`);
      expect(r.status, `attempt ${i + 1}`).toBe(401);
      expect(r.json.error.code).toBe('INVALID_CREDENTIALS');
    }
    const sixth = await attempt('wrong-6');
    expect(sixth.status).toBe(429);
    expect(sixth.json.error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    const right = await attempt(PASSWORD);
    expect(right.status).toBe(429);
    expect(right.json.error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(right.headers.get('set-cookie')).toBeNull();
    const shouting = await attempt(PASSWORD, seller.email.toUpperCase());
    expect(shouting.status).toBe(429);

    // Another account is not affected.
    const bystander = await createSeller(t);
    expect((await attempt(PASSWORD, bystander.email)).status).toBe(200);

    t.clock.advance(15 * 60_000 + 1000);
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('refuses a state-changing request without the x-csrf-token header (403 CSRF_TOKEN_INVALID)', async () => {
    const seller = await createSeller(t);
    const web = await webLogin(t, seller.email);
    const cookieOnly = { cookie: web.cookie ?? '' };

    const missing = await t.request('POST', '/api/settings/apps', {
      body: { name: 'CSRF' },
      headers: cookieOnly,
    });
    expect(missing.status).toBe(403);
    expect(missing.json.error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await t.request('POST', '/api/settings/apps', {
      body: { name: 'CSRF' },
      headers: { ...cookieOnly, 'x-csrf-token': 'forged' },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe('CSRF_TOKEN_INVALID');
    const logout = await t.request('DELETE', '/api/session', { headers: cookieOnly });
    expect(logout.status).toBe(403);

    // Nothing was written; reads need no token; with the token the same request works.
    const apps = await t.request('GET', '/api/settings/apps', { headers: cookieOnly });
    expect(apps.status).toBe(200);
    expect(apps.json.apps.map((a: { name: string }) => a.name)).not.toContain('CSRF');
    const ok = await t.request('POST', '/api/settings/apps', { body: { name: 'CSRF' }, headers: web });
    expect(ok.status).toBe(201);
  });

  it('logs out: the old cookie no longer opens a session', async () => {
    const seller = await createSeller(t);
    const web = await webLogin(t, seller.email);
    expect((await t.request('GET', '/api/orders', { headers: web })).status).toBe(200);
    const out = await t.request('DELETE', '/api/session', { headers: web });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(
      /^mercato_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i,
    );

    const me = await t.request('GET', '/api/session', { headers: web });
    expect(me.status).toBe(401);
    expect(me.json.error.code).toBe('UNAUTHENTICATED');
    const orders = await t.request('GET', '/api/orders', { headers: web });
    expect(orders.status).toBe(401);
  });
});

describe('marketplace API operator keys', () => {
  it('refuses requests without, or with a wrong, operator key (401 INVALID_API_KEY)', async () => {
    const seller = await createSeller(t);
    const body = orderBody(seller);
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer mko_not-a-real-key' },
      { authorization: `Basic ${Buffer.from(`x:${key}`).toString('base64')}` },
      { authorization: key },
    ];
    for (const headers of attempts) {
      const r = await t.request('POST', '/marketplace/v1/orders', { body, headers });
      expect(r.status, JSON.stringify(headers)).toBe(401);
      expect(r.json.error.code).toBe('INVALID_API_KEY');
    }
    expect(
      (await t.services.orders.repo.listForSeller({ sellerId: seller.sellerId, limit: 10, offset: 0 })).total,
    ).toBe(0);

    const ok = await t.request('POST', '/marketplace/v1/orders', {
      body,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(ok.status).toBe(201);
  });
});
