// MSG-14/15 sweeps: threads past their response due time are flagged overdue once per due time
// (messages.overdue), and reached reply deadlines remind the seller once to cancel the order.
import { publishEvent } from '../../notifications/index.ts';
import type { MessageLanguage } from '../messaging.types.ts';
import { asMessageLanguage } from '../thread-subject.ts';
import type { MessagingCore } from './core.ts';

const BATCH = 200;

const LOCALE: Record<MessageLanguage, string> = { en: 'en-GB', ja: 'ja-JP', it: 'it-IT' };

/** MSG-15: what the buyer is told (with the order id, MSG-7). */
export function replyDeadlineText(
  language: MessageLanguage,
  amazonOrderId: string,
  deadline: Date,
  timeZone: string,
): string {
  const when = new Intl.DateTimeFormat(LOCALE[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(deadline);
  switch (language) {
    case 'ja':
      return `ご注文 ${amazonOrderId} について、手続きを進めるためにお客様のご回答が必要です。${when}までにご返信ください。ご返信がない場合、ご注文はキャンセルされます。`;
    case 'it':
      return `Per procedere con il tuo ordine ${amazonOrderId} abbiamo bisogno di una tua risposta. Rispondi entro il ${when}, altrimenti l'ordine verrà annullato.`;
    default:
      return `We need your answer to proceed with your order ${amazonOrderId}. Please reply by ${when}, or the order will be cancelled.`;
  }
}

const OVERDUE = {
  en: (s: string, o: string | null) => `Reply overdue: ${o ? `order ${o}` : s}`,
  ja: (s: string, o: string | null) => `返信期限切れ：${o ? `注文 ${o}` : s}`,
  it: (s: string, o: string | null) => `Risposta in ritardo: ${o ? `ordine ${o}` : s}`,
};
const OVERDUE_BODY = {
  en: 'A buyer message has waited more than the response time for your reply (MSG-14).',
  ja: '購入者からのメッセージが返信期限を過ぎています。',
  it: 'Il messaggio di un acquirente attende la tua risposta oltre il tempo previsto.',
};
const DEADLINE = {
  en: (o: string) => `Reply deadline reached for order ${o}: you may cancel the order`,
  ja: (o: string) => `注文 ${o} の返信期限になりました：注文をキャンセルできます`,
  it: (o: string) => `Scadenza di risposta raggiunta per l'ordine ${o}: puoi annullare l'ordine`,
};
const DEADLINE_BODY = {
  en: 'The buyer did not answer by the deadline you set. Cancel the order from its page if you cannot proceed.',
  ja: '設定した期限までに購入者から返信がありませんでした。手続きを進められない場合は注文ページからキャンセルしてください。',
  it: "L'acquirente non ha risposto entro la scadenza indicata. Se non puoi procedere, annulla l'ordine dalla sua pagina.",
};

export async function runSweeps(
  core: MessagingCore,
): Promise<{ overdue: number; replyDeadlineReminders: number }> {
  const { deps, repo } = core;
  const now = deps.clock.now();
  let overdue = 0;
  let replyDeadlineReminders = 0;
  for (;;) {
    const due = await repo.dueUnnotified(now, BATCH);
    for (const t of due) {
      const lang = asMessageLanguage((await deps.marketplaces.findSeller(t.sellerId))?.language);
      const done = await deps.db.transaction(async (tx) => {
        if (!(await repo.claimOverdue(tx, t, now))) return false;
        await publishEvent(tx, {
          sellerId: t.sellerId,
          type: 'messages.overdue',
          dedupeKey: `messages.overdue:${t.id}:${(t.responseDueAt as Date).toISOString()}`,
          payload: {
            threadId: t.id,
            orderId: t.amazonOrderId,
            subject: t.subject,
            responseDueAt: (t.responseDueAt as Date).toISOString(),
            title: OVERDUE[lang](t.subject, t.amazonOrderId),
            body: OVERDUE_BODY[lang],
          },
          occurredAt: now,
        });
        return true;
      });
      if (done) overdue++;
    }
    if (due.length < BATCH) break;
  }
  for (;;) {
    const reached = await repo.replyDeadlinesReached(now, BATCH);
    for (const t of reached) {
      const lang = asMessageLanguage((await deps.marketplaces.findSeller(t.sellerId))?.language);
      const done = await deps.db.transaction(async (tx) => {
        if (!(await repo.claimReplyDeadline(tx, t, now))) return false;
        await publishEvent(tx, {
          sellerId: t.sellerId,
          type: 'messages.reply_deadline',
          dedupeKey: `messages.reply_deadline:${t.id}:${(t.replyDeadlineAt as Date).toISOString()}`,
          payload: {
            threadId: t.id,
            orderId: t.amazonOrderId,
            replyDeadlineAt: (t.replyDeadlineAt as Date).toISOString(),
            title: DEADLINE[lang](t.amazonOrderId ?? t.subject),
            body: DEADLINE_BODY[lang],
          },
          occurredAt: now,
        });
        return true;
      });
      if (done) replyDeadlineReminders++;
    }
    if (reached.length < BATCH) break;
  }
  return { overdue, replyDeadlineReminders };
}
