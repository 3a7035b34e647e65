// The language switch: labels, server texts sent with params (home alerts, timeline) and the
// ship-by verdicts change to Japanese and Italian, and the choice survives a reload.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSeller, operatorKey, placeOrder, type TestSeller } from '../support/fixtures.ts';
import {
  type BrowserEnv,
  describeInBrowser,
  screenshotOnFailure,
  startBrowserEnv,
} from './browser-support.ts';

describeInBrowser('languages in the browser', () => {
  let env: BrowserEnv;
  let seller: TestSeller;
  let lateId: string;
  let shippedId: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    const { t } = env;
    seller = await createSeller(t, undefined, 'Nara Ceramics');
    const key = await operatorKey(t);
    const late = (await placeOrder(t, key, seller)) as unknown as {
      amazonOrderId: string;
      latestShipDate: string;
    };
    lateId = late.amazonOrderId;
    t.clock.set(new Date(new Date(late.latestShipDate).getTime() + 3600_000));
    shippedId = (await placeOrder(t, key, seller)).amazonOrderId;
    await placeOrder(t, key, seller, { paymentMethod: 'CVS', paymentVerified: false });
    // Shipped through the service: the timeline gets the confirmation, the capture and the email.
    t.clock.advance(60_000);
    const order = await t.services.orders.getOrder(seller.sellerId, shippedId);
    const items = await t.services.orders.repo.itemsOf(seller.sellerId, [order.id]);
    await t.services.orders.confirmShipment({
      sellerId: seller.sellerId,
      amazonOrderId: shippedId,
      carrierCode: 'Yamato Transport',
      trackingNumber: 'YMT-7781-0003',
      shipDate: t.clock.now(),
      items: items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
      source: 'web',
      actor: { kind: 'seller', id: 'usr_test' },
    });
    await t.services.jobs.drain();
    await env.login(seller.email);
  });
  afterAll(() => env?.close());
  screenshotOnFailure(() => env);

  const text = (testId: string) => env.page.getByTestId(testId).first().textContent();

  async function switchTo(language: 'en' | 'ja' | 'it', ordersLabel: string) {
    await env.page.getByTestId('language-switch').selectOption(language);
    await env.page.getByTestId('nav-orders').getByText(ordersLabel, { exact: true }).waitFor();
    // The choice is saved to the user's settings (PUT /api/session/language) before a reload.
    await expect
      .poll(async () => {
        const session = (await env.page.evaluate(async () => (await fetch('/api/session')).json())) as {
          user: { language: string };
        };
        return session.user.language;
      })
      .toBe(language);
  }

  it('starts in English', async () => {
    await env.page.getByTestId('alert').first().waitFor();
    expect(await text('nav-orders')).toBe('Orders');
    expect(await env.page.getByTestId('alert').allTextContents()).toEqual([
      expect.stringContaining(
        'Shipment is late: 1 order(s) with items left to ship are past their ship-by date.',
      ),
      expect.stringContaining(
        '1 order(s) will be cancelled automatically unless you confirm them as shipped',
      ),
      expect.stringContaining('1 order(s) are Pending payment.'),
    ]);
  });

  it('switches to 日本語: navigation, alerts, status tabs, verdicts and timeline, kept after a reload', async () => {
    const { page } = env;
    await switchTo('ja', '注文');
    expect(await page.getByTestId('alert').allTextContents()).toEqual([
      expect.stringContaining('出荷が遅れています：未出荷の商品がある注文 1 件が出荷期限を過ぎています。'),
      expect.stringContaining(
        '1 件の注文は、表示された日付までに出荷通知をしないと自動的にキャンセルされます。',
      ),
      expect.stringContaining('1 件の注文が支払い待ち（保留中）です。'),
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await env.shot('i18n-ja-home');

    await page.reload();
    await page.getByTestId('nav-orders').getByText('注文', { exact: true }).waitFor();
    expect(await page.getByTestId('language-switch').inputValue()).toBe('ja');

    await page.getByTestId('nav-orders').click();
    await page.getByTestId('status-tab-Unshipped').getByText('未出荷').waitFor();
    expect(await text('status-tab-Pending')).toContain('保留中');
    expect(await text('status-tab-Shipped')).toContain('出荷済み');
    expect(await text('status-tab-All')).toContain('すべて');
    const lateRow = page.locator(`[data-testid="order-row"][data-order-id="${lateId}"]`);
    expect(await lateRow.getByTestId('late-flag').textContent()).toBe('出荷が遅れています');
    expect(await lateRow.getByTestId('auto-cancel').textContent()).toBe(
      '2026/12/02 までに出荷通知を送信しないと注文はキャンセルされます',
    );
    await env.shot('i18n-ja-orders');

    await env.open(`/orders/${shippedId}`);
    const timeline = page.getByTestId('order-timeline');
    await timeline.getByText('購入者に発送メールを送信しました（伝票番号 YMT-7781-0003）').waitFor();
    expect(await timeline.locator('.timeline-message').allTextContents()).toEqual([
      '注文を受け付けました（支払い確認済み）',
      '出荷通知を送信しました：ヤマト運輸 YMT-7781-0003',
      '注文全体の代金 ￥5,350 を購入者に請求しました',
      '購入者に発送メールを送信しました（伝票番号 YMT-7781-0003）',
    ]);
    expect(await timeline.locator('.timeline-meta').first().textContent()).toContain('マーケットプレイス');
    await env.shot('i18n-ja-order');
    expect(env.pageErrors).toEqual([]);
  });

  it('switches to Italiano, kept after a reload', async () => {
    const { page } = env;
    await switchTo('it', 'Ordini');
    const timeline = page.getByTestId('order-timeline');
    expect(await timeline.locator('.timeline-message').allTextContents()).toEqual([
      'Ordine ricevuto (pagamento verificato)',
      'Spedizione confermata: Yamato Transport YMT-7781-0003',
      'Addebitato all’acquirente l’intero ordine: 5350\u00a0JPY',
      'Email di spedizione inviata all’acquirente (tracking YMT-7781-0003)',
    ]);

    await env.open('/orders?status=Unshipped');
    await page.getByTestId('status-tab-Unshipped').getByText('Non spedito').waitFor();
    expect(await text('nav-orders')).toBe('Ordini');
    expect(await text('status-tab-Pending')).toContain('In sospeso');
    expect(await text('status-tab-All')).toContain('Tutti');
    const lateRow = page.locator(`[data-testid="order-row"][data-order-id="${lateId}"]`);
    expect(await lateRow.getByTestId('late-flag').textContent()).toBe('Spedizione in ritardo');
    expect(await lateRow.getByTestId('auto-cancel').textContent()).toBe(
      'Conferma la spedizione entro il 2 dic 2026 per evitare l’annullamento',
    );
    await env.shot('i18n-it-orders');

    await env.open('/');
    await page.getByTestId('alert').first().waitFor();
    expect(await page.getByTestId('alert').allTextContents()).toEqual([
      expect.stringContaining(
        'Spedizione in ritardo: 1 ordini con articoli da spedire hanno superato la data di spedizione.',
      ),
      expect.stringContaining('1 ordini verranno annullati automaticamente'),
      expect.stringContaining('1 ordini sono in sospeso in attesa di pagamento.'),
    ]);
    expect(await page.getByTestId('language-switch').inputValue()).toBe('it');
    await env.shot('i18n-it-home');
    expect(env.pageErrors).toEqual([]);
  });
});
