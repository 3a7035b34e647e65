// The one write path of messaging (web, mail, SP-API): validation, flood control, the policy,
// then ONE transaction — find or create the thread, store the message with its forwarding
// outbox state, MSG-14 response-time state, and `messages.new` (NTF-9: the event exists iff the
// message committed).
import { AppError, invalid, notFound } from '../../../platform/errors.ts';
import { publishEvent } from '../../notifications/index.ts';
import type { OrderMessagingContext } from '../../orders/index.ts';
import type { ThreadListRow, ThreadRow } from '../messaging.repository.ts';
import type { PolicyVerdict, PostMessageInput, PostMessageResult, ThreadTopic } from '../messaging.types.ts';
import { checkMessage, redactContactDetails } from '../policy/message-policy.ts';
import { responseDueAt } from '../response-deadline.ts';
import { asMessageLanguage, threadSubject } from '../thread-subject.ts';
import type { MessagingCore } from './core.ts';
import { buildPolicyContext, policyViolationError } from './policy-context.ts';
import { messageView, preview, threadSummary } from './views.ts';

const HOUR_MS = 3_600_000;

const NEW_MESSAGE_TITLE = {
  en: (order: string | null, subject: string) =>
    order ? `New message from a buyer about order ${order}` : `New message from a buyer: ${subject}`,
  ja: (order: string | null, subject: string) =>
    order
      ? `注文 ${order} について購入者から新しいメッセージが届きました`
      : `購入者から新しいメッセージ: ${subject}`,
  it: (order: string | null, subject: string) =>
    order
      ? `Nuovo messaggio da un acquirente sull'ordine ${order}`
      : `Nuovo messaggio da un acquirente: ${subject}`,
};

/**
 * Facts an internal caller already read on its way here (the mail relay checked the sender against
 * the buyer row at RCPT): used instead of reading them again (issue 5: 200 mails/s). Never from a
 * request body.
 */
export type PostKnown = { buyer?: { id: string; email: string; name: string; language: string } };

/** Internal extras of the write path (MSG-15 records its deadline in the same transaction). */
export type PostExtras = { threadSet?: Partial<ThreadRow>; known?: PostKnown };

export async function postMessage(
  core: MessagingCore,
  input: PostMessageInput,
  extras: PostExtras = {},
): Promise<PostMessageResult> {
  const { deps, repo } = core;
  const now = deps.clock.now();
  const seller = await deps.marketplaces.getSeller(input.sellerId);
  const marketplace = await deps.marketplaces.getMarketplace(seller.marketplaceId);
  const policy = marketplace.policy.messaging;

  // Mail redelivered (an SMTP retry after a lost 250) is the same message.
  if (input.emailMessageId) {
    const dup = await repo.messageByEmailId(input.sellerId, input.emailMessageId);
    if (dup) return duplicateResult(core, input.sellerId, dup.threadId, dup.id, now);
  }

  // --- what the message is about ---------------------------------------------------------------
  const thread = input.threadId ? await repo.thread(deps.db, input.sellerId, input.threadId) : undefined;
  if (input.threadId && !thread) throw notFound('THREAD_NOT_FOUND', 'No such message thread.');
  if (thread && input.buyerId && thread.buyerId !== input.buyerId)
    throw notFound('THREAD_NOT_FOUND', 'No such message thread.');
  const amazonOrderId = thread ? thread.amazonOrderId : (input.amazonOrderId ?? null);
  let order: OrderMessagingContext | null = null;
  if (amazonOrderId) {
    order = await core.orderContext(input.sellerId, amazonOrderId);
    // A buyer writes only about their own orders (tenancy: someone else's is "not found").
    if (input.from === 'buyer' && input.buyerId && order.buyerId && order.buyerId !== input.buyerId)
      throw notFound('ORDER_NOT_FOUND', `No order ${amazonOrderId} of yours with this seller.`);
  }
  const buyerId = thread?.buyerId ?? input.buyerId ?? (order?.buyerId || undefined);
  if (!buyerId && !order)
    throw invalid('BUYER_REQUIRED', 'Say which buyer the message is for (a thread or an order).');
  const topic: ThreadTopic = thread?.topic ?? (order ? 'order' : (input.topic ?? 'other'));
  if (input.from === 'seller' && !thread && !order)
    throw invalid(
      'ORDER_REQUIRED',
      'A seller starts a conversation about an order; answer pre-order questions in their thread.',
    );

  // --- validation and flood control ------------------------------------------------------------
  const text = input.text.replace(/\r\n?/g, '\n');
  const maxChars = input.maxChars ?? policy.maxMessageChars;
  if (!text.trim() && !input.attachments?.length)
    throw invalid('MESSAGE_EMPTY', 'Write a message before sending.');
  if (text.length > maxChars)
    throw invalid(
      'MESSAGE_TOO_LONG',
      `The message has ${text.length} characters; at most ${maxChars} are accepted.`,
      {
        maxChars,
      },
    );
  const since = new Date(now.getTime() - HOUR_MS);
  const recent =
    input.from === 'buyer' && buyerId
      ? await repo.countBuyerMessagesSince(buyerId, since)
      : input.channel === 'email'
        ? await repo.countAuthorMessagesSince(input.sellerId, input.author, since)
        : 0;
  if (recent >= policy.maxMessagesPerSenderPerHour)
    throw new AppError(
      'rate_limited',
      'MESSAGE_RATE_LIMITED',
      `Too many messages: at most ${policy.maxMessagesPerSenderPerHour} per hour. Please wait a little before sending another one.`,
    );

  // --- the policy --------------------------------------------------------------------------------
  const knownBuyer = extras.known?.buyer;
  const buyerRow = buyerId
    ? knownBuyer?.id === buyerId
      ? knownBuyer
      : await repo.buyer(deps.db, buyerId)
    : undefined;
  const readerLanguage =
    input.from === 'seller'
      ? asMessageLanguage(seller.language)
      : asMessageLanguage(buyerRow?.language ?? marketplace.language);
  const phrases = input.from === 'seller' ? await deps.phrases.forMarketplace(marketplace.id) : [];
  const ctx = buildPolicyContext({
    marketplace,
    direction: input.from === 'seller' ? 'seller-to-buyer' : 'buyer-to-seller',
    language: readerLanguage,
    // Solicitations have their own window (5 days after the earliest to 30 after the latest
    // delivery date, solicitation-window.ts), which may end after MSG-13's 30 days from delivery.
    order: order && input.kind === 'productReviewAndSellerFeedback' ? { ...order, deliveredAt: null } : order,
    preOrderReply: input.from === 'seller' && !order,
    now,
    maxChars,
    phrases,
  });
  const verdict: PolicyVerdict = checkMessage(text, ctx);
  if (!verdict.allowed && !input.storeBlocked) throw policyViolationError(verdict);
  const blocked = !verdict.allowed;
  // MSG-11/16: contact details in buyer messages are masked, not refused.
  let body = text;
  let stored = blocked ? verdict.violations : [];
  if (input.from === 'buyer' && !blocked) {
    const r = redactContactDetails(text, ctx);
    body = r.text;
    stored = r.redactions;
  }

  // --- one transaction -----------------------------------------------------------------------------
  const direction = input.from === 'buyer' ? 'buyer_to_seller' : 'seller_to_buyer';
  const csVerified = Boolean(seller.customerServiceEmail && seller.customerServiceEmailVerifiedAt);
  const forwardStatus = blocked
    ? 'not_needed'
    : input.from === 'seller'
      ? 'pending'
      : csVerified
        ? 'pending'
        : 'not_needed';
  const messageId = deps.ids.next('msg');
  const relayDomain = `relay.${marketplace.domain}`;

  const result = await deps.db.transaction(async (tx) => {
    const resolvedBuyer =
      buyerId ??
      (await deps.buyers.ensureBuyer(tx, {
        email: (order as OrderMessagingContext).buyerEmail,
        name: (order as OrderMessagingContext).buyerName,
        language: (order as OrderMessagingContext).buyerLanguage,
      }));
    let t = thread;
    let created = false;
    if (!t) {
      const key = {
        sellerId: input.sellerId,
        buyerId: resolvedBuyer,
        orderId: order?.id ?? null,
        topic,
        productRef: order ? null : (input.productRef ?? null),
      };
      t = await repo.threadByKey(tx, key);
      if (!t) {
        const subject =
          input.subject?.trim() ||
          (input.from === 'buyer' && input.topic && input.topic !== 'order'
            ? threadSubject(input.topic, asMessageLanguage(marketplace.language), marketplace.salesChannel)
            : threadSubject(
                topic,
                asMessageLanguage(marketplace.language),
                marketplace.salesChannel,
                order?.amazonOrderId,
              ));
        created = await repo.insertThread(tx, {
          sellerId: input.sellerId,
          id: deps.ids.next('thr'),
          buyerId: resolvedBuyer,
          marketplaceId: marketplace.id,
          orderId: order?.id ?? null,
          amazonOrderId: order?.amazonOrderId ?? null,
          topic,
          subject,
          productRef: key.productRef,
          createdAt: now,
          lastMessageAt: now,
          lastMessageDirection: direction,
          lastMessagePreview: '',
          messageCount: 0,
        });
        // A concurrent first message inserted the same key: use its thread.
        t = await repo.threadByKey(tx, key);
        if (!t)
          throw new AppError('internal', 'THREAD_NOT_CREATED', 'The conversation could not be created.');
      }
    }
    const relays = await core.ensureRelays(
      tx,
      input.sellerId,
      resolvedBuyer,
      marketplace.domain,
      order?.buyerEmail,
    );

    const due = input.from === 'buyer' && !blocked ? responseDueAt(now, policy.responseTimeHours) : null;
    const inserted = await repo.insertMessage(tx, {
      sellerId: input.sellerId,
      id: messageId,
      threadId: t.id,
      buyerId: resolvedBuyer,
      orderId: t.orderId,
      direction,
      channel: input.channel,
      kind: input.kind,
      status: blocked ? 'blocked' : 'accepted',
      subject: input.subject?.trim() || (created ? t.subject : null),
      body,
      violations: stored.map((v) => ({
        rule: v.rule,
        start: v.start,
        end: v.end,
        message: v.message,
        hint: v.hint,
      })),
      suspectedPhishing: input.suspectedPhishing ?? false,
      attachments: input.attachments ?? [],
      author: input.author,
      // Ours for what we forward (replies thread by In-Reply-To), the sender's for mail received.
      emailMessageId: input.emailMessageId ?? `<${messageId}@${relayDomain}>`,
      createdAt: now,
      responseDueAt: due,
      forwardStatus,
      forwardNextAt: forwardStatus === 'pending' ? now : null,
    });
    if (!inserted) return null; // the same Message-ID committed meanwhile

    const set: Record<string, unknown> = { messageCount: t.messageCount + 1, ...extras.threadSet };
    if (blocked) {
      // Not sent: the seller sees why in the inbox, the conversation itself does not move.
      set.sellerUnread = true;
    } else {
      set.lastMessageAt = now;
      set.lastMessageDirection = direction;
      set.lastMessagePreview = preview(body);
      if (input.from === 'buyer') {
        set.sellerUnread = true;
        // MSG-14: the oldest unanswered message sets the thread's due time.
        if (!t.responseDueAt) {
          set.responseDueAt = due;
          set.overdueNotifiedAt = null;
        }
        // MSG-15: the buyer answered; no reminder to cancel.
        set.replyDeadlineAt = null;
        set.replyDeadlineRemindedAt = null;
      } else {
        set.buyerUnread = true;
        set.responseDueAt = null;
        set.overdueNotifiedAt = null;
        await repo.markResponded(tx, input.sellerId, t.id, now);
      }
    }
    const updated = await repo.updateThread(tx, input.sellerId, t.id, set);

    if (input.from === 'buyer' && !blocked) {
      const lang = asMessageLanguage(seller.language);
      const title = NEW_MESSAGE_TITLE[lang](updated.amazonOrderId, updated.subject);
      await publishEvent(tx, {
        sellerId: input.sellerId,
        type: 'messages.new',
        dedupeKey: `messages.new:${messageId}`,
        payload: {
          threadId: updated.id,
          orderId: updated.amazonOrderId,
          subject: updated.subject,
          preview: preview(body),
          title,
          body: preview(body),
        },
        occurredAt: now,
      });
    }
    return { message: inserted, thread: updated, relays };
  });
  if (!result && input.emailMessageId) {
    const dup = await repo.messageByEmailId(input.sellerId, input.emailMessageId);
    if (dup) return duplicateResult(core, input.sellerId, dup.threadId, dup.id, now);
  }
  if (!result) throw new AppError('internal', 'MESSAGE_NOT_STORED', 'The message could not be stored.');
  // The summary's extra columns are known when the buyer row was read, the aliases were already
  // stored, and the thread awaits an answer (so "no response needed" is false): no re-read.
  const t = result.thread;
  const row: ThreadListRow | undefined =
    buyerRow && buyerRow.id === t.buyerId && result.relays.existing && t.responseDueAt !== null
      ? { ...t, buyerName: buyerRow.name, buyerRelay: result.relays.buyerAlias, noResponseNeeded: false }
      : await repo.threadListRow(input.sellerId, t.id);
  return {
    message: messageView(result.message),
    thread: threadSummary(row as NonNullable<typeof row>, now),
    verdict,
    duplicate: false,
  };
}

async function duplicateResult(
  core: MessagingCore,
  sellerId: string,
  threadId: string,
  messageId: string,
  now: Date,
): Promise<PostMessageResult> {
  const m = (await core.repo.threadMessages(sellerId, threadId)).find((x) => x.id === messageId);
  const row = await core.repo.threadListRow(sellerId, threadId);
  if (!m || !row) throw notFound('THREAD_NOT_FOUND', 'No such message thread.');
  return {
    message: messageView(m),
    thread: threadSummary(row, now),
    verdict: { allowed: true, violations: [] },
    duplicate: true,
  };
}
