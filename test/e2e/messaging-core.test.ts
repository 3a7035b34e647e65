// Buyer–seller messaging end to end over HTTP (MSG-1/2/6/7/11/13/14/15/16): Contact This Seller
// with the topic's subject, HTML/links refused with the reason, phone numbers masked, seller
// replies passing or blocked (nothing stored), MSG-7 order id, the MSG-13 window with the clock
// moved, 24-h overdue flag + messages.overdue, no response needed, reply deadline reminder,
// flood limit, the buyer never seeing seller PII, inbox filters and search, the check route
// with an SP-API token, and 413 for huge bodies.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.ts';
import {
  createSeller,
  operatorKey,
  placeOrder,
  spApiToken,
  type TestSeller,
  webLogin,
} from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let key: string;
let jp: TestSeller;
let seller: Record<string, string>;
let mia: Record<string, string>;
let other: Record<string, string>;
let order1: string;
let order2: string;
const MIA = 'mia.messages@example.com';
const OTHER = 'olli.other@example.com';
const CS_EMAIL = 'support-desk@sakura.example';

async function buyerLogin(email: string, password: string) {
  const b = await t.services.buyers.findByEmail(email);
  if (!b) throw new Error(`no buyer ${email}`);
  await t.services.buyers.setPassword(b.id, password);
  const r = await t.request('POST', '/api/buyer/session', { body: { email, password } });
  if (r.status !== 200) throw new Error(`buyer login: ${r.status} ${r.text}`);
  return {
    cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    'x-csrf-token': r.json.csrfToken,
  };
}

/** Moves business time; sessions (real-time TTL on the test clock) are opened again. */
async function advance(ms: number) {
  t.clock.advance(ms);
  seller = await webLogin(t, jp.email);
  mia = await buyerLogin(MIA, 'mia-password-123');
  other = await buyerLogin(OTHER, 'olli-password-123');
}

async function messageCount(): Promise<number> {
  const [r] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from messages where seller_id = ${jp.sellerId}`,
  );
  return Number(r?.n);
}

async function events(type: string) {
  return queryRows<{ dedupe_key: string; payload: Record<string, unknown> }>(
    t.database.db,
    sql`select dedupe_key, payload from domain_events where seller_id = ${jp.sellerId} and type = ${type} order by occurred_at`,
  );
}

async function contact(headers: Record<string, string>, body: Record<string, unknown>) {
  return t.request('POST', '/api/buyer/messages', { headers, body: { sellerId: jp.sellerId, ...body } });
}

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T01:00:00Z' });
  key = await operatorKey(t);
  jp = await createSeller(t, undefined, '株式会社さくら商店');
  // The CS address exists but is not verified: buyer messages are not forwarded (forward_status).
  await t.database.db.execute(
    sql`update sellers set customer_service_email = ${CS_EMAIL} where id = ${jp.sellerId}`,
  );
  seller = await webLogin(t, jp.email);
  order1 = (await placeOrder(t, key, jp, { buyer: { name: 'Mia Messages', email: MIA } })).amazonOrderId;
  order2 = (await placeOrder(t, key, jp, { buyer: { name: 'Mia Messages', email: MIA } })).amazonOrderId;
  await placeOrder(t, key, jp, { buyer: { name: 'Olli Other', email: OTHER } });
  mia = await buyerLogin(MIA, 'mia-password-123');
  other = await buyerLogin(OTHER, 'olli-password-123');
});
afterAll(() => t?.close());

describe('Contact This Seller (MSG-1/2/11)', () => {
  let threadId: string;

  it('shows the public profile with localized topics and subjects (MSG-1)', async () => {
    const r = await t.request('GET', `/api/public/sellers/${jp.sellerId}`);
    expect(r.status).toBe(200);
    expect(r.json.marketplace).toMatchObject({ name: 'Mercato.jp', language: 'ja' });
    expect(r.json.topics.map((x: { id: string }) => x.id)).toEqual([
      'product_details',
      'shipping',
      'returns_policy',
      'other',
    ]);
    expect(r.json.topics[1].subject).toBe('Mercato.jpのお客様から配送に関するお問い合わせ');
  });

  it('opens a thread with the topic subject, confirms it, and the seller must answer within 24 h (MSG-1/14)', async () => {
    const r = await contact(mia, { topic: 'shipping', text: '発送はいつ頃になりますか？' });
    expect(r.status, r.text).toBe(201);
    threadId = r.json.thread.id;
    expect(r.json.thread.subject).toBe('Mercato.jpのお客様から配送に関するお問い合わせ');
    expect(r.json.message).toMatchObject({
      direction: 'buyer_to_seller',
      body: '発送はいつ頃になりますか？',
      redacted: false,
    });
    const inbox = await t.request('GET', '/api/messages?filter=awaiting', { headers: seller });
    const th = inbox.json.threads.find((x: { id: string }) => x.id === threadId);
    expect(th).toMatchObject({
      awaitingResponse: true,
      unread: true,
      overdue: false,
      responseDueAt: '2026-11-21T01:00:00.000Z',
    });
    expect(th.buyer.name).toBe('Mia Messages');
    expect(th.buyer.relayAddress).toMatch(/^[a-z2-7]{16}@relay\.mercato\.jp$/);
    const ev = await events('messages.new');
    expect(ev.at(-1)?.payload).toMatchObject({
      threadId,
      orderId: null,
      preview: '発送はいつ頃になりますか？',
    });
    // Not verified: nothing to forward to the seller's CS address (MSG-3).
    const view = await t.request('GET', `/api/messages/threads/${threadId}`, { headers: seller });
    expect(view.json.messages[0].forwardStatus).toBe('not_needed');
  });

  it('refuses HTML and links with the reason and stores nothing (MSG-2)', async () => {
    const before = await messageCount();
    for (const text of ['<b>hello</b> is this in stock?', 'See https://example.com/item please']) {
      const r = await contact(mia, { topic: 'product_details', text });
      expect(r.status).toBe(422);
      expect(r.json.error.code).toBe('MESSAGE_POLICY_VIOLATION');
      expect(r.json.error.details.violations.map((v: { rule: string }) => v.rule)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(html|link)$/)]),
      );
      expect(r.json.error.message).toContain('MSG-');
    }
    expect(await messageCount()).toBe(before);
  });

  it('masks a phone number in a buyer message (MSG-11/16)', async () => {
    const r = await contact(mia, { topic: 'other', text: 'Please call me at 090-1234-5678 tomorrow.' });
    expect(r.status, r.text).toBe(201);
    expect(r.json.message.body).not.toContain('1234-5678');
    expect(r.json.message.redacted).toBe(true);
    const view = await t.request('GET', `/api/messages/threads/${r.json.thread.id}`, { headers: seller });
    expect(view.json.messages[0].body).not.toContain('1234-5678');
  });

  it('lets the seller answer a pre-order question without an order id, and the thread stops awaiting (MSG-7/14)', async () => {
    const r = await t.request('POST', `/api/messages/threads/${threadId}/replies`, {
      headers: seller,
      body: { text: '明日発送予定です。よろしくお願いいたします。' },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.thread).toMatchObject({ awaitingResponse: false, responseDueAt: null });
    expect(r.json.message.forwardStatus).toBe('pending');
    const view = await t.request('GET', `/api/messages/threads/${threadId}`, { headers: seller });
    expect(view.json.messages[0].respondedAt).not.toBeNull();
    expect(view.json.unread).toBe(false);
  });

  it('blocks a seller reply with contact details and stores nothing (MSG-6/11)', async () => {
    const before = await messageCount();
    const r = await t.request('POST', `/api/messages/threads/${threadId}/replies`, {
      headers: seller,
      body: { text: 'Write to me directly at sakura.owner@gmail.com instead.' },
    });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('MESSAGE_POLICY_VIOLATION');
    expect(r.json.error.details.violations.some((v: { rule: string }) => v.rule === 'email_address')).toBe(
      true,
    );
    expect(await messageCount()).toBe(before);
  });

  it('shows the buyer the reply, never the seller’s real addresses or violations (MSG-4/16)', async () => {
    const r = await t.request('GET', `/api/buyer/messages/${threadId}`, { headers: mia });
    expect(r.status).toBe(200);
    expect(r.json.seller.name).toBe('株式会社さくら商店');
    expect(r.json.seller.relayAddress).toMatch(/@relay\.mercato\.jp$/);
    expect(r.json.messages).toHaveLength(2);
    expect(r.text).not.toContain(CS_EMAIL);
    expect(r.text).not.toContain(jp.email);
    expect(r.text).not.toContain('forwardStatus');
    expect(r.text).not.toContain('violations');
    // Another buyer cannot read it.
    expect((await t.request('GET', `/api/buyer/messages/${threadId}`, { headers: other })).status).toBe(404);
  });
});

describe('order messages (MSG-7/13)', () => {
  it('requires the order id in a seller message about an order (MSG-7)', async () => {
    const before = await messageCount();
    const bad = await t.request('POST', `/api/messages/orders/${order1}`, {
      headers: seller,
      body: { kind: 'reply', text: 'Your parcel leaves tomorrow.' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.violations.map((v: { rule: string }) => v.rule)).toContain(
      'order_id_missing',
    );
    expect(await messageCount()).toBe(before);
    const ok = await t.request('POST', `/api/messages/orders/${order1}`, {
      headers: seller,
      body: { kind: 'reply', text: `Your order ${order1} leaves tomorrow.` },
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json.thread).toMatchObject({ topic: 'order', amazonOrderId: order1 });
    // MSG-4: the thread's buyer alias is the one orders already carry as BuyerEmail.
    const o = (await t.request('GET', `/api/messages/orders/${order1}/compose`, { headers: seller })).json
      .order;
    expect(ok.json.thread.buyer.relayAddress).toBe(o.buyerRelayAddress);
  });

  it('offers actions and templates by order state (MSG-6/12)', async () => {
    const r = await t.request('GET', `/api/messages/orders/${order1}/compose`, { headers: seller });
    expect(r.status).toBe(200);
    expect(r.json.order.buyerRelayAddress).toMatch(/@relay\.mercato\.jp$/);
    expect(JSON.stringify(r.json)).not.toContain(MIA);
    const tpl = Object.fromEntries(
      r.json.templates.map((x: { id: string; unavailableReason: string | null }) => [
        x.id,
        x.unavailableReason,
      ]),
    );
    expect(tpl.delay_notice).toBeNull();
    expect(tpl.order_unavailable).toMatch(/NoInventory/);
    const delay = await t.request(
      'GET',
      `/api/messages/orders/${order1}/templates/delay_notice?language=en`,
      { headers: seller },
    );
    expect(delay.status).toBe(200);
    expect(delay.json.text).toContain(order1);
  });

  it('refuses seller messages more than 30 days after delivery (MSG-13)', async () => {
    const detail = (await t.request('GET', `/api/orders/${order2}`, { headers: seller })).json;
    const items = detail.order?.items ?? detail.items;
    const ship = await t.request('POST', `/api/orders/${order2}/shipments`, {
      headers: seller,
      body: {
        carrierCode: 'Yamato',
        carrierName: 'Yamato Transport',
        trackingNumber: '5566-7788-9900',
        shipDate: t.clock.now().toISOString(),
        items: items.map((i: { orderItemId: string; quantityOrdered: number }) => ({
          orderItemId: i.orderItemId,
          quantity: i.quantityOrdered,
        })),
      },
    });
    expect(ship.status, ship.text).toBeLessThan(300);
    const scan = await t.request('POST', '/marketplace/v1/carrier-scans', {
      headers: { authorization: `Bearer ${key}` },
      body: {
        trackingNumber: '5566-7788-9900',
        status: 'Delivered',
        location: 'Shibuya',
        externalId: 'msg-scan-1',
      },
    });
    expect(scan.status, scan.text).toBeLessThan(300);
    const text = `Your order ${order2} was delivered. Tracking 5566-7788-9900.`;
    const inWindow = await t.request('POST', `/api/messages/orders/${order2}`, {
      headers: seller,
      body: { kind: 'reply', text },
    });
    expect(inWindow.status, inWindow.text).toBe(201);
    await advance(31 * 86_400_000);
    const late = await t.request('POST', `/api/messages/orders/${order2}`, {
      headers: seller,
      body: { kind: 'reply', text },
    });
    expect(late.status).toBe(422);
    expect(late.json.error.details.violations.map((v: { rule: string }) => v.rule)).toContain(
      'messaging_window',
    );
  });
});

describe('response time (MSG-14/15, PERF-6)', () => {
  let threadId: string;

  it('flags a thread overdue after 24 h once and publishes messages.overdue', async () => {
    const r = await contact(mia, {
      topic: 'shipping',
      amazonOrderId: order1,
      text: `Where is my order ${order1}?`,
    });
    expect(r.status, r.text).toBe(201);
    threadId = r.json.thread.id;
    await advance(24 * 3_600_000);
    await t.services.messaging.runSweeps();
    await t.services.messaging.runSweeps();
    const ev = (await events('messages.overdue')).filter((e) => e.payload.threadId === threadId);
    expect(ev).toHaveLength(1);
    expect(ev[0]?.payload.orderId).toBe(order1);
    const inbox = await t.request('GET', '/api/messages?filter=overdue', { headers: seller });
    expect(inbox.json.threads.map((x: { id: string }) => x.id)).toContain(threadId);
    expect(inbox.json.counts.overdue).toBeGreaterThanOrEqual(1);
    const summary = await t.request('GET', '/api/messages/summary', { headers: seller });
    expect(summary.json.overdue).toBeGreaterThanOrEqual(1);
  });

  it('marks no response needed: the thread leaves awaiting and overdue', async () => {
    const r = await t.request('POST', `/api/messages/threads/${threadId}/no-response-needed`, {
      headers: seller,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ awaitingResponse: false, overdue: false });
    const nrn = await t.request('GET', '/api/messages?filter=no_response_needed', { headers: seller });
    expect(nrn.json.threads.map((x: { id: string }) => x.id)).toContain(threadId);
    const stats = await t.services.messaging.responseTimeStats(jp.sellerId, 90);
    expect(stats.noResponseNeeded).toBeGreaterThanOrEqual(1);
    expect(stats.answeredInTime).toBeGreaterThanOrEqual(1);
  });

  it('tells the buyer the reply deadline and reminds the seller once when it passes (MSG-15)', async () => {
    const deadline = new Date(t.clock.now().getTime() + 48 * 3_600_000).toISOString();
    const tooSoon = await t.request('POST', `/api/messages/threads/${threadId}/reply-deadline`, {
      headers: seller,
      body: { deadline: new Date(t.clock.now().getTime() + 3_600_000).toISOString() },
    });
    expect(tooSoon.status).toBe(400);
    const r = await t.request('POST', `/api/messages/threads/${threadId}/reply-deadline`, {
      headers: seller,
      body: { deadline },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.message.kind).toBe('reply_deadline');
    expect(r.json.message.body).toContain(order1);
    const b = await t.request('GET', `/api/buyer/messages/${threadId}`, { headers: mia });
    expect(b.json.replyDeadlineAt).toBe(deadline.replace(/Z$/, 'Z'));
    await advance(48 * 3_600_000);
    await t.services.messaging.runSweeps();
    await t.services.messaging.runSweeps();
    const ev = (await events('messages.reply_deadline')).filter((e) => e.payload.threadId === threadId);
    expect(ev).toHaveLength(1);
  });
});

describe('inbox search and paging', () => {
  it('finds threads by order id, buyer name, relay address and subject words', async () => {
    const all = (await t.request('GET', '/api/messages?limit=100', { headers: seller })).json;
    const relay = all.threads[0].buyer.relayAddress;
    for (const q of [order1, 'Mia Mess', relay, '配送に関する']) {
      const r = await t.request('GET', `/api/messages?q=${encodeURIComponent(q)}`, { headers: seller });
      expect(r.status).toBe(200);
      expect(r.json.threads.length, q).toBeGreaterThan(0);
    }
    const none = await t.request('GET', `/api/messages?q=${encodeURIComponent('503-0000000-0000000')}`, {
      headers: seller,
    });
    expect(none.json.threads).toHaveLength(0);
  });

  it('pages with a keyset cursor without repeats, unanswered first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = cursor ? `&cursor=${cursor}` : '';
      const r = await t.request('GET', `/api/messages?limit=1${qs}`, { headers: seller });
      expect(r.status).toBe(200);
      seen.push(...r.json.threads.map((x: { id: string }) => x.id));
      cursor = r.json.nextCursor;
    } while (cursor);
    const all = (await t.request('GET', '/api/messages?limit=100', { headers: seller })).json.threads;
    expect(seen).toEqual(all.map((x: { id: string }) => x.id));
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('limits and the check route', () => {
  it('answers MESSAGE_RATE_LIMITED past the hourly limit per buyer', async () => {
    let last = 0;
    let sent = 0;
    for (let i = 0; i < 25 && last !== 429; i++) {
      const r = await contact(other, { topic: 'other', text: `Question number ${i}` });
      last = r.status;
      if (r.status === 201) sent++;
      else expect(r.json.error.code).toBe('MESSAGE_RATE_LIMITED');
    }
    expect(last).toBe(429);
    expect(sent).toBe(20);
  });

  it('checks a message with an SP-API access token or the web session', async () => {
    const token = await spApiToken(t, jp);
    const body = {
      direction: 'seller-to-buyer',
      marketplaceId: jp.marketplaceId,
      orderId: order1,
      text: 'Visit https://shop.example.com for coupons',
    };
    const r = await t.request('POST', '/api/messaging/check', {
      headers: { 'x-amz-access-token': token },
      body,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json.allowed).toBe(false);
    expect(r.json.violations.map((v: { rule: string }) => v.rule)).toContain('link');
    const web = await t.request('POST', '/api/messaging/check', {
      headers: seller,
      body: { ...body, text: `Order ${order1} ships today.` },
    });
    expect(web.json).toMatchObject({ allowed: true, violations: [] });
    expect((await t.request('POST', '/api/messaging/check', { body })).status).toBe(401);
  });

  it('refuses a huge body with 413 and a clear code', async () => {
    const r = await t.request('POST', '/api/buyer/messages', {
      headers: mia,
      body: { sellerId: jp.sellerId, topic: 'other', text: 'x'.repeat(300_000) },
    });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('MESSAGE_BODY_TOO_LARGE');
  });
});
