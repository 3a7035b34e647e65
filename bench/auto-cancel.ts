// The ORD-8 auto-cancel sweep over 100,000 due orders (issue 3: "target ≤ 30 s").
//
//   npx tsx bench/auto-cancel.ts [--orders 100000] [--runs 3] [--drop-templates]
//
// 1. A template database: the demo data (`mercato seed`) plus N paid, never confirmed MFN orders
//    of the Japanese demo seller whose cutoff (ship-by + 7 days) is behind the clock
//    (seedBulkOrders shape `overdueUnshipped`; warned on their ship-by day, as the warning sweep
//    would have done). Every run works on a fresh copy.
// 2. Measured: one `orders.runDeadlineSweeps()` on services built as `mercato start` builds them
//    (workers not started: the e-mail jobs it queues stay queued).
// 3. Checked: every due order is Canceled exactly once — cancellation kind `auto`, one
//    `order_canceled` event each, never charged — and a second sweep cancels nothing.
// 4. Baseline, on another fresh copy in the same run: the same change as bare SQL, one UPDATE of
//    the due orders and one INSERT … SELECT of their timeline events (no batches, no locks, no
//    jobs): the floor of what cancelling N rows with their events costs in this PostgreSQL.
import pg from 'pg';
import {
  argValue,
  deadline,
  dropBenchTemplates,
  dropPgDatabase,
  fmt,
  fromTemplate,
  loadavg,
  log,
  machine,
  RUN_ID,
  runMercato,
  seedFingerprint,
  summary,
  writeResult,
} from './lib.ts';

const orderCount = Number(argValue('orders', '100000'));
const runs = Number(argValue('runs', '3'));
const JP = 'A1VC38T7YXB528';
const names: string[] = [];
deadline(60, async () => {
  for (const n of names) await dropPgDatabase(n);
});

type Prepared = { sellerId: string; seeded: number; seedSeconds: number };

async function prepare(url: string): Promise<Prepared> {
  log(`template: demo data, then ${orderCount} overdue unshipped orders...`);
  const creds = JSON.parse(runMercato(['seed', '--json'], { databaseUrl: url })) as {
    sellers: { marketplaceId: string; sellerId: string }[];
  };
  const sellerId = creds.sellers.find((s) => s.marketplaceId === JP)?.sellerId;
  if (!sellerId) throw new Error('no demo seller in Japan');
  const s = await services(url);
  try {
    const { seedBulkOrders } = await import('../src/modules/sandbox/index.ts');
    const r = await seedBulkOrders({
      database: s.database,
      secret: s.secret,
      marketplace: await s.marketplaces.getMarketplace(JP),
      sellerId,
      count: orderCount,
      now: s.clock.now(),
      shape: 'overdueUnshipped',
      seed: 8,
    });
    return { sellerId, seeded: r.orders, seedSeconds: r.ms / 1000 };
  } finally {
    await s.close();
  }
}

async function services(url: string) {
  const { loadConfig } = await import('../src/platform/config.ts');
  const { buildServices } = await import('../src/main/dependencies.ts');
  const { createLogger } = await import('../src/platform/logger.ts');
  const config = loadConfig({ MERCATO_MODE: 'sandbox', DATABASE_URL: url, LOG_LEVEL: 'silent' });
  return buildServices(config, { logger: createLogger('silent') });
}

/** Orders whose ORD-8 cutoff has passed at `now` (the marketplace's setting). */
const DUE = `status = 'Unshipped' AND fulfillment_channel = 'MFN'
  AND latest_ship_date + make_interval(days => $2) <= $1::timestamptz`;

async function copy(tpl: string, suffix: string) {
  const name = `mercato_bench_autocancel_${RUN_ID}_${suffix}`;
  names.push(name);
  return { name, ...(await fromTemplate(name, tpl, prepare)) };
}

try {
  const info = await machine();
  const tpl = `mercato_bench_tpl_overdue_${orderCount}_${seedFingerprint()}`;
  const measured: { ms: number; canceled: number; due: number; load: number[] }[] = [];
  const baseline: { ms: number; rows: number }[] = [];
  let prepared: Prepared | undefined;
  for (let i = 0; i < runs; i++) {
    // Baseline on its own copy.
    {
      const c = await copy(tpl, `b${i}`);
      prepared = c.info;
      const db = new pg.Client({ connectionString: c.url });
      await db.connect();
      try {
        const s = await services(c.url);
        const now = s.clock.now().toISOString();
        const days = (await s.marketplaces.getMarketplace(JP)).policy.orders.autoCancelDaysAfterShipBy;
        await s.close();
        const t0 = performance.now();
        await db.query('BEGIN');
        const up = await db.query(
          `UPDATE orders SET status = 'Canceled', cancellation_kind = 'auto',
             cancellation_reason = 'ShipmentNotConfirmed', canceled_at = $1, last_update_date = $1
           WHERE ${DUE} RETURNING seller_id, id`,
          [now, days],
        );
        await db.query(
          `INSERT INTO order_events (seller_id, id, order_id, at, kind, actor, data)
           SELECT seller_id, 'oev_' || id, id, $1, 'order_canceled', 'system',
             '{"kind":"auto","reason":"ShipmentNotConfirmed"}'::jsonb
           FROM orders WHERE canceled_at = $1 AND cancellation_kind = 'auto'`,
          [now],
        );
        await db.query('COMMIT');
        baseline.push({ ms: performance.now() - t0, rows: up.rowCount ?? 0 });
      } finally {
        await db.end();
      }
      await dropPgDatabase(c.name);
    }
    // The sweep on a fresh copy.
    const c = await copy(tpl, `m${i}`);
    const s = await services(c.url);
    const db = new pg.Client({ connectionString: c.url });
    await db.connect();
    try {
      // The sweep reads the (moving) sandbox clock itself: what it cancels is stamped at or after this.
      const now = s.clock.now();
      const days = (await s.marketplaces.getMarketplace(JP)).policy.orders.autoCancelDaysAfterShipBy;
      const due = (
        await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE ${DUE}`, [now, days])
      ).rows[0]?.n as number;
      const load = loadavg();
      const t0 = performance.now();
      const r = await s.orders.runDeadlineSweeps();
      const ms = performance.now() - t0;
      const again = await s.orders.runDeadlineSweeps();
      const check = (
        await db.query<{ canceled: number; charged: number; events: number; twice: number; left: number }>(
          `SELECT
             (SELECT count(*) FROM orders WHERE status = 'Canceled' AND cancellation_kind = 'auto'
                AND canceled_at >= $1)::int AS canceled,
             (SELECT count(*) FROM orders WHERE canceled_at >= $1 AND charged_at IS NOT NULL)::int AS charged,
             (SELECT count(*) FROM order_events WHERE kind = 'order_canceled' AND at >= $1)::int AS events,
             (SELECT count(*) FROM (SELECT order_id FROM order_events WHERE kind = 'order_canceled'
                GROUP BY seller_id, order_id HAVING count(*) > 1) x)::int AS twice,
             (SELECT count(*) FROM orders WHERE ${DUE})::int AS left`,
          [now, days],
        )
      ).rows[0];
      const problems = [
        r.canceled !== due && `the sweep cancelled ${r.canceled} of ${due} due orders`,
        check?.canceled !== due && `${check?.canceled} orders are auto-cancelled, ${due} were due`,
        check?.events !== due && `${check?.events} order_canceled events for ${due} orders`,
        check?.twice !== 0 && `${check?.twice} orders cancelled twice`,
        check?.charged !== 0 && `${check?.charged} auto-cancelled orders were charged`,
        check?.left !== 0 && `${check?.left} due orders left`,
        again.canceled !== 0 && `the second sweep cancelled ${again.canceled} more`,
      ].filter(Boolean);
      if (problems.length) throw new Error(`auto-cancel check failed: ${problems.join('; ')}`);
      measured.push({ ms, canceled: r.canceled, due, load });
      log(
        `run ${i + 1}/${runs} (load ${load.join(' ')}): sweep ${(ms / 1000).toFixed(2)} s for ${r.canceled} orders ` +
          `(second sweep: ${again.canceled}) · bare SQL ${(baseline.at(-1)?.ms ?? 0).toFixed(0)} ms`,
      );
    } finally {
      await db.end();
      await s.close();
      await dropPgDatabase(c.name);
    }
  }
  const sweepS = summary(
    measured.map((m) => m.ms / 1000),
    2,
  );
  const bareS = summary(
    baseline.map((b) => b.ms / 1000),
    2,
  );
  const file = writeResult('auto-cancel', {
    bench: 'auto-cancel',
    machine: { ...info, loadavgAtEnd: loadavg() },
    orders: orderCount,
    prepared,
    sweepSeconds: sweepS,
    baselineBareSqlSeconds: bareS,
    raw: { measured, baseline },
  });
  process.stdout.write(
    `| due orders | sweep s | orders/s | bare SQL UPDATE + INSERT s | checks | target |\n|---|---|---|---|---|---|\n` +
      `| ${measured[0]?.due} | ${fmt(sweepS)} | ${Math.round((measured[0]?.due ?? 0) / sweepS.median)} | ${fmt(bareS)} | ` +
      `each cancelled once (kind auto, one event, not charged), second sweep 0 | ≤ 30 s |\n\nraw results: ${file}\n`,
  );
} finally {
  for (const n of names) await dropPgDatabase(n);
  if (process.argv.includes('--drop-templates')) log(`dropped ${(await dropBenchTemplates()).join(', ')}`);
}
