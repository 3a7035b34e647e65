// SP-API getOrders (GET /orders/v0/orders) and searchOrders (GET /orders/2026-01-01/orders) with
// 1,000,000 orders in PostgreSQL and 100 concurrent clients (issue 3: "p99 ≤ 50 ms; compare with
// the same SQL run bare in the same benchmark").
//
//   npx tsx bench/sp-api-orders.ts [--orders 1000000] [--runs 3] [--duration 10]
//                                  [--connections 100] [--pool 20] [--ops getOrders,searchOrders]
//                                  [--drop-templates]
//
// 1. A copy of a database with the demo data and N orders seeded for the Japanese demo seller
//    (`mercato seed --orders N`; the seeded database is cached as a template, lib.ts).
// 2. `mercato start` on it (SPAPI_RATE_LIMITS=off, LOG_LEVEL=warn, DATABASE_POOL_SIZE=--pool).
// 3. 200 fixed queries per operation: CreatedAfter (a fifth LastUpdatedAfter) anywhere in the
//    90 days, 100 orders per page, a status filter on about a third.
// 4. Baseline: the exact statements the server runs for each of those requests, captured by
//    answering every query once through an in-process app whose Drizzle instance logs its SQL,
//    replayed bare through `pg` (a pool of the server's size, the statements of one request in
//    sequence as the server runs them).
// 5. Per operation, interleaved per round: (a) 100 always-busy clients (closed loop: each sends
//    its next request when the answer arrives) for HTTP and for the bare SQL; (b) the same 100
//    connections at a fixed arrival rate of half the closed-loop throughput (latency under load
//    without the queue); (c) one client. CPU of the server, PostgreSQL and the load generator per
//    request is recorded for (a).
import pg from 'pg';
import {
  argValue,
  captureStatements,
  deadline,
  demoCredentials,
  dropBenchTemplates,
  dropPgDatabase,
  fmt,
  type HttpRun,
  httpRun,
  loadavg,
  log,
  loopRun,
  machine,
  RUN_ID,
  seededPgDatabase,
  seededRandom,
  type Statement,
  type ServerEnv,
  startMercato,
  summary,
  waitIdle,
  withCpu,
  writeResult,
} from './lib.ts';

const orderCount = Number(argValue('orders', '1000000'));
const runs = Number(argValue('runs', '3'));
const duration = Number(argValue('duration', '10'));
const connections = Number(argValue('connections', '100'));
const poolSize = Number(argValue('pool', '20'));
const ops = argValue('ops', 'getOrders,searchOrders').split(',');
const JP = 'A1VC38T7YXB528';
const dbName = `mercato_bench_spapi_${RUN_ID}`;

deadline(90, () => dropPgDatabase(dbName));

/** 200 requests of one operation, the same on every run. */
function queryPaths(op: string, now: number): string[] {
  const rnd = seededRandom(op === 'getOrders' ? 20261122 : 20260101);
  const out: string[] = [];
  for (let i = 0; i < 200; i++) {
    const at = new Date(now - (1 + rnd() * 89) * 86_400_000).toISOString();
    const updated = rnd() < 0.2;
    const filtered = rnd() < 0.35;
    const pick = rnd();
    if (op === 'getOrders') {
      const statuses = ['Unshipped', 'Shipped', 'Pending', 'Unshipped,PartiallyShipped', 'Canceled'];
      const q = new URLSearchParams({ MarketplaceIds: JP, MaxResultsPerPage: '100' });
      q.set(updated ? 'LastUpdatedAfter' : 'CreatedAfter', at);
      if (filtered) q.set('OrderStatuses', statuses[Math.floor(pick * statuses.length)] as string);
      out.push(`/orders/v0/orders?${q.toString()}`);
    } else {
      const statuses = ['UNSHIPPED', 'SHIPPED', 'PENDING', 'UNSHIPPED,PARTIALLY_SHIPPED', 'CANCELLED'];
      const q = new URLSearchParams({ marketplaceIds: JP, maxResultsPerPage: '100' });
      q.set(updated ? 'lastUpdatedAfter' : 'createdAfter', at);
      if (filtered) q.set('fulfillmentStatuses', statuses[Math.floor(pick * statuses.length)] as string);
      out.push(`/orders/2026-01-01/orders?${q.toString()}`);
    }
  }
  return out;
}

async function explain(pool: pg.Pool, requests: Statement[][]) {
  const firsts = requests.map((r) => r[0]).filter((s): s is Statement => !!s);
  const picks = [
    firsts.find((q) => !q.text.includes('"status"')),
    firsts.find((q) => q.text.includes('"status" = ') && !q.text.includes('union all')),
    firsts.find((q) => q.text.includes('union all')),
  ];
  const out: string[] = [];
  for (const q of picks) {
    if (!q) continue;
    const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.params);
    out.push(r.rows.map((x) => Object.values(x)[0]).join('\n'));
  }
  return out;
}

type Round = { http: HttpRun; bare: HttpRun };

async function benchOp(
  op: string,
  server: { url: string; pid: number },
  url: string,
  headers: Record<string, string>,
) {
  const paths = queryPaths(op, Date.now());
  const probe = await fetch(`${server.url}${paths[0]}`, { headers });
  await probe.arrayBuffer();
  if (probe.status === 404) {
    log(`[${op}] the route answers 404: not built yet, skipped`);
    return { op, skipped: `GET ${paths[0]?.split('?')[0]} answered 404` };
  }
  const { statements, ordersPerPage } = await captureStatements(url, paths, headers);
  const perRequest = statements.reduce((a, s) => a + s.length, 0) / statements.length;
  log(`[${op}] ${ordersPerPage.toFixed(1)} orders per page, ${perRequest.toFixed(1)} statements per request`);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const bare = async (k: number) => {
    for (const s of statements[k % statements.length] as Statement[]) await pool.query(s.text, s.params);
  };
  try {
    const plans = await explain(pool, statements);
    const h = (seconds: number, clients: number, rate?: number) =>
      httpRun(server.url, paths, { seconds, connections: clients, headers, rate });
    const b = (seconds: number, clients: number, rate?: number) => loopRun(bare, { seconds, clients, rate });
    await h(3, connections); // warm-up (JIT, caches)
    await b(3, connections);

    const closed: Round[] = [];
    for (let i = 0; i < runs; i++) {
      const load = loadavg();
      const bareRun = await withCpu(undefined, () => b(duration, connections), dbName);
      const httpR = await withCpu(server.pid, () => h(duration, connections), dbName);
      closed.push({ http: httpR, bare: bareRun });
      log(
        `[${op}] closed loop ${i + 1}/${runs} (load ${load.join(' ')}): HTTP p50 ${httpR.p50} p99 ${httpR.p99} ms ` +
          `${httpR.perSec.toFixed(0)}/s cpu ${JSON.stringify(httpR.cpuMsPer)} · bare SQL p50 ${bareRun.p50.toFixed(1)} ` +
          `p99 ${bareRun.p99.toFixed(1)} ms ${bareRun.perSec.toFixed(0)}/s`,
      );
    }
    // Half the measured capacity, as a fixed arrival rate over the same 100 connections.
    const rate = Math.max(1, Math.round(summary(closed.map((r) => r.http.perSec)).median / 2));
    const paced: Round[] = [];
    for (let i = 0; i < runs; i++) {
      const bareRun = await b(duration, connections, rate);
      const httpR = await h(duration, connections, rate);
      paced.push({ http: httpR, bare: bareRun });
      log(
        `[${op}] ${rate}/s ${i + 1}/${runs}: HTTP p50 ${httpR.p50} p99 ${httpR.p99} ms · bare SQL p50 ` +
          `${bareRun.p50.toFixed(1)} p99 ${bareRun.p99.toFixed(1)} ms`,
      );
    }
    const single: Round[] = [];
    for (let i = 0; i < runs; i++) single.push({ bare: await b(duration, 1), http: await h(duration, 1) });
    log(
      `[${op}] one client: HTTP p50 ${single.map((r) => r.http.p50).join('/')} p99 ${single.map((r) => r.http.p99).join('/')} ms`,
    );
    const sum = (rs: Round[]) => ({
      http: {
        p50Ms: summary(rs.map((r) => r.http.p50)),
        p99Ms: summary(rs.map((r) => r.http.p99)),
        perSec: summary(rs.map((r) => r.http.perSec)),
        failed: rs.reduce((a, r) => a + r.http.non2xx + r.http.errors, 0),
      },
      bare: {
        p50Ms: summary(
          rs.map((r) => r.bare.p50),
          2,
        ),
        p99Ms: summary(
          rs.map((r) => r.bare.p99),
          2,
        ),
        perSec: summary(rs.map((r) => r.bare.perSec)),
      },
    });
    const cpu = (k: 'server' | 'postgres' | 'client', side: 'http' | 'bare') =>
      summary(
        closed.map(
          (r) => (r[side] as HttpRun & { cpuMsPer: Record<string, number> }).cpuMsPer[k] ?? Number.NaN,
        ),
        2,
      );
    return {
      op,
      ordersPerPage,
      statementsPerRequest: perRequest,
      closedLoop: {
        ...sum(closed),
        cpuMsPerRequest: {
          server: cpu('server', 'http'),
          postgres: cpu('postgres', 'http'),
          loadGenerator: cpu('client', 'http'),
          bareRunPostgres: cpu('postgres', 'bare'),
          bareRunClient: cpu('client', 'bare'),
        },
      },
      fixedRate: { rate, ...sum(paced) },
      oneClient: sum(single),
      explain: plans,
      raw: { closed, paced, single },
    };
  } finally {
    await pool.end();
  }
}

try {
  const info = await machine();
  const { url, seed, seededNow } = await seededPgDatabase(dbName, orderCount, 'jp');
  log(
    `database ${dbName}: ${seed.orders} orders for ${seed.sellerId} (seeded ${seededNow ? 'now' : 'earlier'} in ${seed.seconds.toFixed(0)} s)`,
  );
  const env: ServerEnv = {
    databaseUrl: url,
    extra: { SPAPI_RATE_LIMITS: 'off', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: String(poolSize) },
  };
  const server = await startMercato(env);
  const results = [];
  try {
    await waitIdle(server.pid);
    const seller = demoCredentials(env).sellers.find((s) => s.marketplaceId === JP);
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
    for (const op of ops) results.push(await benchOp(op, server, url, { 'x-amz-access-token': token }));
  } finally {
    await server.stop();
  }
  const file = writeResult('sp-api-orders', {
    bench: 'sp-api-orders',
    machine: { ...info, loadavgAtEnd: loadavg() },
    orders: orderCount,
    seed,
    runs,
    durationS: duration,
    connections,
    poolSize,
    results,
  });
  const lines = [
    `| operation | orders/page | 100 clients: p50 / p99 ms | req/s | bare SQL, 100 clients: p50 / p99 ms | bare SQL/s | at fixed rate: p50 / p99 ms | bare SQL at that rate | one client p50 / p99 | CPU ms/request server / PostgreSQL / load gen. | failed |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    if (!('closedLoop' in r) || !r.closedLoop) {
      lines.push(`| ${r.op} | ${r.skipped} |`);
      continue;
    }
    const c = r.closedLoop;
    const f = r.fixedRate;
    const o = r.oneClient;
    lines.push(
      `| ${r.op} | ${r.ordersPerPage.toFixed(0)} | ${fmt(c.http.p50Ms)} / ${fmt(c.http.p99Ms)} | ${fmt(c.http.perSec)} | ` +
        `${fmt(c.bare.p50Ms)} / ${fmt(c.bare.p99Ms)} | ${fmt(c.bare.perSec)} | ` +
        `${f.rate}/s: ${fmt(f.http.p50Ms)} / ${fmt(f.http.p99Ms)} | ${fmt(f.bare.p50Ms)} / ${fmt(f.bare.p99Ms)} | ` +
        `${fmt(o.http.p50Ms)} / ${fmt(o.http.p99Ms)} (bare ${fmt(o.bare.p50Ms)} / ${fmt(o.bare.p99Ms)}) | ` +
        `${c.cpuMsPerRequest.server.median} / ${c.cpuMsPerRequest.postgres.median} / ${c.cpuMsPerRequest.loadGenerator.median} | ` +
        `${c.http.failed + f.http.failed + o.http.failed} |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\nraw results: ${file}\n`);
} finally {
  await dropPgDatabase(dbName);
  if (process.argv.includes('--drop-templates')) log(`dropped ${(await dropBenchTemplates()).join(', ')}`);
}
