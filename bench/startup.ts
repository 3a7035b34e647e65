// Startup time and idle memory (issue: "`npm start` to a 200 from /healthz on an existing data
// dir, target ≤ 3 s; resident memory when idle, target ≤ 400 MB embedded, ≤ 150 MB with
// PostgreSQL").
//
//   npx tsx bench/startup.ts [--runs 5]
//
// Each round, interleaved: (1) baseline, a bare `node -e http.createServer(...)` process until
// it answers; (2) `node bin/mercato.js start` on an existing embedded data folder; (3) the same on
// an existing PostgreSQL database; (4) `npm start` on the embedded folder (the command users type).
// Time = spawn to the first 200 from /healthz (polled every 10 ms). After each server is up it idles
// 5 s, then VmRSS/VmHWM of the server process are read from /proc. The data folder and the
// database are created once before the rounds (first start: initdb, migrations, demo data).
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createPgDatabase,
  deadline,
  dropPgDatabase,
  fmt,
  freePort,
  log,
  machine,
  memoryOf,
  mercatoEnv,
  RUN_ID,
  type ServerEnv,
  type Started,
  sleep,
  spawnAndWait,
  startMercato,
  summary,
  waitIdle,
  writeResult,
} from './lib.ts';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const IDLE_MS = 5000;
const dataDir = path.join(os.tmpdir(), `mercato-bench-startup-${RUN_ID}`);
const pgName = `mercato_bench_startup_${RUN_ID}`;

async function cleanup() {
  rmSync(dataDir, { recursive: true, force: true });
  await dropPgDatabase(pgName);
}
deadline(15, cleanup);

/** Starts, idles, measures memory, stops. Rejects runs in which `start` rebuilt the web app. */
async function measure(start: () => Promise<Started>, withMemory: boolean) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const s = await start();
    try {
      if (s.output().includes('Building the web app')) {
        log('  (the web app was rebuilt during this start: run discarded)');
        continue;
      }
      let mem: { rssMb: number; hwmMb: number } | undefined;
      if (withMemory) {
        await sleep(IDLE_MS);
        mem = memoryOf(s.pid);
      }
      return { startupMs: s.startupMs, ...mem };
    } finally {
      await s.stop();
    }
  }
  throw new Error('the web app was rebuilt in three starts in a row (are web/src files changing?)');
}

const BARE = "require('http').createServer((q,s)=>s.end('ok')).listen(+process.env.PORT,'127.0.0.1')";

try {
  const info = await machine();
  const embedded: ServerEnv = { dataDir };
  const postgres: ServerEnv = { databaseUrl: await createPgDatabase(pgName) };
  log('Preparing: first start on the embedded folder and on PostgreSQL (initdb, migrations, demo data)...');
  for (const e of [embedded, postgres]) {
    const s = await startMercato(e);
    await waitIdle(s.pid); // the workers send the demo data's shipment e-mails first
    await s.stop();
  }

  const rows: Record<string, { startupMs: number; rssMb?: number; hwmMb?: number }[]> = {
    bare: [],
    embedded: [],
    postgres: [],
    npmStartEmbedded: [],
  };
  for (let i = 0; i < runs; i++) {
    log(`Round ${i + 1}/${runs}`);
    rows.bare?.push(
      await measure(async () => {
        const port = await freePort();
        return spawnAndWait(['-e', BARE], { PATH: process.env.PATH ?? '', PORT: String(port) }, port, '/');
      }, true),
    );
    rows.embedded?.push(await measure(() => startMercato(embedded), true));
    rows.postgres?.push(await measure(() => startMercato(postgres), true));
    rows.npmStartEmbedded?.push(
      await measure(async () => {
        const port = await freePort();
        return spawnAndWait(['start'], mercatoEnv(embedded, port), port, '/healthz', 120_000, 'npm');
      }, false),
    );
    log(
      `  bare ${rows.bare?.at(-1)?.startupMs.toFixed(0)} ms · embedded ${rows.embedded?.at(-1)?.startupMs.toFixed(0)} ms, ` +
        `${rows.embedded?.at(-1)?.rssMb?.toFixed(0)} MB · postgres ${rows.postgres?.at(-1)?.startupMs.toFixed(0)} ms, ` +
        `${rows.postgres?.at(-1)?.rssMb?.toFixed(0)} MB · npm start ${rows.npmStartEmbedded?.at(-1)?.startupMs.toFixed(0)} ms`,
    );
  }

  const s = (k: string, f: 'startupMs' | 'rssMb' | 'hwmMb', d = 0) =>
    summary(
      (rows[k] ?? []).map((r) => r[f] ?? Number.NaN),
      d,
    );
  const result = {
    bench: 'startup',
    machine: { ...info, loadavgAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))) },
    runs,
    idleMs: IDLE_MS,
    startupMs: {
      bareNode: s('bare', 'startupMs'),
      embedded: s('embedded', 'startupMs'),
      postgres: s('postgres', 'startupMs'),
      npmStartEmbedded: s('npmStartEmbedded', 'startupMs'),
    },
    idleRssMb: {
      bareNode: s('bare', 'rssMb'),
      embedded: s('embedded', 'rssMb'),
      postgres: s('postgres', 'rssMb'),
    },
    peakRssMb: { embedded: s('embedded', 'hwmMb'), postgres: s('postgres', 'hwmMb') },
    raw: rows,
  };
  const file = writeResult('startup', result);
  const t = result.startupMs;
  const m = result.idleRssMb;
  process.stdout.write(
    [
      `| measure | median (min–max) | baseline: bare node | target |`,
      `|---|---|---|---|`,
      `| start → 200 /healthz, embedded | ${fmt(t.embedded, ' ms')} | ${fmt(t.bareNode, ' ms')} | ≤ 3000 ms |`,
      `| start → 200 /healthz, PostgreSQL | ${fmt(t.postgres, ' ms')} | ${fmt(t.bareNode, ' ms')} | ≤ 3000 ms |`,
      `| \`npm start\` → 200 /healthz, embedded | ${fmt(t.npmStartEmbedded, ' ms')} | ${fmt(t.bareNode, ' ms')} | ≤ 3000 ms |`,
      `| idle RSS, embedded | ${fmt(m.embedded, ' MB')} | ${fmt(m.bareNode, ' MB')} | ≤ 400 MB |`,
      `| idle RSS, PostgreSQL | ${fmt(m.postgres, ' MB')} | ${fmt(m.bareNode, ' MB')} | ≤ 150 MB |`,
      '',
      `raw results: ${file}`,
      '',
    ].join('\n'),
  );
} finally {
  await cleanup();
}
