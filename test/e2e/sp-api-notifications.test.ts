// SP-API Notifications v1 with the public amazon-sp-api client, unchanged and pointed at Mercato
// (reference/sp-api.md §7.1): grantless destinations (client_credentials, scope
// sellingpartnerapi::notifications), seller subscriptions, the by-id grantless operations, the
// 409s, and an ORDER_CHANGE delivered by the pipeline to a webhook destination whose receiver
// verifies the Standard Webhooks signature.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvent } from '../../src/modules/notifications/index.ts';
import { createSeller, spApiToken, type TestSeller } from '../support/fixtures.ts';
import { amazonSpApi, type Listening, listen } from '../support/sp-api-client-support.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

let t: TestApp;
let srv: Listening;
let rx: WebhookReceiver;
let seller: TestSeller;

beforeAll(async () => {
  t = await startTestApp({
    now: new Date().toISOString(),
    workers: false,
    env: { MERCATO_ALLOW_PRIVATE_WEBHOOKS: '1' },
  });
  srv = await listen(t);
  rx = await startWebhookReceiver();
  seller = await createSeller(t);
});
afterAll(async () => {
  await srv.close();
  await rx.close();
  await t.close();
});

type Destination = {
  destinationId: string;
  name: string;
  resource: Record<string, Record<string, string>>;
  status: string;
};

describe('SP-API Notifications v1 through amazon-sp-api', () => {
  let webhookDest: Destination;
  let sqsDest: Destination;
  let subscriptionId: string;

  it('creates destinations with a grantless token: a webhook (secret shown once) and an SQS one that needs AWS', async () => {
    const sp = amazonSpApi(srv, seller);
    webhookDest = (await sp.callAPI({
      operation: 'createDestination',
      endpoint: 'notifications',
      body: { name: 'my-webhook', resourceSpecification: { webhook: { url: `${rx.base}/sp-api` } } },
    })) as Destination;
    expect(webhookDest).toMatchObject({
      name: 'my-webhook',
      status: 'ACTIVE',
      resource: { webhook: { url: `${rx.base}/sp-api` } },
    });
    expect(webhookDest.resource.webhook?.secret).toMatch(/^whsec_/);
    rx.trust('/sp-api', webhookDest.resource.webhook?.secret as string);

    sqsDest = (await sp.callAPI({
      operation: 'createDestination',
      endpoint: 'notifications',
      body: {
        name: 'SQSDestination',
        resourceSpecification: { sqs: { arn: 'arn:aws:sqs:us-east-2:444455556666:queue1' } },
      },
    })) as Destination;
    expect(sqsDest).toMatchObject({
      name: 'SQSDestination',
      resource: { sqs: { arn: 'arn:aws:sqs:us-east-2:444455556666:queue1' } },
      status: 'NEEDS_AWS',
    });

    // The token endpoint saw a client_credentials grant (grantless) for these calls.
    expect(srv.seen.some((s) => s.path === '/auth/o2/token')).toBe(true);
    const list = (await sp.callAPI({
      operation: 'getDestinations',
      endpoint: 'notifications',
    })) as Destination[];
    expect(list.map((d) => d.destinationId)).toEqual([webhookDest.destinationId, sqsDest.destinationId]);
    expect(list[0]?.resource.webhook).not.toHaveProperty('secret');
    const one = (await sp.callAPI({
      operation: 'getDestination',
      endpoint: 'notifications',
      path: { destinationId: sqsDest.destinationId },
    })) as Destination;
    expect(one.destinationId).toBe(sqsDest.destinationId);
  });

  it('refuses bad destinations and seller tokens on grantless operations', async () => {
    const sp = amazonSpApi(srv, seller);
    await expect(
      sp.callAPI({
        operation: 'createDestination',
        endpoint: 'notifications',
        body: { name: 'bad', resourceSpecification: { sqs: { arn: 'not-an-arn' } } },
      }),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
    await expect(
      sp.callAPI({
        operation: 'createDestination',
        endpoint: 'notifications',
        body: { name: 'bad', resourceSpecification: { webhook: { url: 'ftp://example.com/x' } } },
      }),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
    const token = await spApiToken(t, seller);
    const r = await t.request('GET', '/notifications/v1/destinations', {
      headers: { 'x-amz-access-token': token },
    });
    expect(r.status).toBe(403);
    expect(r.json.errors[0]).toMatchObject({ code: 'Unauthorized' });
    expect(r.json.errors[0].details).toMatch(/client_credentials/);
  });

  it('subscribes the seller to ORDER_CHANGE, refuses a second subscription with 409', async () => {
    const sp = amazonSpApi(srv, seller);
    const sub = (await sp.callAPI({
      operation: 'createSubscription',
      endpoint: 'notifications',
      path: { notificationType: 'ORDER_CHANGE' },
      body: { payloadVersion: '1.0', destinationId: webhookDest.destinationId },
    })) as { subscriptionId: string; payloadVersion: string; destinationId: string };
    expect(sub).toMatchObject({ payloadVersion: '1.0', destinationId: webhookDest.destinationId });
    subscriptionId = sub.subscriptionId;

    await expect(
      sp.callAPI({
        operation: 'createSubscription',
        endpoint: 'notifications',
        path: { notificationType: 'ORDER_CHANGE' },
        body: { payloadVersion: '1.0', destinationId: webhookDest.destinationId },
      }),
    ).rejects.toMatchObject({ code: 'Conflict' });
    await expect(
      sp.callAPI({
        operation: 'createSubscription',
        endpoint: 'notifications',
        path: { notificationType: 'ANY_OFFER_CHANGED' },
        body: { payloadVersion: '1.0', destinationId: webhookDest.destinationId },
      }),
    ).rejects.toMatchObject({ code: 'InvalidInput' });

    expect(
      await sp.callAPI({
        operation: 'getSubscription',
        endpoint: 'notifications',
        path: { notificationType: 'ORDER_CHANGE' },
      }),
    ).toEqual(sub);
    expect(
      await sp.callAPI({
        operation: 'getSubscriptionById',
        endpoint: 'notifications',
        path: { notificationType: 'ORDER_CHANGE', subscriptionId },
      }),
    ).toEqual(sub);
  });

  it('delivers ORDER_CHANGE for a new order to the webhook destination, signed', async () => {
    await t.database.db.transaction((tx) =>
      publishEvent(tx, {
        sellerId: seller.sellerId,
        type: 'order.new',
        dedupeKey: `order.new:sp-api-test:${seller.sellerId}`,
        payload: {
          order: {
            amazonOrderId: '503-7654321-7654321',
            orderStatus: 'Unshipped',
            purchaseDate: '2026-11-20T00:59:00.000Z',
            marketplaceId: seller.marketplaceId,
            postalCode: '150-0001',
            fulfillmentChannel: 'MFN',
            items: [{ orderItemId: '10000000000001', sellerSku: 'SKU-1', quantity: 2 }],
          },
        },
      }),
    );
    const n = t.services.notifications;
    await n.fanOutBatch();
    await n.sendBatch('sp_api');
    const got = rx.received.filter((r) => r.path === '/sp-api');
    expect(got).toHaveLength(1);
    expect(got[0]?.verifyError).toBeUndefined();
    const body = got[0]?.verified as Record<string, Record<string, unknown>>;
    expect(body).toMatchObject({
      NotificationVersion: '1.0',
      NotificationType: 'ORDER_CHANGE',
      PayloadVersion: '1.0',
      Payload: {
        OrderChangeNotification: {
          SellerId: seller.sellerId,
          AmazonOrderId: '503-7654321-7654321',
          OrderChangeType: 'OrderStatusChange',
          Summary: { OrderStatus: 'Unshipped', MarketplaceId: seller.marketplaceId, FulfillmentType: 'MFN' },
        },
      },
      NotificationMetadata: { ApplicationId: seller.appId, SubscriptionId: subscriptionId },
    });
    expect(body.NotificationMetadata?.NotificationId).toBe(got[0]?.headers['webhook-id']);
  });

  it('deletes: a destination in use is refused with 409; subscription, then destination', async () => {
    const sp = amazonSpApi(srv, seller);
    await expect(
      sp.callAPI({
        operation: 'deleteDestination',
        endpoint: 'notifications',
        path: { destinationId: webhookDest.destinationId },
      }),
    ).rejects.toMatchObject({ code: 'Conflict' });
    await sp.callAPI({
      operation: 'deleteSubscriptionById',
      endpoint: 'notifications',
      path: { notificationType: 'ORDER_CHANGE', subscriptionId },
    });
    await sp.callAPI({
      operation: 'deleteDestination',
      endpoint: 'notifications',
      path: { destinationId: webhookDest.destinationId },
    });
    await expect(
      sp.callAPI({
        operation: 'getDestination',
        endpoint: 'notifications',
        path: { destinationId: webhookDest.destinationId },
      }),
    ).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('another application sees none of these destinations', async () => {
    const other = await createSeller(t);
    const list = await amazonSpApi(srv, other).callAPI({
      operation: 'getDestinations',
      endpoint: 'notifications',
    });
    expect(list).toEqual([]);
  });
});
