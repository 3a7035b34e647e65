// The SMS adapter against a local HTTP "provider" of the test's own that records each call and
// answers what the test says (NTF-6).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryToSend } from './channel.ts';
import { createSmsChannel, SMS_MAX_CHARS, smsText } from './sms-channel.ts';

type Call = { headers: Record<string, string | string[] | undefined>; body: { to: string; text: string } };

let server: Server;
let url: string;
const calls: Call[] = [];
let answer: { status: number; delayMs?: number } = { status: 200 };

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      calls.push({ headers: req.headers, body: JSON.parse(raw) });
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sms-${calls.length}` }));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function delivery(text = 'Order 503-1234567-1234567: 2 items to ship'): DeliveryToSend {
  return {
    deliveryId: 'dlv_01SMS',
    sellerId: 'sel_1',
    address: '+819012345678',
    idempotencyKey: 'evt_1:sms:+819012345678',
    notification: {
      id: 'ntf_1',
      eventId: 'evt_1',
      type: 'emergency.contact',
      severity: 'critical',
      data: {},
      createdAt: new Date('2026-11-20T00:00:00Z'),
    },
    rendered: { language: 'en', subject: 'New order', text, html: '<p>x</p>' },
  };
}

describe('SMS channel (HTTP provider)', () => {
  it('is absent when no provider URL is configured (deliveries are skipped: sms_not_configured)', () => {
    expect(createSmsChannel({ providerUrl: undefined, providerToken: 'x' })).toBeNull();
  });

  it('POSTs {to, text} with the token and the delivery id as idempotency key', async () => {
    calls.length = 0;
    answer = { status: 202 };
    const sms = createSmsChannel({ providerUrl: url, providerToken: 'tok-123' });
    const outcome = await sms?.send(delivery());
    expect(outcome).toEqual({ ok: true, code: 202 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toEqual({
      to: '+819012345678',
      text: 'Order 503-1234567-1234567: 2 items to ship',
    });
    expect(calls[0]?.headers.authorization).toBe('Bearer tok-123');
    expect(calls[0]?.headers['idempotency-key']).toBe('dlv_01SMS');
    expect(calls[0]?.headers['content-type']).toBe('application/json');
  });

  it('a refused number (4xx) is permanent; 5xx and 429 are temporary', async () => {
    const sms = createSmsChannel({ providerUrl: url, providerToken: undefined });
    answer = { status: 400 };
    expect(await sms?.send(delivery())).toMatchObject({ ok: false, permanent: true, code: 400 });
    answer = { status: 503 };
    expect(await sms?.send(delivery())).toMatchObject({ ok: false, permanent: false, code: 503 });
    answer = { status: 429 };
    expect(await sms?.send(delivery())).toMatchObject({ ok: false, permanent: false, code: 429 });
    expect(calls.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('a provider slower than the timeout is a temporary failure', async () => {
    answer = { status: 200, delayMs: 500 };
    const sms = createSmsChannel({ providerUrl: url, providerToken: undefined, timeoutMs: 100 });
    expect(await sms?.send(delivery())).toMatchObject({ ok: false, permanent: false, error: /in time/ });
  });

  it('an unreachable provider is a temporary failure', async () => {
    const sms = createSmsChannel({ providerUrl: 'http://127.0.0.1:1/none', providerToken: undefined });
    expect(await sms?.send(delivery())).toMatchObject({ ok: false, permanent: false, error: /reached/ });
  });

  it('cuts a long text to what one SMS can carry', () => {
    const t = smsText(delivery('x'.repeat(5000)));
    expect(t).toHaveLength(SMS_MAX_CHARS);
    expect(t.endsWith('…')).toBe(true);
  });
});
