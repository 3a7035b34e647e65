// The bulk seeding tool behind `mercato seed --orders N` (benchmarks, load tests): its rows must
// be the rows the order services write, consistent with each other, and readable through the
// real APIs — a benchmark on inconsistent data measures nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.ts';
import { seedBulkOrders } from '../../src/modules/sandbox/index.ts';
import { createSeller, spApiToken, type TestSeller } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let seller: TestSeller;

beforeAll(async () => {
  t = await startTestApp({ workers: false });
  seller = await createSeller(t);
});
afterAll(() => t?.close());

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.services.database.db, q);

describe('seedBulkOrders', () => {
  it('writes consistent orders, items, shipments, charges, cancellations and events', async () => {
    const marketplace = await t.services.marketplaces.getMarketplace(seller.marketplaceId);
    const result = await seedBulkOrders({
      database: t.services.database,
      secret: t.services.secret,
      marketplace,
      sellerId: seller.sellerId,
      count: 700,
      now: t.clock.now(),
      batchSize: 300, // several batches, the last one partial
      seed: 42,
    });
    expect(result.orders).toBe(700);
    expect(result.orderItems).toBeGreaterThan(700);
    const s = seller.sellerId;

    const [counts] = await rows<{ n: number; statuses: string[]; min: string; max: string }>(sql`
      SELECT count(*)::int AS n, array_agg(DISTINCT status) AS statuses,
        min(purchase_date)::text AS min, max(purchase_date)::text AS max
      FROM orders WHERE seller_id = ${s}`);
    expect(counts?.n).toBe(700);
    // Every state Manage Orders has a tab for.
    expect(new Set(counts?.statuses)).toEqual(
      new Set(['Pending', 'Unshipped', 'PartiallyShipped', 'Shipped', 'Canceled']),
    );
    // Spread over the 90 days before now.
    const spanDays = (Date.parse(counts?.max ?? '') - Date.parse(counts?.min ?? '')) / 86_400_000;
    expect(spanDays).toBeGreaterThan(85);
    expect(Date.parse(counts?.max ?? '')).toBeLessThan(t.clock.now().getTime());

    // Item counters agree with the items and the shipment lines.
    const mismatched = await rows<{ id: string }>(sql`
      SELECT o.id FROM orders o
      JOIN (SELECT order_id, sum(quantity_ordered) AS ordered, sum(quantity_shipped) AS shipped
            FROM order_items WHERE seller_id = ${s} GROUP BY order_id) i ON i.order_id = o.id
      LEFT JOIN (SELECT order_id, sum(quantity) AS q FROM shipment_items
                 WHERE seller_id = ${s} GROUP BY order_id) si ON si.order_id = o.id
      WHERE o.seller_id = ${s} AND (o.items_shipped <> i.shipped
        OR o.items_shipped + o.items_unshipped <> i.ordered OR coalesce(si.q, 0) <> i.shipped)`);
    expect(mismatched).toEqual([]);

    // ORD-7: one capture per order that shipped anything, none otherwise, for the order total.
    const badCharges = await rows<{ id: string }>(sql`
      SELECT o.id FROM orders o LEFT JOIN order_charges c ON c.seller_id = o.seller_id AND c.order_id = o.id
      WHERE o.seller_id = ${s} AND ((o.items_shipped > 0) <> (c.order_id IS NOT NULL)
        OR c.amount <> o.order_total OR (o.charged_at IS NULL) <> (c.order_id IS NULL))`);
    expect(badCharges).toEqual([]);

    // ORD-13 / PERF-3: every cancellation says by whom, why and when; nothing else does.
    const cancels = await rows<{ kind: string | null; reason: string | null; n: number; bad: number }>(sql`
      SELECT cancellation_kind AS kind, cancellation_reason AS reason, count(*)::int AS n,
        count(*) FILTER (WHERE (status = 'Canceled') <> (canceled_at IS NOT NULL))::int AS bad
      FROM orders WHERE seller_id = ${s} GROUP BY 1, 2`);
    expect(cancels.reduce((a, c) => a + c.bad, 0)).toBe(0);
    const kinds = new Set(cancels.map((c) => c.kind).filter(Boolean));
    expect(kinds).toEqual(new Set(['seller', 'buyer_requested', 'auto', 'marketplace']));
    const [unpaid] = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM orders WHERE seller_id = ${s} AND status = 'Canceled'
        AND (cancellation_kind IS NULL OR (cancellation_kind = 'auto' AND charged_at IS NOT NULL))`);
    expect(unpaid?.n).toBe(0); // ORD-8: an auto-cancelled order is never charged

    // A timeline starts with the order and every order has one.
    const [noTimeline] = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM orders o WHERE o.seller_id = ${s} AND NOT EXISTS (
        SELECT 1 FROM order_events e WHERE e.seller_id = o.seller_id AND e.order_id = o.id
          AND e.kind = 'order_placed' AND e.at = o.purchase_date)`);
    expect(noTimeline?.n).toBe(0);

    // Carrier scans: delivered parcels have a delivery time after their ship date.
    const [scans] = await rows<{ delivered: number; bad: number }>(sql`
      SELECT count(*) FILTER (WHERE tracking_status = 'Delivered')::int AS delivered,
        count(*) FILTER (WHERE tracking_status = 'Delivered' AND delivered_at <= ship_date)::int AS bad
      FROM shipments WHERE seller_id = ${s}`);
    expect(scans?.delivered).toBeGreaterThan(0);
    expect(scans?.bad).toBe(0);
  });

  it('seeds overdue unshipped orders for the auto-cancel benchmark (ORD-8)', async () => {
    const other = await createSeller(t);
    const marketplace = await t.services.marketplaces.getMarketplace(other.marketplaceId);
    const result = await seedBulkOrders({
      database: t.services.database,
      secret: t.services.secret,
      marketplace,
      sellerId: other.sellerId,
      count: 300,
      now: t.clock.now(),
      shape: 'overdueUnshipped',
      seed: 7,
    });
    expect(result.orders).toBe(300);
    const days = marketplace.policy.orders.autoCancelDaysAfterShipBy;
    const [r] = await rows<{ n: number; due: number; mfn: number; warned: number; shipments: number }>(sql`
      SELECT count(*)::int AS n,
        count(*) FILTER (WHERE status = 'Unshipped' AND payment_verified_at IS NOT NULL AND charged_at IS NULL
          AND latest_ship_date + make_interval(days => ${days}) < ${t.clock.now().toISOString()}::timestamptz)::int AS due,
        count(*) FILTER (WHERE fulfillment_channel = 'MFN')::int AS mfn,
        count(*) FILTER (WHERE ship_by_warning_at IS NOT NULL)::int AS warned,
        (SELECT count(*) FROM shipments s WHERE s.seller_id = ${other.sellerId})::int AS shipments
      FROM orders WHERE seller_id = ${other.sellerId}`);
    expect(r).toEqual({ n: 300, due: 300, mfn: 300, warned: 300, shipments: 0 });
  });

  it('seeds orders the SP-API reads back, page after page', async () => {
    const token = await spApiToken(t, seller);
    const headers = { 'x-amz-access-token': token };
    const after = new Date(t.clock.now().getTime() - 100 * 86_400_000).toISOString();
    const filters = `/orders/v0/orders?MarketplaceIds=${seller.marketplaceId}&CreatedAfter=${after}&MaxResultsPerPage=100`;
    let path = filters;
    const seen = new Set<string>();
    for (let page = 0; page < 20; page++) {
      const r = await t.request('GET', path, { headers });
      expect(r.status).toBe(200);
      for (const o of r.json.payload.Orders as { AmazonOrderId: string }[]) seen.add(o.AmazonOrderId);
      const next = r.json.payload.NextToken as string | undefined;
      if (!next) break;
      // Clients re-send NextToken with the original filters (reference/sp-api.md §2).
      path = `${filters}&NextToken=${encodeURIComponent(next)}`;
    }
    expect(seen.size).toBe(700);
    const [one] = [...seen];
    const items = await t.request('GET', `/orders/v0/orders/${one}/orderItems`, { headers });
    expect(items.status).toBe(200);
    expect(items.json.payload.OrderItems.length).toBeGreaterThan(0);
  });
});
