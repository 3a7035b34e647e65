// An in-process Mercato for tests: real database (PGlite or PostgreSQL), real services, the real
// Hono app driven with app.request(). Time is a FixedClock the test moves; mail goes to the
// local mailbox unless the test passes its own mailer (e.g. to a real SMTP server).
import { FixedClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import type { Mailer } from '../../src/platform/mail/mailer.ts';
import { buildServices, type Services } from '../../src/main/dependencies.ts';
import { createHttpApp } from '../../src/main/http-app.ts';
import { openTestDatabase } from './test-database.ts';

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export async function startTestApp(
  opts: { env?: Record<string, string>; mailer?: Mailer; now?: string; workers?: boolean } = {},
) {
  const database = await openTestDatabase();
  const clock = new FixedClock(opts.now ?? '2026-11-20T01:00:00Z');
  const config = loadConfig({
    MERCATO_MODE: 'sandbox',
    SPAPI_RATE_LIMITS: 'off',
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const services: Services = await buildServices(config, {
    database,
    logger: createLogger(process.env.MERCATO_TEST_LOG ?? 'silent'),
    realClock: clock,
    ...(opts.mailer ? { mailer: opts.mailer } : {}),
  });
  if (opts.workers !== false) await services.startWorkers();
  const app = createHttpApp(services, { isReady: () => true, cliToken: 'test-cli-token' });

  async function request(
    method: string,
    path: string,
    o: { body?: unknown; headers?: Record<string, string>; form?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    let body: string | undefined;
    if (o.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(o.form).toString();
    } else if (o.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // biome-ignore lint/suspicious/noExplicitAny: test convenience
    return { status: res.status, headers: res.headers, text, json: json as any };
  }

  return {
    services,
    app,
    clock,
    database,
    request,
    async close() {
      await services.close();
      await database.close();
    },
  };
}
