// The in-app notification list (NTF-10: severity, type and read filters, mark read) and the delivery
// log (NTF-8: each notification, its deliveries, and why one was not sent) in the browser, fed by
// the real pipeline: an order placed through the marketplace API and an operator notice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishEvent } from '../../src/modules/notifications/index.ts';
import { failedAddresses, notifications } from '../../src/modules/notifications/notifications.tables.ts';
import { createSeller, operatorKey, placeOrder, type TestSeller, webLogin } from '../support/fixtures.ts';
import {
  type BrowserEnv,
  describeInBrowser,
  screenshotOnFailure,
  startBrowserEnv,
} from './browser-support.ts';

describeInBrowser('notification list and delivery log in the browser', () => {
  let env: BrowserEnv;
  let seller: TestSeller;
  let orderId: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    const { t } = env;
    seller = await createSeller(t, undefined, 'Osaka Knives');
    // Order emails go to two addresses; one failed earlier, so its delivery is not sent (NTF-7).
    const h = await webLogin(t, seller.email);
    const saved = await t.request('PUT', '/api/notifications/preferences/order.new', {
      headers: h,
      body: {
        enabled: true,
        frequency: 'immediate',
        emails: [seller.email, 'bounced@example.com'],
        phones: [],
        webhooks: [],
        inApp: true,
      },
    });
    expect(saved.status, saved.text).toBe(200);
    await t.services.database.db.insert(failedAddresses).values({
      sellerId: seller.sellerId,
      channel: 'email',
      address: 'bounced@example.com',
      reason: 'unknown_mailbox',
      evidence: '550 5.1.1 unknown user',
      failedAt: t.clock.now(),
    });
    orderId = (await placeOrder(t, await operatorKey(t), seller)).amazonOrderId;
    await t.services.database.db.transaction((tx) =>
      publishEvent(tx, {
        sellerId: seller.sellerId,
        type: 'account.planned_outage',
        dedupeKey: `test-outage:${seller.sellerId}`,
        payload: { title: 'Planned maintenance on Sunday 02:00–04:00' },
        occurredAt: t.clock.now(),
      }),
    );
    // The workers of the test app turn both events into notifications.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const rows = await t.services.database.db.select().from(notifications);
      if (rows.filter((r) => r.sellerId === seller.sellerId).length >= 2) break;
      if (Date.now() > deadline) throw new Error('the pipeline did not produce the notifications');
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  afterAll(() => env?.close());
  screenshotOnFailure(() => env);

  it('lists the notifications with their severity and filters by severity, type and read state', async () => {
    const { page } = env;
    await env.login(seller.email);
    await page.getByTestId('nav-notifications').click();
    const items = page.getByTestId('notification');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')).sort())).toEqual([
      'info',
      'warning',
    ]);
    await page.getByTestId('filter-severity').selectOption('warning');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('Planned maintenance on Sunday');
    await page.getByTestId('filter-severity').selectOption('');
    await page.getByTestId('filter-type').selectOption('order.new');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain(orderId);
    await env.shot('notifications-list');

    await items.first().getByTestId('mark-read').click();
    await expect.poll(() => items.first().getByTestId('mark-read').count()).toBe(0);
    await page.getByTestId('filter-type').selectOption('');
    await page.getByTestId('filter-read').selectOption('false');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute('data-severity')).toBe('warning');
    await page.getByTestId('filter-read').selectOption('true');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain(orderId);
    expect(env.pageErrors).toEqual([]);
  });

  it('shows in the delivery log what was sent where and why something was not sent', async () => {
    const { page } = env;
    await env.open('/notifications/log');
    const entries = page.getByTestId('log-entry');
    await expect.poll(() => entries.count()).toBe(2);
    const orderEntry = entries.filter({ hasText: 'New order' });
    const skipped = orderEntry.locator('[data-testid="log-delivery"]', { hasText: 'bounced@example.com' });
    await expect.poll(() => skipped.getAttribute('data-state')).toBe('skipped');
    expect(await skipped.textContent()).toContain('This address failed earlier');
    const sent = orderEntry.locator('[data-testid="log-delivery"]', { hasText: seller.email });
    await expect.poll(() => sent.getAttribute('data-state')).toBe('sent');
    const outage = entries.filter({ hasText: 'Planned outages' });
    const delivered = outage.locator('[data-testid="log-delivery"]');
    await expect.poll(() => delivered.count()).toBeGreaterThan(0);
    expect(await delivered.first().textContent()).toContain(seller.email);
    await env.shot('notifications-delivery-log');
    expect(env.pageErrors).toEqual([]);
  });
});
