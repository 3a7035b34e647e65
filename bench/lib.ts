// Shared helpers of the benchmarks: servers started and always stopped, scratch PostgreSQL
// databases, machine facts, statistics and result files. Everything listens on 127.0.0.1 only.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Database, Db } from '../src/platform/db/database.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = path.join(ROOT, 'bench/results');
export const MERCATO = path.join(ROOT, 'bin/mercato.js');
/** Server the PostgreSQL variants create their scratch databases on. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const children = new Set<ChildProcess>();

function killAll(): void {
  for (const c of children) {
    if (c.exitCode === null && c.pid) {
      try {
        process.kill(-c.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    killAll();
    process.exit(130);
  });
}

/** Stops the benchmark (and every server it started) if it runs longer than `minutes`. */
export function deadline(minutes: number, cleanup?: () => Promise<void>): void {
  setTimeout(async () => {
    process.stderr.write(`bench: still running after ${minutes} min; stopping.\n`);
    killAll();
    await cleanup?.().catch(() => undefined);
    process.exit(2);
  }, minutes * 60_000).unref();
}

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls GET url until it answers 200; returns the time of that answer (performance.now()). */
export async function waitFor200(url: string, timeoutMs: number, child?: ChildProcess): Promise<number> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${url}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now();
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

export type ServerEnv = {
  /** Embedded database folder, or a PostgreSQL URL. */
  dataDir?: string;
  databaseUrl?: string;
  extra?: Record<string, string>;
};

/** The environment a benchmarked Mercato process gets: nothing inherited but PATH and HOME. */
export function mercatoEnv(e: ServerEnv, port?: number): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    MERCATO_MODE: 'sandbox',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...(port !== undefined ? { PORT: String(port) } : {}),
    ...(e.databaseUrl ? { DATABASE_URL: e.databaseUrl } : {}),
    ...(e.dataDir ? { MERCATO_DATA_DIR: e.dataDir } : {}),
    ...e.extra,
  };
  return env;
}

export type Started = {
  pid: number;
  url: string;
  /** Spawn to the first 200 from /healthz, ms. */
  startupMs: number;
  output: () => string;
  stop: () => Promise<void>;
};

/** Spawns a process and waits for a 200 from `healthPath`; the process is always killed on exit. */
export async function spawnAndWait(
  args: string[],
  env: Record<string, string>,
  port: number,
  healthPath: string,
  timeoutMs = 120_000,
  command = process.execPath,
): Promise<Started> {
  const t0 = performance.now();
  // Own process group: `npm start` runs the server as a grandchild, and stop() must reach it.
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      children.delete(child);
      return;
    }
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const signal = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    children.delete(child);
  };
  try {
    const t1 = await waitFor200(`${url}${healthPath}`, timeoutMs, child);
    return { pid: child.pid ?? 0, url, startupMs: t1 - t0, output: () => out, stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- output ---\n${out.slice(-3000)}`);
  }
}

export async function startMercato(e: ServerEnv, timeoutMs = 300_000): Promise<Started> {
  const port = await freePort();
  return spawnAndWait([MERCATO, 'start'], mercatoEnv(e, port), port, '/healthz', timeoutMs);
}

/** `mercato <args>` to completion (seed, demo credentials); throws with its output on failure. */
export function runMercato(args: string[], e: ServerEnv, timeoutMs = 30 * 60_000): string {
  const r = spawnSync(process.execPath, [MERCATO, ...args], {
    cwd: ROOT,
    env: mercatoEnv(e),
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`mercato ${args.join(' ')} failed (${r.status}): ${r.stdout}`);
  return r.stdout;
}

export type DemoCredentials = {
  operator: { email: string; password: string; apiKey: string };
  sellers: {
    marketplaceId: string;
    sellerId: string;
    spApi: { clientId: string; clientSecret: string; refreshToken: string };
  }[];
};

export function demoCredentials(e: ServerEnv): DemoCredentials {
  return JSON.parse(runMercato(['demo', 'credentials', '--json'], e)) as DemoCredentials;
}

/** Resident and peak memory of a process, MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

// --- scratch PostgreSQL databases -------------------------------------------------------------

export function pgUrlFor(db: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function pgAdmin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export async function createPgDatabase(name: string): Promise<string> {
  await pgAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  return pgUrlFor(name);
}

export async function dropPgDatabase(name: string): Promise<void> {
  await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch((err: Error) =>
    log(`could not drop database ${name}: ${err.message}`),
  );
}

export async function pgQuery<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** Runs SQL on an embedded data folder (no server may hold it). */
export async function pgliteQuery<T>(dataDir: string, text: string, params: unknown[] = []): Promise<T[]> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(path.join(dataDir, 'pgdata'));
  try {
    return (await db.query<T>(text, params)).rows;
  } finally {
    await db.close();
  }
}

// --- machine, statistics, results -------------------------------------------------------------

export async function machine(): Promise<Record<string, unknown>> {
  let postgres = 'unreachable';
  try {
    postgres = (await pgAdmin((c) => c.query<{ v: string }>('SELECT version() AS v'))).rows[0]?.v ?? '';
  } catch {
    // reported as unreachable
  }
  const pgliteVersion = (
    JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model,
    memGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    pglite: pgliteVersion,
    kernel: os.release(),
    loadavgAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
    gitCommit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).stdout.trim(),
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

export type Summary = { median: number; min: number; max: number; runs: number[] };
export function summary(xs: number[], digits = 1): Summary {
  const r = (v: number) => Number(v.toFixed(digits));
  return { median: r(median(xs)), min: r(Math.min(...xs)), max: r(Math.max(...xs)), runs: xs.map(r) };
}

export const fmt = (s: Summary, unit = '') => `${s.median}${unit} (${s.min}–${s.max})`;

export function writeResult(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** Unique scratch names per benchmark run (databases, folders). */
export const RUN_ID = `${process.pid}_${Date.now().toString(36)}`;

/** CPU time (user + system) a process has used so far, ms. */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Waits until a process uses under 5 % of a core for two consecutive seconds (e.g. the workers
 *  finished the demo data's job backlog), at most `maxMs`. Returns how long it waited. */
export async function waitIdle(pid: number, maxMs = 120_000): Promise<number> {
  const t0 = performance.now();
  let quiet = 0;
  let last = cpuMsOf(pid);
  while (performance.now() - t0 < maxMs) {
    await sleep(1000);
    const now = cpuMsOf(pid);
    quiet = now - last < 50 ? quiet + 1 : 0;
    last = now;
    if (quiet >= 2) break;
  }
  return performance.now() - t0;
}

/** Counts rows of a table on either database (the embedded one only while no server holds it). */
export async function countRows(e: ServerEnv, table: string): Promise<number> {
  const text = `SELECT count(*)::int AS n FROM ${table}`;
  const rows = e.databaseUrl
    ? await pgQuery<{ n: number }>(e.databaseUrl, text)
    : await pgliteQuery<{ n: number }>(e.dataDir ?? '', text);
  return rows[0]?.n ?? 0;
}

export function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

// --- seeded databases, cached as templates ------------------------------------------------------

export type SeedInfo = {
  sellerId: string;
  marketplaceId: string;
  orders: number;
  orderItems: number;
  shipments: number;
  events: number;
  seconds: number;
  ordersPerSecond: number;
  /** Peak RSS of the seeding process, MB; the machine's load average at start and end. */
  peakRssMb?: number;
  loadavg?: number[][];
  sellers?: { sellerId: string; orders: number }[];
};

/** What a seeded template's data depends on: the seeding code and its catalogue. Schema changes
 *  do not invalidate it: every copy is migrated first (fromTemplate). */
export function seedFingerprint(): string {
  const h = createHash('sha1');
  for (const f of ['src/modules/sandbox/bulk-orders.service.ts', 'src/modules/sandbox/demo-catalogue.ts'])
    h.update(readFileSync(path.join(ROOT, f)));
  return h.digest('hex').slice(0, 8);
}

/**
 * A scratch PostgreSQL database `name` holding the demo data plus `orders` orders seeded with
 * `mercato seed --orders N --seller <seller>`. Seeding a million orders takes minutes, so the
 * seeded database is kept as a template (`mercato_bench_tpl_<orders>_<seller>_<fingerprint>`)
 * and each run gets a copy (CREATE DATABASE … TEMPLATE, a file copy). The seeding result is stored
 * as the template's comment. `--drop-templates` (or dropBenchTemplates()) removes them.
 */
export async function seededPgDatabase(
  name: string,
  orders: number,
  seller = 'jp',
): Promise<{ url: string; seed: SeedInfo; seededNow: boolean }> {
  const tpl = `mercato_bench_tpl_${orders}_${seller.replace(/\W/g, '')}_${seedFingerprint()}`;
  const r = await fromTemplate(name, tpl, async (url) => {
    log(`seeding ${orders} orders into template ${tpl} (kept for later runs)...`);
    const load0 = loadavg();
    const run = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        'PEAK_RSS_KB=%M',
        process.execPath,
        MERCATO,
        'seed',
        '--orders',
        String(orders),
        '--seller',
        seller,
        '--json',
      ],
      {
        cwd: ROOT,
        env: mercatoEnv({ databaseUrl: url }),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 90 * 60_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    if (run.status !== 0) throw new Error(`seeding failed (${run.status}): ${run.stderr.slice(-3000)}`);
    const peak = Number(/PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1024;
    const result = JSON.parse(run.stdout) as SeedInfo & { sellers: SeedInfo[] };
    return {
      ...result,
      peakRssMb: Math.round(peak),
      loadavg: [load0, loadavg()],
      sellers: result.sellers.map((s) => ({ sellerId: s.sellerId, orders: s.orders })),
    } satisfies SeedInfo;
  });
  return { url: r.url, seed: r.info, seededNow: r.builtNow };
}

/**
 * Database `name` as a copy of template `tpl` (CREATE DATABASE … TEMPLATE: a file copy), building
 * the template first with `build(url)` when it does not exist. What `build` returns is kept as the
 * template's comment and handed back on every later copy.
 */
export async function fromTemplate<T>(
  name: string,
  tpl: string,
  build: (url: string) => Promise<T>,
): Promise<{ url: string; info: T; builtNow: boolean }> {
  // Migrations that landed since the template was seeded (new indexes, columns with defaults)
  // are applied to the template itself, once, so every copy has today's schema.
  const migrateTemplate = () => runMercato(['migrate'], { databaseUrl: pgUrlFor(tpl) });
  let comment = await pgAdmin(async (c) => {
    const r = await c.query<{ d: string | null }>(
      'SELECT shobj_description(oid, $2) AS d FROM pg_database WHERE datname = $1',
      [tpl, 'pg_database'],
    );
    return r.rows[0]?.d ?? null;
  });
  let builtNow = false;
  if (!comment) {
    const url = await createPgDatabase(tpl);
    try {
      comment = JSON.stringify(await build(url));
    } catch (err) {
      await dropPgDatabase(tpl);
      throw err;
    }
    await pgAdmin((c) => c.query(`COMMENT ON DATABASE ${tpl} IS '${comment?.replace(/'/g, "''")}'`));
    builtNow = true;
  } else {
    migrateTemplate();
  }
  await pgAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    // No session may be connected to a template while it is copied.
    await c.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [tpl],
    );
    // FILE_COPY (PostgreSQL 15+): a checkpoint and a copy of the files, much faster for a 5 GB
    // database than the default WAL_LOG, which writes every block through the WAL.
    await c
      .query(`CREATE DATABASE ${name} TEMPLATE ${tpl} STRATEGY FILE_COPY`)
      .catch(() => c.query(`CREATE DATABASE ${name} TEMPLATE ${tpl}`));
  });
  return { url: pgUrlFor(name), info: JSON.parse(comment) as T, builtNow };
}

/** Drops every cached seeded template. */
export async function dropBenchTemplates(): Promise<string[]> {
  return pgAdmin(async (c) => {
    const r = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'mercato_bench_tpl_%'",
    );
    for (const { datname } of r.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    return r.rows.map((x) => x.datname);
  });
}

// --- load generation ----------------------------------------------------------------------------

/** Short result of one autocannon run. */
export type HttpRun = {
  perSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  count: number;
};

/**
 * autocannon against `paths` round-robin. `rate` (requests/s over all connections) makes it an
 * open-loop-like run at a fixed arrival rate: latency is then the time of a request under that
 * load, not the queue that `connections` always-busy clients build.
 */
export async function httpRun(
  url: string,
  paths: string[],
  o: { seconds: number; connections: number; headers: Record<string, string>; rate?: number },
): Promise<HttpRun> {
  const { default: autocannon } = await import('autocannon');
  let next = Math.floor(Math.random() * paths.length);
  const r = await autocannon({
    url,
    connections: o.connections,
    duration: o.seconds,
    headers: o.headers,
    timeout: 30,
    ...(o.rate ? { overallRate: o.rate } : {}),
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }),
      },
    ],
  });
  return {
    perSec: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    count: r.latency.totalCount,
  };
}

/** `clients` loops run `work(i)` back to back for `seconds`; latency of each call. */
export async function loopRun(
  work: (i: number) => Promise<unknown>,
  o: { seconds: number; clients: number; rate?: number },
): Promise<HttpRun> {
  const latencies: number[] = [];
  const t0 = performance.now();
  const until = t0 + o.seconds * 1000;
  let next = 0;
  // With a rate, request k is due at t0 + k / rate; a loop waits for its due time (open loop
  // as long as the loops keep up, like autocannon's overallRate).
  const interval = o.rate ? 1000 / o.rate : 0;
  await Promise.all(
    Array.from({ length: o.clients }, async () => {
      while (performance.now() < until) {
        const k = next++;
        if (interval) {
          const due = t0 + k * interval;
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
          if (performance.now() >= until) break;
        }
        const t = performance.now();
        await work(k);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return {
    perSec: latencies.length / o.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    non2xx: 0,
    errors: 0,
    count: latencies.length,
  };
}

/** A seeded pseudo-random generator (the benchmarks' query sets are the same on every run). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2)));

/** CPU time (user + system) of the PostgreSQL backends serving `database` (their process title
 *  names it), ms. A pool's backends persist through a run, so the difference over a run is the
 *  database's share; other databases' backends (other people's tests) are left out. */
export function postgresCpuMs(database?: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      if (database && !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) continue;
      total += cpuMsOf(Number(pid));
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** Runs `work` and returns its result with the CPU used meanwhile by `pid`, PostgreSQL and this
 *  process (the load generator), in ms per `per()` units of work. */
export async function withCpu<T extends { count: number }>(
  pid: number | undefined,
  work: () => Promise<T>,
  database?: string,
): Promise<T & { cpuMsPer: { server?: number; postgres: number; client: number } }> {
  const s0 = pid ? cpuMsOf(pid) : 0;
  const p0 = postgresCpuMs(database);
  const c0 = process.cpuUsage();
  const r = await work();
  const c = process.cpuUsage(c0);
  const n = Math.max(1, r.count);
  const round = (x: number) => Number((x / n).toFixed(2));
  return {
    ...r,
    cpuMsPer: {
      ...(pid ? { server: round(cpuMsOf(pid) - s0) } : {}),
      postgres: round(postgresCpuMs(database) - p0),
      client: round((c.user + c.system) / 1000),
    },
  };
}

// --- the SQL behind a request -------------------------------------------------------------------

export type Statement = { text: string; params: unknown[] };

/**
 * Answers every path once through an in-process app (same code, same database) whose Drizzle
 * instance logs each statement: the SQL of each request, in order.
 */
export async function captureStatements(url: string, paths: string[], headers: Record<string, string>) {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { loadConfig } = await import('../src/platform/config.ts');
  const { buildServices } = await import('../src/main/dependencies.ts');
  const { createHttpApp } = await import('../src/main/http-app.ts');
  const { createLogger } = await import('../src/platform/logger.ts');
  let sink: Statement[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const db = drizzle({
    client: pool,
    logger: { logQuery: (text: string, params: unknown[]) => sink.push({ text, params }) },
  }) as unknown as Db;
  const database: Database = { kind: 'postgres', db, pool, close: () => pool.end() };
  const config = loadConfig({
    MERCATO_MODE: 'sandbox',
    DATABASE_URL: url,
    SPAPI_RATE_LIMITS: 'off',
    LOG_LEVEL: 'silent',
  });
  const services = await buildServices(config, { database, logger: createLogger('silent') });
  const app = createHttpApp(services, { isReady: () => true });
  const out: Statement[][] = [];
  let orders = 0;
  try {
    for (const p of paths) {
      sink = [];
      const res = await app.request(p, { headers });
      const body = (await res.json()) as { payload?: { Orders?: unknown[] }; orders?: unknown[] };
      if (res.status !== 200) throw new Error(`GET ${p} answered ${res.status}: ${JSON.stringify(body)}`);
      // getOrders: payload.Orders; searchOrders and the web list: orders.
      orders += (body.payload?.Orders ?? body.orders ?? []).length;
      out.push(sink);
    }
  } finally {
    await services.close();
    await pool.end().catch(() => undefined);
  }
  return { statements: out, ordersPerPage: orders / paths.length };
}
