// The messaging policy engine (MSG-2, 6–11, 13, 16): pure, synchronous, everything compiled at
// module load. checkMessage decides whether a message may be sent and explains each violation
// on a span of the ORIGINAL text; redactContactDetails masks a buyer's contact details.
// Pipeline: canonicalise (detection only) → protect allow-listed identifiers → detect → purpose
// rules → merge. See docs/message-policy.md.
import type {
  MessageLanguage,
  PolicyContext,
  PolicyPhraseRule,
  PolicyRuleId,
  PolicyVerdict,
  PolicyViolation,
  Redaction,
} from '../messaging.types.ts';
import { type Canonical, canonicalForm, toOriginalSpan } from './canonicalise.ts';
import { detectHtml } from './detect-html.ts';
import { detectLinks, type LinkFinding } from './detect-links.ts';
import { detectPhones, maskRanges, type Range, protectedRanges } from './detect-phones.ts';
import { en } from './lexicons/en.ts';
import { it } from './lexicons/it.ts';
import { ja } from './lexicons/ja.ts';
import { type LexiconGroup, type LexiconRule, lexiconGroups } from './lexicons/lexicon.ts';
import { CONTACT_MASK, describe, type MessageArgs, REDACTED } from './policy-messages.ts';

export { canonicalise } from './canonicalise.ts';

/** Every language's phrases apply on every marketplace: a seller may write English in Japan. */
const LEXICON = [...lexiconGroups(en), ...lexiconGroups(it), ...lexiconGroups(ja)];
const ANY_ORDER_ID = /(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)/;
const HANDLE = /(?<![A-Za-z0-9._%+\-@])@(?=[A-Za-z0-9_.]{0,29}[A-Za-z])[A-Za-z0-9_][A-Za-z0-9_.]{2,29}/g;
/** After "LINE ID", "WhatsApp"…: the id itself belongs to the span ("LINE ID: shop_abc"). */
const HANDLE_TAIL =
  /^\s{0,2}(?:(?:ID|id)\s{0,2}[:：は=]?|[:：=]|(?=@)|\s(?=[A-Za-z0-9_.\-+]{0,40}[0-9_]))\s{0,2}@?(?=[A-Za-z0-9_.\-+]{0,40}[A-Za-z0-9])[A-Za-z0-9_.\-+]{3,40}/;
const SPELLED_AT_WORD = /\sat\s/i;
const WHITESPACE_ONLY = /^[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]*$/;

type Raw = { rule: PolicyRuleId; start: number; end: number; args: MessageArgs };

const extraCache = new Map<string, RegExp>();
function phraseRegex(phrase: string): RegExp | null {
  let re = extraCache.get(phrase);
  if (!re) {
    // Operator phrases are literal text (no regex syntax: no ReDoS), matched like the lexicons:
    // canonical form, case-insensitive, any run of spaces.
    const canon = canonicalForm(phrase).text.trim();
    if (!canon) return null;
    const source = canon
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    const wordy = /^[A-Za-z0-9]/.test(canon) && /[A-Za-z0-9]$/.test(canon);
    re = new RegExp(wordy ? `(?<![A-Za-z0-9])${source}(?![A-Za-z0-9])` : source, 'giu');
    if (extraCache.size > 5_000) extraCache.clear();
    extraCache.set(phrase, re);
  }
  return re;
}

function runLexicon(
  c: Canonical,
  groups: readonly LexiconGroup[],
  out: Raw[],
  only?: LexiconRule,
  handlesOnly = false,
) {
  const lowered = c.text.toLowerCase();
  const useLower = lowered.length === c.text.length;
  const text = useLower ? lowered : c.text;
  for (const group of groups) {
    const rule = group.rule;
    if (only && only !== rule) continue;
    if (useLower && group.prefilter && !group.prefilter.test(text)) continue;
    const gate = useLower ? group.gateLower : group.gate;
    gate.lastIndex = 0;
    const first = gate.exec(text);
    if (!first) continue;
    for (const entry of group.entries) {
      const re = useLower ? entry.lower : entry.re;
      re.lastIndex = first.index;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        let end = m.index + m[0].length;
        if (rule === 'messenger_handle') {
          const tail = HANDLE_TAIL.exec(c.text.slice(end, end + 48));
          if (tail) end += tail[0].length;
          // Redaction masks an actual id ("LINE ID: abc_1"), not a mere mention of the app.
          else if (handlesOnly) continue;
        }
        out.push({ rule, start: m.index, end, args: {} });
      }
    }
  }
}

function runExtraPhrases(c: Canonical, phrases: PolicyContext['extraPhrases'], out: Raw[]) {
  if (!phrases) return;
  for (const { rule, phrase } of phrases) {
    const re = phraseRegex(phrase);
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({
        rule: rule satisfies PolicyPhraseRule,
        start: m.index,
        end: m.index + m[0].length,
        args: {},
      });
    }
  }
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

/** Contact details in canonical coordinates: e-mails, phones, handles (MSG-11). */
function contactDetails(c: Canonical, ctx: PolicyContext, links: LinkFinding[], withPhrases: boolean): Raw[] {
  const out: Raw[] = [];
  for (const l of links) {
    if (l.kind === 'email' && !l.allowed)
      out.push({ rule: 'email_address', start: l.start, end: l.end, args: { found: l.value } });
  }
  // Phones: blank the identifiers (order ids, tracking numbers, prices, dates) and every link
  // or e-mail first, so their digits never read as a phone number.
  const guard = protectedRanges(c.text, ctx.order?.trackingNumbers ?? [], ctx.order?.amazonOrderId);
  for (const l of links) guard.push({ start: l.start, end: l.end });
  const masked = maskRanges(c.text, guard);
  for (const p of detectPhones(masked, ctx.marketplace.countryCode)) {
    if (p.thirdParty && ctx.direction === 'seller-to-buyer') continue;
    out.push({
      rule: 'phone_number',
      start: p.start,
      end: p.end,
      args: { found: c.text.slice(p.start, p.end) },
    });
  }
  if (c.text.includes('@')) {
    HANDLE.lastIndex = 0;
    for (let m = HANDLE.exec(c.text); m; m = HANDLE.exec(c.text)) {
      const r = { start: m.index, end: m.index + m[0].length };
      if (links.some((l) => overlaps(l, r))) continue;
      out.push({ rule: 'messenger_handle', ...r, args: { found: m[0] } });
    }
  }
  if (withPhrases) runLexicon(c, LEXICON, out, 'messenger_handle', true);
  return out;
}

function toViolations(
  raw: Raw[],
  c: Canonical | null,
  original: string,
  language: MessageLanguage,
): PolicyViolation[] {
  const spans = raw.map((r) => {
    const span = c ? toOriginalSpan(c, r.start, r.end) : { start: r.start, end: r.end };
    return { rule: r.rule, ...span, args: r.args };
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.rule.localeCompare(b.rule));
  // Merge duplicates: the same rule on overlapping spans is one violation.
  const merged: typeof spans = [];
  for (const s of spans) {
    const prev = merged.findLast(
      (m) => m.rule === s.rule && (s.start < m.end || (s.start === m.start && s.end === m.end)),
    );
    if (prev) {
      prev.end = Math.max(prev.end, s.end);
      continue;
    }
    merged.push({ ...s });
  }
  return merged.map((s) => {
    const args = { ...s.args };
    if (args.found === undefined && s.end > s.start) args.found = original.slice(s.start, s.end).trim();
    const { message, hint } = describe(s.rule, language, args);
    return { rule: s.rule, start: s.start, end: s.end, message, hint };
  });
}

function codePointOffset(text: string, count: number): number {
  let i = 0;
  for (let n = 0; n < count && i < text.length; n++) i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
  return i;
}

const orderIdPatterns = new Map<string, RegExp>();
function orderIdPattern(id: string): RegExp {
  let re = orderIdPatterns.get(id);
  if (!re) {
    const groups = id
      .replace(/[^0-9A-Za-z-]/g, '')
      .split('-')
      .filter(Boolean);
    re = new RegExp(`(?<![0-9])${groups.join('[\\s-]?')}(?![0-9])`, 'i');
    if (orderIdPatterns.size >= 10_000) orderIdPatterns.clear();
    orderIdPatterns.set(id, re);
  }
  return re;
}

/** Code points, without materialising them ([...text] allocates one string per character). */
function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** MSG-2, 6–11, 13: may this message be sent? Pure and synchronous. */
export function checkMessage(text: string, ctx: PolicyContext): PolicyVerdict {
  const raw: Raw[] = [];
  const seller = ctx.direction === 'seller-to-buyer';
  const origRaw: Raw[] = [];

  if (WHITESPACE_ONLY.test(text)) {
    return finish([{ rule: 'empty', start: 0, end: 0, args: {} }], [], null, text, ctx);
  }
  const length = codePointLength(text);
  if (length > ctx.maxChars) {
    origRaw.push({
      rule: 'too_long',
      start: codePointOffset(text, ctx.maxChars),
      end: text.length,
      args: { length, maxChars: ctx.maxChars },
    });
  }
  for (const h of detectHtml(text))
    origRaw.push({ rule: 'html', start: h.start, end: h.end, args: { found: h.found } });

  const c = canonicalForm(text);
  const hosts = ctx.marketplace.carrierTrackingHosts;
  const links = detectLinks(c.text, hosts, ctx.marketplace.relayDomain);
  for (const l of links) {
    if (l.kind === 'link' && !l.allowed)
      raw.push({ rule: 'link', start: l.start, end: l.end, args: { found: l.value, hosts } });
  }

  if (seller) {
    for (const l of links) {
      // "the guide at example.com" reads as guide@example.com once "at" is de-obfuscated: the
      // spelled form is reported as a link too, so the seller sees both possible readings.
      if (
        l.kind === 'email' &&
        !l.allowed &&
        SPELLED_AT_WORD.test(
          text.slice(toOriginalSpan(c, l.start, l.end).start, toOriginalSpan(c, l.start, l.end).end),
        )
      ) {
        raw.push({
          rule: 'link',
          start: l.start,
          end: l.end,
          args: { found: l.value.slice(l.value.indexOf('@') + 1), hosts },
        });
      }
    }
    raw.push(...contactDetails(c, ctx, links, false));
    runLexicon(c, LEXICON, raw);
    runExtraPhrases(c, ctx.extraPhrases, raw);
    // MSG-7: the order id (tolerant to full-width digits and missing dashes via the canonical text).
    if (ctx.order) {
      if (!orderIdPattern(ctx.order.amazonOrderId).test(c.text)) {
        origRaw.push({
          rule: 'order_id_missing',
          start: 0,
          end: 0,
          args: { orderId: ctx.order.amazonOrderId },
        });
      }
    } else if (!ctx.preOrderReply && !ANY_ORDER_ID.test(c.text)) {
      origRaw.push({ rule: 'order_id_missing', start: 0, end: 0, args: {} });
    }
    // MSG-13: seller messages only within N days of delivery.
    const delivered = ctx.order?.deliveredAt;
    if (
      delivered &&
      ctx.now.getTime() - delivered.getTime() > ctx.messagingWindowDaysAfterDelivery * 86_400_000
    ) {
      origRaw.push({
        rule: 'messaging_window',
        start: 0,
        end: 0,
        args: { days: ctx.messagingWindowDaysAfterDelivery },
      });
    }
  }
  return finish(raw, origRaw, c, text, ctx);
}

function finish(
  raw: Raw[],
  origRaw: Raw[],
  c: Canonical | null,
  text: string,
  ctx: PolicyContext,
): PolicyVerdict {
  const violations = [
    ...toViolations(raw, c, text, ctx.language),
    ...toViolations(origRaw, null, text, ctx.language),
  ];
  violations.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { allowed: violations.length === 0, violations };
}

/**
 * MSG-11/16: a buyer's e-mail addresses, phone numbers and messenger handles replaced by a mask
 * ("[連絡先を削除しました]" / "[contatto rimosso]" / "[contact removed]", in the marketplace's
 * language). `redactions[].start/end` are spans of the ORIGINAL text (what was removed).
 */
export function redactContactDetails(text: string, ctx: PolicyContext): Redaction {
  if (WHITESPACE_ONLY.test(text)) return { text, redactions: [] };
  const c = canonicalForm(text);
  const links = detectLinks(c.text, ctx.marketplace.carrierTrackingHosts, ctx.marketplace.relayDomain);
  const found = contactDetails(c, { ...ctx, direction: 'buyer-to-seller' }, links, true);
  if (found.length === 0) return { text, redactions: [] };
  const spans = found
    .map((r) => ({ rule: r.rule, ...toOriginalSpan(c, r.start, r.end) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping contact details (a handle inside "LINE ID: …") become one mask.
  const merged: typeof spans = [];
  for (const s of spans) {
    const prev = merged[merged.length - 1];
    if (prev && s.start < prev.end) prev.end = Math.max(prev.end, s.end);
    else merged.push({ ...s });
  }
  const mask = CONTACT_MASK[ctx.marketplace.language] ?? CONTACT_MASK.en;
  let out = '';
  let last = 0;
  for (const s of merged) {
    out += text.slice(last, s.start) + mask;
    last = s.end;
  }
  out += text.slice(last);
  const { message, hint } = REDACTED[ctx.language] ?? REDACTED.en;
  return {
    text: out,
    redactions: merged.map((s) => ({ rule: s.rule, start: s.start, end: s.end, message, hint })),
  };
}
