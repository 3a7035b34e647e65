// NTF-4/6/7: the email channel. One envelope per delivery (one address), sent through the pooled
// nodemailer transport of platform/mail; the envelope sender is the delivery's own return address
// (VERP, `bounce+<deliveryId>@<domain>`) so a later bounce names the delivery. The mail has no
// Reply-To: notifications are one-way (NTF-4). A rejection is classified per RFC 3463 (4xx retry,
// 5xx permanent) and reported to the send worker, which owns retries and failed addresses.
import type { Mailer } from '../../platform/mail/mailer.ts';
import { returnAddressFor } from './bounce-address.ts';
import type { ChannelAdapter, SendOutcome } from './channel.ts';
import { classifySmtpFailure } from './smtp-failure.ts';

export type EmailChannelDeps = {
  mailer: Mailer;
  /** The From header, e.g. `Mercato <no-reply@mercato.example>`. */
  from: string;
  /** The domain of the per-delivery return addresses (the inbound bounce server's). */
  bounceDomain: string;
};

export function createEmailChannel(d: EmailChannelDeps): ChannelAdapter {
  return {
    async send(msg): Promise<SendOutcome> {
      try {
        const res = await d.mailer.send({
          to: msg.address,
          from: d.from,
          subject: msg.rendered.subject,
          text: msg.rendered.text,
          html: msg.rendered.html,
          envelopeFrom: returnAddressFor(msg.deliveryId, d.bounceDomain),
          headers: {
            // Lets a reader's client (and our bounce parser) tie the message to its delivery.
            'X-Mercato-Delivery': msg.deliveryId,
            'Auto-Submitted': 'auto-generated',
            'Content-Language': msg.rendered.language,
          },
        });
        // Partial rejections do not throw (reference/notifications.md §4.3): read them.
        const rejected = res.rejected[0];
        if (rejected || res.accepted.length === 0) {
          const response = rejected?.response ?? 'no recipient accepted';
          const c = classifySmtpFailure(rejected?.responseCode ?? null, response);
          return {
            ok: false,
            permanent: c.permanent,
            code: rejected?.responseCode ?? undefined,
            error: response,
          };
        }
        return { ok: true, code: 250 };
      } catch (err) {
        // DATA-stage rejections and connection failures (EMESSAGE, EPROTOCOL 421, ECONNECTION).
        const e = err as Error & { responseCode?: number; response?: string };
        const response = e.response ?? e.message;
        const c = classifySmtpFailure(e.responseCode ?? null, response);
        return { ok: false, permanent: c.permanent, code: e.responseCode, error: response };
      }
    },
  };
}
