// "Your Account" end to end (issue 3 item 9; ORD-5, ORD-13, ORD-14): buyers created at checkout,
// sign-in links (single use, 15 minutes) and passwords (throttled), the buyer's orders across
// sellers, edits inside and after the window, cancellation requests, receipts as JSON and PDF,
// and tenancy: a buyer never reaches another buyer's order nor the seller's private data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeller, IT, operatorKey, placeOrder, type TestSeller, webLogin } from '../support/fixtures.ts';
import { pdfText } from '../support/pdf-text.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let key: string;
let jp: TestSeller;
let it_: TestSeller;
const MIA = 'Mia.Buyer@Example.com';
const OTHER = 'someone-else@example.com';
const MIA_PASSWORD = 'mia-password-123';

async function signInLink(email: string) {
  return t.request('POST', '/marketplace/v1/buyers/sign-in-links', {
    body: { email },
    headers: { authorization: `Bearer ${key}` },
  });
}

/** Exchanges a link's token for a session; returns headers with the buyer cookie and CSRF token. */
async function useLink(url: string) {
  const token = new URL(url).searchParams.get('token') ?? '';
  return t.request('POST', '/api/buyer/session/link', { body: { token } });
}

function sessionHeaders(r: { headers: Headers; json: { csrfToken: string } }): Record<string, string> {
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': r.json.csrfToken };
}

async function buyerLogin(email: string, password = MIA_PASSWORD) {
  const r = await t.request('POST', '/api/buyer/session', { body: { email, password } });
  if (r.status !== 200) throw new Error(`buyer login: ${r.status} ${r.text}`);
  return sessionHeaders(r);
}

let mia: Record<string, string>;
let other: Record<string, string>;
let miaJp1: string; // oldest
let miaIt: string;
let miaJp2: string; // newest, for edits
let otherOrder: string;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T01:00:00Z' });
  key = await operatorKey(t);
  jp = await createSeller(t, undefined, '株式会社さくら商店');
  it_ = await createSeller(t, IT, 'Bottega Località');
  miaJp1 = (await placeOrder(t, key, jp, { buyer: { name: 'Mia Buyer', email: MIA } })).amazonOrderId;
  t.clock.advance(60_000);
  // Same person, other case: still one buyer (emails are case-insensitive).
  miaIt = (await placeOrder(t, key, it_, { buyer: { name: 'Mia Buyer', email: MIA.toLowerCase() } }))
    .amazonOrderId;
  t.clock.advance(60_000);
  miaJp2 = (await placeOrder(t, key, jp, { buyer: { name: 'Mia Buyer', email: MIA.toUpperCase() } }))
    .amazonOrderId;
  otherOrder = (await placeOrder(t, key, jp, { buyer: { name: 'Other Buyer', email: OTHER } })).amazonOrderId;
  const b = await t.services.buyers.findByEmail(MIA);
  if (!b) throw new Error('buyer was not created at checkout');
  await t.services.buyers.setPassword(b.id, MIA_PASSWORD);
  const o = await t.services.buyers.findByEmail(OTHER);
  await t.services.buyers.setPassword(o?.id ?? '', 'other-password-1');
  mia = await buyerLogin(MIA);
  other = await buyerLogin(OTHER, 'other-password-1');
});
afterAll(() => t?.close());

describe('buyer accounts', () => {
  it('creates one buyer per email at checkout, whatever the case, in the marketplace language', async () => {
    const a = await t.services.buyers.findByEmail(MIA.toLowerCase());
    const b = await t.services.buyers.findByEmail(MIA.toUpperCase());
    expect(a?.id).toBeDefined();
    expect(a?.id).toBe(b?.id);
    expect(a?.language).toBe('ja'); // first order was on the Japanese marketplace
    const rows = await t.services.orders.buyerOrderPage(a?.id ?? '', 1, 10);
    expect(rows.total).toBe(3);
  });
});

describe('sign-in links', () => {
  it('needs the operator key and a known buyer', async () => {
    const anon = await t.request('POST', '/marketplace/v1/buyers/sign-in-links', { body: { email: MIA } });
    expect(anon.status).toBe(401);
    const unknown = await signInLink('nobody@example.com');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('BUYER_NOT_FOUND');
  });

  it('signs in once with a link; the second use is refused', async () => {
    const link = await signInLink(MIA);
    expect(link.status).toBe(201);
    expect(link.json.url).toMatch(/^http:\/\/localhost:\d+\/account\/sign-in\?token=[\w-]{30,}$/);
    expect(new Date(link.json.expiresAt).getTime() - t.clock.now().getTime()).toBe(15 * 60_000);
    const first = await useLink(link.json.url);
    expect(first.status).toBe(200);
    expect(first.json.buyer.email.toLowerCase()).toBe(MIA.toLowerCase());
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mercato_buyer_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    const me = await t.request('GET', '/api/buyer/session', { headers: sessionHeaders(first) });
    expect(me.status).toBe(200);
    expect(me.json.buyer.name).toBe('Mia Buyer');
    const again = await useLink(link.json.url);
    expect(again.status).toBe(401);
    expect(again.json.error.code).toBe('SIGN_IN_LINK_USED');
  });

  it('refuses a link after 15 minutes, and a made-up token', async () => {
    const link = await signInLink(MIA);
    t.clock.advance(15 * 60_000);
    const late = await useLink(link.json.url);
    expect(late.status).toBe(401);
    expect(late.json.error.code).toBe('SIGN_IN_LINK_EXPIRED');
    expect(late.json.error.message).toMatch(/expired/);
    const bogus = await t.request('POST', '/api/buyer/session/link', { body: { token: 'x'.repeat(43) } });
    expect(bogus.json.error.code).toBe('SIGN_IN_LINK_INVALID');
  });
});

describe('password sign-in and sessions', () => {
  it('refuses a wrong password, throttles after five failures, and a buyer without a password', async () => {
    const who = 'throttle-me@example.com';
    await placeOrder(t, key, jp, { buyer: { name: 'T', email: who } });
    const b = await t.services.buyers.findByEmail(who);
    const noPassword = await t.request('POST', '/api/buyer/session', {
      body: { email: who, password: 'anything1' },
    });
    expect(noPassword.status).toBe(401);
    expect(noPassword.json.error.code).toBe('INVALID_CREDENTIALS');
    await t.services.buyers.setPassword(b?.id ?? '', 'right-password');
    for (let i = 0; i < 4; i++) {
      const r = await t.request('POST', '/api/buyer/session', {
        body: { email: who, password: 'wrong-password' },
      });
      expect(r.status).toBe(401);
    }
    const blocked = await t.request('POST', '/api/buyer/session', {
      body: { email: who, password: 'right-password' },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    t.clock.advance(16 * 60_000);
    const ok = await t.request('POST', '/api/buyer/session', {
      body: { email: who, password: 'right-password' },
    });
    expect(ok.status).toBe(200);
  });

  it('keeps buyer and seller sessions apart', async () => {
    const seller = await webLogin(t, jp.email);
    const sellerOnBuyerApi = await t.request('GET', '/api/buyer/orders', { headers: seller });
    expect(sellerOnBuyerApi.status).toBe(401);
    expect(sellerOnBuyerApi.json.error.code).toBe('BUYER_UNAUTHENTICATED');
    const buyerOnSellerApi = await t.request('GET', '/api/orders', { headers: mia });
    expect(buyerOnSellerApi.status).toBe(401);
    // Both cookies in one browser: each API reads its own.
    const both = { cookie: `${seller.cookie}; ${mia.cookie}`, 'x-csrf-token': mia['x-csrf-token'] ?? '' };
    const r = await t.request('PUT', '/api/buyer/session/language', {
      headers: both,
      body: { language: 'it' },
    });
    expect(r.status).toBe(204);
    const me = await t.request('GET', '/api/buyer/session', { headers: mia });
    expect(me.json.buyer.language).toBe('it');
    await t.request('PUT', '/api/buyer/session/language', { headers: mia, body: { language: 'ja' } });
  });

  it('refuses a state change without the CSRF token', async () => {
    const r = await t.request('PUT', '/api/buyer/session/language', {
      headers: { cookie: mia.cookie ?? '' },
      body: { language: 'en' },
    });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('signs out', async () => {
    const s = await buyerLogin(MIA);
    expect((await t.request('DELETE', '/api/buyer/session', { headers: s })).status).toBe(204);
    expect((await t.request('GET', '/api/buyer/orders', { headers: s })).status).toBe(401);
  });
});

describe('the buyer API', () => {
  it("lists the buyer's orders of every seller, newest first, paged", async () => {
    const r = await t.request('GET', '/api/buyer/orders?pageSize=2', { headers: mia });
    expect(r.status).toBe(200);
    expect(r.json.total).toBe(3);
    expect(r.json.orders.map((o: { amazonOrderId: string }) => o.amazonOrderId)).toEqual([miaJp2, miaIt]);
    expect(r.json.orders[1].sellerName).toBe('Bottega Località');
    expect(r.json.orders[0].items[0]).toEqual({ title: 'Green tea 100g', quantity: 2 });
    const p2 = await t.request('GET', '/api/buyer/orders?pageSize=2&page=2', { headers: mia });
    expect(p2.json.orders.map((o: { amazonOrderId: string }) => o.amazonOrderId)).toEqual([miaJp1]);
    const empty = await t.request('GET', '/api/buyer/orders', { headers: other });
    expect(empty.json.orders.map((o: { amazonOrderId: string }) => o.amazonOrderId)).toEqual([otherOrder]);
  });

  it("answers 404 for another buyer's order on every route, and changes nothing", async () => {
    const before = await t.services.orders.findOrderForOperator(otherOrder);
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/buyer/orders/${otherOrder}`],
      ['GET', `/api/buyer/orders/${otherOrder}/receipt`],
      ['GET', `/api/buyer/orders/${otherOrder}/receipt.pdf`],
      ['PATCH', `/api/buyer/orders/${otherOrder}`, { items: [{ orderItemId: '1', quantity: 1 }] }],
      ['POST', `/api/buyer/orders/${otherOrder}/cancellation-request`, { reason: 'Other' }],
    ];
    for (const [method, path, body] of routes) {
      const r = await t.request(method, path, { headers: mia, body });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.json.error.code).toBe('ORDER_NOT_FOUND');
    }
    const after = await t.services.orders.findOrderForOperator(otherOrder);
    expect(after.buyerCancelRequestedAt).toBeNull();
    expect(after.orderTotal).toBe(before.orderTotal);
  });

  it("shows the buyer's own data and none of the seller's private data", async () => {
    const r = await t.request('GET', `/api/buyer/orders/${miaJp1}`, { headers: mia });
    expect(r.status).toBe(200);
    const o = r.json.order;
    // The seller's id is public since issue 5 (MSG-1: /sellers/:sellerId, "Contact seller").
    expect(o.seller).toEqual({ id: jp.sellerId, name: '株式会社さくら商店' });
    expect(o.shippingAddress.phone).toBe('090-1234-5678');
    expect(o.totals.total).toEqual({ amount: '5350', currencyCode: 'JPY' });
    expect(o.timeline.map((e: { kind: string }) => e.kind)).toEqual(['placed']);
    const raw = r.text;
    expect(raw).not.toContain('relay');
    expect(raw).not.toContain('sellerOrderId');
  });
});

describe('edits (ORD-5) and cancellation requests (ORD-13)', () => {
  it('changes quantity and address inside the window, refuses after it and offers cancellation', async () => {
    // A fresh order: the clock moved past the earlier ones' windows in the tests above.
    miaJp2 = (await placeOrder(t, key, jp, { buyer: { name: 'Mia Buyer', email: MIA } })).amazonOrderId;
    const before = (await t.request('GET', `/api/buyer/orders/${miaJp2}`, { headers: mia })).json.order;
    expect(before.edit.allowed).toBe(true);
    expect(before.edit.refusal).toBeNull();
    const tea = before.items[0].orderItemId;
    // Orders placed at a moment the test clock chose; the window counts from the purchase date.
    t.clock.set(new Date(new Date(before.purchaseDate).getTime() + 60_000));
    const edited = await t.request('PATCH', `/api/buyer/orders/${miaJp2}`, {
      headers: mia,
      body: {
        items: [{ orderItemId: tea, quantity: 3 }],
        shippingAddress: { ...before.shippingAddress, addressLine1: '4-5-6 Ebisu' },
      },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json.order.items[0].quantityOrdered).toBe(3);
    expect(edited.json.order.totals.total.amount).toBe('6850');
    expect(edited.json.order.shippingAddress.addressLine1).toBe('4-5-6 Ebisu');
    expect(edited.json.order.timeline.map((e: { kind: string }) => e.kind)).toContain('edited');

    t.clock.set(new Date(new Date(before.purchaseDate).getTime() + 5 * 60_000));
    const late = await t.request('PATCH', `/api/buyer/orders/${miaJp2}`, {
      headers: mia,
      body: { items: [{ orderItemId: tea, quantity: 1 }] },
    });
    expect(late.status).toBe(422);
    expect(late.json.error.code).toBe('EDIT_WINDOW_CLOSED');
    expect(late.json.error.message).toMatch(/Cancel the order/);
    const view = (await t.request('GET', `/api/buyer/orders/${miaJp2}`, { headers: mia })).json.order;
    expect(view.edit.allowed).toBe(false);
    expect(view.edit.refusal.code).toBe('EDIT_WINDOW_CLOSED');
    expect(view.cancel.allowed).toBe(true);
    expect(view.items[0].quantityOrdered).toBe(3);
  });

  it('records a cancellation request the seller then sees', async () => {
    const r = await t.request('POST', `/api/buyer/orders/${miaJp2}/cancellation-request`, {
      headers: mia,
      body: { reason: 'OrderedByMistake' },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json.order.cancelRequest.reason).toBe('OrderedByMistake');
    expect(r.json.order.cancel.allowed).toBe(false);
    expect(r.json.order.timeline.map((e: { kind: string }) => e.kind)).toContain('cancel_requested');
    const row = await t.services.orders.findOrderForOperator(miaJp2);
    expect(row.buyerCancelRequestedAt).not.toBeNull();
    const bad = await t.request('POST', `/api/buyer/orders/${miaJp2}/cancellation-request`, {
      headers: mia,
      body: { reason: 'because' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('receipts (ORD-14)', () => {
  let seller: Record<string, string>;
  beforeAll(async () => {
    seller = await webLogin(t, jp.email);
  });

  it('has no receipt before the buyer is charged', async () => {
    const r = await t.request('GET', `/api/buyer/orders/${miaJp1}/receipt.pdf`, { headers: mia });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('RECEIPT_NOT_AVAILABLE');
  });

  it('issues the receipt in the marketplace language with the seller as issuer, as JSON and PDF', async () => {
    const detail = (await t.request('GET', `/api/orders/${miaJp1}`, { headers: seller })).json;
    const items = detail.order?.items ?? detail.items;
    const ship = await t.request('POST', `/api/orders/${miaJp1}/shipments`, {
      headers: seller,
      body: {
        carrierCode: 'Yamato',
        carrierName: 'Yamato Transport',
        trackingNumber: '4455-6677-8899',
        shipDate: t.clock.now().toISOString(),
        items: items.map((i: { orderItemId: string; quantityOrdered: number }) => ({
          orderItemId: i.orderItemId,
          quantity: i.quantityOrdered,
        })),
      },
    });
    expect(ship.status, ship.text).toBeLessThan(300);
    t.clock.advance(3600_000);
    const scan = await t.request('POST', '/marketplace/v1/carrier-scans', {
      headers: { authorization: `Bearer ${key}` },
      body: {
        trackingNumber: '4455-6677-8899',
        status: 'Delivered',
        location: 'Shibuya',
        externalId: 'scan-1',
      },
    });
    expect(scan.status, scan.text).toBeLessThan(300);

    const view = (await t.request('GET', `/api/buyer/orders/${miaJp1}`, { headers: mia })).json.order;
    expect(view.shipments[0]).toMatchObject({
      carrier: 'Yamato Transport',
      trackingNumber: '4455-6677-8899',
    });
    expect(view.shipments[0].scans.map((s: { status: string }) => s.status)).toEqual(['Delivered']);
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'placed',
      'shipped',
      'charged',
      'scan',
    ]);
    expect(view.receipt.available).toBe(true);

    const json = await t.request('GET', `/api/buyer/orders/${miaJp1}/receipt`, { headers: mia });
    expect(json.status).toBe(200);
    expect(json.json.receipt.title).toBe('領収書');
    expect(json.json.receipt.seller.name).toBe('株式会社さくら商店');
    expect(json.json.receipt.amounts).toMatchObject({ total: '5350', paid: '5350', refunded: '0' });

    const pdf = await t.app.request(`/api/buyer/orders/${miaJp1}/receipt.pdf`, { headers: mia });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`receipt-${miaJp1}.pdf`);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { text } = await pdfText(bytes);
    for (const word of ['領収書', '株式会社さくら商店', miaJp1, 'Green tea 100g', 'Mercato.jp', '￥5,350']) {
      expect(text).toContain(word);
    }
    const english = await t.app.request(`/api/buyer/orders/${miaJp1}/receipt.pdf?language=en`, {
      headers: mia,
    });
    const en = await pdfText(new Uint8Array(await english.arrayBuffer()));
    expect(en.text).toContain('Receipt');
    expect(en.text).toContain('Issued by Mercato.jp on behalf of the seller 株式会社さくら商店');
  });

  it('lists refunds on the receipt and in the timeline', async () => {
    const detail = (await t.request('GET', `/api/orders/${miaJp1}`, { headers: seller })).json;
    const cup = (detail.order?.items ?? detail.items)[1].orderItemId;
    const refund = await t.request('POST', `/api/orders/${miaJp1}/refunds`, {
      headers: seller,
      body: {
        reason: 'CustomerReturn',
        note: 'private seller note',
        lines: [{ orderItemId: cup, quantity: 1 }],
      },
    });
    expect(refund.status, refund.text).toBeLessThan(300);
    const view = await t.request('GET', `/api/buyer/orders/${miaJp1}`, { headers: mia });
    expect(view.json.order.refunds[0].total).toEqual({ amount: '2000', currencyCode: 'JPY' });
    expect(view.json.order.totals.net.amount).toBe('3350');
    expect(view.text).not.toContain('private seller note');
    expect(view.json.order.timeline.at(-1).kind).toBe('refunded');
    const r = await t.request('GET', `/api/buyer/orders/${miaJp1}/receipt?language=it`, { headers: mia });
    expect(r.json.receipt.title).toBe('Ricevuta');
    expect(r.json.receipt.amounts).toMatchObject({ refunded: '2000', paid: '3350' });
    expect(r.json.receipt.refunds[0].reason).toBe('Reso');
  });

  it('writes an Italian receipt for an order of the Italian marketplace', async () => {
    const seller = await webLogin(t, it_.email);
    const detail = (await t.request('GET', `/api/orders/${miaIt}`, { headers: seller })).json;
    const items = detail.order?.items ?? detail.items;
    const ship = await t.request('POST', `/api/orders/${miaIt}/shipments`, {
      headers: seller,
      body: {
        carrierCode: 'BRT',
        trackingNumber: 'IT-778899',
        shipDate: t.clock.now().toISOString(),
        items: [{ orderItemId: items[0].orderItemId, quantity: 1 }],
      },
    });
    expect(ship.status, ship.text).toBeLessThan(300);
    const pdf = await t.app.request(`/api/buyer/orders/${miaIt}/receipt.pdf`, { headers: mia });
    const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    for (const word of [
      'Ricevuta',
      'Bottega Località',
      'Emessa da Mercato.it per conto del venditore',
      'Totale dell’ordine',
    ]) {
      expect(text.replaceAll("'", '’')).toContain(word.replaceAll("'", '’'));
    }
  });
});
