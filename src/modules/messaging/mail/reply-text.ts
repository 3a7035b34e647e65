// MSG-4: a reply by mail carries the whole history below it (and often a signature with phone
// numbers and links, a frequent cause of policy blocks — reference §4.4 step 7). Only what the
// person wrote goes into the thread: email-reply-parser handles the English conventions ("On …
// wrote:", "> " quotes, "-- " signatures); the patterns below add what Japanese and Italian mail
// clients write, and the "sent from my phone" footers.
import EmailReplyParser from 'email-reply-parser';

/** A line that starts the quoted history: everything from it on is cut. */
const QUOTE_HEADERS: RegExp[] = [
  // Gmail ja: "2026年11月20日(金) 10:00 山田 <…>:" (also "2026年11月20日 金曜日 10:00 …:")
  /^\s*\d{4}年\s*\d{1,2}月\s*\d{1,2}日.*[:：]\s*$/,
  // Italian clients: "Il giorno ven 20 nov 2026 alle ore 10:00 Negozio <…> ha scritto:"
  /^\s*Il giorno\b.*\bha scritto\s*:?\s*$/i,
  /^\s*Il\s+\d{1,2}[/ ].*\bha scritto\s*:?\s*$/i,
  // Gmail en and most others: "On Fri, Nov 20, 2026 at 10:00 AM Shop <…> wrote:"
  /^\s*On\b.*\bwrote\s*:\s*$/i,
  // Outlook: a separator line, in several languages.
  /^\s*-{2,}\s*(Original Message|Messaggio originale|元のメッセージ|Forwarded message|Messaggio inoltrato)\s*-{2,}\s*$/i,
  // Outlook's header block: "From: …" right after a blank line or an underscore rule.
  /^\s*_{10,}\s*$/,
];

/** Footers mail apps add under the text. */
const DEVICE_FOOTERS: RegExp[] = [
  /^\s*Inviato da (il mio )?(iPhone|iPad|Android|Outlook|Gmail|Samsung).*$/i,
  /^\s*Sent from my (iPhone|iPad|Android|phone|mobile).*$/i,
  /^\s*Sent from (Outlook|Mail|Gmail|Yahoo).*$/i,
  /^\s*(iPhone|iPad|Android|スマートフォン)から送信.*$/,
  /^\s*Ottieni Outlook per .*$/i,
  /^\s*Get Outlook for .*$/i,
];

/** The part of a reply its author wrote: no quoted history, no signature, no device footer. */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (QUOTE_HEADERS.some((re) => re.test(line))) {
      end = i;
      break;
    }
    // "-- " (RFC 3676 signature separator) and the common "--" without its space.
    if (/^--\s?$/.test(line)) {
      end = i;
      break;
    }
  }
  const kept = lines
    .slice(0, end)
    .filter((l) => !/^\s*>/.test(l))
    .filter((l) => !DEVICE_FOOTERS.some((re) => re.test(l)));
  const parsed = new EmailReplyParser().parseReply(kept.join('\n'));
  return parsed
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
