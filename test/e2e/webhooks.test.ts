// NTF-6 webhook channel against a real receiver that verifies signatures with the
// `standardwebhooks` package: signed delivery, webhook-id stable per delivery, 410 disables the
// endpoint and tells the seller (account.delivery_failure in the outbox), 5xx and a slow endpoint
// are temporary. The app's clock is real time: receivers allow ±5 minutes on webhook-timestamp.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryToSend } from '../../src/modules/notifications/index.ts';
import { createWebhookChannel } from '../../src/modules/notifications/index.ts';
import { domainEvents, webhookEndpoints } from '../../src/modules/notifications/notifications.tables.ts';
import { generateWebhookSecret } from '../../src/modules/notifications/webhook-message.ts';
import { createSeller, type TestSeller } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

let t: TestApp;
let rx: WebhookReceiver;
let seller: TestSeller;
let n = 0;

beforeAll(async () => {
  t = await startTestApp({ now: new Date().toISOString(), workers: false });
  rx = await startWebhookReceiver();
  seller = await createSeller(t);
});
afterAll(async () => {
  await rx.close();
  await t.close();
});

async function endpoint(): Promise<{ id: string; secret: string; path: string }> {
  const id = `whk_test${++n}`;
  const path = `/hooks/${id}`;
  const secret = generateWebhookSecret();
  await t.database.db.insert(webhookEndpoints).values({
    sellerId: seller.sellerId,
    id,
    url: `${rx.base}${path}`,
    secret,
    description: null,
    status: 'active',
    disabledReason: null,
    createdAt: t.clock.now(),
  });
  rx.trust(path, secret);
  return { id, secret, path };
}

function delivery(endpointId: string, deliveryId = `dlv_test${++n}`): DeliveryToSend {
  return {
    deliveryId,
    sellerId: seller.sellerId,
    address: endpointId,
    idempotencyKey: `evt_x:webhook:${endpointId}`,
    notification: {
      id: 'ntf_1',
      eventId: 'evt_1',
      type: 'order.new',
      severity: 'info',
      data: { amazonOrderId: '503-0000001-0000001' },
      createdAt: new Date('2026-11-20T01:00:00Z'),
    },
    rendered: { language: 'en', subject: 'New order', text: 'New order', html: '<p>New order</p>' },
  };
}

function channel(timeoutMs = 2000) {
  return createWebhookChannel({
    db: t.database.db,
    clock: t.clock,
    realClock: t.clock,
    allowPrivateWebhooks: true,
    timeoutMs,
  });
}

describe('webhook channel (Standard Webhooks, NTF-6)', () => {
  it('delivers a signed {type, timestamp, data} body that standardwebhooks verifies', async () => {
    const e = await endpoint();
    rx.answer(204);
    const d = delivery(e.id);
    expect(await channel().send(d)).toEqual({ ok: true, code: 204 });
    const got = rx.received.filter((r) => r.path === e.path);
    expect(got).toHaveLength(1);
    expect(got[0]?.verifyError).toBeUndefined();
    expect(got[0]?.headers['webhook-id']).toBe(d.deliveryId);
    expect(got[0]?.verified).toEqual({
      type: 'order.new',
      timestamp: '2026-11-20T01:00:00.000Z',
      data: { notificationId: 'ntf_1', severity: 'info', amazonOrderId: '503-0000001-0000001' },
    });
  });

  it('a retry of the same delivery carries the same webhook-id (the receiver dedupes on it)', async () => {
    const e = await endpoint();
    rx.answer(503);
    const d = delivery(e.id);
    expect(await channel().send(d)).toMatchObject({ ok: false, permanent: false, code: 503 });
    rx.answer(200);
    expect(await channel().send(d)).toMatchObject({ ok: true });
    const ids = rx.received.filter((r) => r.path === e.path).map((r) => r.headers['webhook-id']);
    expect(ids).toEqual([d.deliveryId, d.deliveryId]);
  });

  it('410 Gone disables the endpoint, tells the seller once, and nothing more is sent to it', async () => {
    const e = await endpoint();
    rx.answer(410);
    expect(await channel().send(delivery(e.id))).toMatchObject({ ok: false, permanent: true, code: 410 });
    const [row] = await t.database.db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.sellerId, seller.sellerId), eq(webhookEndpoints.id, e.id)));
    expect(row?.status).toBe('disabled');
    expect(row?.disabledReason).toMatch(/410/);
    const events = await t.database.db
      .select()
      .from(domainEvents)
      .where(
        and(eq(domainEvents.sellerId, seller.sellerId), eq(domainEvents.type, 'account.delivery_failure')),
      );
    const mine = events.filter((ev) => ev.payload.endpointId === e.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.payload).toMatchObject({
      channel: 'webhook',
      reason: 'endpoint_gone',
      address: `${rx.base}${e.path}`,
    });

    rx.answer(200);
    const before = rx.received.length;
    expect(await channel().send(delivery(e.id))).toMatchObject({
      ok: false,
      permanent: true,
      error: /disabled/,
    });
    expect(rx.received.length).toBe(before);
  });

  it('a slow endpoint times out as a temporary failure instead of holding the worker', async () => {
    const e = await endpoint();
    rx.answer(200, 1500);
    const started = performance.now();
    expect(await channel(200).send(delivery(e.id))).toMatchObject({
      ok: false,
      permanent: false,
      error: /in time/,
    });
    expect(performance.now() - started).toBeLessThan(1200);
  });

  it('refuses a private address when the operator has not allowed them', async () => {
    const e = await endpoint();
    const strict = createWebhookChannel({
      db: t.database.db,
      clock: t.clock,
      realClock: t.clock,
      allowPrivateWebhooks: false,
    });
    const before = rx.received.length;
    expect(await strict.send(delivery(e.id))).toMatchObject({ ok: false, permanent: true, error: /private/ });
    expect(rx.received.length).toBe(before);
  });
});
