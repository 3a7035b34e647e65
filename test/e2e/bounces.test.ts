// NTF-7 bounces end to end: an Order notification leaves through a real SMTP server with its own
// return address; a remote MTA's delivery status notification sent to that address over SMTP to
// Mercato's inbound bounce server marks the address failed (alert with the reason), nothing more
// is sent to it, and the seller's reset clears the alert and re-sends what was missed, once.
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryIdFromReturnAddress } from '../../src/modules/notifications/bounce-address.ts';
import { type BounceServer, startBounceServer } from '../../src/modules/notifications/index.ts';
import { deliveries } from '../../src/modules/notifications/notifications.tables.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createSmtpMailer } from '../../src/platform/mail/mailer.ts';
import { DSN_SAMPLES, dsnMessage } from '../support/dsn-samples.ts';
import { createSeller, operatorKey, placeOrder, type TestSeller } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let outgoing: SMTPServer;
let bounces: BounceServer;
let t: TestApp;
let key: string;

const sample = (name: string) => {
  const s = DSN_SAMPLES.find((x) => x.name.startsWith(name));
  if (!s) throw new Error(`no DSN sample ${name}`);
  return s.status;
};

beforeAll(async () => {
  outgoing = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => outgoing.listen(0, '127.0.0.1', () => r()));
  const port = (outgoing.server.address() as AddressInfo).port;
  t = await startTestApp({
    mailer: createSmtpMailer(`smtp://127.0.0.1:${port}`, 2, 'Mercato <no-reply@mercato.test>'),
    env: { MERCATO_INBOUND_SMTP_PORT: '0', MAIL_FROM: 'Mercato <no-reply@shop-notices.test>' },
  });
  key = await operatorKey(t);
  const cfg = t.services.config.inboundSmtp;
  // The same wiring as src/main/server.ts.
  bounces = await startBounceServer({
    port: cfg.port ?? 0,
    host: '127.0.0.1',
    domain: cfg.bounceDomain,
    log: createLogger('silent'),
    recordBounce: (deliveryId, b) => t.services.notifications.recordBounce(deliveryId, b),
  });
});
afterAll(async () => {
  await bounces?.close();
  await t?.close();
  await new Promise<void>((r) => outgoing.close(() => r()));
});

async function waitFor<T>(what: string, f: () => Promise<T | undefined | false>, ms = 15000): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const mailsTo = (address: string) => received.filter((m) => m.to.includes(address));

/** A remote MTA returning a DSN to a return address (null reverse path). */
async function bounce(to: string, status: string) {
  const remote = nodemailer.createTransport({
    host: '127.0.0.1',
    port: bounces.port,
    secure: false,
    ignoreTLS: true,
  });
  try {
    return await remote.sendMail({ envelope: { from: '', to }, raw: dsnMessage({ to, status }) });
  } finally {
    remote.close();
  }
}

async function deliveriesTo(s: TestSeller, address: string) {
  return t.services.database.db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.sellerId, s.sellerId), eq(deliveries.address, address)))
    .orderBy(deliveries.createdAt, deliveries.id);
}

/** Waits until the pipeline is idle: events fanned out and no delivery due now. */
async function settle() {
  await waitFor('fan-out', async () => (await t.services.notifications.countUnprocessedEvents()) === 0);
  await waitFor('sends', async () => {
    const rows = await t.services.database.db
      .select({ state: deliveries.state, next: deliveries.nextAttemptAt })
      .from(deliveries);
    return rows.every((r) => r.state !== 'sending' && !(r.state === 'pending' && r.next <= t.clock.now()));
  });
}

describe('bounces at the per-delivery return address (NTF-7)', () => {
  it('uses the configured bounce domain for the return address of each email', async () => {
    expect(t.services.config.inboundSmtp.bounceDomain).toBe('shop-notices.test');
    const s = await createSeller(t);
    const order = await placeOrder(t, key, s);
    const mail = await waitFor('order email', async () => mailsTo(s.email)[0]);
    expect(mail.raw).toContain(order.amazonOrderId);
    await settle();
    const id = deliveryIdFromReturnAddress(mail.from, 'shop-notices.test');
    expect(id).not.toBeNull();
    const [row] = await deliveriesTo(s, s.email);
    expect(row?.id).toBe(id);
    expect(row?.state).toBe('sent');
  });

  it('a mailbox-full DSN marks the address failed; nothing more goes to it; reset re-sends the missed one once', async () => {
    const s = await createSeller(t);
    const first = await placeOrder(t, key, s);
    const mail = await waitFor('order email', async () => mailsTo(s.email)[0]);
    expect(mail.raw).toContain(first.amazonOrderId);
    await settle();

    // The remote MTA accepted it, then gave up: its DSN reaches the inbound server later.
    const info = await bounce(mail.from, sample('Gmail: over quota'));
    expect(info.accepted).toEqual([mail.from]);
    const alerts = await waitFor('the alert', async () => {
      const a = await t.services.notifications.failedAddressAlerts(s.sellerId);
      return a.length > 0 && a;
    });
    expect(alerts).toMatchObject([{ channel: 'email', address: s.email, reason: 'mailbox_full' }]);
    expect(alerts[0]?.evidence).toContain(
      '552 5.2.2 The email account that you tried to reach is over quota',
    );

    // Nothing more is sent to the failed address.
    const missed = await placeOrder(t, key, s);
    await settle();
    expect(mailsTo(s.email)).toHaveLength(1);
    const rows = await deliveriesTo(s, s.email);
    expect(rows.map((r) => r.state)).toContain('skipped');

    // The seller's reset clears the alert and re-sends what the seller missed, each once: the
    // bounced email (it never arrived) and the one skipped while the address was failed.
    await t.services.notifications.resetFailedAddress(s.sellerId, 'email', s.email);
    await waitFor('the missed emails', async () => mailsTo(s.email).length >= 3);
    await settle();
    const resent = mailsTo(s.email).slice(1);
    expect(resent).toHaveLength(2);
    for (const o of [first, missed])
      expect(resent.filter((m) => m.raw.includes(o.amazonOrderId))).toHaveLength(1);
    expect(await t.services.notifications.failedAddressAlerts(s.sellerId)).toEqual([]);
  });

  it('a delayed DSN and an auto-reply change nothing; a bounce for an unknown delivery is dropped', async () => {
    const s = await createSeller(t);
    await placeOrder(t, key, s);
    const mail = await waitFor('order email', async () => mailsTo(s.email)[0]);
    await bounce(mail.from, sample('Postfix: still trying'));
    const unknown = `bounce+dlv_01JUNKNOWN00000000000000000@${t.services.config.inboundSmtp.bounceDomain}`;
    expect((await bounce(unknown, sample('Postfix: user unknown'))).accepted).toEqual([unknown]);
    expect(await t.services.notifications.failedAddressAlerts(s.sellerId)).toEqual([]);
  });

  it('refuses mail for any other recipient at RCPT with 550', async () => {
    const to = `orders@${t.services.config.inboundSmtp.bounceDomain}`;
    const err = (await bounce(to, sample('Postfix: user unknown')).catch((e: unknown) => e)) as {
      responseCode?: number;
    };
    expect(err.responseCode).toBe(550);
  });
});
