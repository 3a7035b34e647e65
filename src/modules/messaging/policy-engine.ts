// TEMPORARY adapter until helper A's policy/message-policy.ts lands: the minimal rules
// (empty, too long, html, links, MSG-7 order id) so the write path runs. Replaced by a direct
// import of A's checkMessage / redactContactDetails.
import type { PolicyContext, PolicyVerdict, PolicyViolation, Redaction } from './messaging.types.ts';

const v = (rule: PolicyViolation['rule'], start: number, end: number, message: string): PolicyViolation => ({
  rule,
  start,
  end,
  message,
  hint: '',
});

export function checkMessage(text: string, ctx: PolicyContext): PolicyVerdict {
  const out: PolicyViolation[] = [];
  if (!text.trim()) out.push(v('empty', 0, 0, 'The message is empty.'));
  if (text.length > ctx.maxChars)
    out.push(v('too_long', 0, 0, `The message is longer than ${ctx.maxChars} characters.`));
  for (const m of text.matchAll(/<\/?[a-z][^>]*>/gi))
    out.push(v('html', m.index, m.index + m[0].length, 'HTML is not allowed.'));
  for (const m of text.matchAll(/\bhttps?:\/\/\S+|\bwww\.\S+/gi))
    out.push(v('link', m.index, m.index + m[0].length, `A link to ${m[0]} is not allowed.`));
  if (ctx.direction === 'seller-to-buyer') {
    if (ctx.order && !text.includes(ctx.order.amazonOrderId))
      out.push(v('order_id_missing', 0, 0, 'The message must contain the order id.'));
    if (ctx.order?.deliveredAt) {
      const closes = ctx.order.deliveredAt.getTime() + ctx.messagingWindowDaysAfterDelivery * 86_400_000;
      if (ctx.now.getTime() >= closes)
        out.push(v('messaging_window', 0, 0, 'The messaging window has closed.'));
    }
  }
  return { allowed: out.length === 0, violations: out };
}

export function redactContactDetails(text: string, _ctx: PolicyContext): Redaction {
  const redactions: PolicyViolation[] = [];
  const out = text.replace(/\+?\d[\d\s-]{8,}\d/g, (m, i: number) => {
    redactions.push(v('phone_number', i, i + m.length, 'A phone number was hidden.'));
    return '[…]';
  });
  return { text: out, redactions };
}
