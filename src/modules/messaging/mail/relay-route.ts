// MSG-4: mail to a relay alias (`<alias>@relay.<marketplace domain>`) enters the thread of its
// buyer–seller pair through the messaging service's one write path (postMessage), and from there
// the forwarding outbox delivers it to the other side. At RCPT: unknown aliases are refused (550
// 5.1.1) and so is any sender not tied to the pair (550 5.7.1): for the seller's alias (the buyer
// writes) only the buyer's real address; for the buyer's alias (the seller writes) the seller's
// verified Customer Service address or one of the seller's user logins. At DATA: malformed mail
// 550 5.6.0, attachments outside the policy 552/554, a buyer's link or HTML-only mail 550 5.7.1
// (MSG-2), a flood 450 4.7.1; a seller's mail that breaks the policy is stored blocked (the seller
// sees why in the inbox) and the sender gets a "not delivered" notice. Database trouble: 451.
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ids } from '../../../platform/ids.ts';
import type { Logger } from '../../../platform/logger.ts';
import { type InboundRoute, smtpReply, SmtpReply } from '../../../platform/mail/inbound-smtp.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import type { MarketplacesService } from '../../marketplaces/index.ts';
import type { PostMessageInput, PostMessageResult, StoredAttachment } from '../messaging.types.ts';
import { type InboundMail, MalformedMail, parseInboundMail } from './inbound-mail.ts';
import { isSuspectedPhishing } from './phishing.ts';
import type { RelayRepository } from './relay.repository.ts';
import { replyText } from './reply-text.ts';

export type RelayPair = { address: string; sellerId: string; buyerId: string; party: 'buyer' | 'seller' };

type Buyer = { id: string; email: string; name: string; language: string };

/** The messaging service's part the relay uses (B's messaging.service.ts). */
export type RelayMessaging = {
  /** `known.buyer`: the buyer row the RCPT check read (not read again by the write path). */
  postMessage(input: PostMessageInput, known?: { buyer?: Buyer }): Promise<PostMessageResult>;
  resolveRelayAddress(address: string): Promise<RelayPair | null>;
};

export type RelayRouteDeps = {
  messaging: RelayMessaging;
  repo: RelayRepository;
  marketplaces: MarketplacesService;
  /** The seller's users' logins (identity.sellerContacts). */
  sellerLogins(sellerId: string): Promise<string[]>;
  mailer: Mailer;
  ids: Ids;
  clock: Clock;
  log: Logger;
};

const ORDER_ID = /\b\d{3}-\d{7}-\d{7}\b/g;
/** Our Message-IDs: `<msgId@relay.domain>`. */
const OUR_MESSAGE_ID = /^<?([A-Za-z0-9_]+)@relay\.[^>]+>?$/;
/** Mail attachments are kept like SP-API uploads; they belong to the message, not to a 24 h upload window. */
const ATTACHMENT_KEEP_MS = 10 * 365 * 24 * 3600_000;

export function relayRoute(d: RelayRouteDeps): InboundRoute<RelayPair> {
  const log = d.log.child({ component: 'relay-mail' });
  // The buyer row the RCPT check read for a recipient, reused at DATA for the same recipient (the
  // SMTP server hands the very object resolved at RCPT to deliver). Dropped with the session.
  const senderBuyer = new WeakMap<RelayPair, Buyer>();

  async function senderAllowed(pair: RelayPair, sender: string): Promise<boolean> {
    const from = sender.trim().toLowerCase();
    if (!from) return false;
    if (pair.party === 'seller') {
      // The seller's alias: the buyer writes, from the address Mercato knows.
      const buyer = await d.repo.buyer(pair.buyerId);
      if (!buyer || buyer.email.trim().toLowerCase() !== from) return false;
      senderBuyer.set(pair, buyer);
      return true;
    }
    const seller = await d.marketplaces.getSeller(pair.sellerId);
    if (seller.customerServiceEmailVerifiedAt && seller.customerServiceEmail?.toLowerCase() === from)
      return true;
    return (await d.sellerLogins(pair.sellerId)).some((l) => l.toLowerCase() === from);
  }

  async function findThread(pair: RelayPair, mail: InboundMail): Promise<Partial<PostMessageInput>> {
    const ids = [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...mail.references.slice().reverse()];
    const messageIds = ids.map((i) => OUR_MESSAGE_ID.exec(i.trim())?.[1]).filter((x): x is string => !!x);
    const byHeader = await d.repo.threadOfMessages(pair.sellerId, pair.buyerId, {
      messageIds,
      emailMessageIds: ids,
    });
    if (byHeader) return { threadId: byHeader };
    const orderIds = [...`${mail.subject}\n${mail.text}`.matchAll(ORDER_ID)].map((m) => m[0]);
    const order = await d.repo.orderOfPair(pair.sellerId, pair.buyerId, [...new Set(orderIds)]);
    if (order) return { amazonOrderId: order, topic: 'order' };
    const latest = await d.repo.latestThread(pair.sellerId, pair.buyerId);
    if (latest) return { threadId: latest };
    return { topic: 'other' };
  }

  async function storeAttachments(
    pair: RelayPair,
    mail: InboundMail,
    policy: { maxAttachmentBytes: number; attachmentContentTypes: string[] },
  ) {
    const refused = mail.attachments.filter((a) => !policy.attachmentContentTypes.includes(a.contentType));
    if (refused.length) {
      throw smtpReply(
        554,
        `5.7.1 Attachment type not accepted: ${refused.map((a) => `${a.filename} (${a.contentType})`).join(', ')}; accepted: PDF, images, text and Word documents`,
      );
    }
    const total = mail.attachments.reduce((n, a) => n + a.size, 0);
    if (total > policy.maxAttachmentBytes) {
      throw smtpReply(
        552,
        `5.3.4 Attachments too large: ${Math.ceil(total / 1024 / 1024)} MB; at most ${Math.floor(policy.maxAttachmentBytes / 1024 / 1024)} MB per message`,
      );
    }
    const now = d.clock.now();
    const stored: StoredAttachment[] = [];
    try {
      for (const a of mail.attachments) {
        const id = d.ids.next('upl');
        await d.repo.insertUpload({
          sellerId: pair.sellerId,
          id,
          resource: 'mail',
          contentType: a.contentType,
          data: a.content,
          createdAt: now,
          expiresAt: new Date(now.getTime() + ATTACHMENT_KEEP_MS),
        });
        stored.push({ uploadId: id, fileName: a.filename, contentType: a.contentType, size: a.size });
      }
    } catch (err) {
      await d.repo
        .deleteUploads(
          pair.sellerId,
          stored.map((s) => s.uploadId),
        )
        .catch(() => undefined);
      throw err;
    }
    return stored;
  }

  async function deliverOne(pair: RelayPair, mail: InboundMail, sender: string): Promise<void> {
    const from = pair.party === 'seller' ? 'buyer' : 'seller';
    const seller = await d.marketplaces.getSeller(pair.sellerId);
    const m = await d.marketplaces.getMarketplace(seller.marketplaceId);
    if (from === 'buyer' && mail.htmlOnly) {
      throw smtpReply(
        550,
        '5.7.1 Messages to sellers must be plain text (MSG-2); send the message without HTML formatting',
      );
    }
    const text = replyText(mail.text);
    const thread = await findThread(pair, mail);
    const attachments = await storeAttachments(pair, mail, m.policy.messaging);
    const input: PostMessageInput = {
      from,
      channel: 'email',
      sellerId: pair.sellerId,
      buyerId: pair.buyerId,
      ...thread,
      kind: 'reply',
      text,
      subject: mail.subject || undefined,
      author: `email:${sender.toLowerCase()}`,
      attachments,
      emailMessageId: mail.messageId ?? undefined,
      suspectedPhishing: isSuspectedPhishing(
        { fromName: mail.from.name, fromAddress: mail.from.address, hasHtml: mail.hasHtml },
        { salesChannel: m.salesChannel, domain: m.domain },
      ),
      storeBlocked: from === 'seller',
    };
    let result: PostMessageResult;
    try {
      const buyer = from === 'buyer' ? senderBuyer.get(pair) : undefined;
      result = await d.messaging.postMessage(input, buyer ? { buyer } : undefined);
    } catch (err) {
      await d.repo
        .deleteUploads(
          pair.sellerId,
          attachments.map((a) => a.uploadId),
        )
        .catch(() => undefined);
      throw toSmtp(err);
    }
    if (result.duplicate) {
      await d.repo
        .deleteUploads(
          pair.sellerId,
          attachments.map((a) => a.uploadId),
        )
        .catch(() => undefined);
      log.info({ messageId: result.message.id }, 'redelivered mail already stored');
      return;
    }
    log.info(
      { messageId: result.message.id, threadId: result.thread.id, status: result.message.status },
      'relay mail stored',
    );
    if (result.message.status === 'blocked') {
      // The seller learns at once in their own mailbox; the inbox shows the same violations.
      void notifyBlocked(sender, result, m.salesChannel).catch((err) =>
        log.warn({ err, messageId: result.message.id }, 'not-delivered notice failed'),
      );
    }
  }

  async function notifyBlocked(to: string, r: PostMessageResult, salesChannel: string) {
    const lines = r.verdict.violations.map((v) => `- ${v.message}${v.hint ? ` (${v.hint})` : ''}`);
    await d.mailer.send({
      to,
      subject: `Not delivered: ${r.thread.subject}`,
      text: [
        `Your message to the buyer${r.thread.amazonOrderId ? ` about order ${r.thread.amazonOrderId}` : ''} was not delivered: it breaks the ${salesChannel} communication policy.`,
        '',
        ...lines,
        '',
        'It is kept in Buyer-Seller Messages with each problem marked. Correct it and send it again.',
      ].join('\n'),
    });
  }

  return {
    name: 'relay',
    async resolve(address) {
      const at = address.lastIndexOf('@');
      if (
        at < 0 ||
        !address
          .slice(at + 1)
          .toLowerCase()
          .startsWith('relay.')
      )
        return null;
      return d.messaging.resolveRelayAddress(address.toLowerCase());
    },
    async checkSender(pair, envelope) {
      if (!(await senderAllowed(pair, envelope.mailFrom))) {
        throw smtpReply(550, `5.7.1 ${envelope.mailFrom || 'This sender'} may not write to ${pair.address}`);
      }
    },
    async deliver(raw, pairs, envelope) {
      let mail: InboundMail;
      try {
        mail = await parseInboundMail(raw);
      } catch (err) {
        if (err instanceof MalformedMail) throw smtpReply(550, `5.6.0 Malformed message: ${err.message}`);
        throw err;
      }
      for (const pair of pairs) await deliverOne(pair, mail, envelope.mailFrom);
    },
  };
}

/** The messaging service's refusals as SMTP answers; anything else stays a 451 (try later). */
function toSmtp(err: unknown): unknown {
  if (err instanceof SmtpReply || !(err instanceof AppError)) return err;
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').slice(0, 400);
  if (err.code === 'MESSAGE_RATE_LIMITED') return smtpReply(450, `4.7.1 ${oneLine(err.message)}`);
  if (err.kind === 'rule_violation') return smtpReply(550, `5.7.1 ${oneLine(err.message)}`);
  if (err.kind === 'invalid' || err.kind === 'not_found')
    return smtpReply(550, `5.6.0 ${oneLine(err.message)}`);
  return err;
}
