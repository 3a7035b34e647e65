// kill -9 while orders are being created loses no order that was answered 201, and restarting
// resumes the jobs that were pending (issue 2, "Bad input and faults"). A real server process,
// on the embedded database (its data folder) or on PostgreSQL, depending on the run.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orderBody } from '../support/fixtures.ts';
import { openTestDatabase, testDbKind } from '../support/test-database.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const f of cleanups) await f();
});

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
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SPAPI_RATE_LIMITS: 'off',
      MERCATO_DEMO_ORDERS: '3',
    },
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

describe('crash safety', () => {
  it('keeps every order answered 201 across kill -9, and resumes pending jobs after restart', async () => {
    const env: Record<string, string> = { MERCATO_MODE: 'sandbox' };
    if (testDbKind() === 'postgres') {
      const db = await openTestDatabase();
      await db.pool?.end();
      env.DATABASE_URL = db.url as string;
      cleanups.push(() => db.close().catch(() => undefined));
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'mercato-crash-'));
      env.MERCATO_DATA_DIR = dir;
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // Phase 1: no workers, so the shipment emails stay queued when the process dies.
    const first = await startServer({ ...env, MERCATO_WORKERS: 'false' }, port);
    // The CLI reads them from the running server (embedded) or from the database (PostgreSQL).
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
      sellers: {
        sellerId: string;
        marketplaceId: string;
        spApi: { clientId: string; clientSecret: string; refreshToken: string };
      }[];
    };
    const seller = creds.sellers[0];
    if (!seller) throw new Error('no demo seller');
    const tokenRes = await fetch(`${base}/auth/o2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: seller.spApi.refreshToken,
        client_id: seller.spApi.clientId,
        client_secret: seller.spApi.clientSecret,
      }),
    });
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    const sp = (p: string, init: RequestInit = {}) =>
      fetch(`${base}${p}`, {
        ...init,
        headers: { 'x-amz-access-token': token, 'content-type': 'application/json', ...(init.headers ?? {}) },
      });

    // Ship a few orders so that their buyer emails are pending jobs.
    const shipped: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${base}/marketplace/v1/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${creds.operator.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(
          orderBody(seller, { buyer: { name: 'Crash Test', email: `crash${i}@example.com` } }),
        ),
      });
      const id = ((await r.json()) as { amazonOrderId: string }).amazonOrderId;
      const items = (await (await sp(`/orders/v0/orders/${id}/orderItems`)).json()) as {
        payload: { OrderItems: { OrderItemId: string; QuantityOrdered: number }[] };
      };
      const c = await sp(`/orders/v0/orders/${id}/shipmentConfirmation`, {
        method: 'POST',
        body: JSON.stringify({
          marketplaceId: seller.marketplaceId,
          packageDetail: {
            packageReferenceId: '1',
            carrierCode: 'Yamato Transport',
            trackingNumber: `CRASH-${i}`,
            shipDate: new Date(Date.now() + 1000).toISOString(),
            orderItems: items.payload.OrderItems.map((it) => ({
              orderItemId: it.OrderItemId,
              quantity: it.QuantityOrdered,
            })),
          },
        }),
      });
      expect(c.status).toBe(204);
      shipped.push(id);
    }

    // Create orders from 8 concurrent clients and kill the server in the middle of it.
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
              'idempotency-key': `crash-${n}-${i}`,
            },
            body: JSON.stringify(orderBody(seller)),
          });
          if (r.status === 201) answered.push(((await r.json()) as { amazonOrderId: string }).amazonOrderId);
        } catch {
          return; // connection reset by the kill
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    await new Promise((r) => setTimeout(r, 1500));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    stop = true;
    await Promise.all(clients);
    expect(answered.length).toBeGreaterThan(5);

    // Phase 2: restart with workers; every answered order is there and the emails go out.
    const second = await startServer(env, port);
    const missing: string[] = [];
    for (const id of answered) {
      const r = await sp(`/orders/v0/orders/${id}`);
      if (r.status !== 200) missing.push(id);
    }
    expect(missing).toEqual([]);
    const opsLogin = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'operator@demo.mercato.test', password: 'mercato-demo' }),
    });
    const cookie = (opsLogin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const until = performance.now() + 30_000;
    let mailed: string[] = [];
    while (performance.now() < until) {
      const mail = (await (
        await fetch(`${base}/api/ops/mail?q=crash&pageSize=50`, { headers: { cookie } })
      ).json()) as {
        messages: { to: string; text: string }[];
      };
      mailed = mail.messages.map((m) => m.to);
      if (['crash0@example.com', 'crash1@example.com', 'crash2@example.com'].every((a) => mailed.includes(a)))
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(mailed.sort()).toEqual(['crash0@example.com', 'crash1@example.com', 'crash2@example.com']);
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));
  }, 180_000);
});
