// The one inbound SMTP server (an MX for Mercato's own addresses): bounce return addresses
// (NTF-7) and relay aliases (MSG-4) share it. Each RCPT is offered to the routes in order; the
// first that claims the address owns it, every other recipient gets 550 5.1.1 at RCPT, so no mail
// for a stranger is ever taken in. A route may refuse a sender at RCPT (550 5.7.1 before any data
// is sent) and refuses a message at DATA by throwing an SmtpReply; any other error is a 451 (the
// sender keeps the mail and tries again later: the database may be back by then).
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { Logger } from '../logger.ts';

/** An SMTP answer a route chooses (code + enhanced status and text), e.g. 550 "5.7.1 …". */
export class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'SmtpReply';
  }
}

export const smtpReply = (code: number, message: string) => new SmtpReply(code, message);

export type InboundEnvelope = {
  /** MAIL FROM (empty for bounces: the null reverse path). */
  mailFrom: string;
  remoteAddress: string;
};

export type InboundRoute<R = unknown> = {
  name: string;
  /** The recipient this route owns, resolved (e.g. a delivery id or a relay pair), or null. */
  resolve(address: string): Promise<R | null> | R | null;
  /** Refuses a sender for this recipient at RCPT by throwing an SmtpReply. */
  checkSender?(recipient: R, envelope: InboundEnvelope): Promise<void> | void;
  /** Handles the received message for this route's recipients; throws SmtpReply to refuse it. */
  deliver(raw: Buffer, recipients: R[], envelope: InboundEnvelope): Promise<void>;
};

export type InboundSmtpOptions = {
  port: number;
  host?: string;
  // biome-ignore lint/suspicious/noExplicitAny: routes resolve recipients of their own types
  routes: InboundRoute<any>[];
  log: Logger;
  /** Largest message accepted (SIZE extension and the DATA check: 552 past it). */
  maxBytes: number;
  banner?: string;
};

export type InboundSmtpServer = { port: number; close(): Promise<void> };

type Resolved = { route: InboundRoute; recipient: unknown };
const TEMPORARY = 'Temporary failure, try again later';

const asSmtpError = (err: unknown): SmtpReply =>
  err instanceof SmtpReply ? err : smtpReply(451, `4.3.0 ${TEMPORARY}`);

export async function startInboundSmtp(opts: InboundSmtpOptions): Promise<InboundSmtpServer> {
  const log = opts.log.child({ component: 'inbound-smtp' });
  // The recipients each session resolved at RCPT, used again at DATA (no second lookup).
  const resolved = new WeakMap<object, Resolved[]>();
  const envelopeOf = (session: {
    envelope: { mailFrom: false | { address: string } };
    remoteAddress: string;
  }): InboundEnvelope => ({
    mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    remoteAddress: session.remoteAddress,
  });

  const server = new SMTPServer({
    // An MX for our own addresses: no authentication, no relaying, plain SMTP (no certificate is
    // configured; senders fall back to plain text as they do for any MX).
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    size: opts.maxBytes,
    logger: false,
    banner: opts.banner ?? 'Mercato inbound mail',
    onMailFrom(_address, session, callback) {
      // RSET / a new transaction in the same connection starts a new list.
      resolved.set(session, []);
      callback();
    },
    onRcptTo(address, session, callback) {
      const addr = address.address.trim();
      (async () => {
        for (const route of opts.routes) {
          const recipient = await route.resolve(addr);
          if (recipient === null || recipient === undefined) continue;
          await route.checkSender?.(recipient, envelopeOf(session));
          const list = resolved.get(session) ?? [];
          list.push({ route, recipient });
          resolved.set(session, list);
          return;
        }
        throw smtpReply(550, '5.1.1 No such recipient here');
      })().then(
        () => callback(),
        (err: unknown) => {
          if (!(err instanceof SmtpReply)) log.error({ err, rcpt: addr }, 'recipient lookup failed');
          callback(asSmtpError(err));
        },
      );
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpReply(552, '5.3.4 Message too big'));
        const raw = Buffer.concat(chunks);
        const byRoute = new Map<InboundRoute, unknown[]>();
        for (const r of resolved.get(session) ?? []) {
          byRoute.set(r.route, [...(byRoute.get(r.route) ?? []), r.recipient]);
        }
        const envelope = envelopeOf(session);
        (async () => {
          for (const [route, recipients] of byRoute) await route.deliver(raw, recipients, envelope);
        })().then(
          () => callback(),
          (err: unknown) => {
            if (err instanceof SmtpReply)
              log.info({ code: err.responseCode, reason: err.message }, 'mail refused');
            else log.error({ err }, 'inbound mail could not be stored');
            callback(asSmtpError(err));
          },
        );
      });
    },
  });
  server.on('error', (err) => log.error({ err }, 'inbound SMTP server error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  log.info({ port, routes: opts.routes.map((r) => r.name) }, 'inbound SMTP listening');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
