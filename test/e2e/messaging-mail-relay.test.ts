// MSG-2/4/5 over real SMTP: a nodemailer client delivers to our inbound server (port 0) and a
// local smtp-server sink captures what Mercato forwards. Buyer replies by mail land in the order's
// thread and reach the seller's verified address with only aliases visible; seller replies by
// mail reach the buyer; quoted history is stripped; unknown aliases, wrong senders, malformed and
// oversized mail, bad attachment types and buyer links are refused; phishing is flagged; a
// seller's mail that breaks the policy is stored blocked and not forwarded; a redelivery is one
// message.
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.ts';
import { type InboundSmtpServer, startInboundSmtp } from '../../src/platform/mail/inbound-smtp.ts';
import { createSmtpMailer } from '../../src/platform/mail/mailer.ts';
import { messages } from '../../src/modules/messaging/messaging.tables.ts';
import { createSeller, operatorKey, placeOrder, type TestSeller } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const received: { to: string[]; raw: string }[] = [];
let sink: SMTPServer;
let inbound: InboundSmtpServer;
let client: Transporter;
let t: TestApp;
let seller: TestSeller;
let order: { amazonOrderId: string; orderId: string };
let buyerEmail: string;
let aliases: { buyerAlias: string; sellerAlias: string };
const CS = 'cs@kyoto-tea.example';

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
  const port = (sink.server.address() as AddressInfo).port;
  t = await startTestApp({
    mailer: createSmtpMailer(`smtp://127.0.0.1:${port}`, 2, 'Mercato <no-reply@mercato.test>'),
    workers: false,
  });
  seller = await createSeller(t, undefined, 'Kyoto Tea Shop');
  await t.services.marketplaces.setCustomerServiceEmail(seller.sellerId, CS, t.clock.now());
  const key = await operatorKey(t);
  order = await placeOrder(t, key, seller);
  const ctx = await t.services.messaging.orderContext(seller.sellerId, order.amazonOrderId);
  buyerEmail = ctx.buyerEmail;
  aliases = await t.services.messaging.relayAddressesFor(seller.sellerId, ctx.buyerId);
  inbound = await startInboundSmtp({
    port: 0,
    host: '127.0.0.1',
    log: createLogger('silent'),
    maxBytes: 2 * 1024 * 1024,
    routes: [t.services.mailRelay.route],
  });
  client = nodemailer.createTransport({
    host: '127.0.0.1',
    port: inbound.port,
    secure: false,
    ignoreTLS: true,
  });
});
afterAll(async () => {
  client?.close();
  await inbound?.close();
  await t?.close();
  await new Promise<void>((r) => sink.close(() => r()));
});
beforeEach(() => {
  received.length = 0;
});

type SmtpErr = { responseCode?: number; response?: string };
const send = (o: {
  from: string;
  to: string;
  raw?: string;
  text?: string;
  html?: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}) =>
  client.sendMail({
    ...o,
    envelope: { from: o.from, to: o.to },
    subject: o.subject ?? 'Hello',
  });
const refused = async (p: Promise<unknown>) =>
  (await p.then(
    () => ({}) as SmtpErr,
    (e: SmtpErr) => e,
  )) as SmtpErr;

const stored = async () =>
  t.services.database.db.select().from(messages).where(eq(messages.sellerId, seller.sellerId));

describe('mail to relay addresses (MSG-4)', () => {
  it('a buyer reply lands in the order thread (history stripped) and reaches the seller with aliases only', async () => {
    const info = await send({
      from: buyerEmail,
      to: aliases.sellerAlias,
      subject: `About order ${order.amazonOrderId}`,
      messageId: '<buyer-1@mail.example>',
      text: `When will it ship?\n\nOn Fri, Nov 20, 2026 at 10:00 AM Kyoto Tea Shop <${aliases.sellerAlias}> wrote:\n> Thank you for your order`,
    });
    expect(info.accepted).toEqual([aliases.sellerAlias]);
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      direction: 'buyer_to_seller',
      channel: 'email',
      body: 'When will it ship?',
    });
    const thread = await t.services.messaging.getThread(seller.sellerId, rows[0]?.threadId as string);
    expect(thread.amazonOrderId).toBe(order.amazonOrderId);

    await t.services.mailRelay.forwarding.runOnce();
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual([CS]);
    const raw = received[0]?.raw ?? '';
    expect(raw).not.toContain(buyerEmail);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value[0]?.address).toBe(aliases.buyerAlias);
    expect(parsed.text).toContain('When will it ship?');

    // The seller answers from the CS mailbox: back into the same thread, forwarded to the buyer.
    await send({
      from: CS,
      to: aliases.buyerAlias,
      subject: `Re: ${parsed.subject}`,
      inReplyTo: parsed.messageId,
      text: `It ships tomorrow, order ${order.amazonOrderId}.\n\n2026年11月20日(金) 10:00 山田 <${aliases.buyerAlias}>:\n> When will it ship?`,
    });
    const after = await stored();
    const reply = after.find((m) => m.direction === 'seller_to_buyer');
    expect(reply).toMatchObject({ threadId: rows[0]?.threadId, status: 'accepted' });
    expect(reply?.body).toBe(`It ships tomorrow, order ${order.amazonOrderId}.`);
    received.length = 0;
    await t.services.mailRelay.forwarding.runOnce();
    expect(received.map((m) => m.to)).toEqual([[buyerEmail]]);
    expect(received[0]?.raw).not.toContain(CS);
  });

  it('a redelivery of the same Message-ID is stored once', async () => {
    const before = (await stored()).length;
    const mail = {
      from: buyerEmail,
      to: aliases.sellerAlias,
      messageId: '<buyer-dup@mail.example>',
      text: 'Twice?',
    };
    await send(mail);
    await send(mail);
    expect((await stored()).length).toBe(before + 1);
  });

  it('refuses unknown aliases at RCPT and senders not tied to the pair', async () => {
    const unknown = await refused(
      send({ from: buyerEmail, to: 'zzzzzzzzzzzzzzzz@relay.mercato.jp', text: 'x' }),
    );
    expect(unknown.responseCode).toBe(550);
    expect(unknown.response).toContain('5.1.1');
    const stranger = await refused(
      send({ from: 'someone@else.example', to: aliases.sellerAlias, text: 'x' }),
    );
    expect(stranger.responseCode).toBe(550);
    expect(stranger.response).toContain('5.7.1');
    // The buyer may not write as the seller side.
    const wrongSide = await refused(send({ from: buyerEmail, to: aliases.buyerAlias, text: 'x' }));
    expect(wrongSide.responseCode).toBe(550);
  });

  it('refuses malformed MIME, oversized mail, bad attachment types and buyer links (nothing stored)', async () => {
    const before = (await stored()).length;
    const malformed = await refused(
      client.sendMail({
        envelope: { from: buyerEmail, to: aliases.sellerAlias },
        raw: 'Subject: no sender\r\n\r\nbody',
      }),
    );
    expect(malformed.responseCode).toBe(550);
    expect(malformed.response).toContain('5.6.0');
    const big = await refused(
      send({
        from: buyerEmail,
        to: aliases.sellerAlias,
        text: 'big',
        attachments: [
          { filename: 'a.pdf', content: Buffer.alloc(3 * 1024 * 1024), contentType: 'application/pdf' },
        ],
      }),
    );
    expect(big.responseCode).toBe(552);
    const exe = await refused(
      send({
        from: buyerEmail,
        to: aliases.sellerAlias,
        text: 'see file',
        attachments: [
          { filename: 'x.exe', content: Buffer.from('MZ'), contentType: 'application/x-msdownload' },
        ],
      }),
    );
    expect(exe.responseCode).toBe(554);
    expect(exe.response).toContain('x.exe');
    const link = await refused(
      send({ from: buyerEmail, to: aliases.sellerAlias, text: 'Look at https://evil.example/page' }),
    );
    expect(link.responseCode).toBe(550);
    expect(link.response).toContain('5.7.1');
    const htmlOnly = await refused(send({ from: buyerEmail, to: aliases.sellerAlias, html: '<p>Hello</p>' }));
    expect(htmlOnly.responseCode).toBe(550);
    expect((await stored()).length).toBe(before);
  });

  it('stores an accepted attachment and flags phishing (MSG-5)', async () => {
    await send({
      from: `"Mercato.jp Support" <${buyerEmail}>`,
      to: aliases.sellerAlias,
      messageId: '<phish@mail.example>',
      text: 'Please check the photo.',
      html: '<p>Please check the photo.</p>',
      attachments: [
        { filename: 'photo.png', content: Buffer.from('89504e47', 'hex'), contentType: 'image/png' },
      ],
    });
    const [m] = await t.services.database.db
      .select()
      .from(messages)
      .where(
        and(eq(messages.sellerId, seller.sellerId), eq(messages.emailMessageId, '<phish@mail.example>')),
      );
    expect(m?.suspectedPhishing).toBe(true);
    expect(m?.attachments).toEqual([
      expect.objectContaining({ fileName: 'photo.png', contentType: 'image/png', size: 4 }),
    ]);
  });

  it("a seller's mail that breaks the policy is stored blocked, not forwarded, and the seller is told", async () => {
    await t.services.mailRelay.forwarding.runOnce();
    received.length = 0;
    await send({
      from: CS,
      to: aliases.buyerAlias,
      messageId: '<seller-bad@kyoto-tea.example>',
      text: `Order ${order.amazonOrderId}: please leave a 5-star review and visit https://kyoto-tea.example for a coupon.`,
    });
    const [m] = await t.services.database.db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.sellerId, seller.sellerId),
          eq(messages.emailMessageId, '<seller-bad@kyoto-tea.example>'),
        ),
      );
    expect(m).toMatchObject({ status: 'blocked', forwardStatus: 'not_needed' });
    expect(m?.violations.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    await t.services.mailRelay.forwarding.runOnce();
    expect(received.map((r) => r.to)).toEqual([[CS]]);
    expect(received[0]?.raw).toContain('Not delivered');
  });
});
