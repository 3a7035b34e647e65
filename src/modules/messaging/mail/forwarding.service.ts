// The forwarding worker (MSG-3/4): sends each accepted message to the other party's real mailbox
// — buyer→seller to the seller's verified Customer Service Reply-to address, seller→buyer to the
// buyer's own address — with only relay aliases visible: From and Reply-To are the writing
// party's alias with a display name ("Taro Yamada via Mercato.jp"), so a reply from the mail
// client comes back to the relay route and into the same thread (Message-ID
// `<messageId@relay.domain>`, In-Reply-To the previous message). 250 → sent; a permanent 5xx →
// failed with the reason; anything temporary → retried with the notification pipeline's backoff.
import type { Clock } from '../../../platform/clock.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { MailAttachment, Mailer, OutgoingMail } from '../../../platform/mail/mailer.ts';
import type { MarketplacesService } from '../../marketplaces/index.ts';
import { classifySmtpFailure, nextAttemptAt } from '../../notifications/index.ts';
import type { ClaimedForward, ForwardingRepository } from './forwarding.repository.ts';

export type ForwardingDeps = {
  repo: ForwardingRepository;
  mailer: Mailer;
  marketplaces: MarketplacesService;
  messaging: {
    relayAddressesFor(
      sellerId: string,
      buyerId: string,
    ): Promise<{ buyerAlias: string; sellerAlias: string }>;
  };
  /** Leases and backoff run on real time (the sandbox clock may jump). */
  clock: Clock;
  log: Logger;
  leaseMs?: number;
  batchSize?: number;
  /** Idle poll interval of the loop. */
  pollMs?: number;
};

export type ForwardOutcome = 'sent' | 'failed' | 'retry' | 'not_needed' | 'lost_lease';

/** `"Name via Mercato.jp" <alias>`, quoted so commas and brackets in names stay in the phrase. */
export const displayAddress = (name: string, via: string, address: string) =>
  `"${`${name} via ${via}`.replace(/["\\\r\n]/g, ' ')}" <${address}>`;

export const relayMessageId = (messageId: string, domain: string) => `<${messageId}@relay.${domain}>`;

export function createForwardingService(d: ForwardingDeps) {
  const leaseMs = d.leaseMs ?? 120_000;
  const batchSize = d.batchSize ?? 50;
  const log = d.log.child({ component: 'mail-forwarding' });

  async function compose(m: ClaimedForward): Promise<OutgoingMail | { skip: string }> {
    // The thread, the buyer, the aliases and the earlier messages came with the claim.
    const thread = m.thread;
    if (!thread) return { skip: 'The thread no longer exists.' };
    const seller = await d.marketplaces.getSeller(m.sellerId);
    const mp = await d.marketplaces.getMarketplace(seller.marketplaceId);
    const buyer = m.buyer;
    if (!buyer) return { skip: 'The buyer no longer exists.' };
    const aliases = m.aliases ?? (await d.messaging.relayAddressesFor(m.sellerId, m.buyerId));
    const toSeller = m.direction === 'buyer_to_seller';
    let to: string;
    let from: string;
    if (toSeller) {
      if (!seller.customerServiceEmail || !seller.customerServiceEmailVerifiedAt) {
        return { skip: 'No verified Customer Service Reply-to address (MSG-3).' };
      }
      to = seller.customerServiceEmail;
      from = displayAddress(buyer.name, mp.salesChannel, aliases.buyerAlias);
    } else {
      to = buyer.email;
      from = displayAddress(seller.name, mp.salesChannel, aliases.sellerAlias);
    }
    const previous = m.previousIds;
    const refs = previous.map((id) => relayMessageId(id, mp.domain)).reverse();
    const base = m.subject?.trim() || thread.subject;
    const subject =
      thread.amazonOrderId && !base.includes(thread.amazonOrderId)
        ? `${base} (${thread.amazonOrderId})`
        : base;
    const attachments: MailAttachment[] = [];
    for (const a of m.attachments) {
      const u = await d.repo.upload(m.sellerId, a.uploadId);
      if (u?.data)
        attachments.push({ filename: a.fileName, content: Buffer.from(u.data), contentType: a.contentType });
    }
    const footer = toSeller
      ? `\n\n--\nReply to this email to answer the buyer in ${mp.salesChannel} Buyer-Seller Messages.`
      : `\n\n--\nReply to this email to answer ${seller.name} through ${mp.salesChannel}.`;
    return {
      to,
      from,
      replyTo: from,
      subject: previous.length ? `Re: ${subject.replace(/^Re:\s*/i, '')}` : subject,
      text: `${m.body}${footer}`,
      messageId: relayMessageId(m.id, mp.domain),
      inReplyTo: refs.at(-1),
      references: refs.length ? refs : undefined,
      attachments: attachments.length ? attachments : undefined,
    };
  }

  async function forwardOne(m: ClaimedForward, leaseUntil: Date): Promise<ForwardOutcome> {
    let mail: OutgoingMail | { skip: string };
    try {
      mail = await compose(m);
    } catch (err) {
      log.warn({ err, messageId: m.id }, 'forward: could not prepare the mail');
      return retryOrFail(m, leaseUntil, `Could not prepare the mail: ${(err as Error).message}`);
    }
    if ('skip' in mail) {
      return (await d.repo.finish(m, leaseUntil, { status: 'not_needed', error: mail.skip }))
        ? 'not_needed'
        : 'lost_lease';
    }
    try {
      const r = await d.mailer.send(mail);
      const rejected = r.rejected[0];
      if (!rejected) {
        return (await d.repo.finish(m, leaseUntil, { status: 'sent', at: d.clock.now() }))
          ? 'sent'
          : 'lost_lease';
      }
      const f = classifySmtpFailure(rejected.responseCode, rejected.response);
      if (f.permanent || rejected.permanent) return fail(m, leaseUntil, rejected.response);
      return retryOrFail(m, leaseUntil, rejected.response);
    } catch (err) {
      const e = err as Error & { responseCode?: number; response?: string };
      const f = classifySmtpFailure(e.responseCode ?? null, e.response ?? '');
      if (f.permanent) return fail(m, leaseUntil, e.response ?? e.message);
      return retryOrFail(m, leaseUntil, e.response ?? e.message);
    }
  }

  async function fail(m: ClaimedForward, leaseUntil: Date, reason: string): Promise<ForwardOutcome> {
    log.warn({ messageId: m.id, reason }, 'forward failed permanently');
    return (await d.repo.finish(m, leaseUntil, { status: 'failed', error: reason }))
      ? 'failed'
      : 'lost_lease';
  }

  async function retryOrFail(m: ClaimedForward, leaseUntil: Date, reason: string): Promise<ForwardOutcome> {
    const next = nextAttemptAt(m.attempts, d.clock.now());
    if (!next) return fail(m, leaseUntil, `Gave up after ${m.attempts} attempts: ${reason}`);
    return (await d.repo.finish(m, leaseUntil, { status: 'pending', nextAt: next, error: reason }))
      ? 'retry'
      : 'lost_lease';
  }

  /** One claim-and-send round; returns what happened to each claimed message. */
  async function runOnce(): Promise<Record<ForwardOutcome, number> & { claimed: number }> {
    const now = d.clock.now();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const claimed = await d.repo.claimDue(now, leaseUntil, batchSize);
    const counts = { claimed: claimed.length, sent: 0, failed: 0, retry: 0, not_needed: 0, lost_lease: 0 };
    const outcomes = await Promise.all(claimed.map((m) => forwardOne(m, leaseUntil)));
    for (const o of outcomes) counts[o]++;
    return counts;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = true;
  let wake: (() => void) | null = null;

  async function loop() {
    while (!stopped) {
      let claimed = 0;
      try {
        claimed = (await runOnce()).claimed;
      } catch (err) {
        log.error({ err }, 'forwarding round failed');
      }
      if (claimed > 0 || stopped) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, d.pollMs ?? 1000);
        timer.unref?.();
      });
      wake = null;
    }
  }

  return {
    runOnce,
    /** Starts the loop (polls every `pollMs` when idle). */
    start() {
      if (!stopped) return;
      stopped = false;
      running = loop();
    },
    /** Wakes the idle loop now (a message was just stored). */
    kick() {
      wake?.();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await running;
      running = null;
    },
  };
}

export type ForwardingService = ReturnType<typeof createForwardingService>;
