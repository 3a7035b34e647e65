// SP-API getOrders latency with 100k orders (issue: "SP-API getOrders latency p50/p99 with 100k
// orders in the database, target p99 ≤ 50 ms").
//
//   npx tsx bench/get-orders.ts [--db postgres,embedded] [--orders 100000] [--runs 5]
//                               [--duration 10] [--connections 10]
//
// Per database: a fresh database gets the demo data and `mercato seed --orders N --seller jp`.
// A fixed set of 200 getOrders queries is drawn once: CreatedAfter anywhere in the 90 days,
// MaxResultsPerPage=100, and OrderStatuses on about a third of them. The HTTP runs send them
// round-robin with autocannon (10 connections, LWA access token from /auth/o2/token), then with a
// single connection (the time of one request without queueing). The baseline
// runs the very SQL the server runs for those queries (captured from the orders repository through
// Drizzle's query logger) bare through `pg` with the same concurrency. On PostgreSQL the rounds
// alternate baseline and HTTP; on the embedded database the baseline runs in this process before
// the server starts (only one process may open the folder).
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import type { Db } from '../src/platform/db/database.ts';
import { parseGetOrdersQuery } from '../src/modules/orders/get-orders-query.ts';
import { createOrdersRepository } from '../src/modules/orders/orders.repository.ts';
import {
  argValue,
  createPgDatabase,
  deadline,
  demoCredentials,
  dropPgDatabase,
  fmt,
  log,
  machine,
  percentile,
  RUN_ID,
  runMercato,
  type ServerEnv,
  startMercato,
  summary,
  waitIdle,
  writeResult,
} from './lib.ts';

const dbs = argValue('db', 'postgres,embedded').split(',');
const orderCount = Number(argValue('orders', '100000'));
const runs = Number(argValue('runs', '5'));
const duration = Number(argValue('duration', '10'));
const connections = Number(argValue('connections', '10'));
const JP = 'A1VC38T7YXB528';
const scratch: { dir?: string; pg?: string }[] = [];

async function cleanup() {
  for (const s of scratch) {
    if (s.dir) rmSync(s.dir, { recursive: true, force: true });
    if (s.pg) await dropPgDatabase(s.pg);
  }
}
deadline(20 + (dbs.length * (orderCount / 500 + (runs * 2.5 + 7) * duration)) / 60, cleanup);

/** 200 query strings, the same for every database (seeded generator). */
function queryStrings(now: number): string[] {
  let a = 20261122;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const statuses = ['Unshipped', 'Shipped', 'Pending', 'Unshipped,PartiallyShipped', 'Canceled'];
  const out: string[] = [];
  for (let i = 0; i < 200; i++) {
    const after = new Date(now - (1 + rnd() * 89) * 86_400_000).toISOString();
    const q = new URLSearchParams({ MarketplaceIds: JP, CreatedAfter: after, MaxResultsPerPage: '100' });
    if (rnd() < 0.35) q.set('OrderStatuses', statuses[Math.floor(rnd() * statuses.length)] as string);
    out.push(`/orders/v0/orders?${q.toString()}`);
  }
  return out;
}

type Captured = { text: string; params: unknown[] };

/** The SQL the server runs for each query string (repository.search through Drizzle). */
async function captureSql(db: Db, captured: Captured[], sellerId: string, paths: string[]) {
  const repo = createOrdersRepository(db);
  const out: Captured[] = [];
  for (const p of paths) {
    const raw = Object.fromEntries(new URL(p, 'http://x').searchParams);
    const parsed = parseGetOrdersQuery(raw, new Date());
    if (!parsed.ok) throw new Error(`bad benchmark query ${p}: ${parsed.message}`);
    captured.length = 0;
    await repo.search({ ...parsed.query, sellerId, limit: parsed.query.limit + 1 });
    const q = captured.at(-1);
    if (!q) throw new Error('no SQL captured');
    out.push(q);
  }
  return out;
}

/** `connections` loops issue the captured statements round-robin for `seconds`. */
async function bareSql(
  run: (q: Captured) => Promise<unknown>,
  queries: Captured[],
  seconds: number,
  clients = connections,
) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const q = queries[next++ % queries.length] as Captured;
        const t = performance.now();
        await run(q);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return {
    perSec: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    count: latencies.length,
  };
}

type BareRun = Awaited<ReturnType<typeof bareSql>>;

async function benchDatabase(kind: string) {
  const env: ServerEnv = { extra: { SPAPI_RATE_LIMITS: 'off', LOG_LEVEL: 'warn' } };
  if (kind === 'postgres') {
    const name = `mercato_bench_getorders_${RUN_ID}`;
    scratch.push({ pg: name });
    env.databaseUrl = await createPgDatabase(name);
  } else {
    env.dataDir = path.join(os.tmpdir(), `mercato-bench-getorders-${RUN_ID}`);
    scratch.push({ dir: env.dataDir });
  }
  log(`[${kind}] seeding ${orderCount} orders (mercato seed --orders ${orderCount} --seller jp)...`);
  const seed = JSON.parse(
    runMercato(['seed', '--orders', String(orderCount), '--seller', 'jp', '--json'], env),
  ) as { sellerId: string; orders: number; seconds: number; ordersPerSecond: number };
  log(`[${kind}]   ${seed.orders} orders in ${seed.seconds.toFixed(1)} s (${seed.ordersPerSecond} orders/s)`);
  const paths = queryStrings(Date.now());

  // Baseline SQL, captured through the repository with a logging Drizzle instance.
  const captured: Captured[] = [];
  const logger = { logQuery: (text: string, params: unknown[]) => captured.push({ text, params }) };
  const baseline: BareRun[] = [];
  const baselineOne: BareRun[] = [];
  let explain: string[] = [];
  let bare: { run: (q: Captured) => Promise<unknown>; close: () => Promise<void> };
  let queries: Captured[];
  if (env.databaseUrl) {
    const pool = new pg.Pool({ connectionString: env.databaseUrl, max: connections });
    const { drizzle } = await import('drizzle-orm/node-postgres');
    queries = await captureSql(
      drizzle({ client: pool, logger }) as unknown as Db,
      captured,
      seed.sellerId,
      paths,
    );
    bare = { run: (q) => pool.query(q.text, q.params), close: () => pool.end() };
    explain = await explainSome((q) => pool.query(q.text, q.params), queries);
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const lite = await PGlite.create(path.join(env.dataDir as string, 'pgdata'));
    queries = await captureSql(
      drizzle({ client: lite, logger }) as unknown as Db,
      captured,
      seed.sellerId,
      paths,
    );
    bare = { run: (q) => lite.query(q.text, q.params), close: () => lite.close() };
    explain = await explainSome((q) => lite.query(q.text, q.params), queries);
    await bareSql(bare.run, queries, 2); // warm-up
    for (let i = 0; i < runs; i++) baseline.push(await bareSql(bare.run, queries, duration));
    for (let i = 0; i < 3; i++) baselineOne.push(await bareSql(bare.run, queries, duration, 1));
    await bare.close();
  }

  const server = await startMercato(env);
  try {
    await waitIdle(server.pid);
    const creds = demoCredentials(env);
    const seller = creds.sellers.find((s) => s.marketplaceId === JP);
    if (!seller) throw new Error('no demo seller in Japan');
    const tokenRes = await fetch(`${server.url}/auth/o2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: seller.spApi.refreshToken,
        client_id: seller.spApi.clientId,
        client_secret: seller.spApi.clientSecret,
      }),
    });
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    const headers = { 'x-amz-access-token': token };
    // Sanity: the queries answer 200 with orders.
    let sampleOrders = 0;
    for (const p of paths.slice(0, 5)) {
      const res = await fetch(`${server.url}${p}`, { headers });
      const body = (await res.json()) as { payload?: { Orders?: unknown[] } };
      if (res.status !== 200) throw new Error(`GET ${p} answered ${res.status}: ${JSON.stringify(body)}`);
      sampleOrders += body.payload?.Orders?.length ?? 0;
    }
    const httpRun = (seconds: number, clients = connections) =>
      autocannon({
        url: server.url,
        connections: clients,
        duration: seconds,
        headers,
        requests: [
          {
            method: 'GET',
            setupRequest: (req, ctx) => {
              const n = ((ctx.n as number | undefined) ?? Math.floor(Math.random() * paths.length)) + 1;
              ctx.n = n;
              return { ...req, path: paths[n % paths.length] };
            },
          },
        ],
      });
    await httpRun(2); // warm-up
    if (env.databaseUrl) await bareSql(bare.run, queries, 2);
    const http: { perSec: number; p50: number; p99: number; non2xx: number; errors: number }[] = [];
    for (let i = 0; i < runs; i++) {
      if (env.databaseUrl) baseline.push(await bareSql(bare.run, queries, duration));
      const r = await httpRun(duration);
      http.push({
        perSec: r.requests.total / r.duration,
        p50: r.latency.p50,
        p99: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors, // includes timeouts
      });
      const h = http.at(-1);
      const b = baseline.at(env.databaseUrl ? -1 : i);
      log(
        `[${kind}] round ${i + 1}/${runs}: getOrders p50 ${h?.p50} ms p99 ${h?.p99} ms ${h?.perSec.toFixed(0)} req/s · ` +
          `bare SQL p50 ${b?.p50.toFixed(2)} ms p99 ${b?.p99.toFixed(2)} ms`,
      );
    }
    // One client: the time of a request on its own, without the queueing that 10 always-busy
    // clients add on a machine whose two cores they, the server and PostgreSQL share.
    const single: { p50: number; p99: number; perSec: number; non2xx: number }[] = [];
    for (let i = 0; i < 3; i++) {
      if (env.databaseUrl) baselineOne.push(await bareSql(bare.run, queries, duration, 1));
      const r = await httpRun(duration, 1);
      single.push({
        p50: r.latency.p50,
        p99: r.latency.p99,
        perSec: r.requests.total / r.duration,
        non2xx: r.non2xx + r.errors,
      });
    }
    if (env.databaseUrl) await bare.close();
    log(
      `[${kind}] one client: p50 ${single.map((f) => f.p50).join('/')} ms, p99 ${single.map((f) => f.p99).join('/')} ms`,
    );
    return {
      kind,
      orders: seed.orders,
      seeding: { seconds: seed.seconds, ordersPerSecond: seed.ordersPerSecond },
      sampleOrdersPerPage: sampleOrders / 5,
      p50Ms: summary(http.map((r) => r.p50)),
      p99Ms: summary(http.map((r) => r.p99)),
      reqPerSec: summary(http.map((r) => r.perSec)),
      non2xx: http.reduce((a, r) => a + r.non2xx + r.errors, 0) + single.reduce((a, r) => a + r.non2xx, 0),
      oneClient: {
        p50Ms: summary(single.map((r) => r.p50)),
        p99Ms: summary(single.map((r) => r.p99)),
        reqPerSec: summary(single.map((r) => r.perSec)),
      },
      baselineSql: {
        p50Ms: summary(
          baseline.map((r) => r.p50),
          2,
        ),
        p99Ms: summary(
          baseline.map((r) => r.p99),
          2,
        ),
        perSec: summary(baseline.map((r) => r.perSec)),
        oneClientP50Ms: summary(
          baselineOne.map((r) => r.p50),
          2,
        ),
        oneClientP99Ms: summary(
          baselineOne.map((r) => r.p99),
          2,
        ),
      },
      explain,
      raw: { http, baseline, single, baselineOne },
    };
  } finally {
    await server.stop();
  }
}

/** EXPLAIN ANALYZE of a query without status filter, one with one status, one with several. */
async function explainSome(run: (q: Captured) => Promise<{ rows: unknown[] }>, queries: Captured[]) {
  const picks = [
    queries.find((q) => !q.text.includes('"orders"."status"')),
    queries.find((q) => q.text.includes('"orders"."status" = ') && !q.text.includes('union all')),
    queries.find((q) => q.text.includes('union all')),
  ];
  const out: string[] = [];
  for (const q of picks) {
    if (!q) continue;
    const r = await run({ text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, params: q.params });
    out.push((r.rows as Record<string, string>[]).map((x) => Object.values(x)[0]).join('\n'));
  }
  return out;
}

try {
  const info = await machine();
  const results = [];
  for (const kind of dbs) results.push(await benchDatabase(kind));
  const file = writeResult('get-orders', {
    bench: 'get-orders',
    machine: { ...info, loadavgAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))) },
    runs,
    durationS: duration,
    connections,
    results,
  });
  const lines = [
    `| database | orders | getOrders p50 ms | getOrders p99 ms | req/s | one client: p50 / p99 ms | non-2xx | baseline bare SQL p50 / p99 ms | baseline one client | target |`,
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.kind} | ${r.orders} | ${fmt(r.p50Ms)} | ${fmt(r.p99Ms)} | ${fmt(r.reqPerSec)} | ` +
        `${fmt(r.oneClient.p50Ms)} / ${fmt(r.oneClient.p99Ms)} | ${r.non2xx} | ` +
        `${fmt(r.baselineSql.p50Ms)} / ${fmt(r.baselineSql.p99Ms)} | ` +
        `${fmt(r.baselineSql.oneClientP50Ms)} / ${fmt(r.baselineSql.oneClientP99Ms)} | p99 ≤ 50 ms |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\nraw results: ${file}\n`);
} finally {
  await cleanup();
}
