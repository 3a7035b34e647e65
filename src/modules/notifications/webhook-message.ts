// NTF-6 webhooks, the wire format of Standard Webhooks v1 (reference/notifications.md §3.1):
// a JSON body `{type, timestamp, data}`, the headers `webhook-id` (stable across retries: the
// receiver's idempotency key), `webhook-timestamp` (Unix seconds of this attempt) and
// `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the endpoint's
// `whsec_` secret), signed by the `standardwebhooks` package so it matches what receivers verify.
// And what an answer means: 2xx delivered, 410 gone for good, anything else worth a retry.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { SendOutcome } from './channel.ts';

export type WebhookHeaders = {
  'content-type': 'application/json';
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** A new endpoint secret: `whsec_` + base64 of 32 random bytes (the spec allows 24–64). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The body the spec recommends. `type` is the catalogue id, e.g. `order.new`. */
export function webhookBody(type: string, timestamp: Date, data: unknown): string {
  return JSON.stringify({ type, timestamp: timestamp.toISOString(), data });
}

/**
 * Signs the exact bytes sent. `id` must not contain a full stop (the spec joins the signed
 * parts with them); delivery ids never do.
 */
export function signWebhook(secret: string, id: string, at: Date, body: string): WebhookHeaders {
  if (id.includes('.')) throw new Error('webhook-id must not contain "."');
  // The library signs whole seconds; the timestamp header must be the same second.
  const second = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(second.getTime() / 1000),
    'webhook-signature': new Webhook(secret).sign(id, second, body),
  };
}

/** Why an attempt did not reach a 2xx answer. */
export type WebhookAttempt = { status: number } | { timeout: true } | { networkError: string };

/**
 * What the answer means (NTF-6, Standard Webhooks "Delivery"): 2xx = delivered; 410 Gone = the
 * receiver says the endpoint is gone, so stop for good (and disable the endpoint); 3xx (redirects
 * are not followed), 429, 5xx, other 4xx, timeouts and refused connections = try again later on
 * the retry schedule (a receiver that is misconfigured today may be fixed tomorrow).
 */
export function classifyWebhookAttempt(a: WebhookAttempt): SendOutcome {
  if ('timeout' in a) return { ok: false, permanent: false, error: 'The endpoint did not answer in time.' };
  if ('networkError' in a)
    return { ok: false, permanent: false, error: `The endpoint could not be reached: ${a.networkError}` };
  if (a.status >= 200 && a.status < 300) return { ok: true, code: a.status };
  if (a.status === 410) {
    return {
      ok: false,
      permanent: true,
      code: 410,
      error: 'The endpoint answered 410 Gone: it no longer accepts webhooks.',
    };
  }
  return { ok: false, permanent: false, code: a.status, error: `The endpoint answered HTTP ${a.status}.` };
}

/** Is this outcome the 410 that disables an endpoint? */
export function isEndpointGone(o: SendOutcome): boolean {
  return !o.ok && o.permanent && o.code === 410;
}
