// Outgoing mail. With SMTP_URL: nodemailer with a pooled transport (one connection per message
// costs ~100 ms; the pool sends >1,000/s, reference/stack-trials.md §5). Without: a local mailbox
// table shown on the operator's "Sent mail" page, so a newcomer sees what would have gone out.
import nodemailer from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { mailbox } from '../db/platform.tables.ts';
import type { Ids } from '../ids.ts';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  from?: string;
  replyTo?: string;
  /** Envelope sender (bounces go here). */
  envelopeFrom?: string;
  headers?: Record<string, string>;
  /** RFC 5322 Message-ID with its angle brackets (`<id@domain>`); the transport makes one when absent. */
  messageId?: string;
  /** Threading (RFC 5322 §3.6.4): the message this one answers, and the chain before it. */
  inReplyTo?: string;
  references?: string[];
  attachments?: MailAttachment[];
};

export type MailAttachment = { filename: string; content: Buffer; contentType: string };

export type RejectedRecipient = {
  address: string;
  responseCode: number | null;
  response: string;
  permanent: boolean;
};
export type SendResult = { accepted: string[]; rejected: RejectedRecipient[]; messageId: string | null };

export interface Mailer {
  readonly transport: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): Promise<void>;
}

export function createSmtpMailer(url: string, poolSize: number, defaultFrom: string): Mailer {
  const transporter = nodemailer.createTransport(
    `${url}${url.includes('?') ? '&' : '?'}pool=true&maxConnections=${poolSize}&maxMessages=100000`,
  );
  return {
    transport: 'smtp',
    async send(mail) {
      try {
        const info = await transporter.sendMail({
          from: mail.from ?? defaultFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          replyTo: mail.replyTo,
          headers: mail.headers,
          messageId: mail.messageId,
          inReplyTo: mail.inReplyTo,
          references: mail.references,
          attachments: mail.attachments?.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
          envelope: mail.envelopeFrom ? { from: mail.envelopeFrom, to: mail.to } : undefined,
        });
        // Partial rejections do not throw: they are in rejectedErrors.
        const rejectedErrors = (info as unknown as { rejectedErrors?: SmtpError[] }).rejectedErrors ?? [];
        return {
          accepted: (info.accepted as string[]).map(String),
          rejected: rejectedErrors.map(toRejected),
          messageId: info.messageId ?? null,
        };
      } catch (err) {
        const e = err as SmtpError & { rejectedErrors?: SmtpError[] };
        if (e.code === 'EENVELOPE' && e.rejectedErrors?.length) {
          return { accepted: [], rejected: e.rejectedErrors.map(toRejected), messageId: null };
        }
        throw err;
      }
    },
    async close() {
      transporter.close();
    },
  };
}

type SmtpError = Error & {
  code?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
  recipient?: string;
};

function toRejected(e: SmtpError): RejectedRecipient {
  const code = e.responseCode ?? null;
  return {
    address: e.recipient ?? '',
    responseCode: code,
    response: e.response ?? e.message,
    permanent: e.permanent ?? (code !== null && code >= 500),
  };
}

export function createMailboxMailer(db: Db, ids: Ids, clock: Clock, defaultFrom: string): Mailer {
  return {
    transport: 'mailbox',
    async send(mail) {
      const id = ids.next('mail');
      // The local mailbox keeps what a reader needs to follow a thread; attachment bytes are not
      // kept (their names are), the messaging uploads hold them.
      const threading: Record<string, string> = {
        ...(mail.replyTo ? { 'Reply-To': mail.replyTo } : {}),
        ...(mail.messageId ? { 'Message-ID': mail.messageId } : {}),
        ...(mail.inReplyTo ? { 'In-Reply-To': mail.inReplyTo } : {}),
        ...(mail.references?.length ? { References: mail.references.join(' ') } : {}),
        ...(mail.attachments?.length
          ? { 'X-Mercato-Attachments': mail.attachments.map((a) => a.filename).join(', ') }
          : {}),
      };
      await db.insert(mailbox).values({
        id,
        to: mail.to,
        from: mail.from ?? defaultFrom,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? null,
        headers: { ...(mail.headers ?? {}), ...threading },
        transport: 'mailbox',
        createdAt: clock.now(),
      });
      return { accepted: [mail.to], rejected: [], messageId: mail.messageId ?? id };
    },
    async close() {},
  };
}
