// NTF-9 crash safety: a real server process sends Order notification emails to a real SMTP
// server during a burst of orders; kill -9 mid-burst, restart, and count. Nothing is lost (every
// order answered 201 has its email, every delivery ends sent and reached the SMTP server), and
// duplicates are at most the deliveries that were in flight (state `sending`) at the kill.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, openPglite, openPostgres, queryRows } from '../../src/platform/db/database.ts';
import { orderBody } from '../support/fixtures.ts';
import { openTestDatabase, testDbKind } from '../support/test-database.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const f of cleanups) await f();
});

/** Receipts per delivery id (the X-Mercato-Delivery header of each accepted message). */
const receipts = new Map<string, number>();
let smtp: SMTPServer;

async function startSmtp(): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        const id = /^X-Mercato-Delivery:\s*(\S+)/im.exec(raw)?.[1];
        if (id) receipts.set(id, (receipts.get(id) ?? 0) + 1);
        cb();
      });
    },
  });
  // The killed server's connections reset: expected, not an error of the test.
  smtp.on('error', () => undefined);
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  cleanups.push(() => new Promise<void>((r) => smtp.close(() => r())));
  return (smtp.server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/mercato.js'), 'start'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const until = performance.now() + 90_000;
  while (performance.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy: ${output}`);
}

const totalReceipts = () => [...receipts.values()].reduce((a, b) => a + b, 0);

describe('notification pipeline crash safety (NTF-9)', () => {
  it('kill -9 mid-burst: nothing lost, duplicates at most the deliveries in flight', async () => {
    const smtpPort = await startSmtp();
    const env: Record<string, string> = {
      MERCATO_MODE: 'sandbox',
      SPAPI_RATE_LIMITS: 'off',
      MERCATO_DEMO_ORDERS: '0',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // A crashed worker's claimed rows are re-sent after their lease: short for the test.
      NOTIFICATION_LEASE_SECONDS: '2',
    };
    let open: () => Promise<{ db: Db; close(): Promise<void> }>;
    if (testDbKind() === 'postgres') {
      const db = await openTestDatabase();
      await db.pool?.end();
      env.DATABASE_URL = db.url as string;
      cleanups.push(() => db.close().catch(() => undefined));
      open = () => openPostgres(db.url as string, 2);
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'mercato-ntf-crash-'));
      env.MERCATO_DATA_DIR = dir;
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      // Only while no server runs (two processes on one PGlite folder lose writes).
      open = () => openPglite(dir, { lock: false });
    }
    const inspect = async <T>(f: (db: Db) => Promise<T>): Promise<T> => {
      const database = await open();
      try {
        return await f(database.db);
      } finally {
        await database.close();
      }
    };

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startServer(env, port);
    const cli = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/mercato.js'), 'demo', 'credentials', '--json'],
      {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      },
    );
    expect(cli.status).toBe(0);
    const creds = JSON.parse(cli.stdout) as {
      operator: { apiKey: string };
      sellers: { sellerId: string; marketplaceId: string }[];
    };
    const seller = creds.sellers[0];
    if (!seller) throw new Error('no demo seller');

    // A burst of orders from 6 clients; kill -9 once the emails are flowing.
    const answered: string[] = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const r = await fetch(`${base}/marketplace/v1/orders`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${creds.operator.apiKey}`,
              'content-type': 'application/json',
              'idempotency-key': `ntf-crash-${n}-${i}`,
            },
            body: JSON.stringify(orderBody(seller)),
          });
          if (r.status === 201) answered.push(((await r.json()) as { amazonOrderId: string }).amazonOrderId);
        } catch {
          return; // connection reset by the kill
        }
      }
    };
    const clients = Array.from({ length: 6 }, (_, n) => client(n));
    const until = performance.now() + 60_000;
    while (totalReceipts() < 30 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(totalReceipts()).toBeGreaterThanOrEqual(30);
    console.info(`[notifications crash] killing after ${answered.length} orders`);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    stop = true;
    await Promise.all(clients);
    const receivedAtKill = new Map(receipts);

    const atKill = await inspect((db) =>
      queryRows<{ sending: number; sent: number; total: number }>(
        db,
        sql`select count(*) filter (where state = 'sending')::int as sending,
              count(*) filter (where state = 'sent')::int as sent, count(*)::int as total
            from deliveries where channel = 'email'`,
      ),
    );
    const inFlight = atKill[0]?.sending ?? 0;

    // Restart: the workers resume; wait until every email delivery is accepted by the server.
    const second = await startServer(env, port);
    let stableSince = performance.now();
    let last = -1;
    const deadline = performance.now() + 90_000;
    while (performance.now() < deadline) {
      const n = totalReceipts();
      if (n !== last) {
        last = n;
        stableSince = performance.now();
      } else if (performance.now() - stableSince > 5000 && n >= answered.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));

    const rows = await inspect((db) =>
      queryRows<{ id: string; state: string; order_id: string | null }>(
        db,
        sql`select d.id, d.state, n.data->>'orderId' as order_id
            from deliveries d join notifications n on n.seller_id = d.seller_id and n.id = d.notification_id
            where d.channel = 'email' and n.type = 'order.new'`,
      ),
    );
    const unprocessed = await inspect((db) =>
      queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from domain_events where processed_at is null`,
      ),
    );
    expect(unprocessed[0]?.n).toBe(0);

    // Lost: an answered order without a sent, received email; a delivery not sent.
    const byOrder = new Map<string, typeof rows>();
    for (const r of rows) byOrder.set(r.order_id ?? '', [...(byOrder.get(r.order_id ?? '') ?? []), r]);
    const lost = answered.filter((id) => {
      const ds = byOrder.get(id) ?? [];
      return ds.length === 0 || ds.some((d) => d.state !== 'sent' || !receipts.has(d.id));
    });
    expect(lost).toEqual([]);
    expect(rows.filter((r) => r.state !== 'sent')).toEqual([]);
    // Duplicated: receipts beyond the first, only for deliveries in flight at the kill.
    const duplicated = [...receipts.values()].reduce((a, n) => a + (n - 1), 0);
    expect(duplicated).toBeLessThanOrEqual(inFlight);
    for (const [id, n] of receipts) if (n > 1) expect(receivedAtKill.has(id)).toBe(true);
    console.info(
      `[notifications crash] orders answered ${answered.length}, emails at kill ${atKill[0]?.sent}/${atKill[0]?.total}, in flight ${inFlight}, lost ${lost.length}, duplicated ${duplicated}`,
    );
  }, 240_000);
});
