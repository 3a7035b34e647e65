// A buyer in the browser ("Your Account", issue 3 item 9): signs in with a one-time link, reads
// the order list in Japanese then English, changes an order inside the edit window, sees the
// refusal after it and asks to cancel, follows a shipped order's tracking, opens the printable
// receipt and downloads the PDF; another buyer's order is not found.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSeller, IT, operatorKey, placeOrder, type TestSeller, webLogin } from '../support/fixtures.ts';
import { pdfText } from '../support/pdf-text.ts';
import {
  type BrowserEnv,
  describeInBrowser,
  screenshotOnFailure,
  startBrowserEnv,
} from './browser-support.ts';

describeInBrowser('buyer pages in the browser', () => {
  let env: BrowserEnv;
  let jp: TestSeller;
  let key: string;
  let shipped: string;
  let fresh: string;
  let strangers: string;
  const email = 'hanako.buyer@example.com';

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
    const it_ = await createSeller(t, IT, 'Bottega Aurora');
    const buyer = { name: '佐藤 花子', email };
    shipped = (await placeOrder(t, key, jp, { buyer })).amazonOrderId;
    await placeOrder(t, key, it_, { buyer });
    strangers = (await placeOrder(t, key, jp, { buyer: { name: 'Other', email: 'other@example.com' } }))
      .amazonOrderId;
    const seller = await webLogin(t, jp.email);
    const detail = (await t.request('GET', `/api/orders/${shipped}`, { headers: seller })).json;
    const items = (detail.order?.items ?? detail.items) as { orderItemId: string; quantityOrdered: number }[];
    const ship = await t.request('POST', `/api/orders/${shipped}/shipments`, {
      headers: seller,
      body: {
        carrierCode: 'Yamato',
        carrierName: 'Yamato Transport',
        trackingNumber: '3344-5566-7788',
        shipDate: t.clock.now().toISOString(),
        items: items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
      },
    });
    expect(ship.status, ship.text).toBeLessThan(300);
    t.clock.advance(2 * 3600_000);
    await t.request('POST', '/marketplace/v1/carrier-scans', {
      headers: { authorization: `Bearer ${key}` },
      body: { trackingNumber: '3344-5566-7788', status: 'Delivered', location: 'Kyoto', externalId: 'b-1' },
    });
    fresh = (await placeOrder(t, key, jp, { buyer })).amazonOrderId;
  });
  afterAll(() => env?.close());
  screenshotOnFailure(() => env);

  it('signs in with a one-time link and lists the orders in the account language', async () => {
    const { page } = env;
    await env.open(await signInLinkPath(email));
    await page.getByTestId('account-orders').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    // The buyer's first order was on the Japanese marketplace: the account speaks Japanese.
    await expect.poll(() => page.locator('h1').textContent()).toBe('注文履歴');
    const rows = page.getByTestId('account-order-row');
    // The heading renders with the shell; the orders arrive with their own query.
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().getAttribute('data-order-id')).toBe(fresh);
    expect(await page.getByTestId('buyer-name').textContent()).toContain('佐藤 花子');
    await env.shot('buyer-orders-ja');
    await page.getByTestId('account-language').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your orders');
    expect(await page.getByText('Sold by Bottega Aurora').count()).toBe(1);
  });

  it('changes a quantity inside the edit window', async () => {
    const { page } = env;
    await page.locator(`[data-order-id="${fresh}"] [data-testid="account-order-open"]`).click();
    await page.getByTestId('account-edit').waitFor();
    expect(await page.getByTestId('account-total').textContent()).toContain('5,350');
    await page.getByTestId('account-edit-qty').first().fill('3');
    await page.getByTestId('account-edit-save').click();
    await expect.poll(() => page.getByTestId('account-total').textContent()).toContain('6,850');
    expect(await page.getByTestId('account-item-qty').first().textContent()).toBe('3');
    await page.locator('.timeline-edited').waitFor();
    await env.shot('buyer-order-edit');
  });

  it('shows why the order can no longer be changed after the window and offers cancellation', async () => {
    const { page, t } = env;
    t.clock.advance(10 * 60_000);
    await page.reload();
    const refusal = page.getByTestId('account-edit-refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('EDIT_WINDOW_CLOSED');
    expect(await refusal.textContent()).toContain('Cancel the order and place a new one');
    await page.getByTestId('account-cancel-reason').selectOption('OrderedByMistake');
    await page.getByTestId('account-cancel-submit').click();
    await page.getByTestId('account-cancel-requested').waitFor();
    await page.getByTestId('buyer-cancel-requested').waitFor();
    expect(await page.locator('.timeline-cancel_requested').textContent()).toContain('Ordered by mistake');
    const row = await t.services.orders.findOrderForOperator(fresh);
    expect(row.buyerCancelRequestedAt).not.toBeNull();
    await env.shot('buyer-order-cancel-requested');
  });

  it('tracks a shipped order and opens its receipt as a print page and as a PDF', async () => {
    const { page } = env;
    await env.open(`/account/orders/${shipped}`);
    await page.getByTestId('account-shipment').waitFor();
    expect(await page.getByTestId('account-tracking-number').textContent()).toBe('3344-5566-7788');
    expect(await page.getByTestId('account-tracking').textContent()).toContain('Delivered (Kyoto)');
    const kinds = await page
      .locator('[data-testid="account-timeline"] li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['placed', 'shipped', 'charged', 'scan']);
    await env.shot('buyer-order-shipped');

    const href = await page.getByTestId('account-receipt-pdf').getAttribute('href');
    const pdf = await page.request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const { text } = await pdfText(await pdf.body());
    expect(text).toContain('京都茶舗 Kyoto Tea');
    expect(text).toContain(shipped);

    await page.getByTestId('account-receipt-print').click();
    await page.getByTestId('receipt-page').waitFor();
    expect(await page.getByTestId('receipt-issuer').textContent()).toBe(
      'Issued by Mercato.jp on behalf of the seller 京都茶舗 Kyoto Tea',
    );
    expect(await page.getByTestId('receipt-summary').textContent()).toContain('5,350');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.receipt-tools').isVisible()).toBe(false);
    await env.shot('buyer-receipt-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it("does not show another buyer's order", async () => {
    const { page } = env;
    await env.open(`/account/orders/${strangers}`);
    await page.getByTestId('account-order-not-found').waitFor();
    expect(await page.getByText('Other').count()).toBe(0);
    expect(env.pageErrors).toEqual([]);
  });

  it('sends a signed-out visitor to the sign-in page, where a used link is explained', async () => {
    const { page } = env;
    await page.getByTestId('account-sign-out').click();
    await page.getByTestId('account-sign-in').waitFor();
    const link = await signInLinkPath(email);
    await env.open(link);
    await page.getByTestId('account-orders').waitFor();
    await page.getByTestId('account-sign-out').click();
    await page.getByTestId('account-sign-in').waitFor();
    await env.open(link);
    const error = page.getByTestId('account-sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('already used');
    await env.shot('buyer-sign-in-link-used');
  });
});
