// Issue 4 pipeline against a REAL SMTP server (smtp-server): one Order notification email per
// order (NTF-4), nothing more after a permanent 5xx (NTF-7), 4xx retried with backoff then sent,
// and the seller's reset re-sends what was missed, each once (NTF-7, NTF-9).
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliveries,
  failedAddresses,
  notifications,
} from '../../src/modules/notifications/notifications.tables.ts';
import { createSmtpMailer } from '../../src/platform/mail/mailer.ts';
import { createSeller, operatorKey, placeOrder, type TestSeller, webLogin } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
/** RCPT attempts per address (to prove nothing was even tried after a permanent failure). */
const rcptAttempts = new Map<string, number>();
/** Per-recipient SMTP answer: [code, text] to reject with, or accept. */
const rejectWith = new Map<string, [number, string]>();
let smtp: SMTPServer;
let t: TestApp;
let key: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      rcptAttempts.set(address.address, (rcptAttempts.get(address.address) ?? 0) + 1);
      const r = rejectWith.get(address.address);
      if (!r) return cb();
      cb(Object.assign(new Error(r[1]), { responseCode: r[0] }));
    },
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
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await startTestApp({
    mailer: createSmtpMailer(`smtp://127.0.0.1:${port}`, 2, 'Mercato <no-reply@mercato.test>'),
  });
  key = await operatorKey(t);
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((r) => smtp.close(() => r()));
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

describe('Order notification email (NTF-4)', () => {
  it('sends one email per order with products, order id, shipping method, no reply address and the definitive-source line', async () => {
    const s = await createSeller(t);
    const a = await placeOrder(t, key, s);
    // Repeats of the cause are one event: payment completed again, the event published again.
    await t.services.orders.completePayment(a.amazonOrderId);
    await t.services.database.db.transaction((tx) =>
      t.services.notifications.publishEvent(tx, {
        sellerId: s.sellerId,
        type: 'order.new',
        dedupeKey: `order.new:${a.orderId}`,
        payload: { orderId: a.amazonOrderId },
      }),
    );
    const b = await placeOrder(t, key, s);
    await waitFor('two order emails', async () => mailsTo(s.email).length >= 2);
    await settle();
    const mails = mailsTo(s.email);
    expect(mails).toHaveLength(2);
    const mailA = mails.find((m) => m.raw.includes(a.amazonOrderId));
    expect(mailA).toBeDefined();
    expect(mails.find((m) => m.raw.includes(b.amazonOrderId))).toBeDefined();
    const parsed = await simpleParser((mailA as Received).raw);
    const raw = parsed.text ?? '';
    expect(parsed.html).toContain('Green tea 100g');
    expect(parsed.replyTo).toBeUndefined();
    expect(raw).toContain('SKU-A');
    expect(raw).toContain('Green tea 100g');
    expect(raw).toContain('Tea cup');
    expect(raw).toContain('Std JP D2D Dom');
    // The seller's language (a JP seller: ja), with the definitive-source line of NTF-4.
    expect(raw).toContain('注文管理および注文レポートが注文情報の正式な情報源です');
    expect(parsed.subject).toContain(a.amazonOrderId);
    expect((mailA as Received).raw).not.toMatch(/^Reply-To:/im);
    // VERP: the envelope sender names the delivery (NTF-7 bounces map back to it).
    const [d] = (await deliveriesTo(s, s.email)).filter((x) => x.notificationId && mailA?.raw.includes(x.id));
    expect((mailA as Received).from).toBe(`bounce+${d?.id}@mercato.local`);
    expect(d?.state).toBe('sent');
    expect(d?.attempts).toBe(1);
    // In-app list (NTF-10) holds both, severity info.
    const inApp = await t.services.notifications.listNotifications({ sellerId: s.sellerId, limit: 10 });
    expect(inApp.map((n) => n.type)).toEqual(['order.new', 'order.new']);
  });

  it('writes the event in the order transaction: a cancelled order also notifies once', async () => {
    const s = await createSeller(t);
    const o = await placeOrder(t, key, s);
    await settle();
    const log = await t.services.notifications.deliveryLog({ sellerId: s.sellerId, limit: 10 });
    expect(log.map((l) => l.notification.type)).toEqual(['order.new']);
    expect(log[0]?.notification.data.orderId).toBe(o.amazonOrderId);
  });
});

describe('Email delivery failure (NTF-7)', () => {
  it('after a 5xx nothing more is sent to the address; the alert shows; reset re-sends the missed ones once', async () => {
    const s = await createSeller(t);
    rejectWith.set(s.email, [550, '5.1.1 No such user']);
    const first = await placeOrder(t, key, s);
    await waitFor(
      'failed address',
      async () => (await t.services.notifications.failedAddressAlerts(s.sellerId))[0],
    );
    const alerts = await t.services.notifications.failedAddressAlerts(s.sellerId);
    expect(alerts).toMatchObject([{ channel: 'email', address: s.email, reason: 'unknown_mailbox' }]);
    expect(alerts[0]?.evidence).toContain('5.1.1');
    const triedBefore = rcptAttempts.get(s.email);
    expect(triedBefore).toBe(1);

    const second = await placeOrder(t, key, s);
    await settle();
    expect(rcptAttempts.get(s.email)).toBe(triedBefore); // not even tried
    const rows = await deliveriesTo(s, s.email);
    expect(rows.map((r) => [r.state, r.reason])).toEqual([
      ['failed', 'address_failed'],
      ['skipped', 'address_failed'],
    ]);
    // The in-app account.delivery_failure notification (critical) was raised, once.
    const critical = await t.services.notifications.listNotifications({
      sellerId: s.sellerId,
      severity: 'critical',
      limit: 10,
    });
    expect(critical.map((n) => n.type)).toEqual(['account.delivery_failure']);

    rejectWith.delete(s.email);
    const reset = await t.services.notifications.resetFailedAddress(s.sellerId, 'email', s.email);
    expect(reset.requeued).toBe(2);
    await waitFor('missed emails re-sent', async () => mailsTo(s.email).length >= 2);
    await settle();
    const mails = mailsTo(s.email);
    expect(mails).toHaveLength(2);
    expect(mails.filter((m) => m.raw.includes(first.amazonOrderId))).toHaveLength(1);
    expect(mails.filter((m) => m.raw.includes(second.amazonOrderId))).toHaveLength(1);
    expect(await t.services.notifications.failedAddressAlerts(s.sellerId)).toEqual([]);
    await expect(
      t.services.notifications.resetFailedAddress(s.sellerId, 'email', s.email),
    ).rejects.toMatchObject({
      code: 'FAILED_ADDRESS_NOT_FOUND',
    });
    // A later order goes out normally.
    await placeOrder(t, key, s);
    await waitFor('third email', async () => mailsTo(s.email).length >= 3);
  });

  it('retries a 4xx with backoff and sends once the server accepts', async () => {
    const s = await createSeller(t);
    rejectWith.set(s.email, [450, '4.7.1 Greylisted, try again later']);
    await placeOrder(t, key, s);
    const [pending] = await waitFor('first attempt', async () => {
      const r = await deliveriesTo(s, s.email);
      return r[0]?.attempts === 1 && r[0].state === 'pending' ? r : undefined;
    });
    expect(pending?.lastCode).toBe(450);
    expect(pending?.nextAttemptAt.getTime()).toBeGreaterThan(t.clock.now().getTime() + 50_000);
    rejectWith.delete(s.email);
    t.clock.advance(2 * 60_000);
    const [sent] = await waitFor('sent after retry', async () => {
      const r = await deliveriesTo(s, s.email);
      return r[0]?.state === 'sent' ? r : undefined;
    });
    expect(sent?.attempts).toBe(2);
    expect(mailsTo(s.email)).toHaveLength(1);
    expect(await t.services.notifications.failedAddressAlerts(s.sellerId)).toEqual([]);
  });

  it('temporary failures past the retry limit count as permanent (mailbox full)', async () => {
    const s = await createSeller(t);
    rejectWith.set(s.email, [452, '4.2.2 Mailbox over quota']);
    await placeOrder(t, key, s);
    for (let i = 0; i < 10; i++) {
      await settle();
      const [d] = await deliveriesTo(s, s.email);
      if (d?.state === 'failed') break;
      t.clock.advance(7 * 3_600_000);
    }
    const [d] = await deliveriesTo(s, s.email);
    expect(d?.state).toBe('failed');
    expect(d?.attempts).toBe(6);
    const [f] = await t.services.database.db
      .select()
      .from(failedAddresses)
      .where(eq(failedAddresses.sellerId, s.sellerId));
    expect(f).toMatchObject({ address: s.email, reason: 'mailbox_full' });
    expect(mailsTo(s.email)).toHaveLength(0);
    rejectWith.delete(s.email);
  });

  it('a bounce received later marks the address failed (recordBounce)', async () => {
    const s = await createSeller(t);
    await placeOrder(t, key, s);
    await waitFor('email', async () => mailsTo(s.email).length >= 1);
    await settle();
    const [d] = await deliveriesTo(s, s.email);
    expect(
      await t.services.notifications.recordBounce(d?.id as string, {
        code: 552,
        evidence: '552 5.2.2 Mailbox full',
      }),
    ).toBe(true);
    const alerts = await t.services.notifications.failedAddressAlerts(s.sellerId);
    expect(alerts).toMatchObject([{ address: s.email, reason: 'mailbox_full' }]);
    expect(await t.services.notifications.recordBounce('dlv_unknown', { evidence: '550 5.1.1' })).toBe(false);
    await settle();
    const n = await t.services.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.sellerId, s.sellerId));
    expect(n.map((x) => x.type).sort()).toEqual(['account.delivery_failure', 'order.new']);
  });
});

describe('Seller web API: in-app list, delivery log, home alert (NTF-7, NTF-8, NTF-10)', () => {
  it('filters by severity, type and read state, pages with a cursor, logs why a delivery was not sent, and shows the failed address on the home page', async () => {
    const s = await createSeller(t);
    const web = await webLogin(t, s.email);
    rejectWith.set(s.email, [550, '5.1.1 No such user']);
    await placeOrder(t, key, s);
    await waitFor('alert', async () => (await t.services.notifications.failedAddressAlerts(s.sellerId))[0]);
    await placeOrder(t, key, s);
    await settle();

    const all = await t.request('GET', '/api/notifications', { headers: web });
    expect(all.status).toBe(200);
    expect(all.json.notifications.map((n: { type: string }) => n.type).sort()).toEqual([
      'account.delivery_failure',
      'order.new',
      'order.new',
    ]);
    const critical = await t.request('GET', '/api/notifications?severity=critical', { headers: web });
    expect(critical.json.notifications).toHaveLength(1);
    expect(critical.json.notifications[0]).toMatchObject({
      type: 'account.delivery_failure',
      severity: 'critical',
      readAt: null,
      data: { address: s.email, reason: 'unknown_mailbox' },
    });
    const byType = await t.request('GET', '/api/notifications?type=order.new&limit=1', { headers: web });
    expect(byType.json.notifications).toHaveLength(1);
    const page2 = await t.request(
      'GET',
      `/api/notifications?type=order.new&limit=1&cursor=${byType.json.nextCursor}`,
      { headers: web },
    );
    expect(page2.json.notifications).toHaveLength(1);
    expect(page2.json.notifications[0].id).not.toBe(byType.json.notifications[0].id);
    expect(page2.json.nextCursor).toBeNull();

    const id = critical.json.notifications[0].id;
    const read = await t.request('POST', `/api/notifications/${id}/read`, { headers: web });
    expect(read.status).toBe(200);
    expect(read.json.notification.readAt).not.toBeNull();
    const unread = await t.request('GET', '/api/notifications?read=false', { headers: web });
    expect(unread.json.notifications.map((n: { id: string }) => n.id)).not.toContain(id);
    const missing = await t.request('POST', '/api/notifications/ntf_nope/read', { headers: web });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('NOTIFICATION_NOT_FOUND');
    const badCursor = await t.request('GET', '/api/notifications?cursor=zzz', { headers: web });
    expect(badCursor.status).toBe(400);
    expect(badCursor.json.error.code).toBe('INVALID_CURSOR');

    const log = await t.request('GET', '/api/notifications/deliveries?type=order.new', { headers: web });
    expect(log.status).toBe(200);
    const states = log.json.entries.map(
      (e: { deliveries: { state: string; reason: string; address: string }[] }) => [
        e.deliveries[0]?.state,
        e.deliveries[0]?.reason,
        e.deliveries[0]?.address,
      ],
    );
    expect(states).toEqual([
      ['skipped', 'address_failed', s.email],
      ['failed', 'address_failed', s.email],
    ]);

    const home = await t.request('GET', '/api/home', { headers: web });
    expect(home.json.alerts).toContainEqual(
      expect.objectContaining({
        code: 'EMAIL_DELIVERY_FAILED',
        severity: 'critical',
        params: { address: s.email, reason: 'unknown_mailbox' },
      }),
    );
    rejectWith.delete(s.email);
    await t.services.notifications.resetFailedAddress(s.sellerId, 'email', s.email);
    const after = await t.request('GET', '/api/home', { headers: web });
    expect(after.json.alerts.map((a: { code: string }) => a.code)).not.toContain('EMAIL_DELIVERY_FAILED');
    await settle();
  });

  it('refuses without a session', async () => {
    const r = await t.request('GET', '/api/notifications');
    expect(r.status).toBe(401);
  });
});
