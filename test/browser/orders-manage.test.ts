// Manage Orders in the browser (issue 3 items 5 and 8): tabs with counts, search by SKU, channel
// and date filters, the buyer-requested-cancel badge, packing slips (print page and one PDF), a
// CSV upload with good and bad rows, and the detail page's actions (cancel, refund, ship what is
// available, combined shipment, refund less shipping for a returned parcel), in English and Japanese.
import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSeller, operatorKey, placeOrder, type TestSeller } from '../support/fixtures.ts';
import {
  type BrowserEnv,
  describeInBrowser,
  screenshotOnFailure,
  startBrowserEnv,
} from './browser-support.ts';

type Placed = { amazonOrderId: string };

describeInBrowser('Manage Orders in the browser', () => {
  let env: BrowserEnv;
  let seller: TestSeller;
  let key: string;
  const ids: Record<string, string> = {};
  const teapot = {
    sku: 'TEAPOT-9',
    title: '急須 常滑焼',
    quantity: 1,
    unitPrice: { amount: '4800', currencyCode: 'JPY' },
    shippingPrice: { amount: '500', currencyCode: 'JPY' },
  };
  const market = (method: string, path: string, body: unknown) =>
    env.t.request(method, path, { body, headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    env = await startBrowserEnv();
    const { t } = env;
    seller = await createSeller(t, undefined, 'Kyoto Tea Works');
    key = await operatorKey(t);
    const place = async (name: string, over: Record<string, unknown> = {}) => {
      ids[name] = ((await placeOrder(t, key, seller, over)) as unknown as Placed).amazonOrderId;
      t.clock.advance(60_000);
    };
    const hanako = { name: '佐藤 花子', email: 'hanako@example.com' };
    await place('teapot', { items: [teapot], buyer: { name: '鈴木 一郎', email: 'ichiro@example.com' } });
    await place('afn', { fulfillmentChannel: 'AFN' });
    await place('pending', { paymentMethod: 'CVS', paymentVerified: false });
    await place('business', { isBusinessOrder: true, purchaseOrderNumber: 'PO-2026-0042' });
    await place('csvGood');
    await place('csvOther');
    await place('toCancel');
    await place('toRefund');
    await place('partial');
    await place('combineA', { buyer: hanako });
    await place('combineB', { buyer: hanako });
    await place('returned');
    await place('requested');
    const request = await market('POST', `/marketplace/v1/orders/${ids.requested}/cancellation-requests`, {
      reason: 'Ordered by mistake',
    });
    expect(request.status).toBeLessThan(300);
  });
  afterAll(() => env?.close());
  screenshotOnFailure(() => env);

  const row = (id: string | undefined) =>
    env.page.locator(`[data-testid="order-row"][data-order-id="${id}"]`);
  const rowIds = () =>
    env.page.getByTestId('order-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id')));

  it('shows the tabs with counts, the badges, and filters by channel and dates', async () => {
    const { page } = env;
    await env.login(seller.email);
    await env.open('/orders?status=All');
    await row(ids.teapot).waitFor();
    expect(await page.getByTestId('status-count-All').textContent()).toBe('13');
    expect(await page.getByTestId('status-count-Unshipped').textContent()).toBe('12');
    expect(await page.getByTestId('status-count-Pending').textContent()).toBe('1');
    expect(await row(ids.requested).getByTestId('cancel-requested-badge').textContent()).toBe(
      'Buyer requested cancel',
    );
    expect(await row(ids.business).getByTestId('business-badge').textContent()).toBe('Business Buyer');

    await page.getByTestId('filter-channel').selectOption('AFN');
    await page.waitForURL(/channel=AFN/);
    await expect.poll(rowIds).toEqual([ids.afn]);
    expect(await page.getByTestId('status-count-All').textContent()).toBe('1');
    await page.getByTestId('filter-channel').selectOption('');
    await expect.poll(async () => (await rowIds()).length).toBe(13);

    // Every order was placed on 2026-11-20 (Tokyo): the day after shows none.
    await page.getByTestId('filter-from').fill('2026-11-21');
    await page.getByTestId('filter-dates-apply').click();
    await page.getByTestId('orders-empty').waitFor();
    await env.open('/orders?status=All&from=2026-11-20&to=2026-11-20');
    await expect.poll(async () => (await rowIds()).length).toBe(13);
    await env.shot('manage-orders-all');
    expect(env.pageErrors).toEqual([]);
  });

  it('finds an order by SKU and pages by cursor', async () => {
    const { page } = env;
    await env.open('/orders?status=All');
    await page.getByTestId('orders-search').fill('TEAPOT-9');
    await page.getByTestId('orders-search-submit').click();
    await page.waitForURL(/q=TEAPOT-9/);
    await expect.poll(rowIds).toEqual([ids.teapot]);

    // Sort by ship-by then walk the pages forward and back (25 per page; 13 orders fit one page,
    // so the test checks the controls rather than a second page).
    await env.open('/orders?status=All&sort=shipBy');
    await expect.poll(async () => (await rowIds()).at(-1)).toBe(ids.afn); // no ship-by date: last
    expect(await page.getByTestId('pagination-summary').textContent()).toBe('1–13 of 13');
    expect(await page.getByTestId('page-next').isDisabled()).toBe(true);
    expect(env.pageErrors).toEqual([]);
  });

  it('prints the selected orders’ packing slips and downloads them as one PDF', async () => {
    const { page } = env;
    await env.open('/orders?status=All');
    await row(ids.business).getByTestId('order-select').check();
    await row(ids.teapot).getByTestId('order-select').check();
    expect(await page.getByTestId('bulk-count').textContent()).toBe('2 selected');

    const print = page.getByTestId('bulk-print');
    const href = await print.getAttribute('href');
    expect(href).toContain('/api/orders/packing-slips?ids=');
    const [popup] = await Promise.all([page.waitForEvent('popup'), print.click()]);
    await popup.getByTestId('packing-slip').first().waitFor();
    expect(await popup.getByTestId('packing-slip').count()).toBe(2);
    expect(await popup.getByTestId('slip-po').textContent()).toBe('PO-2026-0042');
    expect(await popup.getByTestId('slip-business').textContent()).toBe('法人購入者');
    // The print stylesheet: no toolbar and one slip per page.
    await popup.emulateMedia({ media: 'print' });
    expect(await popup.locator('.toolbar').isVisible()).toBe(false);
    expect(
      await popup
        .getByTestId('packing-slip')
        .first()
        // Runs in the page (DOM types are not in the test's lib).
        .evaluate(
          (el) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { breakAfter: string } }
            ).getComputedStyle(el).breakAfter,
        ),
    ).toBe('page');
    await popup.screenshot({
      path: `${await env.shot('manage-orders-selected')}`.replace('selected', 'slips'),
    });
    await popup.close();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bulk-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe('packing-slips-2.pdf');
    const bytes = new Uint8Array(await readFile((await download.path()) as string));
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const { totalPages, text } = await extractText(await getDocumentProxy(bytes), { mergePages: false });
    expect(totalPages).toBe(2);
    expect(text.join('\n')).toContain(ids.business);
    expect(text.join('\n')).toContain(ids.teapot);
    expect(text.join('\n')).toContain('急須 常滑焼');

    // A Pending order has no slip: the bulk actions say so and stay disabled.
    await row(ids.pending).getByTestId('order-select').check();
    await page.getByTestId('bulk-blocked').waitFor();
    expect(await page.getByTestId('bulk-pdf').isDisabled()).toBe(true);
    expect(env.pageErrors).toEqual([]);
  });

  it('confirms shipments from a CSV with good and bad rows, a verdict per row', async () => {
    const { page, t } = env;
    await env.open('/orders?status=Unshipped');
    await page.getByTestId('csv-toggle').click();
    const today = t.clock.now().toISOString().slice(0, 10);
    const csv = [
      'order-id,order-item-id,quantity,carrier-code,carrier-name,ship-method,tracking-number,ship-date',
      `${ids.csvGood},,,Yamato Transport,,,YMT-5001,${today}`,
      `${ids.pending},,,Yamato Transport,,,YMT-5002,${today}`,
      `${ids.csvOther},,,Sagawa Express,,,SGW-5003,not-a-date`,
    ].join('\n');
    await page.getByTestId('csv-file').setInputFiles({
      name: 'confirm.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByTestId('csv-submit').click();
    await page.getByTestId('csv-report').waitFor();
    expect(await page.getByTestId('csv-summary').textContent()).toBe(
      '1 applied, 0 already confirmed, 2 refused.',
    );
    const results = page.getByTestId('csv-result');
    expect(await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-result')))).toEqual([
      'applied',
      'refused',
      'refused',
    ]);
    expect(await results.nth(1).textContent()).toContain(
      'This order is Pending: it can’t be shipped until the buyer’s payment completes.',
    );
    expect(await results.nth(2).textContent()).toContain('CSV_SHIP_DATE_INVALID');
    expect((await t.services.orders.getOrder(seller.sellerId, ids.csvGood as string)).status).toBe('Shipped');
    // The list refreshed: the shipped order left the Unshipped tab.
    await expect.poll(async () => (await rowIds()).includes(ids.csvGood as string)).toBe(false);
    await env.shot('manage-orders-csv');
    expect(env.pageErrors).toEqual([]);
  });

  it('cancels an unshipped order with a reason', async () => {
    const { page } = env;
    await env.open(`/orders/${ids.toCancel}`);
    await page.getByTestId('action-cancel').click();
    await page.getByTestId('cancel-submit').click();
    expect(await page.getByTestId('cancel-error').textContent()).toBe('Choose why you cancel the order.');
    await page.getByTestId('cancel-reason').selectOption('NoInventory');
    await page.getByTestId('cancel-submit').click();
    await page.getByTestId('cancellation-notice').waitFor();
    expect(await page.getByTestId('cancellation-notice').textContent()).toBe(
      'You cancelled this order (Out of stock). Nothing was charged.',
    );
    expect(await page.getByTestId('action-cancel').count()).toBe(0);
    expect(env.pageErrors).toEqual([]);
  });

  it('refunds a shipped order per item and shows the server’s refusal for too much', async () => {
    const { page, t } = env;
    const order = await t.services.orders.getOrder(seller.sellerId, ids.toRefund as string);
    const items = await t.services.orders.repo.itemsOf(seller.sellerId, [order.id]);
    await t.services.orders.confirmShipment({
      sellerId: seller.sellerId,
      amazonOrderId: ids.toRefund as string,
      carrierCode: 'Yamato Transport',
      trackingNumber: 'YMT-7001',
      shipDate: t.clock.now(),
      items: items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
      source: 'web',
      actor: { kind: 'seller', id: 'test' },
    });
    await env.open(`/orders/${ids.toRefund}`);
    await page.getByTestId('action-refund').click();
    const form = page.getByTestId('refund-form');
    await form.getByTestId('refund-reason').selectOption('CustomerReturn');
    await form.getByTestId('refund-item-amount').first().fill('999999');
    await form.getByTestId('refund-submit').click();
    await form.getByTestId('refund-error').waitFor();
    expect((await form.getByTestId('refund-error').textContent())?.length).toBeGreaterThan(10);
    await form.getByTestId('refund-item-amount').first().fill('');
    await form.getByTestId('refund-qty').first().fill('1');
    await form.getByTestId('refund-submit').click();
    await page.getByTestId('order-refunds').waitFor();
    expect(await page.getByTestId('refund').count()).toBe(1);
    expect(await page.getByTestId('refund').textContent()).toContain('Customer return');
    expect(await page.getByTestId('refund-total').textContent()).toMatch(/^−¥/);
    await env.shot('manage-orders-refund');
    expect(env.pageErrors).toEqual([]);
  });

  it('ships what is available with the buyer’s consent and refunds the rest (ORD-11)', async () => {
    const { page } = env;
    await env.open(`/orders/${ids.partial}`);
    await page.getByTestId('action-shipAvailable').click();
    const form = page.getByTestId('ship-available-form');
    await form.getByTestId('ship-available-tracking').fill('YMT-8001');
    await form.getByTestId('available-qty').nth(1).fill('0');
    await form.getByTestId('ship-available-submit').click();
    expect(await form.getByTestId('ship-available-error').textContent()).toBe(
      'Tick the box once the buyer has agreed.',
    );
    await form.getByTestId('buyer-consent').check();
    await form.getByTestId('ship-available-submit').click();
    await page.locator('[data-testid="order-status"][data-status="Shipped"]').first().waitFor();
    await page.getByTestId('order-refunds').waitFor();
    expect(await page.getByTestId('refund').getAttribute('data-kind')).toBe('unavailable');
    expect(await page.getByTestId('item-canceled').nth(1).textContent()).toBe('1');
    expect(env.pageErrors).toEqual([]);
  });

  it('combines two orders of one buyer into one parcel (ORD-10)', async () => {
    const { page, t } = env;
    await env.open(`/orders/${ids.combineA}`);
    await page.getByTestId('action-combine').click();
    const form = page.getByTestId('combine-form');
    await form.locator(`[data-testid="combine-pick"][data-order-id="${ids.combineB}"]`).check();
    await form.getByTestId('combine-tracking').fill('YMT-9001');
    await form.getByTestId('combine-submit').click();
    await page.locator('[data-testid="order-status"][data-status="Shipped"]').first().waitFor();
    const b = await t.services.orders.getOrder(seller.sellerId, ids.combineB as string);
    expect(b.status).toBe('Shipped');
    const parcels = await t.services.orders.repo.shipmentsOf(seller.sellerId, b.id);
    expect(parcels.map((s) => s.trackingNumber)).toEqual(['YMT-9001']);
    expect(env.pageErrors).toEqual([]);
  });

  it('refunds a returned undeliverable parcel less the actual shipping cost (ORD-12)', async () => {
    const { page, t } = env;
    const order = await t.services.orders.getOrder(seller.sellerId, ids.returned as string);
    const items = await t.services.orders.repo.itemsOf(seller.sellerId, [order.id]);
    await t.services.orders.confirmShipment({
      sellerId: seller.sellerId,
      amazonOrderId: ids.returned as string,
      carrierCode: 'Yamato Transport',
      trackingNumber: 'YMT-RTS-1',
      shipDate: t.clock.now(),
      items: items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
      source: 'web',
      actor: { kind: 'seller', id: 'test' },
    });
    const scan = await market('POST', '/marketplace/v1/carrier-scans', {
      trackingNumber: 'YMT-RTS-1',
      status: 'ReturnedToSender',
      returnReason: 'Undeliverable',
    });
    expect(scan.status).toBeLessThan(300);
    await env.open(`/orders/${ids.returned}`);
    expect(await page.getByTestId('tracking-status').textContent()).toBe('Returned to sender');
    await page.getByTestId('action-undeliverable').click();
    await page.getByTestId('undeliverable-cost').fill('600');
    await page.getByTestId('undeliverable-submit').click();
    await page.getByTestId('order-refunds').waitFor();
    expect(await page.getByTestId('refund').getAttribute('data-kind')).toBe('undeliverable');
    expect(await page.getByTestId('refund').textContent()).toContain('Less the actual shipping cost of ¥600');
    expect(env.pageErrors).toEqual([]);
  });

  it('shows the buyer’s cancellation request and the home alert linking to it, in Japanese', async () => {
    const { page } = env;
    await env.open(`/orders/${ids.requested}`);
    await page.getByTestId('cancel-request-notice').waitFor();
    expect(await page.getByTestId('buyer-contact').getAttribute('href')).toBe(
      `/messages/new?order=${ids.requested}`,
    );
    await page.getByTestId('language-switch').selectOption('ja');
    await page
      .getByText('購入者がこの注文のキャンセルをリクエストしました：「Ordered by mistake」', { exact: false })
      .waitFor();
    await env.open('/');
    const alert = page.locator('[data-testid="alert"]', {
      hasText: '1 件の注文で購入者がキャンセルをリクエストしています。',
    });
    await alert.waitFor();
    await alert.getByRole('link').click();
    await page.waitForURL(/view=cancelRequested/);
    await expect.poll(rowIds).toEqual([ids.requested]);
    expect(await page.getByTestId('view-chip').textContent()).toContain(
      '購入者がキャンセルをリクエストした注文を表示中です。',
    );
    expect(await row(ids.requested).getByTestId('cancel-requested-badge').textContent()).toBe(
      '購入者がキャンセルをリクエスト',
    );
    await env.shot('manage-orders-requested-ja');
    await page.getByTestId('language-switch').selectOption('en');
    expect(env.pageErrors).toEqual([]);
  });
});
