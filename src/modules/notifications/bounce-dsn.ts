// NTF-7: reading a delivery status notification (RFC 3464). mailparser finds the
// `message/delivery-status` part; its body is a block of per-message fields followed by one block
// per recipient (header-style `Name: value` lines, folded lines continue with white space, blocks
// separated by a blank line). No npm package parses these fields, so this file does, tested with
// Postfix, Gmail and Exchange samples (bounce-dsn.test.ts).
import { classifySmtpFailure, type SmtpFailureReason } from './smtp-failure.ts';

export type DsnRecipient = {
  finalRecipient: string | null;
  originalRecipient: string | null;
  /** failed | delayed | delivered | relayed | expanded (lower case). */
  action: string | null;
  /** The RFC 3463 enhanced code, e.g. `5.1.1`. */
  status: string | null;
  /** The remote server's reply without its type prefix, e.g. `550 5.1.1 user unknown`. */
  diagnostic: string | null;
  remoteMta: string | null;
};

export type DeliveryStatusReport = {
  reportingMta: string | null;
  recipients: DsnRecipient[];
};

type Fields = Map<string, string>;

/** Splits the part into field blocks; names are lower-cased, folded lines joined with one space. */
function fieldBlocks(text: string): Fields[] {
  const blocks: Fields[] = [];
  let current: Fields | null = null;
  let last: string | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.trim() === '') {
      if (current && current.size > 0) blocks.push(current);
      current = null;
      last = null;
      continue;
    }
    if (/^[ \t]/.test(raw) && current && last) {
      current.set(last, `${current.get(last)} ${raw.trim()}`);
      continue;
    }
    const colon = raw.indexOf(':');
    if (colon <= 0) continue; // not a field: ignore, as the RFC lets readers do with unknown lines
    current ??= new Map();
    last = raw.slice(0, colon).trim().toLowerCase();
    // First occurrence wins (a repeated field is malformed; keep the standard one).
    if (!current.has(last)) current.set(last, raw.slice(colon + 1).trim());
  }
  if (current && current.size > 0) blocks.push(current);
  return blocks;
}

/** `rfc822; someone@example.com` → `someone@example.com` (the address type is dropped). */
function typed(value: string | undefined): string | null {
  if (!value) return null;
  const semi = value.indexOf(';');
  const v = (semi >= 0 ? value.slice(semi + 1) : value).trim().replace(/^<|>$/g, '');
  return v || null;
}

/**
 * A remote reply spread over several lines (`550-5.1.1 The email account… 550-5.1.1 double-
 * checking… 550 5.1.1 https://…`) becomes one sentence with the code once.
 */
function cleanDiagnostic(value: string | undefined): string | null {
  const v = typed(value);
  if (!v) return null;
  const m = /^(\d{3})[ -](?:(\d\.\d{1,3}\.\d{1,3})\s+)?/.exec(v);
  if (!m) return v.replace(/\s+/g, ' ');
  const [, code, enhanced] = m;
  const continuation = new RegExp(
    `\\s${code}[ -]${enhanced ? `${enhanced.replace(/\./g, '\\.')}\\s*` : ''}`,
    'g',
  );
  const rest = v.slice(m[0].length).replace(continuation, ' ').replace(/\s+/g, ' ').trim();
  return [code, enhanced, rest].filter(Boolean).join(' ');
}

/** Reads the body of a `message/delivery-status` (or `message/global-delivery-status`) part. */
export function parseDeliveryStatus(text: string): DeliveryStatusReport {
  const blocks = fieldBlocks(text);
  // The per-message block comes first; it is the one without Final-Recipient / Action.
  const isRecipient = (b: Fields) => b.has('final-recipient') || b.has('action');
  const head = blocks[0] && !isRecipient(blocks[0]) ? blocks[0] : undefined;
  return {
    reportingMta: typed(head?.get('reporting-mta')),
    recipients: blocks.filter(isRecipient).map((b) => ({
      finalRecipient: typed(b.get('final-recipient')),
      originalRecipient: typed(b.get('original-recipient')),
      action: b.get('action')?.toLowerCase().split(/[\s(]/)[0] ?? null,
      status: /\d\.\d{1,3}\.\d{1,3}/.exec(b.get('status') ?? '')?.[0] ?? null,
      diagnostic: cleanDiagnostic(b.get('diagnostic-code')),
      remoteMta: typed(b.get('remote-mta')),
    })),
  };
}

export type BounceVerdict =
  | {
      kind: 'failed';
      /** The remote SMTP reply code when the report has one (550), else null. */
      code: number | null;
      status: string | null;
      reason: SmtpFailureReason;
      /** What the seller is shown as the reason: `550 5.1.1 user unknown (mx.example.com)`. */
      evidence: string;
    }
  /** `delayed` (the remote MTA is still trying), `delivered`/`relayed` (a success report). */
  | { kind: 'not_failed'; action: string | null };

const EVIDENCE_MAX = 300;

/**
 * What one recipient's report means for the delivery. `Action: failed` is a final failure whatever
 * the status class: a 4.x.x with `failed` is a remote queue that gave up (temporary failures past
 * its retry limit count as permanent, NTF-7).
 */
export function bounceVerdict(r: DsnRecipient): BounceVerdict {
  if (r.action !== 'failed') return { kind: 'not_failed', action: r.action };
  const code = r.diagnostic ? Number(/^(\d{3})\b/.exec(r.diagnostic)?.[1]) || null : null;
  const statusText = r.status ?? '';
  const diag = r.diagnostic ?? '';
  const classified = classifySmtpFailure(code, diag.includes(statusText) ? diag : `${statusText} ${diag}`);
  let evidence =
    diag && statusText && !diag.includes(statusText) ? `${statusText} ${diag}` : diag || statusText;
  if (!evidence) evidence = 'bounced (no reason given)';
  if (r.remoteMta) evidence = `${evidence} (${r.remoteMta})`;
  if (evidence.length > EVIDENCE_MAX) evidence = `${evidence.slice(0, EVIDENCE_MAX - 1)}…`;
  return {
    kind: 'failed',
    code,
    status: r.status,
    // A report of `failed` is never retried by us, even when the status class says 4.
    reason:
      classified.reason === 'temporary' || classified.reason === 'connection'
        ? 'rejected'
        : classified.reason,
    evidence,
  };
}
