// SP-API Messaging v1, Uploads 2020-11-01 and Solicitations v1 over raw HTTP (reference/sp-api.md
// §4): HAL shapes, schemas, each send operation with its limits, the communication policy
// (MSG-6..13) refusing with 400 InvalidInput, attachments through signed upload URLs, the
// solicitation window and once-per-order rule, and the SP-API error envelopes.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, messagingUploads } from '../../src/modules/messaging/messaging.tables.ts';
import {
  createSeller,
  IT,
  JP,
  operatorKey,
  placeOrder,
  spApiToken,
  type TestSeller,
} from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let key: string;
let seller: TestSeller;
let other: TestSeller;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T01:00:00Z' });
  key = await operatorKey(t);
  seller = await createSeller(t, JP);
  other = await createSeller(t, JP);
});
afterAll(() => t?.close());

/** An SP-API call as `s` (a fresh token each time: tests move the clock by days). */
async function sp(
  s: TestSeller,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return t.request(method, path, {
    headers: { 'x-amz-access-token': await spApiToken(t, s), ...headers },
    ...(body !== undefined ? { body } : {}),
  });
}
const mq = (s: TestSeller) => `marketplaceIds=${s.marketplaceId}`;
const msgPath = (orderId: string, action: string, s = seller) =>
  `/messaging/v1/orders/${orderId}/messages/${action}?${mq(s)}`;

async function shipAndDeliver(s: TestSeller, orderId: string, tracking: string) {
  const order = await t.services.orders.getOrder(s.sellerId, orderId);
  const items = await t.services.orders.repo.itemsOf(s.sellerId, [order.id]);
  const r = await sp(s, 'POST', `/orders/v0/orders/${orderId}/shipmentConfirmation`, {
    marketplaceId: s.marketplaceId,
    packageDetail: {
      packageReferenceId: '1',
      carrierCode: 'Yamato Transport',
      trackingNumber: tracking,
      shipDate: t.clock.now().toISOString(),
      orderItems: items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
    },
  });
  expect(r.status, r.text).toBe(204);
  const d = await t.request('POST', '/marketplace/v1/carrier-scans', {
    headers: { authorization: `Bearer ${key}` },
    body: {
      trackingNumber: tracking,
      status: 'Delivered',
      externalId: `d-${tracking}`,
    },
  });
  expect(d.status, d.text).toBe(200);
}

const storedMessages = (s: TestSeller, kind: string) =>
  t.services.database.db
    .select()
    .from(messages)
    .where(and(eq(messages.sellerId, s.sellerId), eq(messages.kind, kind)));

const md5 = (b: Buffer) => createHash('md5').update(b).digest('base64');

/** createUploadDestinationForResource, then the PUT to the signed URL. */
async function upload(s: TestSeller, orderId: string, data: Buffer, contentType = 'application/pdf') {
  const resource = `messaging/v1/orders/${orderId}/messages/invoice`;
  const r = await sp(
    s,
    'POST',
    `/uploads/2020-11-01/uploadDestinations/${resource}?${mq(s)}&contentMD5=${encodeURIComponent(md5(data))}&contentType=${encodeURIComponent(contentType)}`,
  );
  expect(r.status, r.text).toBe(201);
  const { uploadDestinationId, url, headers } = r.json.payload;
  const u = new URL(url);
  const put = await t.app.request(u.pathname + u.search, { method: 'PUT', headers, body: data });
  expect(put.status, await put.clone().text()).toBe(200);
  return uploadDestinationId as string;
}

describe('Messaging v1 getMessagingActionsForOrder (HAL)', () => {
  it('lists the message types an unshipped order allows, with self and schema links, as application/hal+json', async () => {
    const o = await placeOrder(t, key, seller);
    const r = await sp(seller, 'GET', `/messaging/v1/orders/${o.amazonOrderId}?${mq(seller)}`);
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/hal+json');
    const names = r.json._links.actions.map((a: { name: string }) => a.name);
    expect(names).toContain('confirmOrderDetails');
    expect(names).toContain('unexpectedProblem');
    expect(names).not.toContain('invoice'); // only after shipping
    expect(r.json._links.self.href).toBe(`/messaging/v1/orders/${o.amazonOrderId}?${mq(seller)}`);
    const first = r.json._embedded.actions.find(
      (a: { payload: { name: string } }) => a.payload.name === 'confirmOrderDetails',
    );
    expect(first._links.schema.href).toBe(
      `/messaging/v1/orders/${o.amazonOrderId}/messages/confirmOrderDetails/schema`,
    );
    expect(first._links.self.href).toBe(msgPath(o.amazonOrderId, 'confirmOrderDetails'));
  });

  it('serves each schema link as GetSchemaResponse with the field limits (2,000 / 800 / 400)', async () => {
    const o = await placeOrder(t, key, seller);
    const limits: [string, number][] = [
      ['confirmOrderDetails', 2000],
      ['confirmCustomizationDetails', 800],
      ['digitalAccessKey', 400],
    ];
    for (const [name, max] of limits) {
      const r = await sp(seller, 'GET', `/messaging/v1/orders/${o.amazonOrderId}/messages/${name}/schema`);
      expect(r.status, r.text).toBe(200);
      expect(r.json._links.self.href).toBe(`/messaging/v1/orders/${o.amazonOrderId}/messages/${name}/schema`);
      expect(r.json.payload.properties.text).toMatchObject({ type: 'string', minLength: 1, maxLength: max });
    }
    const inv = await sp(seller, 'GET', `/messaging/v1/orders/${o.amazonOrderId}/messages/invoice/schema`);
    expect(inv.json.payload.required).toEqual(['attachments']);
  });

  it('refuses a missing, unknown or second marketplace with 400 InvalidInput', async () => {
    const o = await placeOrder(t, key, seller);
    for (const q of ['', '?marketplaceIds=NOPE', `?marketplaceIds=${JP},${IT}`, `?marketplaceIds=${IT}`]) {
      const r = await sp(seller, 'GET', `/messaging/v1/orders/${o.amazonOrderId}${q}`);
      expect(r.status, `${q}: ${r.text}`).toBe(400);
      expect(r.json.errors[0].code).toBe('InvalidInput');
    }
  });

  it("answers 404 NotFound for an unknown order and for another seller's order", async () => {
    const o = await placeOrder(t, key, other);
    for (const id of ['503-0000000-0000000', o.amazonOrderId]) {
      const r = await sp(seller, 'GET', `/messaging/v1/orders/${id}?${mq(seller)}`);
      expect(r.status, r.text).toBe(404);
      expect(r.json.errors[0].code).toBe('NotFound');
      const p = await sp(seller, 'POST', msgPath(id, 'confirmOrderDetails'), { text: `Order ${id}: ok` });
      expect(p.status).toBe(404);
    }
    expect(await storedMessages(other, 'confirmOrderDetails')).toHaveLength(0);
  });

  it('needs an access token', async () => {
    const r = await t.request('GET', `/messaging/v1/orders/503-0000000-0000000?${mq(seller)}`);
    expect(r.status).toBe(403);
    expect(r.json.errors[0].code).toBe('Unauthorized');
  });
});

describe('Messaging v1 send operations', () => {
  it('sends confirmOrderDetails: 201 {} and the message is in the order thread, channel sp_api, by the app', async () => {
    const o = await placeOrder(t, key, seller);
    const text = `Your order ${o.amazonOrderId}: please confirm the engraving reads "Hanako".`;
    const r = await sp(seller, 'POST', msgPath(o.amazonOrderId, 'confirmOrderDetails'), { text });
    expect(r.status, r.text).toBe(201);
    expect(r.json).toEqual({});
    const [m] = (await storedMessages(seller, 'confirmOrderDetails')).filter((x) => x.body === text);
    expect(m).toMatchObject({
      channel: 'sp_api',
      direction: 'seller_to_buyer',
      status: 'accepted',
      author: `app:${seller.appId}`,
    });
  });

  it('refuses a message the policy blocks with 400 InvalidInput naming the violation, and stores nothing (MSG-8)', async () => {
    const o = await placeOrder(t, key, seller);
    const text = `Order ${o.amazonOrderId}: details at https://example.com/deal`;
    const r = await sp(seller, 'POST', msgPath(o.amazonOrderId, 'confirmOrderDetails'), { text });
    expect(r.status, r.text).toBe(400);
    expect(r.json.errors[0].code).toBe('InvalidInput');
    expect(r.json.errors[0].message).toMatch(
      /^Blocked by the communication policy: .*example\.com.*\(MSG-8\)/,
    );
    expect((await storedMessages(seller, 'confirmOrderDetails')).filter((x) => x.body === text)).toHaveLength(
      0,
    );
  });

  it('refuses a seller text without the order id (MSG-7)', async () => {
    const o = await placeOrder(t, key, seller);
    const r = await sp(seller, 'POST', msgPath(o.amazonOrderId, 'unexpectedProblem'), {
      text: 'The parcel is delayed by one day.',
    });
    expect(r.status, r.text).toBe(400);
    expect(r.json.errors[0].message).toContain('MSG-7');
  });

  it("applies each field's limit: 2,001 / 801 / 401 characters are refused, 2,000 passes", async () => {
    const o = await placeOrder(t, key, seller);
    const pad = (n: number) => `Order ${o.amazonOrderId}. ${'x'.repeat(n - o.amazonOrderId.length - 8)}`;
    expect(pad(2000)).toHaveLength(2000);
    const cases: [string, number, number][] = [
      ['confirmDeliveryDetails', 2001, 400],
      ['confirmCustomizationDetails', 801, 400],
      ['digitalAccessKey', 401, 400],
      ['confirmDeliveryDetails', 2000, 201],
    ];
    for (const [action, n, status] of cases) {
      const r = await sp(seller, 'POST', msgPath(o.amazonOrderId, action), { text: pad(n) });
      expect(r.status, `${action} ${n}: ${r.text}`).toBe(status);
      if (status === 400) expect(r.json.errors[0].code).toBe('InvalidInput');
    }
    const empty = await sp(seller, 'POST', msgPath(o.amazonOrderId, 'confirmOrderDetails'), { text: '' });
    expect(empty.status).toBe(400);
  });

  it('refuses an action the order does not allow now with 403 Unauthorized and the reason (invoice before shipping)', async () => {
    const o = await placeOrder(t, key, seller);
    const id = await upload(seller, o.amazonOrderId, Buffer.from('%PDF-1.4 invoice'));
    const r = await sp(seller, 'POST', msgPath(o.amazonOrderId, 'invoice'), {
      attachments: [{ uploadDestinationId: id, fileName: 'invoice.pdf' }],
    });
    expect(r.status, r.text).toBe(403);
    expect(r.json.errors[0]).toMatchObject({
      code: 'Unauthorized',
      details: 'MESSAGING_ACTION_NOT_AVAILABLE',
    });
    expect(r.json.errors[0].message).toContain('invoice is not available');
  });

  it('sends an invoice with an uploaded attachment after shipping, with a localized text carrying the order id', async () => {
    const o = await placeOrder(t, key, seller);
    await shipAndDeliver(seller, o.amazonOrderId, `TRK-INV-${o.amazonOrderId}`);
    const pdf = Buffer.from('%PDF-1.4 the invoice');
    const id = await upload(seller, o.amazonOrderId, pdf);
    const r = await sp(seller, 'POST', msgPath(o.amazonOrderId, 'invoice'), {
      attachments: [{ uploadDestinationId: id, fileName: 'invoice-1.pdf' }],
    });
    expect(r.status, r.text).toBe(201);
    const [m] = (await storedMessages(seller, 'invoice')).filter((x) => x.body.includes(o.amazonOrderId));
    expect(m?.attachments).toEqual([
      { uploadId: id, fileName: 'invoice-1.pdf', contentType: 'application/pdf', size: pdf.length },
    ]);
    expect(m?.body).toMatch(/請求書|invoice/);
  });

  it('sends a warranty with its coverage dates in the text', async () => {
    const o = await placeOrder(t, key, seller);
    const id = await upload(seller, o.amazonOrderId, Buffer.from('%PDF-1.4 warranty'));
    const r = await sp(seller, 'POST', msgPath(o.amazonOrderId, 'warranty'), {
      attachments: [{ uploadDestinationId: id, fileName: 'warranty.pdf' }],
      coverageStartDate: '2026-11-20T00:00:00Z',
      coverageEndDate: '2027-11-19T00:00:00Z',
    });
    expect(r.status, r.text).toBe(201);
    const [m] = (await storedMessages(seller, 'warranty')).filter((x) => x.body.includes(o.amazonOrderId));
    expect(m?.body).toContain('2026-11-20');
    expect(m?.body).toContain('2027-11-19');
    const bad = await sp(seller, 'POST', msgPath(o.amazonOrderId, 'warranty'), {
      attachments: [{ uploadDestinationId: id, fileName: 'warranty.pdf' }],
      coverageStartDate: 'next week',
    });
    expect(bad.status).toBe(400);
    const none = await sp(seller, 'POST', msgPath(o.amazonOrderId, 'legalDisclosure'), { attachments: [] });
    expect(none.status).toBe(400);
  });

  it("refuses attachments that are another seller's, not uploaded yet, or expired", async () => {
    const o = await placeOrder(t, key, seller);
    const o2 = await placeOrder(t, key, other);
    const foreign = await upload(other, o2.amazonOrderId, Buffer.from('%PDF other'));
    const pending = await sp(
      seller,
      'POST',
      `/uploads/2020-11-01/uploadDestinations/messaging/v1/orders/${o.amazonOrderId}/messages/legalDisclosure?${mq(seller)}&contentMD5=${encodeURIComponent(md5(Buffer.from('x')))}`,
    );
    expect(pending.status, pending.text).toBe(201);
    const expired = await upload(seller, o.amazonOrderId, Buffer.from('%PDF old'));
    await t.services.database.db
      .update(messagingUploads)
      .set({ expiresAt: new Date(t.clock.now().getTime() - 1) })
      .where(eq(messagingUploads.id, expired));
    for (const [uploadDestinationId, code] of [
      [foreign, 'ATTACHMENT_NOT_FOUND'],
      [pending.json.payload.uploadDestinationId, 'ATTACHMENT_NOT_UPLOADED'],
      [expired, 'ATTACHMENT_EXPIRED'],
    ]) {
      const r = await sp(seller, 'POST', msgPath(o.amazonOrderId, 'legalDisclosure'), {
        attachments: [{ uploadDestinationId, fileName: 'a.pdf' }],
      });
      expect(r.status, r.text).toBe(400);
      expect(r.json.errors[0]).toMatchObject({ code: 'InvalidInput', details: code });
    }
  });

  it("GetAttributes gives the buyer's locale: language and the marketplace's country", async () => {
    const o = await placeOrder(t, key, seller);
    const r = await sp(seller, 'GET', `/messaging/v1/orders/${o.amazonOrderId}/attributes?${mq(seller)}`);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({ buyer: { locale: 'ja-JP' } });
    const it1 = await createSeller(t, IT);
    const oi = await placeOrder(t, key, it1);
    const ri = await sp(it1, 'GET', `/messaging/v1/orders/${oi.amazonOrderId}/attributes?${mq(it1)}`);
    expect(ri.json).toEqual({ buyer: { locale: 'it-IT' } });
  });
});

describe('Uploads 2020-11-01', () => {
  it('returns a signed URL with the headers to send; the PUT needs no token and checks MD5, type and size', async () => {
    const o = await placeOrder(t, key, seller);
    const data = Buffer.from('%PDF-1.4 hello');
    const r = await sp(
      seller,
      'POST',
      `/uploads/2020-11-01/uploadDestinations/${encodeURIComponent(`messaging/v1/orders/${o.amazonOrderId}/messages/invoice`)}?${mq(seller)}&contentMD5=${encodeURIComponent(md5(data))}&contentType=application%2Fpdf`,
    );
    expect(r.status, r.text).toBe(201);
    expect(r.json.payload.headers).toEqual({ 'Content-MD5': md5(data), 'Content-Type': 'application/pdf' });
    const u = new URL(r.json.payload.url);
    const put = (body: Buffer, headers: Record<string, string>, search = u.search) =>
      t.app.request(u.pathname + search, { method: 'PUT', headers, body });
    // Wrong bytes for the declared MD5.
    const bad = await put(Buffer.from('%PDF-1.4 other'), { 'content-type': 'application/pdf' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('BadDigest');
    // A type the marketplace does not accept.
    const type = await put(data, { 'content-type': 'application/x-msdownload' });
    expect(type.status).toBe(415);
    // A tampered signature.
    const forged = await put(
      data,
      { 'content-type': 'application/pdf' },
      u.search.replace(/Signature=../, 'Signature=00'),
    );
    expect(forged.status).toBe(403);
    const ok = await put(data, { 'content-type': 'application/pdf', 'content-md5': md5(data) });
    expect(ok.status).toBe(200);
    // The URL expires after 15 minutes.
    t.clock.advance(16 * 60_000);
    const late = await put(data, { 'content-type': 'application/pdf' });
    expect(late.status).toBe(403);
  });

  it('refuses a file over the marketplace limit with 413, and a type not accepted at creation with 415', async () => {
    const o = await placeOrder(t, key, seller);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const r = await sp(
      seller,
      'POST',
      `/uploads/2020-11-01/uploadDestinations/messaging/v1/orders/${o.amazonOrderId}/messages/invoice?${mq(seller)}&contentMD5=${encodeURIComponent(md5(big))}`,
    );
    const u = new URL(r.json.payload.url);
    const put = await t.app.request(u.pathname + u.search, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain', 'content-length': String(big.length) },
      body: big,
    });
    expect(put.status).toBe(413);
    expect(((await put.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'RequestEntityTooLarge',
    );
    const exe = await sp(
      seller,
      'POST',
      `/uploads/2020-11-01/uploadDestinations/messaging/v1/orders/${o.amazonOrderId}/messages/invoice?${mq(seller)}&contentMD5=${encodeURIComponent(md5(big))}&contentType=application%2Fx-msdownload`,
    );
    expect(exe.status).toBe(415);
    const noMd5 = await sp(seller, 'POST', `/uploads/2020-11-01/uploadDestinations/x?${mq(seller)}`);
    expect(noMd5.status).toBe(400);
    expect(noMd5.json.errors[0].code).toBe('InvalidInput');
  });
});

describe('Solicitations v1', () => {
  it('offers productReviewAndSellerFeedback only inside the window, sends it once (201), then refuses with 403', async () => {
    const s = await createSeller(t, JP);
    const o = await placeOrder(t, key, s);
    const base = `/solicitations/v1/orders/${o.amazonOrderId}`;
    const post = () => sp(s, 'POST', `${base}/solicitations/productReviewAndSellerFeedback?${mq(s)}`);
    const actions = async () =>
      (await sp(s, 'GET', `${base}?${mq(s)}`)).json._links.actions.map((a: { name: string }) => a.name);

    expect(await actions()).toEqual([]);
    const early = await post();
    expect(early.status, early.text).toBe(403);
    expect(early.json.errors[0].code).toBe('Unauthorized');

    await shipAndDeliver(s, o.amazonOrderId, `TRK-SOL-${o.amazonOrderId}`);
    const order = await t.services.messaging.orderContext(s.sellerId, o.amazonOrderId);
    const from = (order.earliestDeliveryDate as Date).getTime() + 5 * DAY;
    t.clock.advance(from - t.clock.now().getTime() - 60_000);
    const tooEarly = await post();
    expect(tooEarly.status).toBe(403);
    expect(tooEarly.json.errors[0].message).toBe(
      'You can’t use this feature to request a review outside the 5-30 day range after the order delivery date.',
    );

    t.clock.advance(60_000);
    const r = await sp(s, 'GET', `${base}?${mq(s)}`);
    expect(r.headers.get('content-type')).toContain('application/hal+json');
    expect(r.json._links.actions).toEqual([
      {
        href: `${base}/solicitations/productReviewAndSellerFeedback?${mq(s)}`,
        name: 'productReviewAndSellerFeedback',
      },
    ]);
    expect(r.json._embedded.actions[0]._links.schema.href).toBe(
      `${base}/solicitations/productReviewAndSellerFeedback/schema`,
    );
    const sent = await post();
    expect(sent.status, sent.text).toBe(201);
    expect(sent.json).toEqual({});
    const stored = await storedMessages(s, 'productReviewAndSellerFeedback');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.body).toContain(o.amazonOrderId);

    const twice = await post();
    expect(twice.status).toBe(403);
    expect(twice.json.errors[0]).toMatchObject({
      code: 'Unauthorized',
      details: 'SOLICITATION_ALREADY_SENT',
    });
    expect(await actions()).toEqual([]);
    expect(await storedMessages(s, 'productReviewAndSellerFeedback')).toHaveLength(1);
  });

  it('refuses 30 days after the latest delivery date', async () => {
    const s = await createSeller(t, JP);
    const o = await placeOrder(t, key, s);
    await shipAndDeliver(s, o.amazonOrderId, `TRK-SOL2-${o.amazonOrderId}`);
    const order = await t.services.messaging.orderContext(s.sellerId, o.amazonOrderId);
    const to = (order.latestDeliveryDate ?? order.deliveredAt ?? order.earliestDeliveryDate) as Date;
    t.clock.advance(to.getTime() + 30 * DAY - t.clock.now().getTime());
    const r = await sp(
      s,
      'POST',
      `/solicitations/v1/orders/${o.amazonOrderId}/solicitations/productReviewAndSellerFeedback?${mq(s)}`,
    );
    expect(r.status, r.text).toBe(403);
    expect(r.json.errors[0].details).toBe('SOLICITATION_TOO_LATE');
  });
});

describe('OpenAPI', () => {
  it('documents every Messaging, Solicitations, Uploads and policy-phrase route', async () => {
    const doc = (await t.request('GET', '/openapi.json')).json;
    const paths = Object.keys(doc.paths);
    const expected = [
      '/messaging/v1/orders/{amazonOrderId}',
      '/messaging/v1/orders/{amazonOrderId}/attributes',
      ...[
        'confirmCustomizationDetails',
        'confirmDeliveryDetails',
        'legalDisclosure',
        'confirmOrderDetails',
        'confirmServiceDetails',
        'warranty',
        'digitalAccessKey',
        'unexpectedProblem',
        'invoice',
      ].flatMap((n) => [
        `/messaging/v1/orders/{amazonOrderId}/messages/${n}`,
        `/messaging/v1/orders/{amazonOrderId}/messages/${n}/schema`,
      ]),
      '/solicitations/v1/orders/{amazonOrderId}',
      '/solicitations/v1/orders/{amazonOrderId}/solicitations/productReviewAndSellerFeedback',
      '/solicitations/v1/orders/{amazonOrderId}/solicitations/productReviewAndSellerFeedback/schema',
      '/uploads/2020-11-01/uploadDestinations/{resource}',
      '/uploads/2020-11-01/files/{uploadDestinationId}',
      '/api/ops/policy-phrases',
      '/api/ops/policy-phrases/{id}',
      '/marketplace/v1/policy-phrases',
      '/marketplace/v1/policy-phrases/{id}',
    ];
    for (const p of expected) expect(paths, p).toContain(p);
    expect(doc.paths['/messaging/v1/orders/{amazonOrderId}/messages/invoice'].post.operationId).toBe(
      'sendInvoice',
    );
    expect(doc.paths['/uploads/2020-11-01/uploadDestinations/{resource}'].post.operationId).toBe(
      'createUploadDestinationForResource',
    );
  });
});
