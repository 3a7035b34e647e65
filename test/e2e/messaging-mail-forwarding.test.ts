// MSG-3/4: the forwarding outbox over real SMTP. A message stored but not yet forwarded when the
// process died (a pending row whose lease expired) is sent exactly once even with two workers
// claiming at the same time; 4xx is retried with backoff, 5xx fails with the reason; the
// forwarded mail shows relay aliases only and threads by Message-ID / In-Reply-To.
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.ts';
import { createSmtpMailer } from '../../src/platform/mail/mailer.ts';
import { buyers } from '../../src/modules/buyers/buyers.tables.ts';
import { createForwardingRepository } from '../../src/modules/messaging/mail/forwarding.repository.ts';
import { createForwardingService } from '../../src/modules/messaging/mail/forwarding.service.ts';
import { messages, messageThreads } from '../../src/modules/messaging/messaging.tables.ts';
import { createSeller, type TestSeller } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const received: { to: string[]; from: string; raw: string }[] = [];
const rejectWith = new Map<string, [number, string]>();
let sink: SMTPServer;
let t: TestApp;
let seller: TestSeller;
let port: number;
const BUYER = 'buy_FWD0000000000000000000001';
const ALIASES = {
  buyerAlias: 'bbbbbbbbbbbbbbbb@relay.mercato.jp',
  sellerAlias: 'ssssssssssssssss@relay.mercato.jp',
};
let n = 0;
const mailers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _s, cb) {
      const r = rejectWith.get(address.address);
      cb(r ? Object.assign(new Error(r[1]), { responseCode: r[0] }) : undefined);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw: Buffer.concat(chunks).toString(),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
  port = (sink.server.address() as AddressInfo).port;
  t = await startTestApp({ workers: false });
  seller = await createSeller(t, undefined, 'Kyoto Tea Shop');
  await t.services.marketplaces.setCustomerServiceEmail(
    seller.sellerId,
    'cs@kyoto-tea.example',
    t.clock.now(),
  );
  await t.services.database.db.insert(buyers).values({
    id: BUYER,
    email: 'taro@buyer.example',
    name: 'Taro Yamada',
    language: 'ja',
    createdAt: t.clock.now(),
  });
  await t.services.database.db.insert(messageThreads).values({
    sellerId: seller.sellerId,
    id: 'thr_FWD1',
    buyerId: BUYER,
    marketplaceId: seller.marketplaceId,
    orderId: null,
    amazonOrderId: '503-1234567-7654321',
    topic: 'order',
    subject: 'Question about your order',
    createdAt: t.clock.now(),
    lastMessageAt: t.clock.now(),
    lastMessageDirection: 'buyer_to_seller',
  });
});
afterAll(async () => {
  for (const m of mailers) await m.close();
  await t?.close();
  await new Promise<void>((r) => sink.close(() => r()));
});
beforeEach(() => {
  received.length = 0;
  rejectWith.clear();
});

function worker() {
  const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, 2, 'Mercato <no-reply@mercato.test>');
  mailers.push(mailer);
  return createForwardingService({
    repo: createForwardingRepository(t.services.database.db, {
      buyer: (id) => t.services.buyers.findById(id),
    }),
    mailer,
    marketplaces: t.services.marketplaces,
    messaging: { relayAddressesFor: async () => ALIASES },
    clock: t.clock,
    log: createLogger('silent'),
    leaseMs: 60_000,
  });
}

async function pending(
  direction: 'buyer_to_seller' | 'seller_to_buyer',
  over: Partial<typeof messages.$inferInsert> = {},
) {
  const id = `msg_FWD${String(++n).padStart(4, '0')}`;
  t.clock.advance(1000);
  await t.services.database.db.insert(messages).values({
    sellerId: seller.sellerId,
    id,
    threadId: 'thr_FWD1',
    buyerId: BUYER,
    direction,
    channel: 'web',
    kind: 'reply',
    status: 'accepted',
    body: `Body of ${id}`,
    author: direction === 'buyer_to_seller' ? BUYER : 'usr_1',
    createdAt: t.clock.now(),
    forwardStatus: 'pending',
    forwardNextAt: t.clock.now(),
    ...over,
  });
  return id;
}

const row = async (id: string) =>
  (
    await t.services.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.sellerId, seller.sellerId), eq(messages.id, id)))
  )[0];

describe('forwarding outbox (MSG-3/4)', () => {
  it('a pending row whose lease expired (crash before forwarding) is sent exactly once by two workers', async () => {
    const id = await pending('buyer_to_seller', {
      forwardAttempts: 1,
      forwardLeaseUntil: new Date(t.clock.now().getTime() - 1),
      forwardNextAt: new Date(t.clock.now().getTime() - 1),
    });
    const [a, b] = [worker(), worker()];
    const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(ra.sent + rb.sent).toBe(1);
    expect(received.filter((m) => m.raw.includes(`<${id}@relay.mercato.jp>`))).toHaveLength(1);
    expect(await row(id)).toMatchObject({
      forwardStatus: 'sent',
      forwardAttempts: 2,
      forwardLeaseUntil: null,
    });
    // A row still leased by a live worker is not taken.
    const leased = await pending('buyer_to_seller');
    await t.services.database.db
      .update(messages)
      .set({
        forwardLeaseUntil: new Date(t.clock.now().getTime() + 60_000),
        forwardNextAt: new Date(t.clock.now().getTime() + 60_000),
      })
      .where(eq(messages.id, leased));
    expect((await a.runOnce()).claimed).toBe(0);
  });

  it('buyer→seller goes to the verified CS address with only aliases visible, threaded', async () => {
    await t.services.database.db
      .update(messages)
      .set({ forwardStatus: 'sent' })
      .where(eq(messages.forwardStatus, 'pending'));
    const id = await pending('buyer_to_seller');
    await worker().runOnce();
    expect(received).toHaveLength(1);
    const m = received[0] as (typeof received)[number];
    expect(m.to).toEqual(['cs@kyoto-tea.example']);
    const parsed = await simpleParser(m.raw);
    expect(parsed.from?.value[0]).toEqual({
      address: ALIASES.buyerAlias,
      name: 'Taro Yamada via Mercato.jp',
    });
    expect(parsed.replyTo?.value[0]?.address).toBe(ALIASES.buyerAlias);
    expect(parsed.messageId).toBe(`<${id}@relay.mercato.jp>`);
    expect(parsed.inReplyTo).toMatch(/^<msg_FWD\d+@relay\.mercato\.jp>$/);
    expect(parsed.subject).toContain('503-1234567-7654321');
    expect(m.raw).not.toContain('taro@buyer.example');
    expect(m.from).toBe(ALIASES.buyerAlias);
  });

  it('seller→buyer goes to the buyer with the seller alias', async () => {
    await pending('seller_to_buyer');
    await worker().runOnce();
    const m = received[0] as (typeof received)[number];
    expect(m.to).toEqual(['taro@buyer.example']);
    const parsed = await simpleParser(m.raw);
    expect(parsed.from?.value[0]).toEqual({
      address: ALIASES.sellerAlias,
      name: 'Kyoto Tea Shop via Mercato.jp',
    });
    expect(m.raw).not.toContain('cs@kyoto-tea.example');
  });

  it('4xx is retried with backoff; 5xx fails with the reason', async () => {
    rejectWith.set('taro@buyer.example', [451, '4.3.0 try later']);
    const id = await pending('seller_to_buyer');
    const w = worker();
    expect((await w.runOnce()).retry).toBe(1);
    const r1 = await row(id);
    expect(r1?.forwardStatus).toBe('pending');
    expect(r1?.forwardNextAt?.getTime()).toBeGreaterThan(t.clock.now().getTime() + 50_000);
    expect((await w.runOnce()).claimed).toBe(0);
    rejectWith.set('taro@buyer.example', [550, '5.1.1 no such user']);
    t.clock.advance(3600_000);
    expect((await w.runOnce()).failed).toBe(1);
    expect(await row(id)).toMatchObject({ forwardStatus: 'failed' });
    expect((await row(id))?.forwardError).toContain('5.1.1');
  });

  it('buyer→seller without a verified CS address is not forwarded', async () => {
    await t.services.marketplaces.setCustomerServiceEmail(seller.sellerId, 'new@kyoto-tea.example', null);
    const id = await pending('buyer_to_seller');
    expect((await worker().runOnce()).not_needed).toBe(1);
    expect(received).toEqual([]);
    expect((await row(id))?.forwardStatus).toBe('not_needed');
    await t.services.marketplaces.setCustomerServiceEmail(
      seller.sellerId,
      'cs@kyoto-tea.example',
      t.clock.now(),
    );
  });
});
