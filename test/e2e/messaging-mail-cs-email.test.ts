// MSG-3: the Customer Service Reply-to address over the seller web API with real SMTP: setting it
// sends a one-time verification link (token stored hashed, 48 h), the public verify endpoint
// verifies it once, an expired or superseded link is refused, and changing the address
// un-verifies it.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/platform/mail/mailer.ts';
import { customerServiceEmailVerifications } from '../../src/modules/messaging/messaging.tables.ts';
import { createSeller, type TestSeller, webLogin } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const received: { to: string[]; raw: string }[] = [];
let sink: SMTPServer;
let t: TestApp;
let seller: TestSeller;
let web: Record<string, string>;

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
  const port = (sink.server.address() as AddressInfo).port;
  t = await startTestApp({
    mailer: createSmtpMailer(`smtp://127.0.0.1:${port}`, 2, 'Mercato <no-reply@mercato.test>'),
    env: { PUBLIC_URL: 'https://central.mercato.test' },
    workers: false,
  });
  seller = await createSeller(t);
  web = await webLogin(t, seller.email);
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((r) => sink.close(() => r()));
});
beforeEach(() => {
  received.length = 0;
});

const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = web) =>
  t.request(method, path, { body, headers });

async function linkTokenSentTo(address: string): Promise<string> {
  const mail = received.find((m) => m.to.includes(address));
  expect(mail, `a verification mail to ${address}`).toBeDefined();
  const parsed = await simpleParser(mail?.raw ?? '');
  const m = /https:\/\/central\.mercato\.test\/verify-email\?token=([A-Za-z0-9_%-]+)/.exec(parsed.text ?? '');
  expect(m).not.toBeNull();
  return decodeURIComponent(m?.[1] ?? '');
}

describe('Customer Service Reply-to address (MSG-3)', () => {
  it('needs a seller session (and CSRF to change it)', async () => {
    expect((await t.request('GET', '/api/settings/customer-service-email')).status).toBe(401);
    const noCsrf = await t.request('PUT', '/api/settings/customer-service-email', {
      body: { email: 'cs@shop.example' },
      headers: { cookie: web.cookie as string },
    });
    expect(noCsrf.status).toBe(403);
  });

  it('sends a one-time link, verifies once, stores only the hash', async () => {
    const put = await api('PUT', '/api/settings/customer-service-email', { email: ' CS@Shop.example ' });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({ email: 'cs@shop.example', verified: false });
    expect(put.json.verificationSentAt).toBeTypeOf('string');
    const token = await linkTokenSentTo('cs@shop.example');
    const rows = await t.services.database.db.select().from(customerServiceEmailVerifications);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);

    const v = await t.request('POST', '/api/public/customer-service-email/verify', { body: { token } });
    expect(v.status, v.text).toBe(200);
    expect(v.json).toEqual({ email: 'cs@shop.example', verified: true });
    expect((await api('GET', '/api/settings/customer-service-email')).json).toMatchObject({
      email: 'cs@shop.example',
      verified: true,
    });
    const again = await t.request('POST', '/api/public/customer-service-email/verify', { body: { token } });
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe('VERIFICATION_USED');
    // Saving the same address keeps the verification and sends nothing.
    received.length = 0;
    expect(
      (await api('PUT', '/api/settings/customer-service-email', { email: 'cs@shop.example' })).json.verified,
    ).toBe(true);
    expect(received).toEqual([]);
  });

  it('changing the address un-verifies it; the old link no longer verifies anything', async () => {
    await api('PUT', '/api/settings/customer-service-email', { email: 'first@shop.example' });
    const oldToken = await linkTokenSentTo('first@shop.example');
    const put = await api('PUT', '/api/settings/customer-service-email', { email: 'second@shop.example' });
    expect(put.json).toMatchObject({ email: 'second@shop.example', verified: false });
    const stale = await t.request('POST', '/api/public/customer-service-email/verify', {
      body: { token: oldToken },
    });
    expect(stale.status).toBe(400);
    expect(stale.json.error.code).toBe('VERIFICATION_SUPERSEDED');
    expect((await api('GET', '/api/settings/customer-service-email')).json.verified).toBe(false);
  });

  it('a link expires after 48 hours; resend sends a fresh one', async () => {
    received.length = 0;
    await api('PUT', '/api/settings/customer-service-email', { email: 'late@shop.example' });
    const token = await linkTokenSentTo('late@shop.example');
    t.clock.advance(48 * 3600_000 + 1000);
    const expired = await t.request('POST', '/api/public/customer-service-email/verify', { body: { token } });
    expect(expired.status).toBe(400);
    expect(expired.json.error.code).toBe('VERIFICATION_EXPIRED');
    received.length = 0;
    expect((await api('POST', '/api/settings/customer-service-email/resend')).status).toBe(200);
    const fresh = await linkTokenSentTo('late@shop.example');
    expect(
      (await t.request('POST', '/api/public/customer-service-email/verify', { body: { token: fresh } }))
        .status,
    ).toBe(200);
  });

  it('refuses what is not an address and an unknown token', async () => {
    const bad = await api('PUT', '/api/settings/customer-service-email', { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('INVALID_EMAIL');
    const unknown = await t.request('POST', '/api/public/customer-service-email/verify', {
      body: { token: 'nope' },
    });
    expect(unknown.status).toBe(404);
  });
});
