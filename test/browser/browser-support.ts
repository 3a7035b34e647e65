// Browser tests: Debian's Chromium (driven by playwright-core) against a real listening Mercato.
// One environment per test file: the web app built once, an in-process app with a real database
// (startTestApp) served over HTTP on a free port, one browser and one page the tests reuse.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import lockfile from 'proper-lockfile';
import { afterEach, describe } from 'vitest';
import { PASSWORD } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { testDbKind } from '../support/test-database.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = path.join(ROOT, 'web');
const DIST_INDEX = path.join(WEB, 'dist/index.html');
export const SCREENSHOTS = path.join(ROOT, 'test/browser/screenshots');

/** `describe`, or `describe.skip` with the reason in its name when Chromium is not installed. */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) describe(name, body);
  else
    describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM}; install Debian's chromium package)`, body);
}

/** Keeps a screenshot of the page of each failed test (failed-<test name>.png). */
export function screenshotOnFailure(env: () => BrowserEnv | undefined): void {
  afterEach(async (ctx) => {
    const e = env();
    if (!e || ctx.task.result?.state !== 'fail') return;
    await e.shot(`failed-${ctx.task.name.replace(/[^\w]+/g, '-').slice(0, 60)}`).catch(() => undefined);
  });
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function webBuildIsStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const sources = ['index.html', 'vite.config.ts', 'tsconfig.json', 'src', 'public'].map((p) =>
    newestMtime(path.join(WEB, p)),
  );
  return Math.max(...sources) > statSync(DIST_INDEX).mtimeMs;
}

/** Builds web/dist when it is missing or older than its sources. Test files running in parallel
 *  take turns (a lock per checkout), so only the first one builds. */
export async function ensureWebBuild(): Promise<void> {
  const key = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  const release = await lockfile.lock(WEB, {
    lockfilePath: path.join(tmpdir(), `mercato-web-build-${key}.lock`),
    retries: { retries: 120, minTimeout: 100, maxTimeout: 500 },
    stale: 60_000,
  });
  try {
    if (!webBuildIsStale()) return;
    await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'web/vite.config.ts',
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT, timeout: 120_000 },
    );
  } finally {
    await release();
  }
}

export type BrowserEnv = {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page (each test expects none). */
  pageErrors: string[];
  /** A full-page screenshot into test/browser/screenshots/<db>-<name>.png. */
  shot(name: string): Promise<string>;
  /** Opens a path of the app (a full page load). */
  open(pathname: string): Promise<void>;
  /** Signs in through the login page. */
  login(email: string, password?: string): Promise<void>;
  close(): Promise<void>;
};

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export async function startBrowserEnv(opts: { now?: string } = {}): Promise<BrowserEnv> {
  const [t] = await Promise.all([startTestApp(opts.now ? { now: opts.now } : {}), ensureWebBuild()]);
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) =>
    server.listening ? resolve() : server.once('listening', () => resolve()),
  );
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  mkdirSync(SCREENSHOTS, { recursive: true });

  const env: BrowserEnv = {
    t,
    baseUrl,
    browser,
    page,
    pageErrors,
    async shot(name) {
      const file = path.join(SCREENSHOTS, `${testDbKind()}-${name}.png`);
      // From the top, so the sticky header is where a reader expects it.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      return file;
    },
    async open(pathname) {
      await page.goto(pathname);
    },
    async login(email, password = PASSWORD) {
      await env.open('/login');
      await page.getByTestId('login-email').fill(email);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('logout').waitFor();
    },
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await t.close();
    },
  };
  return env;
}
