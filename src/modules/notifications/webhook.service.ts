// NTF-6 webhook channel: signs each delivery with Standard Webhooks (webhook-message.ts), POSTs it
// with a short timeout (webhook-post.ts) and reports the outcome to the send worker, which retries
// temporary failures on the Svix schedule (webhook-retry.ts). A 410 Gone disables the endpoint
// and tells the seller (an `account.delivery_failure` event in the same transaction, NTF-7/9).
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ChannelAdapter, DeliveryToSend, SendOutcome } from './channel.ts';
import { publishEvent } from './notifications.service.ts';
import { checkWebhookUrl, isPublicAddress, privateRefusal } from './preferences-webhook-url.ts';
import { classifyWebhookAttempt, isEndpointGone, signWebhook, webhookBody } from './webhook-message.ts';
import { postWebhook, WEBHOOK_TIMEOUT_MS } from './webhook-post.ts';
import { createWebhookRepository } from './webhook.repository.ts';

export type WebhookChannelDeps = {
  db: Db;
  /** Business time (when the seller was told). */
  clock: Clock;
  /** Security time: `webhook-timestamp` must be real time, receivers allow ±5 minutes. */
  realClock: Clock;
  allowPrivateWebhooks: boolean;
  timeoutMs?: number;
  /** DNS resolution of a webhook host (injected so tests can run without DNS). */
  resolveHost?: (host: string) => Promise<string[]>;
};

const dnsResolve = async (host: string) => {
  const { lookup } = await import('node:dns/promises');
  return (await lookup(host, { all: true })).map((a) => a.address);
};

/** Re-checks the URL before each send: a name may resolve into the private network later (SSRF). */
export async function webhookTargetRefusal(
  url: string,
  allowPrivate: boolean,
  resolveHost: (host: string) => Promise<string[]> = dnsResolve,
): Promise<string | null> {
  const v = checkWebhookUrl(url, allowPrivate);
  if (!v.ok) return v.message;
  if (allowPrivate || v.literalIp) return null;
  const addresses = await resolveHost(v.host).catch(() => [] as string[]);
  if (addresses.length === 0) return null; // unresolvable: the POST fails as a temporary error
  return addresses.every(isPublicAddress) ? null : privateRefusal().message;
}

export function createWebhookChannel(d: WebhookChannelDeps): ChannelAdapter {
  const repo = createWebhookRepository(d.db);

  async function disableGone(delivery: DeliveryToSend, url: string, outcome: SendOutcome) {
    await d.db.transaction(async (tx) => {
      const reason = 'The endpoint answered 410 Gone.';
      const changed = await repo.disable(tx, delivery.sellerId, delivery.address, reason);
      if (!changed) return; // already disabled by a concurrent delivery: the seller was told
      await publishEvent(tx, {
        sellerId: delivery.sellerId,
        type: 'account.delivery_failure',
        dedupeKey: `webhook-gone:${delivery.sellerId}:${delivery.address}:${delivery.deliveryId}`,
        payload: {
          channel: 'webhook',
          endpointId: delivery.address,
          address: url,
          reason: 'endpoint_gone',
          evidence: outcome.ok ? null : outcome.error,
          notificationType: delivery.notification.type,
        },
        occurredAt: d.clock.now(),
      });
    });
  }

  return {
    async send(delivery) {
      const endpoint = await repo.endpoint(delivery.sellerId, delivery.address);
      if (!endpoint) {
        return { ok: false, permanent: true, error: 'The webhook endpoint no longer exists.' };
      }
      if (endpoint.status !== 'active') {
        return {
          ok: false,
          permanent: true,
          error: `The webhook endpoint is disabled${endpoint.disabledReason ? `: ${endpoint.disabledReason}` : '.'}`,
        };
      }
      const refusal = await webhookTargetRefusal(endpoint.url, d.allowPrivateWebhooks, d.resolveHost);
      if (refusal) return { ok: false, permanent: true, error: refusal };
      const n = delivery.notification;
      const body = webhookBody(n.type, n.createdAt, {
        notificationId: n.id,
        severity: n.severity,
        ...n.data,
      });
      // webhook-id = the delivery id: the same on every retry, so receivers can drop duplicates.
      const headers = signWebhook(endpoint.secret, delivery.deliveryId, d.realClock.now(), body);
      const attempt = await postWebhook(endpoint.url, headers, body, d.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
      const outcome = classifyWebhookAttempt(attempt);
      if (isEndpointGone(outcome)) await disableGone(delivery, endpoint.url, outcome);
      return outcome;
    },
  };
}
