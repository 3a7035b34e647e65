// Order notification emails under a burst (issue 4, "How it will be judged"; NTF-4, NTF-8, NTF-9):
//
//   npx tsx bench/notifications-burst.ts [--orders 10000] [--runs 3] [--crash-runs 1]
//                                         [--connections 50] [--smtp-pool 5]
//
// PostgreSQL only (`mercato api` and `mercato worker` are separate processes, which the embedded
// database does not allow). A scratch database gets the demo data on a first start; then:
//   - an SMTP sink in this process accepts everything and records, per message, the delivery id of
//     its envelope sender (`bounce+<deliveryId>@…`, NTF-7 VERP) and the time of its 250;
//   - `mercato api` takes the orders (POST /marketplace/v1/orders, 50 clients, real orders that
//     become Unshipped and publish `order.new` in their transaction);
//   - `mercato worker` (SMTP_URL = the sink) fans out and sends.
// Per round, interleaved:
//   1. baseline: bare nodemailer, the same pooled transport, the same number of messages of the
//      same size, from a child process (bench/notifications-smtp-baseline.ts);
//   2. live burst: the worker runs while the orders arrive; latency = the sink's 250 minus the
//      201 of the order (its commit happened before), per email; throughput = emails / (last 250
//      - first order sent);
//   3. backlog: the orders are committed with no worker running, then the worker starts;
//      throughput = emails / (last 250 - first 250): what the pipeline drains per second.
// Crash runs: a backlog, then the worker is killed with SIGKILL (whole process group) when 30 %
// and 60 % of the emails were accepted and started again at once; the deliveries still `sending`
// right after each kill are the ones in flight. Lost = deliveries of the burst's orders the sink
// never saw; duplicated = extra copies of one delivery. Targets: lost 0, duplicated ≤ in flight.
import os from 'node:os';
import pg from 'pg';
import {
  argValue,
  createPgDatabase,
  deadline,
  demoCredentials,
  dropPgDatabase,
  fmt,
  machine,
  percentile,
  RUN_ID,
  type ServerEnv,
  startMercato,
  summary,
  waitIdle,
  writeResult,
} from './lib.ts';
import {
  type Burst,
  log,
  postOrders,
  runBaseline,
  type Sink,
  startMercatoProcess,
  startSink,
  waitUntil,
} from './notifications-lib.ts';

const ORDERS = Number(argValue('orders', '10000'));
const RUNS = Number(argValue('runs', '3'));
const CRASH_RUNS = Number(argValue('crash-runs', '1'));
const CONNECTIONS = Number(argValue('connections', '50'));
const SMTP_POOL = argValue('smtp-pool', '5');
const dbName = `mercato_bench_ntf_${RUN_ID}`;

deadline(20 + (RUNS * 3 + CRASH_RUNS * 4) * Math.max(1, ORDERS / 10000) * 1.5, () => dropPgDatabase(dbName));

const env: ServerEnv = { extra: { SPAPI_RATE_LIMITS: 'off', LOG_LEVEL: 'warn' } };
let db!: pg.Pool;

/** Work the pipeline still has (events not fanned out, deliveries not settled). */
async function backlog(): Promise<{ events: number; open: number }> {
  const r = await db.query<{ events: number; open: number }>(
    `select (select count(*)::int from domain_events where processed_at is null) as events,
            (select count(*)::int from deliveries where state in ('pending', 'sending')) as open`,
  );
  return r.rows[0] ?? { events: 0, open: 0 };
}

/** The email deliveries of these orders' Order notifications (order id → delivery ids). */
async function deliveriesOf(orderIds: Iterable<string>) {
  const ids = [...orderIds];
  const r = await db.query<{ id: string; order_id: string; state: string; attempts: number }>(
    `select d.id, coalesce(n.data->>'amazonOrderId', n.data->>'orderId') as order_id, d.state, d.attempts
       from deliveries d join notifications n on n.seller_id = d.seller_id and n.id = d.notification_id
      where d.channel = 'email' and n.type = 'order.new'
        and coalesce(n.data->>'amazonOrderId', n.data->>'orderId') = any($1::text[])`,
    [ids],
  );
  return r.rows;
}

/** Waits until the pipeline has nothing left, or nothing reached the sink for `quietMs`. */
async function drain(sink: Sink, quietMs: number): Promise<boolean> {
  let settled = false;
  const poll = setInterval(() => {
    backlog()
      .then((b) => {
        settled = b.events === 0 && b.open === 0;
      })
      .catch(() => undefined);
  }, 500);
  try {
    await new Promise((r) => setTimeout(r, 1000));
    return await waitUntil(
      () => settled,
      quietMs,
      () => sink.accepted.length,
    );
  } finally {
    clearInterval(poll);
  }
}

type Measured = {
  orders: number;
  ordersFailed: number;
  emails: number;
  expectedEmails: number;
  notSent: Record<string, number>;
  perSec: number;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  ordersPerSec: number;
  avgBytes: number;
};

async function measure(sink: Sink, burst: Burst, startAt: number): Promise<Measured> {
  const rows = await deliveriesOf(burst.committedAt.keys());
  const ours = new Map(rows.map((r) => [r.id, r.order_id]));
  const accepted = sink.accepted.filter((a) => a.deliveryId && ours.has(a.deliveryId));
  const latencies: number[] = [];
  for (const a of accepted) {
    const committed = burst.committedAt.get(ours.get(a.deliveryId as string) as string);
    if (committed !== undefined) latencies.push(a.at - committed);
  }
  const last = Math.max(...accepted.map((a) => a.at));
  const notSent: Record<string, number> = {};
  for (const r of rows) if (r.state !== 'sent') notSent[r.state] = (notSent[r.state] ?? 0) + 1;
  return {
    orders: burst.committedAt.size,
    ordersFailed: burst.failed,
    emails: accepted.length,
    expectedEmails: rows.length,
    notSent,
    perSec: accepted.length ? Math.round((accepted.length / (last - startAt)) * 1000) : 0,
    latencyP50Ms: latencies.length ? Math.round(percentile(latencies, 50)) : null,
    latencyP99Ms: latencies.length ? Math.round(percentile(latencies, 99)) : null,
    ordersPerSec: Math.round((burst.committedAt.size / (burst.lastAt - burst.firstAt)) * 1000),
    avgBytes: accepted.length ? Math.round(accepted.reduce((s, a) => s + a.bytes, 0) / accepted.length) : 0,
  };
}

async function main() {
  const info = await machine();
  env.databaseUrl = await createPgDatabase(dbName);
  db = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
  log('first start (migrations, demo data)...');
  const first = await startMercato(env);
  await waitIdle(first.pid);
  await first.stop();
  const creds = demoCredentials(env);
  const seller = creds.sellers.find((s) => s.marketplaceId === 'A1VC38T7YXB528');
  if (!seller) throw new Error('no demo seller in Japan');

  const sink = await startSink();
  const workerEnv: ServerEnv = {
    ...env,
    extra: { ...env.extra, SMTP_URL: sink.url, SMTP_POOL_SIZE: SMTP_POOL },
  };
  const api = await startMercatoProcess('api', env);
  const post = () => postOrders(api.url, creds.operator.apiKey, seller.sellerId, ORDERS, CONNECTIONS);
  const baseline: { perSec: number; ms: number; sent: number }[] = [];
  const live: Measured[] = [];
  const drained: (Measured & { fromWorkerStartPerSec: number })[] = [];
  const crashes: unknown[] = [];
  let bytes = 2500;
  try {
    for (let i = 0; i < RUNS; i++) {
      sink.reset();
      const b = await runBaseline({ port: sink.port, count: ORDERS, pool: Number(SMTP_POOL), bytes });
      baseline.push(b);
      log(
        `[round ${i + 1}] baseline: bare nodemailer ${b.perSec} emails/s (${b.sent} sent, ${b.failed} failed)`,
      );

      sink.reset();
      let worker = await startMercatoProcess('worker', workerEnv);
      const liveBurst = await post();
      await drain(sink, 30_000);
      await worker.stop();
      const l = await measure(sink, liveBurst, liveBurst.firstAt);
      live.push(l);
      if (l.avgBytes) bytes = l.avgBytes;
      log(
        `[round ${i + 1}] live: ${l.orders} orders (${l.ordersPerSec}/s), ${l.emails}/${l.expectedEmails} emails, ` +
          `${l.perSec} emails/s, commit→250 p50 ${l.latencyP50Ms} ms p99 ${l.latencyP99Ms} ms`,
      );

      sink.reset();
      const backlogBurst = await post();
      worker = await startMercatoProcess('worker', workerEnv);
      const workerUp = performance.now();
      await drain(sink, 30_000);
      await worker.stop();
      const firstAccept = sink.accepted[0]?.at ?? workerUp;
      const d = await measure(sink, backlogBurst, firstAccept);
      const lastAt = Math.max(...sink.accepted.map((a) => a.at));
      drained.push({ ...d, fromWorkerStartPerSec: Math.round((d.emails / (lastAt - workerUp)) * 1000) });
      log(`[round ${i + 1}] backlog: ${d.emails}/${d.expectedEmails} emails drained at ${d.perSec} emails/s`);
    }

    for (let i = 0; i < CRASH_RUNS; i++) crashes.push(await crashRun(sink, post, workerEnv));
  } finally {
    await api.stop();
    await sink.close();
  }

  const ratio = live.map((l, i) => l.perSec / ((baseline[i]?.perSec ?? 1) || 1));
  const ratioDrain = drained.map((d, i) => d.perSec / ((baseline[i]?.perSec ?? 1) || 1));
  const result = {
    bench: 'notifications-burst',
    machine: { ...info, loadavgAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))) },
    orders: ORDERS,
    runs: RUNS,
    connections: CONNECTIONS,
    smtpPool: Number(SMTP_POOL),
    summary: {
      baselinePerSec: summary(
        baseline.map((b) => b.perSec),
        0,
      ),
      livePerSec: summary(
        live.map((l) => l.perSec),
        0,
      ),
      liveOrdersPerSec: summary(
        live.map((l) => l.ordersPerSec),
        0,
      ),
      liveP50Ms: summary(
        live.map((l) => l.latencyP50Ms ?? Number.NaN),
        0,
      ),
      liveP99Ms: summary(
        live.map((l) => l.latencyP99Ms ?? Number.NaN),
        0,
      ),
      backlogPerSec: summary(
        drained.map((d) => d.perSec),
        0,
      ),
      liveVsBaseline: summary(ratio, 2),
      backlogVsBaseline: summary(ratioDrain, 2),
    },
    baseline,
    live,
    backlog: drained,
    crashes,
  };
  const file = writeResult('notifications-burst', result);
  const s = result.summary;
  process.stdout.write(
    [
      '| measure | result | baseline (same run) | target |',
      '|---|---|---|---|',
      `| live burst: emails/s (orders arriving at ${fmt(s.liveOrdersPerSec)}/s) | ${fmt(s.livePerSec)} | bare nodemailer pool: ${fmt(s.baselinePerSec)} | ≥ 1000/s and ≥ 80 % of baseline (${fmt(s.liveVsBaseline)}) |`,
      `| backlog drain: emails/s | ${fmt(s.backlogPerSec)} | ${fmt(s.baselinePerSec)} | ratio ${fmt(s.backlogVsBaseline)} |`,
      `| order commit → SMTP 250, p50 / p99 | ${fmt(s.liveP50Ms, ' ms')} / ${fmt(s.liveP99Ms, ' ms')} | – | reported |`,
      '',
      `crash runs: ${JSON.stringify(crashes)}`,
      '',
      `raw results: ${file}`,
    ].join('\n') + '\n',
  );
}

async function crashRun(sink: Sink, post: () => Promise<Burst>, workerEnv: ServerEnv) {
  sink.reset();
  const burst = await post();
  // The fan-out runs in the first worker: the expected count is known once events are processed.
  let worker = await startMercatoProcess('worker', workerEnv);
  const kills: { atAccepted: number; inFlight: number; pendingAfter: number }[] = [];
  // Rows still `sending` at a kill; a later kill also sees an earlier kill's rows whose lease has
  // not ended yet, so the deliveries in flight over the run are the union of these sets.
  const inFlightIds = new Set<string>();
  const thresholds = [0.3, 0.6].map((f) => Math.floor(burst.committedAt.size * f));
  for (const t of thresholds) {
    const reached = await waitUntil(
      () => sink.accepted.length >= t,
      60_000,
      () => sink.accepted.length,
    );
    if (!reached) break;
    worker.kill9();
    await new Promise((r) => worker.child.once('exit', r));
    const atKill = sink.accepted.length;
    const r = await db.query<{ sending: number; pending: number }>(
      `select count(*) filter (where state = 'sending')::int as sending,
              count(*) filter (where state = 'pending')::int as pending from deliveries`,
    );
    const ids = await db.query<{ id: string }>(`select id from deliveries where state = 'sending'`);
    for (const row of ids.rows) inFlightIds.add(row.id);
    kills.push({
      atAccepted: atKill,
      inFlight: r.rows[0]?.sending ?? 0,
      pendingAfter: r.rows[0]?.pending ?? 0,
    });
    log(`[crash] kill -9 at ${atKill} accepted; ${r.rows[0]?.sending} deliveries were in flight`);
    worker = await startMercatoProcess('worker', workerEnv);
  }
  // The killed worker's claimed rows come back when their lease (60 s) ends: wait past it.
  await drain(sink, 90_000);
  await worker.stop();
  const rows = await deliveriesOf(burst.committedAt.keys());
  const lost = rows.filter((r) => !sink.perDelivery.has(r.id)).length;
  let duplicated = 0;
  for (const r of rows) duplicated += Math.max(0, (sink.perDelivery.get(r.id) ?? 0) - 1);
  const inFlight = inFlightIds.size;
  const out = {
    orders: burst.committedAt.size,
    expectedEmails: rows.length,
    accepted: sink.accepted.length,
    lost,
    duplicated,
    inFlightAtKills: inFlight,
    kills,
    verdict: { lostZero: lost === 0, duplicatesWithinInFlight: duplicated <= inFlight },
  };
  log(`[crash] lost ${lost}, duplicated ${duplicated} (in flight at the kills: ${inFlight})`);
  return out;
}

try {
  await main();
} finally {
  await db?.end().catch(() => undefined);
  await dropPgDatabase(dbName);
}
