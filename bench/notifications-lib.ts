// Helpers of the notification benchmarks (issue 4, "How it will be judged"): an SMTP sink that
// records when each message was accepted and for which delivery, Mercato processes started as
// `api` / `worker` that the benchmark can kill -9, a burst of real orders through the marketplace
// API, and the bare-nodemailer baseline run in a child process of its own.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort, log, MERCATO, mercatoEnv, ROOT, type ServerEnv, sleep, waitFor200 } from './lib.ts';

// --- the SMTP sink ----------------------------------------------------------------------------

export type Accepted = {
  /** From the envelope sender `bounce+<deliveryId>@…` (NTF-7 VERP), null for other mail. */
  deliveryId: string | null;
  /** performance.now() of this process when the sink answered 250 to the message. */
  at: number;
  bytes: number;
};

export type Sink = {
  port: number;
  url: string;
  accepted: Accepted[];
  /** Accepted messages per delivery id (a count above 1 is a duplicate). */
  perDelivery: Map<string, number>;
  /** Called after every accepted message (the crash benchmark kills the worker from here). */
  onAccept: ((n: number) => void) | null;
  reset(): void;
  close(): Promise<void>;
};

/** A local SMTP server that accepts everything and keeps no bodies (only who and when). */
export async function startSink(): Promise<Sink> {
  const sink: Sink = {
    port: 0,
    url: '',
    accepted: [],
    perDelivery: new Map(),
    onAccept: null,
    reset() {
      sink.accepted = [];
      sink.perDelivery = new Map();
    },
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    maxClients: 200,
    onData(stream, session, callback) {
      let bytes = 0;
      stream.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const m = /^bounce\+([^@]+)@/i.exec(from);
        const deliveryId = m ? (m[1] as string) : null;
        sink.accepted.push({ deliveryId, at: performance.now(), bytes });
        if (deliveryId) sink.perDelivery.set(deliveryId, (sink.perDelivery.get(deliveryId) ?? 0) + 1);
        callback();
        sink.onAccept?.(sink.accepted.length);
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  sink.port = port;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((r) => server.close(() => r()));
  return sink;
}

/** Waits until `done()` or until nothing arrived for `quietMs`; returns whether done() held. */
export async function waitUntil(done: () => boolean, quietMs: number, count: () => number): Promise<boolean> {
  let last = count();
  let lastChange = performance.now();
  while (!done()) {
    await sleep(100);
    const n = count();
    if (n !== last) {
      last = n;
      lastChange = performance.now();
    } else if (performance.now() - lastChange > quietMs) return false;
  }
  return true;
}

// --- Mercato processes that can be killed -----------------------------------------------------

export type Proc = {
  pid: number;
  child: ChildProcess;
  output: () => string;
  kill9(): void;
  stop(): Promise<void>;
};

const procs = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of procs) if (c.exitCode === null && c.pid) safeKill(-c.pid, 'SIGKILL');
});

function safeKill(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** `mercato api` (HTTP only) or `mercato worker`; resolves once it is up (healthz / banner). */
export async function startMercatoProcess(
  command: 'api' | 'worker' | 'start',
  env: ServerEnv,
): Promise<Proc & { url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MERCATO, command], {
    cwd: ROOT,
    env: mercatoEnv(env, port),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  procs.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const proc: Proc & { url: string } = {
    pid: child.pid ?? 0,
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    kill9() {
      if (child.pid) safeKill(-child.pid, 'SIGKILL');
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.pid) safeKill(-child.pid, 'SIGTERM');
      const t = setTimeout(() => child.pid && safeKill(-child.pid, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
      procs.delete(child);
    },
  };
  try {
    if (command === 'worker') {
      const until = performance.now() + 120_000;
      while (!out.includes('Mercato is running')) {
        if (child.exitCode !== null) throw new Error(`worker exited (${child.exitCode})`);
        if (performance.now() > until) throw new Error('worker did not start within 120 s');
        await sleep(20);
      }
    } else {
      await waitFor200(`${proc.url}/healthz`, 300_000, child);
    }
  } catch (err) {
    await proc.stop();
    throw new Error(`${(err as Error).message}\n--- output ---\n${out.slice(-3000)}`);
  }
  return proc;
}

// --- a burst of real orders -------------------------------------------------------------------

export function orderBody(sellerId: string): string {
  return JSON.stringify({
    marketplaceId: 'A1VC38T7YXB528',
    sellerId,
    buyer: { name: '山田 太郎', email: 'bench-buyer@example.com' },
    shippingAddress: {
      name: '山田 太郎',
      addressLine1: '1-2-3',
      city: '渋谷区',
      stateOrRegion: '東京都',
      postalCode: '150-0002',
      countryCode: 'JP',
      phone: '090-1234-5678',
    },
    items: [
      {
        sku: 'JP-TEA-001',
        title: '静岡県産 深蒸し煎茶 100g',
        quantity: 2,
        unitPrice: { amount: '1280', currencyCode: 'JPY' },
        shippingPrice: { amount: '350', currencyCode: 'JPY' },
      },
    ],
    paymentMethod: 'Other',
    paymentVerified: true,
  });
}

export type Burst = {
  /** amazonOrderId → performance.now() when its 201 arrived (the order was committed before). */
  committedAt: Map<string, number>;
  failed: number;
  firstAt: number;
  lastAt: number;
};

/** POSTs `count` orders with `connections` concurrent clients, as fast as the API answers. */
export async function postOrders(
  apiUrl: string,
  apiKey: string,
  sellerId: string,
  count: number,
  connections: number,
): Promise<Burst> {
  const body = orderBody(sellerId);
  const committedAt = new Map<string, number>();
  let next = 0;
  let failed = 0;
  const firstAt = performance.now();
  const client = async () => {
    while (next < count) {
      next++;
      const res = await fetch(`${apiUrl}/marketplace/v1/orders`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': crypto.randomUUID(),
        },
        body,
      }).catch(() => null);
      const json = res ? ((await res.json().catch(() => null)) as { amazonOrderId?: string } | null) : null;
      if (res?.status === 201 && json?.amazonOrderId) committedAt.set(json.amazonOrderId, performance.now());
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  return { committedAt, failed, firstAt, lastAt: performance.now() };
}

// --- the baseline: bare nodemailer, pooled, in a process of its own -----------------------------

export type BaselineResult = { sent: number; failed: number; ms: number; perSec: number };

/** Runs bench/notifications-smtp-baseline.ts in a child process (as the worker is one). */
export async function runBaseline(o: {
  port: number;
  count: number;
  pool: number;
  bytes: number;
}): Promise<BaselineResult> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'bench/notifications-smtp-baseline.ts'),
      String(o.port),
      String(o.count),
      String(o.pool),
      String(o.bytes),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  procs.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  procs.delete(child);
  if (code !== 0) throw new Error(`baseline failed (${code}): ${out}`);
  return JSON.parse(out.trim().split('\n').at(-1) as string) as BaselineResult;
}

export { log };
