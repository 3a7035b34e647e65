// The public SP-API client libraries, unchanged, on Messaging v1, Uploads 2020-11-01 and
// Solicitations v1 (reference/sp-api.md §4, §7): amazon-sp-api 1.2.1 (callAPI and its upload
// helper) and @scaleleap/selling-partner-api-sdk 8.4.0 (MessagingApiClient, UploadsApiClient,
// SolicitationsApiClient). @sp-api-sdk has no messaging, solicitations or uploads packages on the
// registry. Clients are pointed at Mercato as in test/support/sp-api-client-support.ts.
import { createHash } from 'node:crypto';
import {
  MessagingApiClient,
  SellingPartnerBadRequestError,
  SellingPartnerForbiddenError,
  SolicitationsApiClient,
  UploadsApiClient,
} from '@scaleleap/selling-partner-api-sdk';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/modules/messaging/messaging.tables.ts';
import {
  createSeller,
  JP,
  operatorKey,
  placeOrder,
  spApiToken,
  type TestSeller,
} from '../support/fixtures.ts';
import { amazonSpApi, type Listening, listen } from '../support/sp-api-client-support.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let srv: Listening;
let key: string;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T01:00:00Z' });
  srv = await listen(t);
  key = await operatorKey(t);
});
afterAll(async () => {
  await srv?.close();
  await t?.close();
});

const md5 = (b: Buffer) => createHash('md5').update(b).digest('base64');
const kinds = async (s: TestSeller, orderId: string) =>
  (
    await t.services.database.db
      .select({
        kind: messages.kind,
        body: messages.body,
        attachments: messages.attachments,
        channel: messages.channel,
      })
      .from(messages)
      .where(and(eq(messages.sellerId, s.sellerId)))
  ).filter((m) => m.body.includes(orderId));

async function shipAndDeliver(s: TestSeller, orderId: string) {
  const order = await t.services.orders.getOrder(s.sellerId, orderId);
  const items = await t.services.orders.repo.itemsOf(s.sellerId, [order.id]);
  const tracking = `TRK-${orderId}`;
  const r = await t.request('POST', `/orders/v0/orders/${orderId}/shipmentConfirmation`, {
    headers: { 'x-amz-access-token': await spApiToken(t, s) },
    body: {
      marketplaceId: s.marketplaceId,
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'Yamato Transport',
        trackingNumber: tracking,
        shipDate: t.clock.now().toISOString(),
        orderItems: items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
      },
    },
  });
  expect(r.status, r.text).toBe(204);
  const d = await t.request('POST', '/marketplace/v1/carrier-scans', {
    headers: { authorization: `Bearer ${key}` },
    body: { trackingNumber: tracking, status: 'Delivered', externalId: `d-${tracking}` },
  });
  expect(d.status, d.text).toBe(200);
}

/** Moves the clock to 5 days after the order's EarliestDeliveryDate (the solicitation window opens). */
async function openSolicitationWindow(s: TestSeller, orderId: string) {
  const ctx = await t.services.messaging.orderContext(s.sellerId, orderId);
  const from = (ctx.earliestDeliveryDate as Date).getTime() + 5 * DAY;
  t.clock.advance(Math.max(0, from - t.clock.now().getTime()));
}

describe('amazon-sp-api 1.2.1', () => {
  it('getMessagingActionsForOrder, a message, a blocked message, upload + invoice with the attachment, GetAttributes', async () => {
    const s = await createSeller(t, JP);
    const o = await placeOrder(t, key, s);
    const id = o.amazonOrderId;
    const sp = amazonSpApi(srv, s);
    const q = { marketplaceIds: [JP] };

    const actions = await sp.callAPI({
      operation: 'getMessagingActionsForOrder',
      endpoint: 'messaging',
      path: { amazonOrderId: id },
      query: q,
    });
    expect(actions._links.actions.map((a: { name: string }) => a.name)).toContain('confirmOrderDetails');

    const sent = await sp.callAPI({
      operation: 'createConfirmOrderDetails',
      endpoint: 'messaging',
      path: { amazonOrderId: id },
      query: q,
      body: { text: `Order ${id}: which colour would you like, blue or green?` },
    });
    expect(sent).toEqual({});

    await expect(
      sp.callAPI({
        operation: 'createUnexpectedProblem',
        endpoint: 'messaging',
        path: { amazonOrderId: id },
        query: q,
        body: { text: `Order ${id}: write to me at shop@example.com for a discount` },
      }),
    ).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('Blocked by the communication policy'),
    });

    const attrs = await sp.callAPI({
      operation: 'GetAttributes',
      endpoint: 'messaging',
      path: { amazonOrderId: id },
      query: q,
    });
    expect(attrs).toEqual({ buyer: { locale: 'ja-JP' } });

    await shipAndDeliver(s, id);
    const pdf = Buffer.from('%PDF-1.4 invoice from amazon-sp-api');
    const dest = await sp.callAPI({
      operation: 'createUploadDestinationForResource',
      endpoint: 'uploads',
      path: { resource: `messaging/v1/orders/${id}/messages/invoice` },
      query: { marketplaceIds: [JP], contentMD5: md5(pdf), contentType: 'application/pdf' },
    });
    expect(dest.uploadDestinationId).toMatch(/^upl_/);
    expect(
      await sp.upload(dest, { content: pdf.toString('latin1'), contentType: 'application/pdf' }),
    ).toEqual({
      success: true,
    });
    await sp.callAPI({
      operation: 'sendInvoice',
      endpoint: 'messaging',
      path: { amazonOrderId: id },
      query: q,
      body: { attachments: [{ uploadDestinationId: dest.uploadDestinationId, fileName: 'invoice.pdf' }] },
    });
    const stored = await kinds(s, id);
    expect(stored.map((m) => m.kind).sort()).toEqual(['confirmOrderDetails', 'invoice']);
    expect(stored.find((m) => m.kind === 'invoice')?.attachments).toEqual([
      {
        uploadId: dest.uploadDestinationId,
        fileName: 'invoice.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
      },
    ]);
    expect(stored.every((m) => m.channel === 'sp_api')).toBe(true);
  });

  it('solicitations: refused before the window, sent inside it (after a token refresh), refused the second time', async () => {
    const s = await createSeller(t, JP);
    const o = await placeOrder(t, key, s);
    const sp = amazonSpApi(srv, s);
    const req = {
      endpoint: 'solicitations',
      path: { amazonOrderId: o.amazonOrderId },
      query: { marketplaceIds: [JP] },
    };
    const create = () =>
      sp.callAPI({ operation: 'createProductReviewAndSellerFeedbackSolicitation', ...req });

    expect(
      (await sp.callAPI({ operation: 'getSolicitationActionsForOrder', ...req }))._links.actions,
    ).toEqual([]);
    await expect(create()).rejects.toMatchObject({ code: 'Unauthorized' });
    await shipAndDeliver(s, o.amazonOrderId);
    await openSolicitationWindow(s, o.amazonOrderId); // days later: the client's token has expired
    const actions = await sp.callAPI({ operation: 'getSolicitationActionsForOrder', ...req });
    expect(actions._links.actions.map((a: { name: string }) => a.name)).toEqual([
      'productReviewAndSellerFeedback',
    ]);
    expect(await create()).toEqual({});
    await expect(create()).rejects.toMatchObject({ code: 'Unauthorized' });
    expect((await kinds(s, o.amazonOrderId)).map((m) => m.kind)).toEqual(['productReviewAndSellerFeedback']);
  });
});

describe('@scaleleap/selling-partner-api-sdk 8.4.0', () => {
  const clients = async (s: TestSeller) => {
    const o = { basePath: srv.base, region: 'us-west-2', accessToken: await spApiToken(t, s) };
    return {
      messaging: new MessagingApiClient(o),
      uploads: new UploadsApiClient(o),
      solicitations: new SolicitationsApiClient(o),
    };
  };

  it('messaging actions, a message, a blocked message (SellingPartnerBadRequestError), upload + legal disclosure, attributes', async () => {
    const s = await createSeller(t, JP);
    const o = await placeOrder(t, key, s);
    const amazonOrderId = o.amazonOrderId;
    const c = await clients(s);
    const marketplaceIds = [JP];

    const actions = await c.messaging.getMessagingActionsForOrder({ amazonOrderId, marketplaceIds });
    expect(actions.status).toBe(200);
    expect(actions.data._links?.actions.map((a) => a.name)).toContain('confirmDeliveryDetails');
    const schemaHref = actions.data._embedded?.actions[0]?._links?.schema.href as string;
    const schema = await fetch(`${srv.base}${schemaHref}`, {
      headers: { 'x-amz-access-token': await spApiToken(t, s) },
    });
    expect(((await schema.json()) as { payload: { type: string } }).payload.type).toBe('object');

    const r = await c.messaging.createConfirmDeliveryDetails({
      amazonOrderId,
      marketplaceIds,
      body: { text: `Order ${amazonOrderId}: is the delivery address a business address?` },
    });
    expect(r.status).toBe(201);

    const blocked = await c.messaging
      .createConfirmDeliveryDetails({
        amazonOrderId,
        marketplaceIds,
        body: { text: `Order ${amazonOrderId}: call us on 090-1234-5678` },
      })
      .catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(SellingPartnerBadRequestError);
    expect((blocked as Error).message).toContain('Blocked by the communication policy');

    const doc = Buffer.from('Legal notice for the buyer');
    const dest = await c.uploads.createUploadDestinationForResource({
      marketplaceIds,
      contentMD5: md5(doc),
      resource: `messaging/v1/orders/${amazonOrderId}/messages/legalDisclosure`,
      contentType: 'text/plain',
    });
    expect(dest.status).toBe(201);
    const payload = dest.data.payload as {
      uploadDestinationId: string;
      url: string;
      headers: Record<string, string>;
    };
    const put = await fetch(payload.url.replace(/^https?:\/\/[^/]+/, srv.base), {
      method: 'PUT',
      headers: payload.headers,
      body: doc,
    });
    expect(put.status).toBe(200);
    const legal = await c.messaging.createLegalDisclosure({
      amazonOrderId,
      marketplaceIds,
      body: { attachments: [{ uploadDestinationId: payload.uploadDestinationId, fileName: 'legal.txt' }] },
    });
    expect(legal.status).toBe(201);

    const attrs = await c.messaging.getAttributes({ amazonOrderId, marketplaceIds });
    expect(attrs.data).toEqual({ buyer: { locale: 'ja-JP' } });
    expect((await kinds(s, amazonOrderId)).map((m) => m.kind).sort()).toEqual([
      'confirmDeliveryDetails',
      'legalDisclosure',
    ]);
  });

  it('solicitations: SellingPartnerForbiddenError out of the window, 201 inside it', async () => {
    const s = await createSeller(t, JP);
    const o = await placeOrder(t, key, s);
    const amazonOrderId = o.amazonOrderId;
    const marketplaceIds = [JP];
    const early = await (await clients(s)).solicitations
      .createProductReviewAndSellerFeedbackSolicitation({ amazonOrderId, marketplaceIds })
      .catch((e: unknown) => e);
    expect(early).toBeInstanceOf(SellingPartnerForbiddenError);
    await shipAndDeliver(s, amazonOrderId);
    await openSolicitationWindow(s, amazonOrderId);
    const c = await clients(s); // a fresh token: the clock moved days
    const actions = await c.solicitations.getSolicitationActionsForOrder({ amazonOrderId, marketplaceIds });
    expect(actions.data._links?.actions.map((a) => a.name)).toEqual(['productReviewAndSellerFeedback']);
    const sent = await c.solicitations.createProductReviewAndSellerFeedbackSolicitation({
      amazonOrderId,
      marketplaceIds,
    });
    expect(sent.status).toBe(201);
  });
});
