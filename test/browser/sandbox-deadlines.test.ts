// ORD-8 in the browser with the sandbox clock: the operator moves time with the clock control;
// the seller's order page shows "Confirm as shipped by DATE" once the ship-by date is reached and
// the order is cancelled automatically once past the cutoff — at the moment the clock moves.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSeller, operatorKey, PASSWORD, placeOrder, type TestSeller } from '../support/fixtures.ts';
import {
  type BrowserEnv,
  describeInBrowser,
  screenshotOnFailure,
  startBrowserEnv,
} from './browser-support.ts';

const OPERATOR = 'clock-ops@mercato.example';

describeInBrowser('ORD-8 deadlines with the sandbox clock in the browser', () => {
  let env: BrowserEnv;
  let seller: TestSeller;
  let orderId: string;

  beforeAll(async () => {
    // Friday 20 November 2026, 10:00 in Tokyo. Two business days of handling, Monday 23 is a
    // national holiday: ship-by is Wednesday 25 November, the cutoff Wednesday 2 December.
    env = await startBrowserEnv({ now: '2026-11-20T01:00:00Z' });
    const { t } = env;
    await t.services.identity.createUser({
      email: OPERATOR,
      password: PASSWORD,
      name: 'Clock Ops',
      role: 'operator',
      sellerId: null,
      language: 'en',
    });
    seller = await createSeller(t, undefined, 'Nara Ceramics');
    const key = await operatorKey(t);
    orderId = (await placeOrder(t, key, seller)).amazonOrderId;
  });
  afterAll(() => env?.close());
  screenshotOnFailure(() => env);

  async function advanceAsOperator(by: 'P1D' | 'P7D' | 'P8D') {
    const { page } = env;
    await page.getByTestId('sandbox-advance-by').selectOption(by);
    const done = page.waitForResponse((r) => r.url().includes('/clock/advance') && r.status() === 200);
    await page.getByTestId('sandbox-advance').click();
    await done;
  }

  async function sellerSees(): Promise<{
    status: string | null;
    autoCancel: string | null;
    timeline: string;
  }> {
    const ctx = await env.browser.newContext({ baseURL: env.baseUrl, locale: 'en-US', timezoneId: 'UTC' });
    const page = await ctx.newPage();
    try {
      await page.goto('/login');
      await page.getByTestId('login-email').fill(seller.email);
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('logout').waitFor();
      await page.goto(`/orders/${orderId}`);
      await page.getByTestId('order-timeline').waitFor();
      const autoCancel = page.getByTestId('auto-cancel');
      return {
        status: await page.getByTestId('order-status').first().getAttribute('data-status'),
        autoCancel: (await autoCancel.count()) ? await autoCancel.first().textContent() : null,
        timeline: (await page.getByTestId('order-timeline').textContent()) ?? '',
      };
    } finally {
      await ctx.close();
    }
  }

  it('before ship-by: no warning', async () => {
    const seen = await sellerSees();
    expect(seen.status).toBe('Unshipped');
    expect(seen.autoCancel).toBeNull();
  });

  it('the operator moves the clock a week: the warning and its timeline entry appear at once', async () => {
    await env.login(OPERATOR);
    await advanceAsOperator('P7D'); // Friday 27 November
    const seen = await sellerSees();
    expect(seen.status).toBe('Unshipped');
    expect(seen.autoCancel).toBe('Confirm as shipped by Dec 2, 2026 to avoid cancellation');
    expect(seen.timeline).toMatch(/ship-by/i);
    await env.t.services.jobs.drain();
    const { mailbox } = await import('../../src/platform/db/platform.tables.ts');
    const { eq } = await import('drizzle-orm');
    const mails = await env.t.services.database.db.select().from(mailbox).where(eq(mailbox.to, seller.email));
    // One warning (the Order notification of the new order is another email).
    const warnings = mails.filter(
      (m) => m.subject.includes(orderId) && m.subject.includes('キャンセルを避けるため'),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.subject).toMatch(/2026年12月2日/);
  });

  it('another week: the order is cancelled automatically, unpaid', async () => {
    await advanceAsOperator('P7D'); // Friday 4 December, past the cutoff
    const seen = await sellerSees();
    expect(seen.status).toBe('Canceled');
    expect(seen.autoCancel).toBeNull();
    const detail = await env.t.services.orders.getOrder(seller.sellerId, orderId);
    expect(detail.cancellationKind).toBe('auto');
    expect(detail.chargedAt).toBeNull();
    await env.shot('sandbox-auto-cancelled');
    expect(env.pageErrors).toEqual([]);
  });
});
