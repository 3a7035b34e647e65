#!/usr/bin/env node
// `npm test`: runs the whole Vitest suite once per database and prints the summed counts last.
//
//   npm test                      pglite run, then postgres run
//   npm test -- src/platform      extra arguments go to vitest (file filters, -t, --bail ...)
//   npm test -- --db=pglite       only one run (--db=postgres for the other)
//
// Environment:
//   MERCATO_TEST_PG_URL      server for the postgres run (default postgres://postgres@127.0.0.1:5432/postgres)
//   MERCATO_TEST_REQUIRE_PG  1 = an unreachable server is a failure instead of a skipped run (CI)
// Each run sees MERCATO_TEST_DB=pglite|postgres (and MERCATO_TEST_PG_URL on the postgres run).
//
// Vitest is started with process.execPath, so the Node running this script runs the tests.
// The last line is always `N passed, N failed`; a run that crashed (no counts, or a non-zero exit
// with no failed test) or a required server that is unreachable adds one to `failed`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const vitestEntry = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const reporter = './test/support/count-reporter.ts';
const defaultPgUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const allDbs = ['pglite', 'postgres'];

function parseArgs(argv) {
  const forwarded = [];
  let dbs = allDbs;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let value;
    if (arg.startsWith('--db=')) value = arg.slice('--db='.length);
    else if (arg === '--db') value = argv[++i];
    else {
      forwarded.push(arg);
      continue;
    }
    const chosen = (value ?? '').split(',').filter(Boolean);
    const unknown = chosen.filter((db) => !allDbs.includes(db));
    if (chosen.length === 0 || unknown.length > 0) {
      console.error(`test: --db must be one of ${allDbs.join(', ')} (got "${value ?? ''}")`);
      process.exit(2);
    }
    dbs = allDbs.filter((db) => chosen.includes(db));
  }
  return { dbs, forwarded };
}

function redact(url) {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

async function pgReachable(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000, query_timeout: 3000 });
  client.on('error', () => {});
  const started = Date.now();
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out after 3 s')), 3500);
  });
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.query('select 1');
      })(),
      deadline,
    ]);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message || error.name : String(error);
    const slow = Date.now() - started >= 2900;
    return {
      ok: false,
      reason: slow && !message.startsWith('timed out') ? `timed out after 3 s: ${message}` : message,
    };
  } finally {
    clearTimeout(timer);
    client.end().catch(() => {});
  }
}

let currentChild;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (currentChild && currentChild.exitCode === null) currentChild.kill(signal);
    process.exit(130);
  });
}

function runVitest(db, forwarded, extraEnv) {
  const dir = mkdtempSync(join(tmpdir(), 'mercato-test-'));
  const countFile = join(dir, 'counts.json');
  const args = [vitestEntry, 'run', '--reporter=default', `--reporter=${reporter}`, ...forwarded];
  console.log(`\n=== vitest [${db}] on node ${process.version} ===`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...extraEnv, MERCATO_TEST_DB: db, MERCATO_COUNT_FILE: countFile },
    });
    currentChild = child;
    child.on('error', (error) => finish(null, null, error));
    child.on('exit', (code, signal) => finish(code, signal));
    let done = false;
    function finish(code, signal, error) {
      if (done) return;
      done = true;
      currentChild = undefined;
      let counts;
      try {
        counts = JSON.parse(readFileSync(countFile, 'utf8'));
      } catch {
        counts = undefined;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ db, code, signal, error, counts });
    }
  });
}

const { dbs, forwarded } = parseArgs(process.argv.slice(2));
const total = { passed: 0, failed: 0, skipped: 0 };
const notes = [];

for (const db of dbs) {
  const extraEnv = {};
  if (db === 'postgres') {
    const url = process.env.MERCATO_TEST_PG_URL || defaultPgUrl;
    extraEnv.MERCATO_TEST_PG_URL = url;
    const check = await pgReachable(url);
    if (!check.ok) {
      const what = `PostgreSQL at ${redact(url)} is not reachable (${check.reason})`;
      if (process.env.MERCATO_TEST_REQUIRE_PG === '1') {
        console.error(`\nERROR: ${what}; MERCATO_TEST_REQUIRE_PG=1, so this is a failure.`);
        notes.push(`[postgres] FAILED: ${what}`);
        total.failed += 1;
      } else {
        console.warn(
          `\nWARNING: ${what}; SKIPPING the postgres run (set MERCATO_TEST_PG_URL, or MERCATO_TEST_REQUIRE_PG=1 to fail).`,
        );
        notes.push(`[postgres] SKIPPED: ${what}`);
      }
      continue;
    }
  }
  const result = await runVitest(db, forwarded, extraEnv);
  const c = result.counts;
  if (c) {
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  const exitedBadly = result.error || result.signal || result.code !== 0;
  if (!c || (exitedBadly && c.failed === 0)) {
    const how = result.error
      ? `could not start: ${result.error.message}`
      : result.signal
        ? `killed by ${result.signal}`
        : `exit code ${result.code}${!c ? ', no counts written' : c.passed + c.failed + c.skipped === 0 ? ', no tests ran (no test file matched?)' : ' with no failed test'}`;
    notes.push(`[${db}] CRASHED (${how})${c ? `: ${formatLine(c)}` : ''}`);
    total.failed += 1;
  } else {
    notes.push(`[${db}] ${formatLine(c)}${c.errors ? ` (${c.errors} outside test cases)` : ''}`);
  }
}

function formatLine(c) {
  const line = `${c.passed} passed, ${c.failed} failed`;
  return c.skipped > 0 ? `${line}, ${c.skipped} skipped` : line;
}

console.log(`\n=== summary (node ${process.version}) ===`);
for (const note of notes) console.log(note);
if (total.skipped > 0) console.log(`${total.skipped} skipped in total`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed > 0 ? 1 : 0;
