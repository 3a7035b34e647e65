// ORD-8 end to end: the sandbox clock moves across the ship-by date (warning once, one seller
// notification) and across the cutoff (cancelled once, unpaid, counted as the seller's), with the
// sweeps running at the moment the clock moves, twice, and from two workers at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeadlineSweeps } from '../../src/modules/orders/order-deadlines.service.ts';
import { createSeller, operatorKey, placeOrder, type TestSeller, webLogin } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let seller: TestSeller;
let key: string;
let web: Record<string, string>;

// Friday 20 November 2026, 10:00 in Tokyo.
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T01:00:00Z' });
  seller = await createSeller(t);
  key = await operatorKey(t);
  web = await webLogin(t, seller.email);
});
afterAll(() => t?.close());

const advance = async (by: string) => {
  const r = await t.request('POST', '/sandbox/v1/clock/advance', {
    body: { by },
    headers: { authorization: `Bearer ${key}` },
  });
  expect(r.status, r.text).toBe(200);
  return r.json;
};
const detail = async (id: string) =>
  (await t.request('GET', `/api/orders/${id}`, { headers: web })).json.order;

async function mailTo(to: string) {
  const { mailbox } = await import('../../src/platform/db/platform.tables.ts');
  const { eq } = await import('drizzle-orm');
  return t.services.database.db.select().from(mailbox).where(eq(mailbox.to, to));
}

/** The ship-by warning emails of an order, polled until `n` arrived or `ms` passed. */
async function warningMails(amazonOrderId: string, n: number, ms = 10000) {
  const deadline = performance.now() + ms;
  for (;;) {
    const mails = (await mailTo(seller.email)).filter(
      (m) => m.subject.includes(amazonOrderId) && m.subject.includes('キャンセルを避けるため'),
    );
    if (mails.length >= n || performance.now() > deadline) return mails;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('ORD-8 auto-cancel with the sandbox clock', () => {
  it('warns once from the ship-by date and cancels once past the cutoff, as the clock moves', async () => {
    const o = await placeOrder(t, key, seller);
    const placed = await detail(o.amazonOrderId);
    const shipBy = new Date(placed.latestShipDate);
    expect(placed.autoCancelAt).toBeNull();

    // Move to the morning of the ship-by day (local): the warning appears, one email goes out.
    const now = t.services.clock.now();
    const toShipByDay = Math.max(0, shipBy.getTime() - now.getTime() - 6 * 3600_000);
    await advance(`PT${Math.ceil(toShipByDay / 1000)}S`);
    const warned = await detail(o.amazonOrderId);
    expect(warned.autoCancelAt).not.toBeNull();
    expect(warned.timeline.filter((e: { kind: string }) => e.kind === 'ship_by_warning')).toHaveLength(1);
    // Issue 4: the warning is an `order.ship_by_warning` notification, emailed by the pipeline
    // in the seller's language (a JP seller: ja).
    const first = await warningMails(o.amazonOrderId, 1);
    expect(first).toHaveLength(1);
    expect(first[0]?.text).toMatch(/までに出荷を確認しない場合、自動的にキャンセルされます/);

    // Another sweep later the same day: no second warning, no second email.
    await advance('PT1H');
    await t.services.orders.runDeadlineSweeps();
    await t.services.jobs.drain();
    expect(
      (await detail(o.amazonOrderId)).timeline.filter((e: { kind: string }) => e.kind === 'ship_by_warning'),
    ).toHaveLength(1);
    expect(await warningMails(o.amazonOrderId, 2, 1000)).toHaveLength(1);

    // One second before the cutoff: still open. At the cutoff: cancelled by the clock move itself.
    const cutoff = new Date(warned.autoCancelAt);
    const gap = cutoff.getTime() - t.services.clock.now().getTime();
    await advance(`PT${Math.floor(gap / 1000) - 1}S`);
    expect((await detail(o.amazonOrderId)).status).toBe('Unshipped');
    await advance('PT2S');
    const canceled = await detail(o.amazonOrderId);
    expect(canceled.status).toBe('Canceled');
    expect(canceled.cancellation).toMatchObject({ kind: 'auto', reason: 'ShipmentNotConfirmed' });
    expect(canceled.charge).toBeNull();

    // Run again: nothing changes.
    const again = await t.services.orders.runDeadlineSweeps();
    expect(again.canceled).toBe(0);
    const cancels = (await detail(o.amazonOrderId)).timeline.filter(
      (e: { kind: string }) => e.kind === 'order_canceled',
    );
    expect(cancels).toHaveLength(1);

    // A late confirmation is refused.
    const late = await t.request('POST', `/api/orders/${o.amazonOrderId}/shipments`, {
      headers: web,
      body: {
        carrierCode: 'Yamato',
        trackingNumber: 'TOO-LATE',
        shipDate: t.services.clock.now().toISOString(),
        items: canceled.items.map((i: { orderItemId: string }) => ({
          orderItemId: i.orderItemId,
          quantity: 1,
        })),
      },
    });
    expect(late.status).toBe(422);
    expect(late.json.error.code).toBe('ORDER_CANCELED');
  });

  it('two workers sweeping at once cancel each due order exactly once', async () => {
    const orders = [];
    for (let i = 0; i < 12; i++) orders.push(await placeOrder(t, key, seller));
    // A confirmed one and a buyer-requested one among them.
    const shipped = orders[0]?.amazonOrderId as string;
    const d0 = await detail(shipped);
    const confirmed = await t.request('POST', `/api/orders/${shipped}/shipments`, {
      headers: web,
      body: {
        carrierCode: 'Yamato',
        trackingNumber: 'IN-TIME',
        shipDate: t.services.clock.now().toISOString(),
        items: d0.items.map((i: { orderItemId: string; quantityOrdered: number }) => ({
          orderItemId: i.orderItemId,
          quantity: i.quantityOrdered,
        })),
      },
    });
    expect(confirmed.status, confirmed.text).toBe(201);
    const requested = orders[1]?.amazonOrderId as string;
    await t.request('POST', `/marketplace/v1/orders/${requested}/cancellation-requests`, {
      headers: { authorization: `Bearer ${key}` },
      body: { reason: 'Changed my mind' },
    });

    // Two independent sweepers (as two worker processes would be), run while the clock is past
    // every cutoff, at the same time.
    t.clock.advance(30 * 86_400_000);
    const s = t.services;
    const deps = {
      db: s.database.db,
      ids: s.ids,
      clock: s.clock,
      jobs: s.jobs,
      marketplaces: s.marketplaces,
    };
    const [a, b] = await Promise.all([
      createDeadlineSweeps(deps).runDeadlineSweeps(),
      createDeadlineSweeps(deps).runDeadlineSweeps(),
    ]);
    expect(a.canceled + b.canceled).toBe(11);
    web = await webLogin(t, seller.email); // 30 days later the session has expired
    for (const o of orders) {
      const d = await detail(o.amazonOrderId);
      const cancels = d.timeline.filter((e: { kind: string }) => e.kind === 'order_canceled');
      expect(cancels).toHaveLength(o.amazonOrderId === shipped ? 0 : 1);
    }
    expect((await detail(shipped)).status).toBe('Shipped');
    expect((await detail(requested)).cancellation.kind).toBe('buyer_requested');
    await t.services.jobs.drain();
  });
});
