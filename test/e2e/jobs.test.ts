// Jobs: enqueued in the transaction of their cause, retried with backoff, and ending in a
// visible failed state, never silently lost. Mail: a real SMTP server receives the buyer email.
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/platform/mail/mailer.ts';
import { createSeller, operatorKey, placeOrder, type TestSeller } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

type Received = { to: string[]; raw: string };
let received: Received[] = [];
/** Per-recipient answer of the SMTP server: a 4xx/5xx code to reject with, or accept. */
const rejectWith = new Map<string, number>();
let smtp: SMTPServer;
let smtpPort: number;

let t: TestApp;
let seller: TestSeller;
let key: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      const code = rejectWith.get(address.address);
      if (!code) return cb();
      const err = Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), {
        responseCode: code,
      });
      cb(err);
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  t = await startTestApp({
    mailer: createSmtpMailer(`smtp://127.0.0.1:${smtpPort}`, 2, 'Mercato <no-reply@mercato.test>'),
  });
  seller = await createSeller(t);
  key = await operatorKey(t);
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

async function shipWholeOrder(buyerEmail: string) {
  const o = await placeOrder(t, key, seller, { buyer: { name: 'Hanako', email: buyerEmail } });
  const order = await t.services.orders.getOrder(seller.sellerId, o.amazonOrderId);
  const items = await t.services.orders.repo.itemsOf(seller.sellerId, [order.id]);
  await t.services.orders.confirmShipment({
    sellerId: seller.sellerId,
    amazonOrderId: o.amazonOrderId,
    carrierCode: 'Yamato Transport',
    trackingNumber: '4455-6677-8899',
    shipDate: t.clock.now(),
    items: items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
    source: 'web',
    actor: { kind: 'seller', id: 'test' },
  });
  return order;
}

async function jobStates(name: string): Promise<string[]> {
  const res = (await t.services.database.db.execute(
    sql`select state from pgboss.job where name = ${name} order by created_on`,
  )) as unknown as {
    rows: { state: string }[];
  };
  return res.rows.map((r) => r.state);
}

async function waitFor(check: () => Promise<boolean>, ms = 15000) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in time');
}

describe('buyer shipment email over real SMTP', () => {
  it('delivers the email with the tracking number to the buyer', async () => {
    received = [];
    await shipWholeOrder('hanako@example.com');
    await t.services.jobs.drain();
    const mail = received.find((m) => m.to.includes('hanako@example.com'));
    expect(mail?.raw).toContain('4455-6677-8899');
    expect(mail?.raw).toMatch(/Subject: =\?UTF-8\?/); // Japanese subject, MIME-encoded
  });

  it('retries a temporary rejection (4xx) instead of dropping the email', async () => {
    rejectWith.set('later@example.com', 451);
    await shipWholeOrder('later@example.com');
    await waitFor(async () => (await jobStates('orders.buyer-shipment-email')).includes('retry'));
    rejectWith.delete('later@example.com');
  });

  it('does not retry a permanent rejection (5xx) and records it on the order', async () => {
    rejectWith.set('gone@example.com', 550);
    const order = await shipWholeOrder('gone@example.com');
    await waitFor(async () =>
      (await t.services.orders.repo.eventsOf(seller.sellerId, order.id)).some(
        (e) => e.kind === 'buyer_email_failed',
      ),
    );
    expect(received.some((m) => m.to.includes('gone@example.com'))).toBe(false);
  });
});

describe('job queue', () => {
  it('retries a failing job with backoff until it succeeds', async () => {
    await t.services.jobs.defineNow({ name: 'test.flaky', retryLimit: 3, retryDelaySeconds: 1 });
    const attempts: number[] = [];
    await t.services.jobs.work<{ n: number }>('test.flaky', async (_data, meta) => {
      attempts.push(performance.now());
      if (meta.retryCount < 2) throw new Error(`flaky attempt ${meta.retryCount}`);
    });
    await t.services.jobs.send(t.services.database.db, 'test.flaky', { n: 1 });
    await waitFor(async () => (await jobStates('test.flaky')).includes('completed'), 20000);
    expect(attempts).toHaveLength(3);
    // Backoff: each retry waited at least about the retry delay.
    expect((attempts[1] ?? 0) - (attempts[0] ?? 0)).toBeGreaterThan(500);
  });

  it('ends a job that keeps failing in a visible failed state', async () => {
    await t.services.jobs.defineNow({ name: 'test.broken', retryLimit: 1, retryDelaySeconds: 1 });
    await t.services.jobs.work('test.broken', async () => {
      throw new Error('the carrier API is down');
    });
    await t.services.jobs.send(t.services.database.db, 'test.broken', {});
    await waitFor(async () => (await jobStates('test.broken')).includes('failed'), 20000);
    const failed = await t.services.jobs.failedJobs();
    expect(failed.find((f) => f.name === 'test.broken')).toMatchObject({
      error: 'the carrier API is down',
      retryCount: 1,
    });
    const stats = await t.services.jobs.stats();
    expect(stats.find((s) => s.name === 'test.broken')?.failed).toBe(1);
  });

  it('creates no job when the transaction that enqueued it rolls back', async () => {
    await t.services.jobs.defineNow({ name: 'test.outbox' });
    await expect(
      t.services.database.db.transaction(async (tx) => {
        await t.services.jobs.send(tx, 'test.outbox', { n: 1 });
        throw new Error('the order insert failed');
      }),
    ).rejects.toThrow('the order insert failed');
    await t.services.database.db.transaction(async (tx) => {
      await t.services.jobs.send(tx, 'test.outbox', { n: 2 });
    });
    expect(await jobStates('test.outbox')).toHaveLength(1);
  });
});
