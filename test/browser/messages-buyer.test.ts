// A buyer writes to a seller in the browser (issue 5, MSG-1/2/11/15/16): the public seller profile
// signed out, the sign-in detour that keeps the draft, Contact This Seller in the account language
// (Japanese here), a link refused with its reason before sending, a phone number masked in what was
// sent, the thread in Your Account → Messages, the seller's reply unread, the buyer's reply (HTML
// refused first), and "Contact seller" on an order with the order preselected.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSeller, operatorKey, placeOrder, type TestSeller, webLogin } from '../support/fixtures.ts';
import {
  type BrowserEnv,
  describeInBrowser,
  screenshotOnFailure,
  startBrowserEnv,
} from './browser-support.ts';

describeInBrowser('buyer messaging in the browser', () => {
  let env: BrowserEnv;
  let jp: TestSeller;
  let key: string;
  let order: string;
  let threadId: string;
  const email = 'aoi.buyer@example.com';
  const phone = '090-8765-4321';

  async function signInLinkPath(who: string): Promise<string> {
    const r = await env.t.request('POST', '/marketplace/v1/buyers/sign-in-links', {
      body: { email: who },
      headers: { authorization: `Bearer ${key}` },
    });
    expect(r.status).toBe(201);
    const url = new URL(r.json.url);
    return url.pathname + url.search;
  }

  beforeAll(async () => {
    env = await startBrowserEnv();
    const { t } = env;
    key = await operatorKey(t);
    jp = await createSeller(t, undefined, '京都茶舗 Kyoto Tea');
    order = (await placeOrder(t, key, jp, { buyer: { name: '青井 葵', email } })).amazonOrderId;
  });
  afterAll(() => env?.close());
  screenshotOnFailure(() => env);

  it('MSG-1: a signed-out visitor reads the profile, and writing sends them to sign in with the draft kept', async () => {
    const { page, t } = env;
    const profile = (await t.request('GET', `/api/public/sellers/${jp.sellerId}`)).json;
    expect(profile.topics.map((x: { id: string }) => x.id).sort()).toEqual(
      ['other', 'product_details', 'returns_policy', 'shipping'].sort(),
    );
    await env.open(`/sellers/${jp.sellerId}`);
    await page.getByTestId('seller-profile').waitFor();
    expect(await page.getByTestId('seller-profile-name').textContent()).toBe('京都茶舗 Kyoto Tea');
    expect(await page.getByTestId('seller-marketplace').textContent()).toBe(profile.marketplace.name);
    await page.getByTestId('contact-topic-shipping').check();
    const shipping = profile.topics.find((x: { id: string }) => x.id === 'shipping');
    expect(await page.getByTestId('contact-subject').textContent()).toContain(shipping.subject);
    await page.getByTestId('contact-text').fill('Can you ship my tea before Friday?');
    await env.shot('buyer-seller-profile-signed-out');
    await page.getByTestId('contact-sign-in').click();
    await page.getByTestId('account-sign-in').waitFor();
    const signIn = new URL(page.url());
    expect(signIn.pathname).toBe('/account/sign-in');
    expect(signIn.searchParams.get('next')).toBe(`/sellers/${jp.sellerId}`);

    // The buyer signs in with a one-time link that comes back to the same page.
    const link = new URL(await signInLinkPath(email), env.baseUrl);
    link.searchParams.set('next', signIn.searchParams.get('next') ?? '');
    await env.open(link.pathname + link.search);
    await page.getByTestId('contact-send').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/sellers/${jp.sellerId}`);
    expect(await page.getByTestId('contact-text').inputValue()).toBe('Can you ship my tea before Friday?');
    expect(await page.getByTestId('contact-topic-shipping').isChecked()).toBe(true);
    // The buyer's order was on the Japanese marketplace: the account speaks Japanese.
    await expect
      .poll(() => page.locator('[data-testid="contact-form"] .panel-title').textContent())
      .toBe('出品者に問い合わせる');
    expect(await page.getByTestId('account-nav-messages').textContent()).toBe('メッセージ');
    await env.shot('buyer-contact-form-ja');
    await page.getByTestId('account-language').selectOption('en');
    await expect
      .poll(() => page.locator('[data-testid="contact-form"] .panel-title').textContent())
      .toBe('Contact this seller');
  });

  it('MSG-2: a link is refused with the reason before sending', async () => {
    const { page } = env;
    await page.getByTestId('contact-text').fill('Is this the same tea as on https://example.com/tea ?');
    const refused = page.getByTestId('contact-text-refused');
    await refused.waitFor();
    expect(await page.locator('[data-testid="contact-violation"]').first().getAttribute('data-rule')).toBe(
      'link',
    );
    expect(await refused.textContent()).toContain('example.com');
    expect(await page.getByTestId('contact-send').isDisabled()).toBe(true);
    await env.shot('buyer-contact-link-refused');
  });

  it('MSG-11/16: sends with an order; the phone number is masked in the sent message; the thread is listed', async () => {
    const { page, t } = env;
    const text = `Can you ship my tea before Friday? Call me at ${phone} if needed.`;
    await page.getByTestId('contact-text').fill(text);
    await page.getByTestId('contact-text-check').filter({ hasText: 'can be sent' }).waitFor();
    expect(await page.getByTestId('contact-text-counter').textContent()).toContain(`${text.length} /`);
    await page.getByTestId('contact-order').selectOption(order);
    await page.getByTestId('contact-send').click();
    await page.getByTestId('contact-sent').waitFor();
    expect(await page.getByTestId('contact-sent-body').textContent()).toContain(
      'Your message was sent. 京都茶舗 Kyoto Tea will reply',
    );
    await env.shot('buyer-contact-sent');

    await page.getByTestId('contact-sent-thread').click();
    await page.getByTestId('buyer-thread').waitFor();
    threadId = (await page.getByTestId('buyer-thread').getAttribute('data-thread-id')) ?? '';
    const body = (await page.getByTestId('buyer-message-body').first().textContent()) ?? '';
    expect(body).toContain('Can you ship my tea before Friday?');
    expect(body).not.toContain(phone);
    expect(body).not.toContain('8765');
    await page.getByTestId('buyer-message-redacted').waitFor();
    expect(await page.getByTestId('buyer-thread-order').textContent()).toContain(order);

    // What the seller received is masked too, in the thread about the order.
    const seller = await webLogin(t, jp.email);
    const view = await t.request('GET', `/api/messages/threads/${threadId}`, { headers: seller });
    expect(view.status, view.text).toBe(200);
    expect(view.json.amazonOrderId).toBe(order);
    expect(JSON.stringify(view.json.messages)).not.toContain('8765');

    await page.getByTestId('account-nav-messages').click();
    await page.getByTestId('buyer-messages').waitFor();
    const row = page.locator(`[data-testid="buyer-thread-row"][data-thread-id="${threadId}"]`);
    expect(await row.getByTestId('buyer-thread-seller').textContent()).toBe('京都茶舗 Kyoto Tea');
    expect(await row.textContent()).toContain(order);
    expect(await row.getAttribute('data-unread')).toBe('false');
  });

  it("shows the seller's reply unread, and the buyer replies in the thread (HTML refused first)", async () => {
    const { page, t } = env;
    const seller = await webLogin(t, jp.email);
    t.clock.advance(30 * 60_000);
    const reply = await t.request('POST', `/api/messages/threads/${threadId}/replies`, {
      headers: seller,
      body: { text: `Order ${order}: yes, it ships on Thursday.` },
    });
    expect(reply.status, reply.text).toBeLessThan(300);

    await page.reload();
    const row = page.locator(`[data-testid="buyer-thread-row"][data-thread-id="${threadId}"]`);
    await row.getByTestId('buyer-thread-unread').waitFor();
    expect(await page.getByTestId('account-nav-unread').textContent()).toContain('1');
    expect(await row.getByTestId('buyer-thread-preview').textContent()).toContain('ships on Thursday');
    await env.shot('buyer-messages-unread');

    await row.locator('a').click();
    await page.getByTestId('buyer-thread').waitFor();
    const messages = page.getByTestId('buyer-message');
    expect(await messages.count()).toBe(2);
    expect(await messages.last().getAttribute('data-direction')).toBe('seller_to_buyer');
    const relay = (await page.getByTestId('buyer-thread-relay').textContent()) ?? '';
    expect(relay).toMatch(/reply by email to \S+@relay\./);
    expect(relay).not.toContain(jp.email);
    // Opening the thread read it: the header count goes.
    await expect.poll(() => page.getByTestId('account-nav-unread').count()).toBe(0);

    await page.getByTestId('buyer-reply-text').fill('<b>Thank you!</b>');
    await page.getByTestId('buyer-reply-text-refused').waitFor();
    expect(await page.locator('[data-testid="contact-violation"]').first().getAttribute('data-rule')).toBe(
      'html',
    );
    expect(await page.getByTestId('buyer-reply-send').isDisabled()).toBe(true);
    await page.getByTestId('buyer-reply-text').fill('Thank you, Thursday is fine.');
    await page.getByTestId('buyer-reply-text-check').filter({ hasText: 'can be sent' }).waitFor();
    await page.getByTestId('buyer-reply-send').click();
    await expect.poll(() => messages.count()).toBe(3);
    expect(await messages.last().getAttribute('data-direction')).toBe('buyer_to_seller');
    expect(await messages.last().getByTestId('buyer-message-body').textContent()).toBe(
      'Thank you, Thursday is fine.',
    );
    expect(await page.getByTestId('buyer-reply-text').inputValue()).toBe('');
    await env.shot('buyer-thread');
  });

  it('MSG-15: a reply deadline the seller set is shown in the list and the thread', async () => {
    const { page, t } = env;
    const seller = await webLogin(t, jp.email);
    const deadline = new Date(t.clock.now().getTime() + 48 * 3600_000).toISOString();
    const r = await t.request('POST', `/api/messages/threads/${threadId}/reply-deadline`, {
      headers: seller,
      body: { deadline },
    });
    expect(r.status, r.text).toBeLessThan(300);
    await env.open('/account/messages');
    const row = page.locator(`[data-testid="buyer-thread-row"][data-thread-id="${threadId}"]`);
    await row.getByTestId('buyer-thread-deadline').waitFor();
    await row.locator('a').click();
    expect(await page.getByTestId('buyer-thread-deadline').textContent()).toContain(
      '京都茶舗 Kyoto Tea asked',
    );
  });

  it('"Contact seller" on an order opens the contact form with the order chosen', async () => {
    const { page } = env;
    await env.open(`/account/orders/${order}`);
    await page.getByTestId('account-contact-seller').click();
    await page.getByTestId('contact-form').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/sellers/${jp.sellerId}`);
    await expect.poll(() => page.getByTestId('contact-order').inputValue()).toBe(order);
  });

  it('an unknown seller is not found, and the pages raised no errors', async () => {
    const { page } = env;
    await env.open('/sellers/no-such-seller');
    await page.getByTestId('seller-profile-not-found').waitFor();
    expect(env.pageErrors).toEqual([]);
  });
});
