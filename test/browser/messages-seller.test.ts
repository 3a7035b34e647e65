// Issue 5 in the seller's browser: Buyer-Seller Messages. Buyers' messages go in through the one
// write path (messaging.postMessage); the seller finds them in the inbox (filters with counts,
// search, due badges, nav badge, home alert — MSG-14), answers with the live policy check
// highlighting a link and a phone number (MSG-8/11) and Send held until the text is clean, marks
// a thread "No response needed", inserts a MSG-12 template, sets a reply deadline (MSG-15); the
// operator adds a policy phrase and the seller's composer flags it; the CS Reply-to address is
// verified through the mailed link (MSG-3); and the pages speak Japanese.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mailbox } from '../../src/platform/db/platform.tables.ts';
import { createSeller, JP, operatorKey, PASSWORD, placeOrder, type TestSeller } from '../support/fixtures.ts';
import {
  type BrowserEnv,
  describeInBrowser,
  screenshotOnFailure,
  startBrowserEnv,
} from './browser-support.ts';

const OPERATOR = 'policy-ops@mercato.example';

describeInBrowser('Buyer-Seller Messages: the seller pages', () => {
  let env: BrowserEnv;
  let seller: TestSeller;
  /** Three orders: A and B have a buyer's question, C has no conversation yet. */
  let A: string;
  let B: string;
  let C: string;

  async function buyerWrites(amazonOrderId: string, text: string) {
    const { services } = env.t;
    const ctx = await services.messaging.orderContext(seller.sellerId, amazonOrderId);
    await services.messaging.postMessage({
      from: 'buyer',
      channel: 'web',
      sellerId: seller.sellerId,
      buyerId: ctx.buyerId,
      amazonOrderId,
      topic: 'order',
      kind: 'message',
      text,
      author: ctx.buyerId,
    });
  }

  async function openThreadOf(amazonOrderId: string) {
    const { page } = env;
    await env.open('/messages');
    await page
      .locator(`[data-testid="inbox-row"][data-order-id="${amazonOrderId}"] [data-testid="inbox-open"]`)
      .click();
    await page.getByTestId('thread').waitFor();
  }

  beforeAll(async () => {
    env = await startBrowserEnv();
    const { t } = env;
    await t.services.identity.createUser({
      email: OPERATOR,
      password: PASSWORD,
      name: 'Policy Ops',
      role: 'operator',
      sellerId: null,
      language: 'en',
    });
    seller = await createSeller(t, JP, 'Kyoto Tea House');
    const key = await operatorKey(t);
    A = (await placeOrder(t, key, seller)).amazonOrderId;
    B = (await placeOrder(t, key, seller, { buyer: { name: 'Hanako Suzuki', email: 'hanako@example.com' } }))
      .amazonOrderId;
    C = (await placeOrder(t, key, seller)).amazonOrderId;
    await buyerWrites(A, 'When will my green tea ship? I need it before the weekend.');
    t.clock.advance(60_000);
    await buyerWrites(B, 'Can you gift-wrap the tea cup, please?');
    // MSG-5: mail that claims to be the marketplace; MSG-2: a seller's mail that failed the policy.
    const ctxB = await t.services.messaging.orderContext(seller.sellerId, B);
    await t.services.messaging.postMessage({
      from: 'buyer',
      channel: 'email',
      sellerId: seller.sellerId,
      buyerId: ctxB.buyerId,
      amazonOrderId: B,
      kind: 'message',
      text: 'Mercato Security: your seller account is suspended, reply with your password to restore it.',
      author: `email:${ctxB.buyerEmail}`,
      suspectedPhishing: true,
    });
    await t.services.messaging.postMessage({
      from: 'seller',
      channel: 'email',
      sellerId: seller.sellerId,
      amazonOrderId: A,
      kind: 'reply',
      text: `Order ${A}: call me on 090-1234-5678.`,
      author: 'email:shop@kyoto-tea.example',
      storeBlocked: true,
    });
  });
  afterAll(() => env?.close());
  screenshotOnFailure(() => env);

  it('lists the conversations with counts, due badges, a nav badge and a home alert; filters and searches (MSG-14)', async () => {
    const { page } = env;
    await env.login(seller.email);
    await page
      .getByTestId('messages-alert')
      .getByText('2 buyer messages awaiting reply, 0 overdue')
      .waitFor();
    expect(await page.getByTestId('nav-messages-count').textContent()).toContain('2');

    await page.getByTestId('nav-messages').click();
    await page.waitForURL('**/messages');
    const rows = page.getByTestId('inbox-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('inbox-count-all').textContent()).toBe('2');
    expect(await page.getByTestId('inbox-count-awaiting').textContent()).toBe('2');
    expect(await page.getByTestId('inbox-count-overdue').textContent()).toBe('0');
    expect(await rows.first().getByTestId('due-badge').getAttribute('data-state')).toBe('due');
    expect(await rows.first().getByTestId('due-badge').textContent()).toMatch(/^Reply within \d+ h/);
    expect(await page.getByTestId('inbox-table').textContent()).toContain('your seller account is suspended');

    // Search by the order id: one conversation, and the search is in the URL.
    await page.getByTestId('inbox-search').fill(B);
    await page.getByTestId('inbox-search-submit').click();
    await page.waitForURL(`**/messages?q=${B}`);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-order-id')).toBe(B);
    // …and by the buyer's name.
    await page.getByTestId('inbox-search').fill('Hanako');
    await page.getByTestId('inbox-search-submit').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-order-id')).toBe(B);

    // A filter with nothing in it shows the empty state.
    await env.open('/messages?filter=overdue');
    await page.getByTestId('inbox-empty').waitFor();
    await page.getByTestId('inbox-tab-unread').click();
    await expect.poll(() => rows.count()).toBe(2);
    await env.shot('messages-inbox');
    expect(env.pageErrors).toEqual([]);
  });

  it('highlights a link and a phone number while typing, holds Send, and sends the fixed reply (MSG-7/8/11)', async () => {
    const { page } = env;
    await openThreadOf(A);
    expect(await page.getByTestId('conversation').textContent()).toContain('When will my green tea ship?');
    expect(await page.getByTestId('order-context').textContent()).toContain(A);
    expect(await page.getByTestId('order-context-items').textContent()).toContain('Green tea 100g');
    // The seller's mail the policy blocked is shown, with why (MSG-2).
    const blocked = page.locator('[data-testid="message"][data-status="blocked"]');
    await blocked.getByTestId('blocked-badge').waitFor();
    expect(await blocked.locator('[data-testid="violation"][data-rule="phone_number"]').count()).toBe(1);

    const bad = `Order ${A}: it ships tomorrow. Details at https://example.com/tea or call 090-1234-5678.`;
    await page.getByTestId('composer-text').fill(bad);
    const list = page.getByTestId('composer-violations');
    await list.waitFor();
    const rules = await list
      .getByTestId('violation')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules).toEqual(expect.arrayContaining(['link', 'phone_number']));
    const marks = page.getByTestId('composer-mark');
    const marked = await marks.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-rule'), e.textContent]),
    );
    expect(marked).toEqual(
      expect.arrayContaining([
        ['link', expect.stringContaining('example.com')],
        ['phone_number', expect.stringContaining('090-1234-5678')],
      ]),
    );
    expect(await page.getByTestId('composer-send').isDisabled()).toBe(true);
    await env.shot('messages-composer-violations');

    const good = `Order ${A}: your green tea ships tomorrow morning and arrives before the weekend.`;
    await page.getByTestId('composer-text').fill(good);
    await page.getByTestId('composer-ok').waitFor();
    expect(await marks.count()).toBe(0);
    await page.getByTestId('composer-send').click();
    const sent = page.locator('[data-testid="message"][data-direction="seller_to_buyer"]');
    await sent.getByText('your green tea ships tomorrow morning').waitFor();
    expect(await page.getByTestId('composer-text').inputValue()).toBe('');
    await page.getByTestId('due-badge').and(page.locator('[data-state="answered"]')).waitFor();
    expect(env.pageErrors).toEqual([]);
  });

  it('moves a thread out of Awaiting reply with "No response needed"', async () => {
    const { page } = env;
    await openThreadOf(B);
    // MSG-5: the suspected phishing mail carries a warning; its text is plain (no live links).
    const phishing = page
      .locator('[data-testid="message"]')
      .filter({ has: page.getByTestId('phishing-warning') });
    expect(await phishing.textContent()).toContain('your seller account is suspended');
    expect(await phishing.locator('a').count()).toBe(0);
    await page.getByTestId('no-response-needed').click();
    await page.getByTestId('no-response-needed').waitFor({ state: 'detached' });
    await env.open('/messages?filter=awaiting');
    await page.getByTestId('inbox-empty').waitFor();
    expect(await page.getByTestId('inbox-count-awaiting').textContent()).toBe('0');
    expect(await page.getByTestId('inbox-count-no_response_needed').textContent()).toBe('1');
    await page.getByTestId('inbox-tab-no_response_needed').click();
    const rows = page.getByTestId('inbox-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-order-id')).toBe(B);
    expect(env.pageErrors).toEqual([]);
  });

  it('composes to an order’s buyer from a template, says why another is unavailable, and opens the thread (MSG-6/12)', async () => {
    const { page } = env;
    await env.open(`/orders/${C}`);
    await page.getByTestId('buyer-contact').click();
    await page.waitForURL(`**/messages/new?order=${C}`);
    await page.getByTestId('compose').waitFor();
    expect(await page.getByTestId('template-return_confirmation').isDisabled()).toBe(true);
    expect(await page.getByTestId('template-return_confirmation-reason').textContent()).toContain(
      'Only after a refund for returned products',
    );
    await page.getByTestId('template-delay_notice').click();
    await expect.poll(() => page.getByTestId('composer-text').inputValue()).toContain(C);
    expect(await page.getByTestId('compose-purpose').inputValue()).toBe('delay_notice');
    await page.getByTestId('composer-ok').waitFor();
    await env.shot('messages-compose-template');
    await page.getByTestId('composer-send').click();
    await page.waitForURL(/\/messages\/[^/?]+$/);
    await page.getByTestId('thread').waitFor();
    expect(await page.locator('[data-direction="seller_to_buyer"]').count()).toBe(1);
    expect(env.pageErrors).toEqual([]);
  });

  it('sets a reply deadline the buyer is told about (MSG-15)', async () => {
    const { page } = env;
    await openThreadOf(A);
    await page.getByTestId('deadline-open').click();
    await page.getByTestId('deadline-submit').click();
    await page.getByTestId('thread-reply-deadline').waitFor();
    expect(await page.getByTestId('thread-reply-deadline').textContent()).toContain(
      'Buyer asked to answer by',
    );
    expect(env.pageErrors).toEqual([]);
  });

  it('lets the operator add a policy phrase, refusing an empty one, and the seller’s composer flags it', async () => {
    const { page } = env;
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
    await env.login(OPERATOR);
    await page.getByTestId('nav-ops-policy').click();
    await page.waitForURL('**/ops/policy');
    await page.getByTestId('phrase-add').click();
    await page.getByTestId('phrase-phrase-error').waitFor();
    await page.getByTestId('phrase-rule').selectOption('marketing');
    await page.getByTestId('phrase-text').fill('matcha festival');
    await page.getByTestId('phrase-add').click();
    await page.locator('[data-testid="phrase-row"][data-phrase="matcha festival"]').waitFor();
    expect(await page.getByTestId('phrase-phrase-error').count()).toBe(0);
    await env.shot('ops-policy-phrases');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
    await env.login(seller.email);
    await openThreadOf(A);
    await page.getByTestId('composer-text').fill(`Order ${A}: join our Matcha Festival next week!`);
    const flagged = page.locator(
      '[data-testid="composer-violations"] [data-testid="violation"][data-rule="marketing"]',
    );
    await flagged.waitFor();
    expect(await page.locator('[data-testid="composer-mark"][data-rule~="marketing"]').textContent()).toMatch(
      /Matcha Festival/i,
    );
    expect(await page.getByTestId('composer-send').isDisabled()).toBe(true);
    expect(env.pageErrors).toEqual([]);
  });

  it('verifies the Customer Service Reply-to address through the mailed link (MSG-3)', async () => {
    const { page, t } = env;
    await env.open('/settings');
    await page.getByTestId('cs-email-change').click();
    await page.getByTestId('cs-email-input').fill('support@kyoto-tea.example');
    await page.getByTestId('cs-email-save').click();
    await page.locator('[data-testid="cs-email-status"][data-verified="false"]').waitFor();
    expect(await page.getByTestId('cs-email').textContent()).toBe('support@kyoto-tea.example');

    const mails = await t.services.database.db
      .select()
      .from(mailbox)
      .where(eq(mailbox.to, 'support@kyoto-tea.example'));
    const link = /\/verify-email\?token=[^\s"<]+/.exec(mails.at(-1)?.text ?? '')?.[0];
    expect(link).toBeTruthy();
    await env.open(link as string);
    await page.getByTestId('verify-email-done').waitFor();
    await env.open('/settings');
    await page.locator('[data-testid="cs-email-status"][data-verified="true"]').waitFor();
    expect(env.pageErrors).toEqual([]);
  });

  it('speaks Japanese: inbox, tabs and the composer’s findings', async () => {
    const { page } = env;
    await env.open('/messages');
    await page.getByTestId('language-switch').selectOption('ja');
    await page.getByRole('heading', { name: '購入者とのメッセージ' }).waitFor();
    expect(await page.getByTestId('inbox-tab-awaiting').textContent()).toContain('返信待ち');
    await openThreadOf(A);
    await page
      .getByTestId('composer-text')
      .fill(`注文 ${A}: 詳細は https://example.com/tea をご覧ください。`);
    await page.getByTestId('composer-violations').getByText('送信前に次の点を修正してください:').waitFor();
    await env.shot('messages-thread-ja');
    await page.getByTestId('language-switch').selectOption('en');
    await page
      .getByRole('heading', { name: 'Buyer-Seller Messages' })
      .or(page.getByTestId('thread'))
      .first()
      .waitFor();
    expect(env.pageErrors).toEqual([]);
  });
});
