// `mercato` — the operator's command line (API-5). Each command prints a one-line reason and
// exits non-zero on failure; `--json` output is for scripts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from '../platform/config.ts';
import { DataDirLockedError, isDataDirLocked, readServerInfo } from '../platform/db/data-dir-lock.ts';
import { migrate, openDatabase } from '../platform/db/database.ts';
import { parseDurationMs } from '../platform/duration.ts';
import { buildServices } from './dependencies.ts';
import { WEB_DIST } from './http-app.ts';
import { startServer } from './server.ts';

const program = new Command();
program
  .name('mercato')
  .description('Mercato: a self-hosted seller central with an SP-API compatible API and a stateful sandbox.')
  .showHelpAfterError('(run with --help for usage)');

function config(): Config {
  return loadConfig();
}

/** Embedded database held by a running server: CLI commands go through it instead. */
function runningServer(c: Config) {
  if (c.database.kind !== 'pglite') return null;
  if (!existsSync(c.database.dataDir) || !isDataDirLocked(c.database.dataDir)) return null;
  return readServerInfo(c.database.dataDir);
}

function fail(message: string): never {
  process.stderr.write(`mercato: ${message}\n`);
  process.exit(1);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when it is missing or older than its sources (a fresh clone, an edit). */
function ensureWebBuilt(): void {
  const root = path.resolve(WEB_DIST, '..');
  const index = path.join(WEB_DIST, 'index.html');
  const src = path.join(root, 'src');
  if (!existsSync(src)) return;
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(src)) return;
  process.stdout.write('Building the web app...\n');
  const vite = path.resolve(root, '../node_modules/vite/bin/vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', path.join(root, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) fail('building the web app failed (see above)');
}

async function serve(opts: { http: boolean; workers: boolean }) {
  const c = config();
  if (c.database.kind === 'pglite' && !(opts.http && opts.workers)) {
    fail(
      '`api` and `worker` run as separate processes only on PostgreSQL (set DATABASE_URL). Use `mercato start` on the embedded database.',
    );
  }
  if (opts.http) ensureWebBuilt();
  // MERCATO_WORKERS=false starts `start` without workers (jobs wait for a worker process).
  const server = await startServer(c, { ...opts, workers: opts.workers && c.workers });
  const shutdown = async (signal: string) => {
    process.stdout.write(`\n${signal}: stopping...\n`);
    await server.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

program
  .command('start')
  .description(
    'Start everything in one process: HTTP (API, web pages), background workers; demo data on an empty sandbox database',
  )
  .action(() => serve({ http: true, workers: true }));

program
  .command('api')
  .description('Start the HTTP server only (PostgreSQL; run workers with `mercato worker`)')
  .action(() => serve({ http: true, workers: false }));

program
  .command('worker')
  .description('Start background workers only (PostgreSQL)')
  .action(() => serve({ http: false, workers: true }));

program
  .command('migrate')
  .description('Apply database migrations (also done by start)')
  .action(async () => {
    const c = config();
    if (runningServer(c)) {
      process.stdout.write('The running server already applied the migrations at start.\n');
      return;
    }
    const db = await openDatabase(c);
    try {
      await migrate(db);
      process.stdout.write('Migrations applied.\n');
    } finally {
      await db.close();
    }
  });

program
  .command('seed')
  .description(
    'Load the demo data (sellers in Japan and Italy, orders, logins) into an empty database; ' +
      'with --orders N, also add N generated orders to one seller (load tests, benchmarks)',
  )
  .option('--json', 'print the demo credentials (with --orders: the seeding result) as JSON')
  .option('--orders <n>', 'add N orders spread over the last 90 days, in bulk')
  .option(
    '--seller <seller>',
    'seller(s) of the --orders: jp, it (the demo sellers) or seller ids, comma-separated (the orders are split evenly)',
    'jp',
  )
  .action(async (o: { json?: boolean; orders?: string; seller: string }) => {
    const c = config();
    let count: number | undefined;
    if (o.orders !== undefined) {
      count = Number(o.orders);
      if (!Number.isInteger(count) || count < 1 || count > 100_000_000)
        fail(`--orders must be a whole number from 1 to 100000000 (got "${o.orders}").`);
    }
    if (runningServer(c))
      fail(
        count === undefined
          ? 'the embedded database is held by a running server; it loaded the demo data at start.'
          : 'the embedded database is held by a running server; stop it first (bulk seeding needs the database to itself).',
      );
    const s = await buildServices(c);
    try {
      const sandbox = await import('../modules/sandbox/index.ts');
      const demoSeller = ['jp', 'it'].includes(o.seller.toLowerCase());
      let creds: import('../modules/sandbox/index.ts').DemoCredentials | null = null;
      if (count === undefined || demoSeller) {
        if (count !== undefined && !(await sandbox.hasDemoData(s.database.db)))
          process.stderr.write('Loading the demo data first...\n');
        creds = await sandbox.loadDemoData({
          db: s.database.db,
          clock: s.clock,
          marketplaces: s.marketplaces,
          identity: s.identity,
          orders: s.orders,
          buyers: s.buyers,
          ordersPerSeller: c.demoOrdersPerSeller,
        });
      }
      if (count === undefined) {
        process.stdout.write(
          o.json
            ? `${JSON.stringify(creds, null, 2)}\n`
            : 'Demo data loaded. See `mercato demo credentials`.\n',
        );
        return;
      }
      const wanted = o.seller
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const targets = [];
      for (const w of wanted) {
        const marketplaceOfDemo = { jp: 'A1VC38T7YXB528', it: 'APJ6JRA9NG5V4' }[w.toLowerCase()];
        const sellerId = marketplaceOfDemo
          ? creds?.sellers.find((x) => x.marketplaceId === marketplaceOfDemo)?.sellerId
          : w;
        const seller = sellerId ? await s.marketplaces.findSeller(sellerId) : undefined;
        if (!seller) fail(`no seller ${sellerId ?? w} in this database.`);
        targets.push({ seller, marketplace: await s.marketplaces.getMarketplace(seller.marketplaceId) });
      }
      if (targets.length === 0) fail('--seller names no seller.');
      // Progress goes to stderr with --json, so stdout stays one JSON document.
      const log = (line: string) => (o.json ? process.stderr : process.stdout).write(`${line}\n`);
      const results = [];
      for (const [i, { seller, marketplace }] of targets.entries()) {
        // An even split; the first sellers take the remainder.
        const share = Math.floor(count / targets.length) + (i < count % targets.length ? 1 : 0);
        if (share === 0) continue;
        log(`Seeding ${share} orders for ${seller.name} (${seller.id}, ${marketplace.id})...`);
        const started = performance.now();
        let lastReport = started;
        const result = await sandbox.seedBulkOrders({
          database: s.database,
          secret: s.secret,
          marketplace,
          sellerId: seller.id,
          count: share,
          now: s.clock.now(),
          onProgress: (done, total) => {
            const t = performance.now();
            if (done < total && t - lastReport < 2000) return;
            lastReport = t;
            const rate = Math.round(done / ((t - started) / 1000));
            log(`  ${done}/${total} orders (${Math.round((done / total) * 100)} %, ${rate} orders/s)`);
          },
        });
        const seconds = result.ms / 1000;
        const rate = Math.round(result.orders / seconds);
        results.push({
          sellerId: seller.id,
          marketplaceId: marketplace.id,
          ...result,
          seconds,
          ordersPerSecond: rate,
        });
        log(
          `Seeded ${result.orders} orders (${result.orderItems} items, ${result.shipments} shipments, ${result.events} events) in ${seconds.toFixed(1)} s: ${rate} orders/s.`,
        );
      }
      // --json: the first seller's result at the top level (as with one seller), every seller's in `sellers`.
      if (o.json) process.stdout.write(`${JSON.stringify({ ...results[0], sellers: results })}\n`);
    } finally {
      await s.close();
    }
  });

const clock = program.command('clock').description('The sandbox clock (sandbox mode only)');

async function clockRequest(c: Config, method: 'GET' | 'POST', body?: unknown) {
  const info = runningServer(c);
  if (!info) return null;
  const res = await fetch(`${info.url}/sandbox/v1/clock${method === 'POST' ? '/advance' : ''}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-mercato-cli-token': info.cliToken ?? '' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json()) as { now?: string; offsetMs?: number; error?: { message: string } };
  if (!res.ok) fail(json.error?.message ?? `server answered ${res.status}`);
  return json as { now: string; offsetMs: number };
}

clock
  .command('show')
  .description('Print the sandbox time')
  .option('--json', 'JSON output')
  .action(async (o: { json?: boolean }) => {
    const c = config();
    let state = await clockRequest(c, 'GET');
    if (!state) {
      const s = await buildServices(c);
      state = { now: s.clock.now().toISOString(), offsetMs: s.clock.offset };
      await s.close();
    }
    process.stdout.write(
      o.json ? `${JSON.stringify(state)}\n` : `${state.now} (offset ${formatOffset(state.offsetMs)})\n`,
    );
  });

clock
  .command('advance')
  .description('Move sandbox time forward by an ISO 8601 duration, e.g. PT1H, P1D, P8D')
  .argument('<duration>', 'ISO 8601 duration such as P8D')
  .option('--json', 'JSON output')
  .action(async (duration: string, o: { json?: boolean }) => {
    const c = config();
    if (c.mode !== 'sandbox') fail('the clock can only be moved in sandbox mode (MERCATO_MODE=sandbox).');
    const ms = parseDurationMs(duration);
    if (ms === null) fail(`"${duration}" is not a forward ISO 8601 duration such as PT1H, P1D or P8D.`);
    let state = await clockRequest(c, 'POST', { by: duration });
    if (!state) {
      const s = await buildServices(c);
      await s.sandboxClock.advance(ms);
      state = { now: s.clock.now().toISOString(), offsetMs: s.clock.offset };
      await s.close();
    }
    process.stdout.write(
      o.json
        ? `${JSON.stringify(state)}\n`
        : `Sandbox time is now ${state.now} (offset ${formatOffset(state.offsetMs)})\n`,
    );
  });

function formatOffset(ms: number): string {
  const h = Math.round(ms / 3600_000);
  return h % 24 === 0 ? `+${h / 24} days` : `+${h} hours`;
}

program
  .command('demo')
  .description('Demo data helpers')
  .command('credentials')
  .description(
    'Print the demo seller ids, SP-API app credentials and refresh tokens, and the operator API key',
  )
  .option('--json', 'JSON output (for scripts)')
  .action(async (o: { json?: boolean }) => {
    const c = config();
    const info = runningServer(c);
    let creds: unknown;
    if (info) {
      const res = await fetch(`${info.url}/sandbox/v1/demo/credentials`, {
        headers: { 'x-mercato-cli-token': info.cliToken ?? '' },
      });
      creds = await res.json();
      if (!res.ok)
        fail((creds as { error?: { message?: string } }).error?.message ?? `server answered ${res.status}`);
    } else {
      const db = await openDatabase(c);
      try {
        await migrate(db);
        const { readDemoCredentials } = await import('../modules/sandbox/index.ts');
        creds = await readDemoCredentials(db.db);
      } finally {
        await db.close();
      }
      if (!creds) fail('this database has no demo data. Run `npm start` (or `mercato seed`) first.');
    }
    if (o.json) {
      process.stdout.write(`${JSON.stringify(creds, null, 2)}\n`);
      return;
    }
    const d = creds as import('../modules/sandbox/index.ts').DemoCredentials;
    const lines = [
      `operator   ${d.operator.email} / ${d.operator.password}`,
      `           API key: ${d.operator.apiKey}`,
    ];
    for (const s of d.sellers) {
      lines.push(
        `seller     ${s.login.email} / ${s.login.password}  ${s.sellerId} (${s.marketplaceId})`,
        `           client id:     ${s.spApi.clientId}`,
        `           client secret: ${s.spApi.clientSecret}`,
        `           refresh token: ${s.spApi.refreshToken}`,
      );
    }
    for (const b of d.buyers ?? []) {
      lines.push(
        `buyer      ${b.login.email} / ${b.login.password}  ${b.name} (${b.marketplaceId}), Your Account at /account`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  });

program.addOption(new Option('-v, --verbose').hideHelp());

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) fail(err.message);
  const msg = err instanceof Error ? err.message : String(err);
  fail(msg.split('\n')[0] ?? msg);
});
