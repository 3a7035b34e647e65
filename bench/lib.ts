// Shared helpers of the benchmarks: servers started and always stopped, scratch PostgreSQL
// databases, machine facts, statistics and result files. Everything listens on 127.0.0.1 only.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

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
