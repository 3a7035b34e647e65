// A mail received at a relay address (MSG-4), read with mailparser into what the relay handler
// needs. Mail we cannot read as a message (no header block, no sender, a multipart without its
// boundary) is refused with 550 5.6.0 and nothing is stored.
import { type AddressObject, simpleParser } from 'mailparser';

export type InboundAttachment = { filename: string; contentType: string; content: Buffer; size: number };

export type InboundMail = {
  from: { address: string; name: string };
  to: string[];
  subject: string;
  /** The text part (or, for HTML-only mail, the text mailparser derives from the HTML). */
  text: string;
  /** An HTML part was present; `htmlOnly` when there was no text part beside it. */
  hasHtml: boolean;
  htmlOnly: boolean;
  attachments: InboundAttachment[];
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
};

export class MalformedMail extends Error {}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value).filter((v) => v.address);

export async function parseInboundMail(raw: Buffer): Promise<InboundMail> {
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  if (!/\r?\n\r?\n/.test(head) && raw.length > head.length)
    throw new MalformedMail('no end of the header block');
  if (!/^[!-9;-~]+:/m.test(head.split(/\r?\n\r?\n/)[0] ?? '')) throw new MalformedMail('no header fields');
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const ct = mail.headers.get('content-type') as
    | { value?: string; params?: Record<string, string> }
    | undefined;
  if (ct?.value?.toLowerCase().startsWith('multipart/') && !ct.params?.boundary) {
    throw new MalformedMail('a multipart message without its boundary');
  }
  const from = addresses(mail.from)[0];
  if (!from?.address) throw new MalformedMail('no From address');
  const html = typeof mail.html === 'string' && mail.html.trim() !== '';
  const textPart = mail.text ?? '';
  const refs = mail.references;
  return {
    from: { address: from.address.toLowerCase(), name: from.name ?? '' },
    to: addresses(mail.to).map((a) => (a.address ?? '').toLowerCase()),
    subject: mail.subject ?? '',
    text: textPart,
    hasHtml: html,
    htmlOnly: html && !hasTextPart(raw),
    attachments: mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || !a.related)
      .map((a) => ({
        filename: a.filename ?? 'attachment',
        contentType: a.contentType.toLowerCase(),
        content: a.content,
        size: a.size,
      })),
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references: Array.isArray(refs) ? refs : refs ? refs.split(/\s+/).filter(Boolean) : [],
  };
}

/**
 * mailparser fills `text` from the HTML when there is no text part; a text/plain part in the
 * source is what tells them apart.
 */
function hasTextPart(raw: Buffer): boolean {
  const src = raw.toString('latin1');
  if (/^content-type:\s*text\/plain/im.test(src)) return true;
  // A single-part message without Content-Type is text/plain (RFC 2045 §5.2).
  return !/^content-type:/im.test(src.split(/\r?\n\r?\n/)[0] ?? '');
}
