// NTF-7: the inbound SMTP server that receives bounces. Every notification email leaves with its
// own return address (`bounce+<deliveryId>@<domain>`, bounce-address.ts); a remote MTA that gives
// up later sends its delivery status notification (RFC 3464) there. This server accepts mail for
// those addresses only (every other recipient: 550 at RCPT), finds the `message/delivery-status`
// part with mailparser, and reports a final failure to the pipeline, which marks the address failed
// and alerts the seller. Delayed and success reports, auto-replies and other mail change nothing.
import { simpleParser } from 'mailparser';
import type { Logger } from '../../platform/logger.ts';
import { type InboundRoute, smtpReply, startInboundSmtp } from '../../platform/mail/inbound-smtp.ts';
import { deliveryIdFromReturnAddress } from './bounce-address.ts';
import { type BounceVerdict, bounceVerdict, parseDeliveryStatus } from './bounce-dsn.ts';

export type BounceReport = {
  /** The remote SMTP reply code (550) when the report has one. */
  code: number | null;
  /** The enhanced status (5.1.1). */
  status: string | null;
  reason: Extract<BounceVerdict, { kind: 'failed' }>['reason'];
  /** What the seller reads as the reason, e.g. `550 5.1.1 user unknown (mx.example.com)`. */
  evidence: string;
};

/**
 * The pipeline's side (notifications.recordBounce): marks the delivery's address failed. Resolves
 * false for a delivery it does not know; throws when it cannot store the failure.
 */
export type RecordBounce = (deliveryId: string, bounce: BounceReport) => Promise<boolean | undefined>;

export type BounceServerOptions = {
  port: number;
  host?: string;
  /** The domain of the return addresses (the part after `@`). */
  domain: string;
  recordBounce: RecordBounce;
  log: Logger;
  /** Largest message accepted (bounces carrying the whole original can be big). */
  maxBytes?: number;
};

export type BounceServer = { port: number; close(): Promise<void> };

/** What one received message did, for logs and tests (`known: false`: no such delivery). */
export type BounceOutcome = {
  deliveryId: string;
  recorded: boolean;
  known: boolean;
  verdict: BounceVerdict | null;
};

/** Reads a received message and reports each VERP recipient's failure (exported for tests). */
export async function handleBounceMessage(
  raw: Buffer | string,
  deliveryIds: string[],
  recordBounce: RecordBounce,
): Promise<BounceOutcome[]> {
  // Mail we cannot read is no bounce report: accepted and dropped, never retried by the sender.
  const mail = await simpleParser(raw, { keepDeliveryStatus: true }).catch(() => null);
  const part = mail?.attachments.find((a) =>
    ['message/delivery-status', 'message/global-delivery-status'].includes(a.contentType.toLowerCase()),
  );
  const report = part ? parseDeliveryStatus(part.content.toString('utf8')) : null;
  const recipients = report?.recipients ?? [];
  // One envelope per delivery (the email channel sends one recipient per message), so a report
  // sent to a delivery's return address is about that delivery: the first failed recipient wins.
  const verdict =
    recipients.map(bounceVerdict).find((v) => v.kind === 'failed') ??
    (recipients[0] ? bounceVerdict(recipients[0]) : null);
  const outcomes: BounceOutcome[] = [];
  for (const deliveryId of deliveryIds) {
    if (verdict?.kind !== 'failed') {
      outcomes.push({ deliveryId, recorded: false, known: true, verdict });
      continue;
    }
    const known = await recordBounce(deliveryId, {
      code: verdict.code,
      status: verdict.status,
      reason: verdict.reason,
      evidence: verdict.evidence,
    });
    // A delivery we do not know (deleted, or a forged id) is accepted and dropped: a 5xx to a
    // null-sender message would only make the remote MTA log another failure.
    outcomes.push({ deliveryId, recorded: known !== false, known: known !== false, verdict });
  }
  return outcomes;
}

/**
 * The bounce route of the inbound SMTP server: owns `bounce+<deliveryId>@<domain>` recipients,
 * takes mail from anyone (bounces come with a null sender), and reports failures.
 */
export function bounceRoute(opts: {
  domain: string;
  recordBounce: RecordBounce;
  log: Logger;
}): InboundRoute<string> {
  const log = opts.log.child({ component: 'bounce-server' });
  return {
    name: 'bounces',
    resolve: (address) => deliveryIdFromReturnAddress(address, opts.domain),
    async deliver(raw, deliveryIds) {
      let outcomes: BounceOutcome[];
      try {
        outcomes = await handleBounceMessage(raw, deliveryIds, opts.recordBounce);
      } catch (err) {
        // The failure could not be stored (database down...): 451, the remote MTA keeps the
        // bounce and tries again later.
        log.error({ err }, 'bounce could not be recorded');
        throw smtpReply(451, '4.3.0 Temporary failure, try again later');
      }
      for (const o of outcomes) {
        const verdict = o.verdict?.kind ?? 'no_report';
        if (o.known) log.info({ deliveryId: o.deliveryId, recorded: o.recorded, verdict }, 'bounce received');
        else log.warn({ deliveryId: o.deliveryId }, 'bounce for an unknown delivery dropped');
      }
    },
  };
}

/** A server for bounces only (tests; `server.ts` runs one inbound server with every route). */
export async function startBounceServer(opts: BounceServerOptions): Promise<BounceServer> {
  return startInboundSmtp({
    port: opts.port,
    host: opts.host,
    maxBytes: opts.maxBytes ?? 10 * 1024 * 1024,
    log: opts.log,
    banner: 'Mercato bounce receiver',
    routes: [bounceRoute(opts)],
  });
}
