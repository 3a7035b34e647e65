// Order creation throughput (issue: "POST /marketplace/v1/orders throughput with 50 concurrent
// clients on PostgreSQL and on the embedded database; target ≥ 1,000 orders/s on PostgreSQL").
//
//   npx tsx bench/create-orders.ts [--db postgres,embedded] [--runs 5] [--duration 10]
//                                  [--connections 50] [--pool 20]
//
// Per database: a fresh database (scratch PostgreSQL database or embedded folder) gets the demo
// data on a first start; the server is then started with SPAPI_RATE_LIMITS=off, LOG_LEVEL=warn and
// left to go idle (the demo data queues shipment e-mails). Rounds alternate a baseline run
// (autocannon GET /healthz of the same server: what the framework and this machine can do) and an
// orders run (autocannon POST /marketplace/v1/orders, a valid order with a fresh Idempotency-Key
// per request). Afterwards the orders table must have grown by exactly the number of 201 answers.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import {
  argValue,
  countRows,
  createPgDatabase,
  deadline,
  demoCredentials,
  dropPgDatabase,
  fmt,
  log,
  machine,
  memoryOf,
  RUN_ID,
  type ServerEnv,
  startMercato,
  summary,
  waitIdle,
  writeResult,
} from './lib.ts';

const dbs = argValue('db', 'postgres,embedded').split(',');
const runs = Number(argValue('runs', '5'));
const duration = Number(argValue('duration', '10'));
const connections = Number(argValue('connections', '50'));
const poolSize = argValue('pool', '20');
const scratch: { dir?: string; pg?: string }[] = [];

async function cleanup() {
  for (const s of scratch) {
    if (s.dir) rmSync(s.dir, { recursive: true, force: true });
    if (s.pg) await dropPgDatabase(s.pg);
  }
}
deadline(10 + (dbs.length * runs * duration * 2.5) / 60, cleanup);

function orderBody(sellerId: string): string {
  return JSON.stringify({
    marketplaceId: 'A1VC38T7YXB528',
    sellerId,
    buyer: { name: '山田 太郎', email: 'bench-buyer@example.com' },
    shippingAddress: {
      name: '山田 太郎',
      addressLine1: '1-2-3',
      city: '渋谷区',
      stateOrRegion: '東京都',
      postalCode: '150-0002',
      countryCode: 'JP',
      phone: '090-1234-5678',
    },
    items: [
      {
        sku: 'JP-TEA-001',
        title: '静岡県産 深蒸し煎茶 100g',
        quantity: 2,
        unitPrice: { amount: '1280', currencyCode: 'JPY' },
        shippingPrice: { amount: '350', currencyCode: 'JPY' },
      },
    ],
    paymentMethod: 'Other',
    paymentVerified: true,
  });
}

type Run = {
  reqPerSec: number;
  p50: number;
  p99: number;
  created: number;
  /** Sent but unanswered when the client stopped (the server may still have created them). */
  inFlight: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

function toRun(r: Result, okStatus: number): Run {
  const codes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  const ok = codes[String(okStatus)] ?? 0;
  return {
    reqPerSec: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    created: okStatus === 201 ? ok : 0,
    inFlight: Math.max(0, r.requests.sent - r.requests.total),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: codes,
  };
}

async function benchDatabase(kind: string) {
  const env: ServerEnv = {
    extra: { SPAPI_RATE_LIMITS: 'off', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: poolSize },
  };
  if (kind === 'postgres') {
    const name = `mercato_bench_orders_${RUN_ID}`;
    scratch.push({ pg: name });
    env.databaseUrl = await createPgDatabase(name);
  } else {
    env.dataDir = path.join(os.tmpdir(), `mercato-bench-orders-${RUN_ID}`);
    scratch.push({ dir: env.dataDir });
  }
  log(`[${kind}] first start (demo data)...`);
  const first = await startMercato(env);
  await waitIdle(first.pid);
  await first.stop();
  const before = await countRows(env, 'orders');

  const server = await startMercato(env);
  try {
    const idleWait = await waitIdle(server.pid);
    const creds = demoCredentials(env);
    const seller = creds.sellers.find((s) => s.marketplaceId === 'A1VC38T7YXB528');
    if (!seller) throw new Error('no demo seller in Japan');
    const body = orderBody(seller.sellerId);
    const headers = { authorization: `Bearer ${creds.operator.apiKey}`, 'content-type': 'application/json' };
    const ordersRun = (seconds: number) =>
      autocannon({
        url: server.url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/marketplace/v1/orders',
            headers,
            body,
            setupRequest: (req) => ({ ...req, headers: { ...headers, 'idempotency-key': randomUUID() } }),
          },
        ],
      });
    const healthRun = () => autocannon({ url: `${server.url}/healthz`, connections, duration });

    log(`[${kind}] warm-up (3 s of orders)...`);
    const warm = toRun(await ordersRun(3), 201);
    const baseline: Run[] = [];
    const orders: Run[] = [];
    for (let i = 0; i < runs; i++) {
      baseline.push(toRun(await healthRun(), 200));
      orders.push(toRun(await ordersRun(duration), 201));
      const o = orders.at(-1) as Run;
      log(
        `[${kind}] round ${i + 1}/${runs}: healthz ${(baseline.at(-1) as Run).reqPerSec.toFixed(0)} req/s · ` +
          `orders ${o.reqPerSec.toFixed(0)}/s p50 ${o.p50} ms p99 ${o.p99} ms non-2xx ${o.non2xx} errors ${o.errors}`,
      );
    }
    const rss = memoryOf(server.pid);
    await server.stop();
    const after = await countRows(env, 'orders');
    const answered201 = warm.created + orders.reduce((a, r) => a + r.created, 0);
    const inFlight = warm.inFlight + orders.reduce((a, r) => a + r.inFlight, 0);
    const added = after - before;
    return {
      kind,
      poolSize: Number(poolSize),
      idleWaitMs: Math.round(idleWait),
      ordersPerSec: summary(orders.map((r) => r.reqPerSec)),
      p50Ms: summary(orders.map((r) => r.p50)),
      p99Ms: summary(orders.map((r) => r.p99)),
      non2xx: orders.reduce((a, r) => a + r.non2xx, 0) + warm.non2xx,
      // autocannon counts timeouts among the errors.
      errors: orders.reduce((a, r) => a + r.errors, 0) + warm.errors,
      baselineHealthzReqPerSec: summary(baseline.map((r) => r.reqPerSec)),
      baselineHealthzP99Ms: summary(baseline.map((r) => r.p99)),
      // Every 201 is a stored order, and nothing else was stored but requests still in flight when
      // the client stopped (at most `connections` per run).
      verify: {
        ordersBefore: before,
        ordersAfter: after,
        added,
        answered201,
        inFlightAtStop: inFlight,
        matches: added >= answered201 && added <= answered201 + inFlight,
      },
      serverMemoryAfterMb: rss,
      raw: { warm, orders, baseline },
    };
  } finally {
    await server.stop();
  }
}

try {
  const info = await machine();
  const results = [];
  for (const kind of dbs) results.push(await benchDatabase(kind));
  const file = writeResult('create-orders', {
    bench: 'create-orders',
    machine: { ...info, loadavgAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))) },
    runs,
    durationS: duration,
    connections,
    results,
  });
  const lines = [
    '| database | orders/s | p50 ms | p99 ms | failed requests | baseline GET /healthz req/s | orders in DB vs 201 answers | target |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.kind}${r.kind === 'postgres' ? ` (pool ${r.poolSize})` : ''} | ${fmt(r.ordersPerSec)} | ${fmt(r.p50Ms)} | ${fmt(r.p99Ms)} | ${r.non2xx} non-2xx, ${r.errors} errors/timeouts | ` +
        `${fmt(r.baselineHealthzReqPerSec)} | ${r.verify.matches ? 'yes' : 'NO'}: ${r.verify.added} rows = ` +
        `${r.verify.answered201} × 201 + ${r.verify.added - r.verify.answered201} in flight at stop | ` +
        `${r.kind === 'postgres' ? '≥ 1000/s' : '–'} |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\nraw results: ${file}\n`);
} finally {
  await cleanup();
}
