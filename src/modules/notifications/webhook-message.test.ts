import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  classifyWebhookAttempt,
  generateWebhookSecret,
  isEndpointGone,
  signWebhook,
  webhookBody,
} from './webhook-message.ts';

describe('Standard Webhooks signing (NTF-6)', () => {
  it('produces headers the standardwebhooks verifier accepts', () => {
    const secret = generateWebhookSecret();
    const now = new Date();
    const body = webhookBody('order.new', now, { amazonOrderId: '503-1234567-1234567' });
    const headers = signWebhook(secret, 'dlv_01ABC', now, body);
    expect(headers['webhook-id']).toBe('dlv_01ABC');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual({
      type: 'order.new',
      timestamp: now.toISOString(),
      data: { amazonOrderId: '503-1234567-1234567' },
    });
  });

  it('a tampered body or another secret fails verification', () => {
    const secret = generateWebhookSecret();
    const now = new Date();
    const body = webhookBody('order.new', now, { n: 1 });
    const headers = signWebhook(secret, 'dlv_1', now, body);
    expect(() => new Webhook(secret).verify(body.replace('1', '2'), headers)).toThrow(/signature/i);
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow(/signature/i);
  });

  it('secrets are whsec_ and 32 random bytes, different each time', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(a);
  });

  it('refuses an id with a full stop (the signed parts are joined with them)', () => {
    expect(() => signWebhook(generateWebhookSecret(), 'a.b', new Date(0), '{}')).toThrow(/webhook-id/);
  });
});

describe('what a webhook answer means', () => {
  it.each([
    [{ status: 200 }, true, undefined],
    [{ status: 204 }, true, undefined],
    [{ status: 410 }, false, true],
    [{ status: 429 }, false, false],
    [{ status: 500 }, false, false],
    [{ status: 503 }, false, false],
    [{ status: 301 }, false, false],
    [{ status: 404 }, false, false],
    [{ timeout: true as const }, false, false],
    [{ networkError: 'ECONNREFUSED' }, false, false],
  ])('%j → ok=%s permanent=%s', (attempt, ok, permanent) => {
    const o = classifyWebhookAttempt(attempt);
    expect(o.ok).toBe(ok);
    if (!o.ok) {
      expect(o.permanent).toBe(permanent);
      expect(o.error).toMatch(/endpoint/);
    }
  });

  it('only 410 disables the endpoint', () => {
    expect(isEndpointGone(classifyWebhookAttempt({ status: 410 }))).toBe(true);
    expect(isEndpointGone(classifyWebhookAttempt({ status: 500 }))).toBe(false);
    expect(isEndpointGone(classifyWebhookAttempt({ status: 200 }))).toBe(false);
  });
});
