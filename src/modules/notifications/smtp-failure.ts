// NTF-7: what an SMTP rejection means (reference/notifications.md §4, RFC 5321 reply codes and
// RFC 3463 enhanced status codes). 4xx = temporary (retry with backoff); 5xx = permanent; the
// enhanced code x.2.2 "mailbox full" is named as such whatever its class, and 5.2.2 is permanent.

export type SmtpFailureReason = 'mailbox_full' | 'unknown_mailbox' | 'rejected' | 'temporary' | 'connection';

export type SmtpFailure = { permanent: boolean; reason: SmtpFailureReason };

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

export function classifySmtpFailure(code: number | null | undefined, response: string): SmtpFailure {
  const m = ENHANCED.exec(response);
  const cls = m ? Number(m[1]) : code ? Math.floor(code / 100) : null;
  const subject = m ? Number(m[2]) : null;
  const detail = m ? Number(m[3]) : null;
  if (cls === null) return { permanent: false, reason: 'connection' }; // no reply at all: SMTP down
  const permanent = cls === 5;
  if (subject === 2 && detail === 2) return { permanent, reason: 'mailbox_full' };
  if (!permanent) return { permanent: false, reason: 'temporary' };
  // x.1.1 bad destination mailbox, x.1.0 other address status, 550 with no enhanced code.
  if (subject === 1 && (detail === 1 || detail === 0)) return { permanent, reason: 'unknown_mailbox' };
  if (subject === null && code === 550) return { permanent, reason: 'unknown_mailbox' };
  if (subject === null && code === 552) return { permanent, reason: 'mailbox_full' };
  return { permanent, reason: 'rejected' };
}
