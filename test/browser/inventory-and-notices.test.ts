// Issue 4 items 1 and 8 in the browser: the seller's Inventory page lists what the storefront
// created through the marketplace API (NTF-2 Listings) with the API's filters; the operator's
// Account notices page refuses an empty notice field by field, publishes one (NTF-2 Account), lists
// it, and the seller finds it in the in-app notification list (NTF-10) through the real pipeline.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notifications } from '../../src/modules/notifications/notifications.tables.ts';
import { createSeller, JP, operatorKey, PASSWORD, type TestSeller } from '../support/fixtures.ts';
import {
  type BrowserEnv,
  describeInBrowser,
  screenshotOnFailure,
  startBrowserEnv,
} from './browser-support.ts';

const OPERATOR = 'ops@mercato.example';
const NOTICE_TITLE = 'Planned maintenance on Sunday 02:00–04:00 JST';

describeInBrowser('Inventory and account notices in the browser', () => {
  let env: BrowserEnv;
  let seller: TestSeller;

  beforeAll(async () => {
    env = await startBrowserEnv();
    const { t } = env;
    await t.services.identity.createUser({
      email: OPERATOR,
      password: PASSWORD,
      name: 'Marketplace Ops',
      role: 'operator',
      sellerId: null,
      language: 'en',
    });
    seller = await createSeller(t, JP, 'Osaka Knives');
    const key = await operatorKey(t);
    const listings = [
      { sku: 'KNIFE-210', title: 'Gyuto chef knife 210 mm', amount: '18500', quantity: 4 },
      { sku: 'STONE-1000', title: 'Whetstone #1000', amount: '3200', quantity: 0 },
    ];
    for (const l of listings) {
      const r = await t.request('PUT', `/marketplace/v1/sellers/${seller.sellerId}/listings/${l.sku}`, {
        headers: { authorization: `Bearer ${key}` },
        body: { title: l.title, price: { amount: l.amount, currencyCode: 'JPY' }, quantity: l.quantity },
      });
      expect(r.status, r.text).toBe(201);
    }
  });
  afterAll(() => env?.close());
  screenshotOnFailure(() => env);

  it('shows the listings on the Inventory page, out of stock highlighted, and filters them', async () => {
    const { page } = env;
    await env.login(seller.email);
    await page.getByTestId('nav-inventory').click();
    await page.waitForURL('**/inventory');
    const rows = page.getByTestId('listing-row');
    await expect.poll(() => rows.count()).toBe(2);
    const stone = rows.filter({ hasText: 'STONE-1000' });
    expect(await stone.getAttribute('data-out-of-stock')).toBe('true');
    expect(await stone.getByTestId('listing-quantity').textContent()).toBe('Out of stock (0)');
    const knife = rows.filter({ hasText: 'KNIFE-210' });
    expect(await knife.getAttribute('data-out-of-stock')).toBe('false');
    expect(await knife.textContent()).toContain('¥18,500');
    expect(await knife.getByTestId('listing-status').textContent()).toBe('Active');

    // The stock filter goes to the API (stock=out) and into the URL.
    await page.getByTestId('inventory-filter-stock').selectOption('out');
    await page.waitForURL('**/inventory?stock=out');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-sku')).toBe('STONE-1000');
    await env.shot('inventory-out-of-stock');

    // A search that matches nothing shows the empty state, not an empty table.
    await page.getByTestId('inventory-filter-clear').click();
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByTestId('inventory-search').fill('santoku');
    await page.getByTestId('inventory-search-submit').click();
    await page.getByTestId('inventory-empty').getByText('No listing matches these filters').waitFor();
    expect(env.pageErrors).toEqual([]);
  });

  it('lets the operator publish a notice, refused field by field when empty, and lists it', async () => {
    const { page } = env;
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
    await env.login(OPERATOR);
    await page.getByTestId('nav-ops-notices').click();
    await page.getByTestId('notices-empty').waitFor();

    // Nothing written: the server's refusal names title and body, shown beside each.
    await page.getByTestId('notice-publish').click();
    await page.getByTestId('notice-title-error').waitFor();
    expect(await page.getByTestId('notice-title-error').textContent()).toBe(
      'Write a title (up to 200 characters).',
    );
    expect(await page.getByTestId('notice-body-error').textContent()).toBe(
      'Write the message (up to 5,000 characters).',
    );
    expect(await page.getByTestId('notice-title').getAttribute('aria-invalid')).toBe('true');

    await page.getByTestId('notice-kind').selectOption('planned_outage');
    await page.getByTestId('notice-marketplace').selectOption(JP);
    await page.getByTestId('notice-title').fill(NOTICE_TITLE);
    await page.getByTestId('notice-body').fill('Seller Central will be read-only for two hours.');
    await page.getByTestId('notice-publish').click();
    await page.getByText('Notice published to 1 seller(s).').waitFor();
    const row = page.getByTestId('notice-row').filter({ hasText: NOTICE_TITLE });
    await row.waitFor();
    expect(await row.textContent()).toContain('Planned outage');
    expect(await row.textContent()).toContain('Japan (Amazon.co.jp)');
    expect(await page.getByTestId('notice-title-error').count()).toBe(0);
    expect(await page.getByTestId('notice-title').inputValue()).toBe('');
    await env.shot('ops-account-notices');
    expect(env.pageErrors).toEqual([]);
  });

  it('delivers the notice to the seller’s in-app notification list', async () => {
    const { page, t } = env;
    // The workers of the test app turn the account.planned_outage event into a notification.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const rows = await t.services.database.db.select().from(notifications);
      if (rows.some((r) => r.sellerId === seller.sellerId)) break;
      if (Date.now() > deadline) throw new Error('the pipeline did not produce the notification');
      await new Promise((r) => setTimeout(r, 200));
    }
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
    await env.login(seller.email);
    await page.getByTestId('nav-notifications').click();
    const item = page.getByTestId('notification').filter({ hasText: NOTICE_TITLE });
    await item.waitFor();
    expect(await item.getAttribute('data-severity')).toBeTruthy();
    expect(env.pageErrors).toEqual([]);
  });
});
