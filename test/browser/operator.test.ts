// The marketplace operator in the browser: Sent mail holds the buyer's shipment email, and the
// Jobs page shows the queue that sent it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSeller, operatorKey, PASSWORD, placeOrder, webLogin } from '../support/fixtures.ts';
import {
  type BrowserEnv,
  describeInBrowser,
  screenshotOnFailure,
  startBrowserEnv,
} from './browser-support.ts';

const OPERATOR = 'ops@mercato.example';
const BUYER = 'mario.bianchi@example.com';

describeInBrowser('operator pages in the browser', () => {
  let env: BrowserEnv;
  let amazonOrderId: string;

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
    const seller = await createSeller(t, undefined, 'Osaka Knives');
    const key = await operatorKey(t);
    amazonOrderId = (await placeOrder(t, key, seller, { buyer: { name: 'Mario Bianchi', email: BUYER } }))
      .amazonOrderId;
    t.clock.advance(60_000);
    // The seller confirms the shipment through the web API, as the order page does.
    const headers = await webLogin(t, seller.email);
    const detail = await t.request('GET', `/api/orders/${amazonOrderId}`, { headers });
    const confirmed = await t.request('POST', `/api/orders/${amazonOrderId}/shipments`, {
      headers,
      body: {
        carrierCode: 'Japan Post',
        trackingNumber: 'JP-5521-9930',
        shipDate: t.clock.now().toISOString(),
        items: detail.json.order.items.map((i: { orderItemId: string; quantityOrdered: number }) => ({
          orderItemId: i.orderItemId,
          quantity: i.quantityOrdered,
        })),
      },
    });
    expect(confirmed.status).toBe(201);
    await t.services.jobs.drain();
    await env.login(OPERATOR);
  });
  afterAll(() => env?.close());
  screenshotOnFailure(() => env);

  it('lands on Sent mail and reads the buyer’s shipment email', async () => {
    const { page } = env;
    await page.waitForURL('**/ops/mail');
    expect(await page.getByTestId('nav-orders').count()).toBe(0);
    const row = page.getByTestId('mail-row').filter({ hasText: BUYER });
    await row.waitFor();
    expect(await row.textContent()).toContain(`ご注文 ${amazonOrderId} を発送しました`);
    await row.getByTestId('mail-toggle').click();
    const body = page.locator(`#mail-${await row.getAttribute('data-mail-id')}`);
    await body.getByText('JP-5521-9930').first().waitFor();
    expect(await body.textContent()).toContain(amazonOrderId);
    await env.shot('operator-mail');
    expect(env.pageErrors).toEqual([]);
  });

  it('sees the shipment email queue on the Jobs page', async () => {
    const { page } = env;
    await page.getByTestId('nav-ops-jobs').click();
    const queue = page.getByTestId('queue-row').filter({ hasText: 'orders.buyer-shipment-email' });
    await queue.waitFor();
    // Queue, then created, retry, active, completed, failed, cancelled.
    const cells = await queue.locator('td').allTextContents();
    expect(cells[0]).toBe('orders.buyer-shipment-email');
    expect(cells[4]).toBe('1');
    expect(cells[5]).toBe('0');
    await page.getByTestId('failed-jobs').getByText('No failed jobs.').waitFor();
    await env.shot('operator-jobs');
    expect(env.pageErrors).toEqual([]);
  });
});
