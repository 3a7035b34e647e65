// Manage Orders first page with 1,000,000 orders (issue 3: "≤ 300 ms server time").
//
//   npx tsx bench/manage-orders.ts [--orders 1000000] [--requests 30] [--drop-templates]
//
// A copy of the seeded 1M-order database (lib.ts seededPgDatabase, shared with
// bench/sp-api-orders.ts), `mercato start` on it, the Japanese demo seller signed in through the
// web API (session cookie + x-csrf-token). Each variant is the first page the web app asks for
// (GET /api/orders with the tab, search or view of the variant; it includes the six bounded tab
// counts). One client, requests back to back, so the time measured is the server's time plus the
// loopback round trip; the variants are interleaved (one request of each in turn).
// Baseline: the statements the server runs for each variant (captured through an in-process
// app whose Drizzle logs its SQL), run bare through `pg` one after the other, so the baseline
// is an upper bound of the SQL time (the server runs some of them in parallel).
// Also reported: the same pages with 10 clients at once (what a team of sellers sees).
import pg from 'pg';
import {
  argValue,
  captureStatements,
  deadline,
  demoCredentials,
  dropBenchTemplates,
  dropPgDatabase,
  loadavg,
  log,
  loopRun,
  machine,
  percentile,
  RUN_ID,
  type ServerEnv,
  type Statement,
  seededPgDatabase,
  startMercato,
  summary,
  waitIdle,
  writeResult,
} from './lib.ts';

const orderCount = Number(argValue('orders', '1000000'));
const requests = Number(argValue('requests', '30'));
const JP = 'A1VC38T7YXB528';
const dbName = `mercato_bench_manage_${RUN_ID}`;
deadline(60, () => dropPgDatabase(dbName));

try {
  const info = await machine();
  const { url, seed } = await seededPgDatabase(dbName, orderCount, 'jp');
  const env: ServerEnv = { databaseUrl: url, extra: { LOG_LEVEL: 'warn' } };
  const server = await startMercato(env);
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  try {
    await waitIdle(server.pid);
    const creds = demoCredentials(env) as unknown as {
      sellers: { marketplaceId: string; login: { email: string; password: string } }[];
    };
    const login = creds.sellers.find((s) => s.marketplaceId === JP)?.login;
    if (!login) throw new Error('no demo seller login in Japan');
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(login),
    });
    const body = (await res.json()) as { csrfToken: string };
    if (res.status !== 200) throw new Error(`login answered ${res.status}`);
    const headers = {
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      'x-csrf-token': body.csrfToken,
    };
    // A SKU and a buyer of the seeded seller, for the search variants.
    const [sample] = (
      await pool.query<{ sku: string; email: string }>(
        `SELECT i.sku, o.buyer_email AS email FROM orders o JOIN order_items i
           ON i.seller_id = o.seller_id AND i.order_id = o.id
         WHERE o.seller_id = $1 ORDER BY o.purchase_date DESC LIMIT 1`,
        [seed.sellerId],
      )
    ).rows;
    const variants: Record<string, string> = {
      'All (default)': '/api/orders',
      Pending: '/api/orders?status=Pending',
      Unshipped: '/api/orders?status=Unshipped',
      'Unshipped, sort by ship-by': '/api/orders?status=Unshipped&sort=shipBy',
      PartiallyShipped: '/api/orders?status=PartiallyShipped',
      Shipped: '/api/orders?status=Shipped',
      Canceled: '/api/orders?status=Canceled',
      'late view (home alert)': '/api/orders?view=late',
      'search: SKU': `/api/orders?q=${encodeURIComponent(sample?.sku ?? '')}`,
      'search: buyer email': `/api/orders?q=${encodeURIComponent(sample?.email ?? '')}`,
      'All, 100 per page': '/api/orders?pageSize=100',
    };
    const names = Object.keys(variants);
    const paths = names.map((n) => variants[n] as string);
    const { statements } = await captureStatements(url, paths, headers);
    const get = async (p: string) => {
      const r = await fetch(`${server.url}${p}`, { headers });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`GET ${p} answered ${r.status}`);
    };
    const bare = async (sts: Statement[]) => {
      for (const s of sts) await pool.query(s.text, s.params);
    };
    for (const p of paths) await get(p); // warm-up
    for (const s of statements) await bare(s);
    const times: Record<string, { http: number[]; bare: number[] }> = {};
    for (const n of names) times[n] = { http: [], bare: [] };
    const load0 = loadavg();
    for (let i = 0; i < requests; i++) {
      for (const [k, n] of names.entries()) {
        let t = performance.now();
        await get(paths[k] as string);
        times[n]?.http.push(performance.now() - t);
        t = performance.now();
        await bare(statements[k] as Statement[]);
        times[n]?.bare.push(performance.now() - t);
      }
    }
    const load1 = loadavg();
    // Ten sellers of the account at once, the default page and the Unshipped tab in turn.
    const concurrent = await loopRun((k) => get(k % 2 ? '/api/orders?status=Unshipped' : '/api/orders'), {
      seconds: 10,
      clients: 10,
    });
    const rows = names.map((n, k) => {
      const t = times[n] as { http: number[]; bare: number[] };
      return {
        variant: n,
        path: paths[k],
        statements: statements[k]?.length ?? 0,
        p50Ms: Number(percentile(t.http, 50).toFixed(1)),
        p95Ms: Number(percentile(t.http, 95).toFixed(1)),
        maxMs: Number(Math.max(...t.http).toFixed(1)),
        bareSqlP50Ms: Number(percentile(t.bare, 50).toFixed(1)),
        bareSqlP95Ms: Number(percentile(t.bare, 95).toFixed(1)),
      };
    });
    const file = writeResult('manage-orders', {
      bench: 'manage-orders',
      machine: { ...info, loadavgDuring: [load0, load1], loadavgAtEnd: loadavg() },
      orders: orderCount,
      seed,
      requestsPerVariant: requests,
      rows,
      tenClients: {
        ...concurrent,
        p50: Number(concurrent.p50.toFixed(1)),
        p99: Number(concurrent.p99.toFixed(1)),
      },
      raw: times,
    });
    const lines = [
      '| first page | statements | p50 ms | p95 ms | max ms | bare SQL p50 / p95 ms | target |',
      '|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.variant} | ${r.statements} | ${r.p50Ms} | ${r.p95Ms} | ${r.maxMs} | ${r.bareSqlP50Ms} / ${r.bareSqlP95Ms} | ≤ 300 ms |`,
      ),
    ];
    process.stdout.write(
      `${lines.join('\n')}\n\n10 clients (All / Unshipped): p50 ${concurrent.p50.toFixed(0)} ms, p99 ` +
        `${concurrent.p99.toFixed(0)} ms, ${concurrent.perSec.toFixed(0)} pages/s. Load ${load0.join(' ')} → ${load1.join(' ')}.\n` +
        `median over variants: ${summary(rows.map((r) => r.p50Ms)).median} ms\n\nraw results: ${file}\n`,
    );
  } finally {
    await pool.end();
    await server.stop();
  }
} finally {
  await dropPgDatabase(dbName);
  if (process.argv.includes('--drop-templates')) log(`dropped ${(await dropBenchTemplates()).join(', ')}`);
}
