// A seller in the browser: home alerts, Manage Orders, an order confirmed as shipped with the form
// (the buyer's email is sent by the job), a Pending order refused, a business order's badge and PO.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mailbox } from '../../src/platform/db/platform.tables.ts';
import { createSeller, operatorKey, placeOrder, type TestSeller } from '../support/fixtures.ts';
import {
  type BrowserEnv,
  describeInBrowser,
  screenshotOnFailure,
  startBrowserEnv,
} from './browser-support.ts';

type Placed = { amazonOrderId: string; latestShipDate: string };

describeInBrowser('seller orders in the browser', () => {
  let env: BrowserEnv;
  let seller: TestSeller;
  let late: Placed;
  let normal: Placed;
  let pending: Placed;
  let business: Placed;

  beforeAll(async () => {
    env = await startBrowserEnv();
    const { t } = env;
    seller = await createSeller(t, undefined, 'Kyoto Tea Works');
    const key = await operatorKey(t);
    const place = async (over: Record<string, unknown>) =>
      (await placeOrder(t, key, seller, over)) as unknown as Placed;
    late = await place({ buyer: { name: '鈴木 一郎', email: 'ichiro@example.com' } });
    // An hour past the first order's ship-by date: it is late and now shows its auto-cancel cutoff.
    t.clock.set(new Date(new Date(late.latestShipDate).getTime() + 3600_000));
    normal = await place({ buyer: { name: '佐藤 花子', email: 'hanako@example.com' } });
    pending = await place({ paymentMethod: 'CVS', paymentVerified: false });
    business = await place({ isBusinessOrder: true, purchaseOrderNumber: 'PO-2026-0042' });
  });
  afterAll(() => env?.close());
  screenshotOnFailure(() => env);

  it('signs in and sees the home alerts', async () => {
    const { page } = env;
    await env.login(seller.email);
    const alerts = page.getByTestId('alert');
    await alerts.first().waitFor();
    expect(await alerts.allTextContents()).toEqual([
      expect.stringContaining(
        'Shipment is late: 1 order(s) with items left to ship are past their ship-by date.',
      ),
      expect.stringContaining(
        '1 order(s) will be cancelled automatically unless you confirm them as shipped',
      ),
      expect.stringContaining('1 order(s) are Pending payment'),
    ]);
    expect(await page.getByTestId('alert').first().getAttribute('data-severity')).toBe('critical');
    await env.shot('orders-home');
    expect(env.pageErrors).toEqual([]);
  });

  it('shows late orders with their auto-cancel date in Manage Orders', async () => {
    const { page } = env;
    await page.getByTestId('nav-orders').click();
    await page.waitForURL('**/orders');
    const lateRow = page.locator(`[data-testid="order-row"][data-order-id="${late.amazonOrderId}"]`);
    await lateRow.getByTestId('late-flag').waitFor();
    expect(await lateRow.getByTestId('late-flag').textContent()).toBe('Shipment is late');
    // ORD-8: the ship-by date (Nov 25 in Tokyo) plus 7 days.
    expect(await lateRow.getByTestId('auto-cancel').textContent()).toBe(
      'Confirm as shipped by Dec 2, 2026 to avoid cancellation',
    );
    const normalRow = page.locator(`[data-testid="order-row"][data-order-id="${normal.amazonOrderId}"]`);
    expect(await normalRow.getByTestId('late-flag').count()).toBe(0);
    expect(await normalRow.getByTestId('auto-cancel').count()).toBe(0);
    expect(await page.getByTestId('status-count-Unshipped').textContent()).toBe('3');
    expect(await page.getByTestId('status-count-Pending').textContent()).toBe('1');
    const businessRow = page.locator(`[data-testid="order-row"][data-order-id="${business.amazonOrderId}"]`);
    expect(await businessRow.getByTestId('business-badge').textContent()).toBe('Business Buyer');
    await env.shot('orders-list');
    expect(env.pageErrors).toEqual([]);
  });

  it('finds an order by id, confirms its shipment with the form and the buyer is emailed', async () => {
    const { page, t } = env;
    await page.getByTestId('orders-search').fill(normal.amazonOrderId);
    await page.getByTestId('orders-search-submit').click();
    await page.waitForURL(`**/orders?status=Unshipped&q=${normal.amazonOrderId}`);
    await expectRows(env, [normal.amazonOrderId]);
    await page.getByTestId('order-link').click();
    await page.getByTestId('order-detail').waitFor();
    expect(await page.getByTestId('order-id').textContent()).toBe(normal.amazonOrderId);

    const form = page.getByTestId('confirm-shipment');
    await form.getByTestId('confirm-carrier').selectOption('Sagawa Express');
    await form.getByTestId('confirm-tracking').fill('SGW-4470-1182');
    const quantities = form.locator('input[type="number"]');
    expect(await quantities.count()).toBe(2);
    await quantities.nth(0).fill('2');
    await quantities.nth(1).fill('1');
    await form.getByTestId('confirm-submit').click();

    const toast = page.getByTestId('toast');
    await toast.waitFor();
    expect(await toast.textContent()).toContain(`Shipment confirmed for order ${normal.amazonOrderId}.`);
    await page.locator('[data-testid="order-status"][data-status="Shipped"]').first().waitFor();
    expect(await page.getByTestId('confirm-shipment').count()).toBe(0);
    await page.getByTestId('order-shipments').getByText('SGW-4470-1182').waitFor();
    await env.shot('orders-confirmed');

    const order = await t.services.orders.getOrder(seller.sellerId, normal.amazonOrderId);
    const shipments = await t.services.orders.repo.shipmentsOf(seller.sellerId, order.id);
    expect(shipments).toHaveLength(1);
    expect(shipments[0]).toMatchObject({ carrierCode: 'Sagawa Express', trackingNumber: 'SGW-4470-1182' });
    expect(shipments[0]?.items.map((i) => i.quantity).sort()).toEqual([1, 2]);
    expect(order.status).toBe('Shipped');

    await t.services.jobs.drain();
    const mails = await t.services.database.db
      .select()
      .from(mailbox)
      .where(eq(mailbox.to, 'hanako@example.com'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`ご注文 ${normal.amazonOrderId} を発送しました`);
    expect(mails[0]?.text).toContain('SGW-4470-1182');

    // After a reload (the server answers /orders/{id} with the app) the timeline tells the email went out.
    await page.reload();
    const timeline = page.getByTestId('order-timeline');
    await timeline.getByText('Shipment email sent to the buyer (tracking SGW-4470-1182)').waitFor();
    expect(await timeline.locator('.timeline-message').allTextContents()).toEqual([
      'Order placed (payment verified)',
      'Shipment confirmed: Sagawa Express SGW-4470-1182',
      'Buyer charged ¥5,350 for the whole order',
      'Shipment email sent to the buyer (tracking SGW-4470-1182)',
    ]);
    await env.shot('orders-timeline');
    expect(env.pageErrors).toEqual([]);
  });

  it('refuses to ship a Pending order: the refusal and a disabled form', async () => {
    const { page } = env;
    await env.open(`/orders/${pending.amazonOrderId}`);
    const form = page.getByTestId('confirm-shipment');
    await form.getByTestId('confirm-error').waitFor();
    expect(await form.getByTestId('confirm-error').textContent()).toContain(
      'This order is Pending: it can’t be shipped until the buyer’s payment completes.',
    );
    expect(await form.locator('fieldset').getAttribute('disabled')).not.toBeNull();
    expect(await form.getByTestId('confirm-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('address-hidden').textContent()).toBe('Hidden until payment completes');
    expect(await page.getByTestId('payment-method').first().textContent()).toBe('CVS');
    await env.shot('orders-pending');
    expect(env.pageErrors).toEqual([]);
  });

  it('shows the Business Buyer badge and the PO number of a business order', async () => {
    const { page } = env;
    await env.open(`/orders/${business.amazonOrderId}`);
    await page.getByTestId('order-detail').waitFor();
    expect(await page.getByTestId('business-badge').textContent()).toBe('Business Buyer');
    expect(await page.getByTestId('po-number').textContent()).toBe('PO PO-2026-0042');
    expect(await page.getByTestId('confirm-submit').isDisabled()).toBe(false);
    await env.shot('orders-business');
    expect(env.pageErrors).toEqual([]);
  });

  it('shows the late order’s verdicts on its page', async () => {
    const { page } = env;
    await env.open(`/orders/${late.amazonOrderId}`);
    const windows = page.getByTestId('order-windows');
    await windows.getByTestId('auto-cancel').waitFor();
    expect(await windows.textContent()).toContain('Shipment is late');
    expect(await windows.getByTestId('auto-cancel').textContent()).toBe(
      'Confirm as shipped by Dec 2, 2026 to avoid cancellation',
    );
    await env.shot('orders-late');
    expect(env.pageErrors).toEqual([]);
  });
});

async function expectRows(env: BrowserEnv, ids: string[]) {
  const rows = env.page.getByTestId('order-row');
  await expect
    .poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id'))))
    .toEqual(ids);
}
