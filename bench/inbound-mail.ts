// The inbound mail path under load (issue 5: "SMTP accept → stored → forwarded at 200 messages/s
// without loss"; MSG-3/4):
//
//   npx tsx bench/inbound-mail.ts [--db postgres|pglite] [--rate 200] [--duration 30] [--runs 3]
//                                 [--connections 8] [--workers all|forwarding] [--smtp-pool 5]
//
// This process is Mercato: a fresh database (a scratch PostgreSQL database, or an embedded PGlite
// folder; both removed at the end), the real services (buildServices), the real inbound SMTP
// server on port 0 with the bounce and relay routes (as src/main/server.ts wires them) and the
// background workers (`--workers all`, what `mercato worker` runs: the forwarding outbox, the
// notification pipeline that mails `messages.new` to the seller, sweeps; `forwarding` starts only
// the forwarding loop). Seeded: one Japanese seller with a verified Customer Service Reply-to
// address and one order per buyer, so each buyer has a relay alias of the seller (MSG-4).
//
// A child process is the outside world (it does not share this process's event loop): a pooled
// nodemailer client (`--connections`) that offers the mail open-loop — message i is due at
// t0 + i/rate whatever happened to the earlier ones — and an SMTP sink (smtp-server) that Mercato's
// mailer forwards to. Each mail is from a buyer's own address to the seller's alias, 300–1,000
// characters of plain text with the quoted history of a mail client, the order id in the subject,
// and a Message-ID `<bench-r<run>-<seq>@mail.example>` (stored as messages.email_message_id). A
// forwarded mail carries Mercato's Message-ID `<messageId@relay.…>`, so each sink receipt joins to
// its stored row and from there to the send time of the original (one clock: the child's).
//
// Per run (median of `--runs`, each run with buyers of its own so the per-sender hourly limit
// never applies): baseline first, the same child and client against a bare smtp-server in this
// process that only accepts (paced at the same rate and count → accept p50/p99; then 2,000
// messages queued at once → the client's maximum rate), then the real path. Measured: accepted
// (250), refused (by code), stored (rows), forwarded (sink receipts at the Customer Service
// address, and forward_status = 'sent'), lost (accepted without a row; stored but never
// forwarded after draining), duplicates, accept latency (250 − due time), accept → forwarded
// (sink receipt − due time), achieved rates, CPU of Mercato / PostgreSQL / the client per message.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, like, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import {
  argValue,
  createPgDatabase,
  deadline,
  fmt,
  dropPgDatabase,
  loadavg,
  log,
  machine,
  percentile,
  postgresCpuMs,
  RUN_ID,
  seededRandom,
  sleep,
  summary,
  writeResult,
} from './lib.ts';

const JP = 'A1VC38T7YXB528';
const CS = 'cs@kyoto-tea.example';
/** Messages per buyer per run: under the marketplace's 20 per sender per hour (post-message.ts). */
const PER_BUYER = 15;
const MAX_RATE_COUNT = 2000;

// ------------------------------------------------------------------------------------------------
// The child: client + sink. Commands over the IPC channel, one answer each.
// ------------------------------------------------------------------------------------------------

type Mail = { seq: number; from: string; to: string; subject: string; text: string; messageId: string };
type SendRecord = { seq: number; due: number; started: number; done: number; code: number; error?: string };
type Receipt = { relayId: string | null; to: string[]; at: number; bytes: number };
type ClientCommand =
  | { cmd: 'sink' }
  | { cmd: 'send'; port: number; rate: number; connections: number; mails: Mail[] }
  | { cmd: 'receipts' }
  | { cmd: 'cpu' }
  | { cmd: 'exit' };

async function clientMain() {
  const nodemailer = (await import('nodemailer')).default;
  let receipts: Receipt[] = [];
  let sinkPort = 0;
  const reply = (m: unknown) => process.send?.(m);

  async function startSink() {
    const sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      maxClients: 200,
      onData(stream, session, callback) {
        let head = '';
        let bytes = 0;
        stream.on('data', (c: Buffer) => {
          bytes += c.length;
          if (head.length < 16_384 && !head.includes('\r\n\r\n')) head += c.toString('latin1');
        });
        stream.on('end', () => {
          const id = /^Message-ID:\s*<([^>@\s]+)@relay\./im.exec(head.split('\r\n\r\n')[0] ?? '');
          receipts.push({
            relayId: id ? (id[1] as string) : null,
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            at: performance.now(),
            bytes,
          });
          callback();
        });
      },
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
    return (sink.server.address() as AddressInfo).port;
  }

  async function send(c: Extract<ClientCommand, { cmd: 'send' }>): Promise<SendRecord[]> {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: c.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: c.connections,
      maxMessages: Number.POSITIVE_INFINITY,
    });
    const out: SendRecord[] = [];
    const pending: Promise<void>[] = [];
    const t0 = performance.now() + 50;
    const fire = (m: Mail, due: number) => {
      const started = performance.now();
      pending.push(
        transport
          .sendMail({
            envelope: { from: m.from, to: m.to },
            from: m.from,
            to: m.to,
            subject: m.subject,
            text: m.text,
            messageId: m.messageId,
            date: new Date(),
          })
          .then(
            () => {
              out.push({ seq: m.seq, due, started, done: performance.now(), code: 250 });
            },
            (e: { responseCode?: number; response?: string; message?: string }) => {
              out.push({
                seq: m.seq,
                due,
                started,
                done: performance.now(),
                code: e.responseCode ?? 0,
                error: (e.response ?? e.message ?? '').slice(0, 200),
              });
            },
          ),
      );
    };
    if (c.rate <= 0) {
      // As fast as the pool goes: everything queued at once.
      for (const m of c.mails) fire(m, t0);
    } else {
      // Open loop: each message at its due time, however the earlier ones fare.
      const gap = 1000 / c.rate;
      let i = 0;
      while (i < c.mails.length) {
        const now = performance.now();
        while (i < c.mails.length && t0 + i * gap <= now) {
          fire(c.mails[i] as Mail, t0 + i * gap);
          i++;
        }
        const next = t0 + i * gap - performance.now();
        await sleep(Math.max(0, Math.min(next, 5)));
      }
    }
    await Promise.all(pending);
    transport.close();
    return out;
  }

  process.on('message', (msg: ClientCommand) => {
    (async () => {
      if (msg.cmd === 'sink') {
        sinkPort = sinkPort || (await startSink());
        reply({ port: sinkPort });
      } else if (msg.cmd === 'send') reply({ sends: await send(msg) });
      else if (msg.cmd === 'receipts') {
        reply({ receipts });
        receipts = [];
      } else if (msg.cmd === 'cpu') {
        const u = process.cpuUsage();
        reply({ cpuMs: (u.user + u.system) / 1000 });
      } else process.exit(0);
    })().catch((err: Error) => reply({ error: err.stack ?? err.message }));
  });
  reply({ ready: true });
}

// ------------------------------------------------------------------------------------------------
// The mail a buyer writes: new text + the quoted history their mail client adds.
// ------------------------------------------------------------------------------------------------

const BUYER_LINES = [
  'Hello, I ordered the deep-steamed sencha last week and wanted to ask when it will be shipped.',
  'The tracking page has not changed for three days, is the parcel still with the carrier?',
  'Could you tell me whether the tea cups are wrapped separately? It is a present for my mother.',
  'こんにちは。先週注文した煎茶について質問があります。',
  '配送予定日を教えていただけますか。週末は不在にしております。',
  'ギフト用の包装は可能でしょうか。のし紙もお願いできれば助かります。',
  'The package arrived today, but one of the cups has a small crack near the handle.',
  'Would it be possible to exchange it, or should I request a return through my account?',
  'Also, is the matcha from this year’s first harvest or from last year?',
  '届いた商品の箱が少し潰れていましたが、中身は無事でした。念のためご連絡いたします。',
  'Thank you in advance for your help, and for the lovely handwritten note last time.',
  '追加で同じ煎茶をもう二袋購入したいのですが、まとめて発送していただけますか。',
];
const SELLER_LINES = [
  'Thank you for your order. Your tea will be packed fresh and shipped within two business days.',
  'ご注文ありがとうございます。商品は二営業日以内に発送いたします。',
  'We ship with Yamato Transport; the tracking number appears in your order once it leaves our shop.',
  'If anything arrives damaged, please let us know and we will make it right at once.',
  '今後ともどうぞよろしくお願いいたします。京都茶舗',
];

function compose(rand: () => number, lines: string[], min: number, max: number): string {
  let s = '';
  while (s.length < min) {
    const next = lines[Math.floor(rand() * lines.length)] as string;
    if (s.length + next.length + 1 > max && s.length > 0) break;
    s += (s ? (rand() < 0.3 ? '\n\n' : ' ') : '') + next;
  }
  return s;
}

type Pair = { buyerEmail: string; sellerAlias: string; amazonOrderId: string; buyerName: string };

function mailsFor(run: number, pairs: Pair[], count: number): Mail[] {
  const rand = seededRandom(1000 + run);
  const out: Mail[] = [];
  for (let seq = 0; seq < count; seq++) {
    const p = pairs[seq % pairs.length] as Pair;
    const fresh = compose(rand, BUYER_LINES, 150 + Math.floor(rand() * 250), 480);
    const quoted = compose(rand, SELLER_LINES, 150 + Math.floor(rand() * 300), 500)
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n');
    out.push({
      seq,
      from: p.buyerEmail,
      to: p.sellerAlias,
      subject: `Re: Your order ${p.amazonOrderId}`,
      text: `${fresh}\n\n${p.buyerName}\n\nOn Fri, Nov 20, 2026 at 10:00 AM Kyoto Tea Shop via Mercato.jp <${p.sellerAlias}> wrote:\n${quoted}\n`,
      messageId: `<bench-r${run}-${seq}@mail.example>`,
    });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// The benchmark.
// ------------------------------------------------------------------------------------------------

type Client = {
  ask<T>(c: ClientCommand): Promise<T>;
  exit(): void;
  pid: number;
};

async function startClient(): Promise<Client> {
  const child = fork(fileURLToPath(import.meta.url), ['--client'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  process.on('exit', () => child.kill('SIGKILL'));
  let waiting: ((m: unknown) => void) | null = null;
  const ready = new Promise<void>((resolve) => {
    waiting = () => resolve();
  });
  child.on('message', (m: unknown) => {
    const w = waiting;
    waiting = null;
    w?.(m);
  });
  child.once('exit', (code) => {
    if (code !== 0) log(`client exited (${code})`);
  });
  await ready;
  return {
    pid: child.pid ?? 0,
    exit: () => child.send({ cmd: 'exit' }),
    ask<T>(c: ClientCommand) {
      return new Promise<T>((resolve, reject) => {
        waiting = (m) => {
          const e = (m as { error?: string }).error;
          if (e) reject(new Error(e));
          else resolve(m as T);
        };
        child.send(c);
      });
    },
  };
}

/** A bare SMTP server that only accepts (the baseline), in this process as Mercato's server is. */
async function bareServer() {
  const s = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return {
    port: (s.server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => s.close(() => r())),
  };
}

const p = (xs: number[], q: number) => (xs.length ? Math.round(percentile(xs, q)) : null);
const perSec = (n: number, ms: number) => (ms > 0 ? Math.round((n / ms) * 1000) : 0);

async function main() {
  const DB = argValue('db', 'postgres') as 'postgres' | 'pglite';
  const RATE = Number(argValue('rate', '200'));
  const DURATION = Number(argValue('duration', '30'));
  const RUNS = Number(argValue('runs', '3'));
  const CONNECTIONS = Number(argValue('connections', '8'));
  const WORKERS = argValue('workers', 'all') as 'all' | 'forwarding';
  const SMTP_POOL = argValue('smtp-pool', '5');
  const SQL_LOG = process.argv.includes('--sql-log');
  const COUNT = Math.round(RATE * DURATION);
  const buyersPerRun = Math.ceil(COUNT / PER_BUYER);
  const dbName = `mercato_bench_mail_${RUN_ID}`;
  const dataDir = DB === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'mercato-bench-mail-')) : '';
  const cleanup = async () => {
    if (DB === 'postgres') await dropPgDatabase(dbName);
    else rmSync(dataDir, { recursive: true, force: true });
  };
  deadline(20 + (RUNS * (DURATION * 3 + 300)) / 60, cleanup);

  const info = await machine();
  const client = await startClient();
  const { port: sinkPort } = await client.ask<{ port: number }>({ cmd: 'sink' });

  const { loadConfig } = await import('../src/platform/config.ts');
  const { buildServices } = await import('../src/main/dependencies.ts');
  const { createHttpApp } = await import('../src/main/http-app.ts');
  const { createLogger } = await import('../src/platform/logger.ts');
  const { startInboundSmtp } = await import('../src/platform/mail/inbound-smtp.ts');
  const { inboundMaxBytes } = await import('../src/modules/messaging/index.ts');
  const { bounceRoute } = await import('../src/modules/notifications/index.ts');
  const { messages } = await import('../src/modules/messaging/messaging.tables.ts');

  const url = DB === 'postgres' ? await createPgDatabase(dbName) : undefined;
  const config = loadConfig({
    MERCATO_MODE: 'sandbox',
    ...(url ? { DATABASE_URL: url } : { MERCATO_DATA_DIR: dataDir }),
    SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
    SMTP_POOL_SIZE: SMTP_POOL,
    SPAPI_RATE_LIMITS: 'off',
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger('warn');
  // --sql-log: every Drizzle statement counted by its text (PostgreSQL only), per run.
  const statements = new Map<string, number>();
  let countSql = false;
  let ownDatabase: import('../src/platform/db/database.ts').Database | undefined;
  if (SQL_LOG && url) {
    const pg = (await import('pg')).default;
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({
      connectionString: url,
      max: config.database.kind === 'postgres' ? config.database.poolSize : 20,
    });
    const logQuery = (text: string) => {
      if (!countSql) return;
      const k = text.replace(/\s+/g, ' ').slice(0, 110);
      statements.set(k, (statements.get(k) ?? 0) + 1);
    };
    ownDatabase = {
      kind: 'postgres',
      db: drizzle({ client: pool, logger: { logQuery } }) as never,
      pool,
      close: () => pool.end(),
    };
  }
  const services = await buildServices(config, { logger, ...(ownDatabase ? { database: ownDatabase } : {}) });
  const db = services.database.db;
  const app = createHttpApp(services, { isReady: () => true, cliToken: 'bench' });
  let inbound: { port: number; close(): Promise<void> } | undefined;
  const runs: Record<string, unknown>[] = [];
  try {
    // --- seed ------------------------------------------------------------------------------------
    const tSeed = performance.now();
    const seller = await services.marketplaces.createSeller({
      marketplaceId: JP,
      name: 'Kyoto Tea Shop',
      sellingPlan: 'Professional',
    });
    await services.identity.createUser({
      email: 'owner@kyoto-tea.example',
      password: 'correct horse battery staple',
      name: 'Owner',
      role: 'seller',
      sellerId: seller.id,
      language: 'en',
    });
    await services.marketplaces.setCustomerServiceEmail(seller.id, CS, services.clock.now());
    const key = (await services.identity.createOperatorKey('bench')).key;
    const totalBuyers = buyersPerRun * RUNS;
    const pairs: Pair[] = new Array(totalBuyers);
    let next = 0;
    const placer = async () => {
      while (next < totalBuyers) {
        const i = next++;
        const buyerName = `Buyer ${i}`;
        const res = await app.request('/marketplace/v1/orders', {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            marketplaceId: JP,
            sellerId: seller.id,
            buyer: { name: buyerName, email: `buyer${i}@mail.example` },
            shippingAddress: {
              name: buyerName,
              addressLine1: '1-2-3 Shibuya',
              city: 'Shibuya-ku',
              stateOrRegion: 'Tokyo',
              postalCode: '150-0002',
              countryCode: 'JP',
              phone: '090-1234-5678',
            },
            items: [
              {
                sku: 'JP-TEA-001',
                title: 'Deep-steamed sencha 100g',
                quantity: 2,
                unitPrice: { amount: '1280', currencyCode: 'JPY' },
                shippingPrice: { amount: '350', currencyCode: 'JPY' },
              },
            ],
            paymentMethod: 'Other',
            paymentVerified: true,
          }),
        });
        const body = (await res.json()) as { amazonOrderId?: string };
        if (res.status !== 201 || !body.amazonOrderId)
          throw new Error(`order ${i}: ${res.status} ${JSON.stringify(body)}`);
        const ctx = await services.messaging.orderContext(seller.id, body.amazonOrderId);
        const a = await services.messaging.relayAddressesFor(seller.id, ctx.buyerId);
        pairs[i] = {
          buyerEmail: ctx.buyerEmail,
          sellerAlias: a.sellerAlias,
          amazonOrderId: body.amazonOrderId,
          buyerName,
        };
      }
    };
    await Promise.all(Array.from({ length: DB === 'pglite' ? 1 : 8 }, placer));
    const seedMs = performance.now() - tSeed;
    log(`seeded ${totalBuyers} buyers with an order each in ${(seedMs / 1000).toFixed(1)} s`);

    inbound = await startInboundSmtp({
      port: 0,
      host: '127.0.0.1',
      log: logger,
      maxBytes: await inboundMaxBytes(services.marketplaces),
      routes: [
        bounceRoute({
          domain: config.inboundSmtp.bounceDomain,
          log: logger,
          recordBounce: (deliveryId, b) => services.notifications.recordBounce(deliveryId, b),
        }),
        services.mailRelay.route,
      ],
    });
    if (WORKERS === 'all') await services.startWorkers();
    else services.mailRelay.forwarding.start();
    // The seeded orders' own notifications go out first; the runs start on a quiet pipeline.
    await sleep(3000);
    for (let quiet = 0, last = -1; quiet < 3; ) {
      await sleep(1000);
      const n = (await client.ask<{ receipts: Receipt[] }>({ cmd: 'receipts' })).receipts.length;
      quiet = n === 0 && last === 0 ? quiet + 1 : 0;
      last = n;
    }

    // --- runs --------------------------------------------------------------------------------------
    for (let run = 0; run < RUNS; run++) {
      const mails = mailsFor(run, pairs.slice(run * buyersPerRun, (run + 1) * buyersPerRun), COUNT);
      const load0 = loadavg();

      // Baseline: the same client and mail against a server that only accepts.
      const bare = await bareServer();
      const baseSends = (
        await client.ask<{ sends: SendRecord[] }>({
          cmd: 'send',
          port: bare.port,
          rate: RATE,
          connections: CONNECTIONS,
          mails,
        })
      ).sends;
      const maxSends = (
        await client.ask<{ sends: SendRecord[] }>({
          cmd: 'send',
          port: bare.port,
          rate: 0,
          connections: CONNECTIONS,
          mails: mails.slice(0, MAX_RATE_COUNT),
        })
      ).sends;
      await bare.close();
      const baseOk = baseSends.filter((s) => s.code === 250);
      const baseline = {
        accepted: baseOk.length,
        acceptP50Ms: p(
          baseOk.map((s) => s.done - s.due),
          50,
        ),
        acceptP99Ms: p(
          baseOk.map((s) => s.done - s.due),
          99,
        ),
        acceptedPerSec: perSec(
          baseOk.length,
          Math.max(...baseOk.map((s) => s.done)) - Math.min(...baseSends.map((s) => s.due)),
        ),
        maxPerSec: perSec(
          maxSends.filter((s) => s.code === 250).length,
          Math.max(...maxSends.map((s) => s.done)) - Math.min(...maxSends.map((s) => s.started)),
        ),
      };
      log(
        `[run ${run + 1}] baseline (bare smtp-server): ${baseline.accepted}/${COUNT} at ${baseline.acceptedPerSec}/s, accept p50 ${baseline.acceptP50Ms} ms p99 ${baseline.acceptP99Ms} ms; max ${baseline.maxPerSec}/s`,
      );
      await client.ask({ cmd: 'receipts' });

      // The real path.
      const cpu0 = process.cpuUsage();
      const pg0 = DB === 'postgres' ? postgresCpuMs(dbName) : 0;
      const cc0 = (await client.ask<{ cpuMs: number }>({ cmd: 'cpu' })).cpuMs;
      statements.clear();
      countSql = true;
      const sends = (
        await client.ask<{ sends: SendRecord[] }>({
          cmd: 'send',
          port: inbound.port,
          rate: RATE,
          connections: CONNECTIONS,
          mails,
        })
      ).sends;
      const sentAt = performance.now();
      const likeRun = `<bench-r${run}-%`;
      const ofRun = and(eq(messages.sellerId, seller.id), like(messages.emailMessageId, likeRun));
      // Drain: until no message of the run waits to be forwarded (or 120 s without progress).
      let lastPending = -1;
      let lastChange = performance.now();
      for (;;) {
        const [row] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(messages)
          .where(and(ofRun, eq(messages.forwardStatus, 'pending')));
        const pending = Number(row?.n ?? 0);
        if (pending === 0) break;
        if (pending !== lastPending) {
          lastPending = pending;
          lastChange = performance.now();
        } else if (performance.now() - lastChange > 120_000) break;
        await sleep(250);
      }
      const drainedMs = performance.now() - sentAt;
      await sleep(2000); // the notification emails of the last messages
      const cpu = process.cpuUsage(cpu0);
      countSql = false;
      const pgCpu = DB === 'postgres' ? postgresCpuMs(dbName) - pg0 : null;
      const clientCpu = (await client.ask<{ cpuMs: number }>({ cmd: 'cpu' })).cpuMs - cc0;
      const receipts = (await client.ask<{ receipts: Receipt[] }>({ cmd: 'receipts' })).receipts;
      const rows = await db
        .select({
          id: messages.id,
          emailMessageId: messages.emailMessageId,
          forwardStatus: messages.forwardStatus,
          status: messages.status,
        })
        .from(messages)
        .where(ofRun);

      const seqOf = (emailMessageId: string | null) =>
        Number(/^<bench-r\d+-(\d+)@/.exec(emailMessageId ?? '')?.[1] ?? Number.NaN);
      const bySeq = new Map(sends.map((s) => [s.seq, s]));
      const rowById = new Map(rows.map((r) => [r.id, r]));
      const accepted = sends.filter((s) => s.code === 250);
      const refused: Record<string, number> = {};
      for (const s of sends)
        if (s.code !== 250) {
          const k = `${s.code} ${(s.error ?? '').slice(0, 60)}`;
          refused[k] = (refused[k] ?? 0) + 1;
        }
      const storedSeqs = new Set(rows.map((r) => seqOf(r.emailMessageId)));
      const acceptedNotStored = accepted.filter((s) => !storedSeqs.has(s.seq)).length;
      const forwardedReceipts = receipts.filter(
        (r) => r.to.includes(CS) && r.relayId && rowById.has(r.relayId),
      );
      const forwardedIds = new Set(forwardedReceipts.map((r) => r.relayId as string));
      const otherMail = receipts.length - forwardedReceipts.length;
      const fwdLatency: number[] = [];
      for (const r of forwardedReceipts) {
        const s = bySeq.get(seqOf(rowById.get(r.relayId as string)?.emailMessageId ?? null));
        if (s) fwdLatency.push(r.at - s.due);
      }
      const statusCounts: Record<string, number> = {};
      for (const r of rows) statusCounts[r.forwardStatus] = (statusCounts[r.forwardStatus] ?? 0) + 1;
      const t0 = Math.min(...sends.map((s) => s.due));
      const acceptLat = accepted.map((s) => s.done - s.due);
      const n = Math.max(1, accepted.length);
      const r = {
        run: run + 1,
        sqlPerMessage: null as number | null,
        loadavgBefore: load0,
        loadavgAfter: loadavg(),
        offered: COUNT,
        offeredPerSec: perSec(COUNT, Math.max(...sends.map((s) => s.due)) - t0 + 1000 / RATE),
        accepted: accepted.length,
        refused,
        stored: rows.length,
        storedBlocked: rows.filter((x) => x.status === 'blocked').length,
        forwarded: forwardedIds.size,
        forwardDuplicates: forwardedReceipts.length - forwardedIds.size,
        forwardStatus: statusCounts,
        lostAcceptedNotStored: acceptedNotStored,
        lostStoredNotForwarded: rows.filter((x) => !forwardedIds.has(x.id)).length,
        otherMailToSink: otherMail,
        acceptP50Ms: p(acceptLat, 50),
        acceptP99Ms: p(acceptLat, 99),
        acceptMaxMs: p(acceptLat, 100),
        forwardP50Ms: p(fwdLatency, 50),
        forwardP99Ms: p(fwdLatency, 99),
        acceptedPerSec: perSec(accepted.length, Math.max(...accepted.map((s) => s.done)) - t0),
        forwardedPerSec: perSec(
          forwardedReceipts.length,
          Math.max(...forwardedReceipts.map((x) => x.at)) - t0,
        ),
        drainAfterLastSendMs: Math.round(drainedMs),
        cpuMsPerMessage: {
          mercato: Number(((cpu.user + cpu.system) / 1000 / n).toFixed(2)),
          postgres: pgCpu === null ? null : Number((pgCpu / n).toFixed(2)),
          client: Number((clientCpu / n).toFixed(2)),
        },
        baseline,
      };
      runs.push(r);
      log(
        `[run ${run + 1}] mercato: offered ${COUNT} at ${r.offeredPerSec}/s; accepted ${r.accepted} (${r.acceptedPerSec}/s), refused ${COUNT - r.accepted}, stored ${r.stored}, forwarded ${r.forwarded} (${r.forwardedPerSec}/s), lost ${r.lostAcceptedNotStored}+${r.lostStoredNotForwarded}, dup ${r.forwardDuplicates}; accept p50 ${r.acceptP50Ms} p99 ${r.acceptP99Ms} ms; accept→forwarded p50 ${r.forwardP50Ms} p99 ${r.forwardP99Ms} ms; CPU/msg ${JSON.stringify(r.cpuMsPerMessage)}; load ${r.loadavgAfter.join(' ')}`,
      );
      if (Object.keys(refused).length) log(`  refused: ${JSON.stringify(refused)}`);
      if (SQL_LOG) {
        const total = [...statements.values()].reduce((a, b) => a + b, 0);
        log(`  SQL statements per accepted message: ${(total / n).toFixed(1)}`);
        for (const [k, v] of [...statements].sort((a, b) => b[1] - a[1]).slice(0, 40))
          log(`  ${(v / n).toFixed(2).padStart(6)}  ${k}`);
        r.sqlPerMessage = Number((total / n).toFixed(1));
      }
    }
  } finally {
    await inbound?.close();
    await services.close();
    await ownDatabase?.close();
    client.exit(); // the child exits without an answer
    await cleanup();
  }

  const col = (k: string, sub?: string) =>
    summary(
      runs.map((r) => {
        const v = sub ? (r[k] as Record<string, unknown>)[sub] : r[k];
        return typeof v === 'number' ? v : Number.NaN;
      }),
      0,
    );
  const result = {
    bench: 'inbound-mail',
    machine: { ...info, loadavgAtEnd: loadavg() },
    db: DB,
    rate: RATE,
    durationS: DURATION,
    connections: CONNECTIONS,
    workers: WORKERS,
    smtpPool: Number(SMTP_POOL),
    summary: {
      acceptedPerSec: col('acceptedPerSec'),
      forwardedPerSec: col('forwardedPerSec'),
      accepted: col('accepted'),
      stored: col('stored'),
      forwarded: col('forwarded'),
      lostAcceptedNotStored: col('lostAcceptedNotStored'),
      lostStoredNotForwarded: col('lostStoredNotForwarded'),
      acceptP50Ms: col('acceptP50Ms'),
      acceptP99Ms: col('acceptP99Ms'),
      forwardP50Ms: col('forwardP50Ms'),
      forwardP99Ms: col('forwardP99Ms'),
      baselineAcceptP50Ms: col('baseline', 'acceptP50Ms'),
      baselineAcceptP99Ms: col('baseline', 'acceptP99Ms'),
      baselineMaxPerSec: col('baseline', 'maxPerSec'),
    },
    runs,
  };
  const file = writeResult(`inbound-mail-${DB}`, result);
  const lines = Object.entries(result.summary).map(([k, v]) => `${k}: ${fmt(v)}`);
  process.stdout.write(`${lines.join('\n')}\nresult: ${file}\n`);
  process.exit(0);
}

if (process.argv.includes('--client')) await clientMain();
else await main();
