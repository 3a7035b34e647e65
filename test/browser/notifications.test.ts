// A seller in the browser: Settings → Notification Preferences, Edit / Submit / Cancel on one row
// with the server's field errors inline (NTF-1, NTF-3), then the home alert of a failed address
// appearing and clearing after the Reset on the preferences page (NTF-7).
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  failedAddresses,
  notificationPreferences,
} from '../../src/modules/notifications/notifications.tables.ts';
import { createSeller, type TestSeller, webLogin } from '../support/fixtures.ts';
import {
  type BrowserEnv,
  describeInBrowser,
  screenshotOnFailure,
  startBrowserEnv,
} from './browser-support.ts';

describeInBrowser('notification preferences in the browser', () => {
  let env: BrowserEnv;
  let seller: TestSeller;

  beforeAll(async () => {
    env = await startBrowserEnv();
    seller = await createSeller(env.t, undefined, 'Kyoto Tea Works');
  });
  afterAll(() => env?.close());
  screenshotOnFailure(() => env);

  const row = (type: string) => env.page.getByTestId(`pref-row-${type}`);

  it('opens Notification Preferences from Settings with one row per type', async () => {
    const { page } = env;
    await env.login(seller.email);
    await env.open('/settings');
    await page.getByTestId('open-notification-preferences').click();
    await row('order.new').waitFor();
    expect(await row('order.new').getByTestId('pref-recipients').textContent()).toContain(seller.email);
    expect(await row('order.new').getByTestId('pref-state').textContent()).toBe('Enabled');
    expect(await row('order.new_afn').getByTestId('pref-state').textContent()).toBe('Disabled');
    await row('emergency.contact').waitFor();
    expect(await page.getByTestId('pref-group-emergency').textContent()).toContain('Required');
    expect(env.pageErrors).toEqual([]);
  });

  it('shows the server field error inline on Submit, and Cancel discards the draft', async () => {
    const { page } = env;
    await row('order.new').getByTestId('pref-edit').click();
    const form = page.getByTestId('pref-form');
    await form.getByTestId('pref-emails').fill('orders@example.com\nnot-an-address');
    await form.getByTestId('pref-submit').click();
    const error = form.getByTestId('pref-error-emails');
    await error.waitFor();
    expect(await error.textContent()).toContain('"not-an-address" is not a valid email address.');
    await env.shot('notification-preferences-error');
    await form.getByTestId('pref-cancel').click();
    await form.waitFor({ state: 'detached' });
    // Nothing was saved: the row still shows the default recipient.
    expect(await row('order.new').getByTestId('pref-recipients').textContent()).toContain(seller.email);
    expect(await row('order.new').getByTestId('pref-recipients').textContent()).not.toContain('orders@');
    const saved = await env.t.services.database.db.select().from(notificationPreferences);
    expect(saved.filter((p) => p.sellerId === seller.sellerId)).toEqual([]);
  });

  it('saves several addresses, a disabled state and a digest frequency on Submit', async () => {
    const { page } = env;
    await row('order.canceled').getByTestId('pref-edit').click();
    const form = page.getByTestId('pref-form');
    await form.getByTestId('pref-emails').fill('orders@example.com\nops@example.com\nOPS@example.com');
    await form.getByTestId('pref-frequency').selectOption('daily');
    await form.getByTestId('pref-submit').click();
    await form.waitFor({ state: 'detached' });
    const recipients = row('order.canceled').getByTestId('pref-recipients');
    await expect.poll(() => recipients.textContent()).toContain('ops@example.com');
    expect(await recipients.textContent()).toContain('orders@example.com');
    expect(await row('order.canceled').textContent()).toContain('Daily digest');

    await row('order.new_afn').getByTestId('pref-edit').click();
    await page.getByTestId('pref-form').getByTestId('pref-enabled').check();
    await page.getByTestId('pref-form').getByTestId('pref-submit').click();
    await expect.poll(() => row('order.new_afn').getByTestId('pref-state').textContent()).toBe('Enabled');

    const r = await env.t.request('GET', '/api/notifications/preferences', {
      headers: await webLogin(env.t, seller.email),
    });
    const types = (
      r.json.groups as { types: { type: string; preference: { emails: string[] } }[] }[]
    ).flatMap((g) => g.types);
    expect(types.find((x) => x.type === 'order.canceled')?.preference.emails).toEqual([
      'orders@example.com',
      'ops@example.com',
    ]);
    await env.shot('notification-preferences-saved');
    expect(env.pageErrors).toEqual([]);
  });

  it('shows the home alert for a failed address and clears it after the Reset', async () => {
    const { page, t } = env;
    // What the send worker records after a permanent SMTP rejection (NTF-7).
    await t.services.database.db.insert(failedAddresses).values({
      sellerId: seller.sellerId,
      channel: 'email',
      address: 'ops@example.com',
      reason: 'mailbox_full',
      evidence: '552 5.2.2 mailbox full',
      failedAt: t.clock.now(),
    });
    await env.open('/');
    const alert = page.getByTestId('delivery-failure-alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('EMAIL_DELIVERY_FAILED');
    expect(await alert.textContent()).toContain('ops@example.com');
    // Shown once: /api/home carries it too, the generic alert list leaves it to this box.
    expect(await page.getByTestId('alert').filter({ hasText: 'ops@example.com' }).count()).toBe(0);
    await env.shot('notification-failed-alert');

    await alert.getByRole('link').click();
    await page.getByTestId('failed-address').waitFor();
    await row('order.canceled').getByTestId('pref-failed-badge').waitFor();
    await page.getByTestId('failed-address').getByTestId('reset-address').click();
    await page.getByTestId('failed-address').waitFor({ state: 'detached' });
    expect(await row('order.canceled').getByTestId('pref-failed-badge').count()).toBe(0);

    await env.open('/');
    await page.getByTestId('alert-list').waitFor();
    expect(await page.getByTestId('delivery-failure-alert').count()).toBe(0);
    expect(env.pageErrors).toEqual([]);
  });

  it('shows the page and the alert in Japanese and Italian', async () => {
    const { page, t } = env;
    await t.services.database.db.insert(failedAddresses).values({
      sellerId: seller.sellerId,
      channel: 'email',
      address: 'orders@example.com',
      reason: 'mailbox_full',
      evidence: '552 5.2.2 mailbox full',
      failedAt: t.clock.now(),
    });
    await env.open('/');
    await page.getByTestId('language-switch').selectOption('ja');
    const alert = page.getByTestId('delivery-failure-alert');
    await expect.poll(() => alert.textContent()).toContain('への通知を配信できませんでした');
    await env.open('/settings/notifications');
    await row('order.new').waitFor();
    expect(await page.locator('h1').textContent()).toBe('通知設定');
    expect(await row('order.new').textContent()).toContain('新しい注文');
    await page.getByTestId('language-switch').selectOption('it');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Preferenze di notifica');
    expect(await row('order.new').getByTestId('pref-edit').textContent()).toBe('Modifica');
    await page.getByTestId('language-switch').selectOption('en');
    expect(env.pageErrors).toEqual([]);
  });
});
