// Delivery status notifications (RFC 3464) as Postfix, Gmail and Exchange write them: the field
// order, folding, multi-line Gmail replies and vendor fields follow real reports (addresses and
// ids are invented). Used by the DSN parser's table test and the inbound bounce server tests.

export type DsnSample = {
  name: string;
  /** The body of the message/delivery-status part. */
  status: string;
  expected: {
    action: string;
    status: string | null;
    failed: boolean;
    code: number | null;
    reason?: string;
    /** A piece the evidence shown to the seller must contain. */
    evidence?: string;
  };
};

export const DSN_SAMPLES: DsnSample[] = [
  {
    name: 'Postfix: user unknown at the remote MX',
    status: [
      'Reporting-MTA: dns; relay.mercato.test',
      'X-Postfix-Queue-ID: 4BQ2xk1FZTz9sT',
      'X-Postfix-Sender: rfc822; bounce+dlv_01JDSN0000000000000000000A@mercato.test',
      'Arrival-Date: Tue,  3 Nov 2026 10:12:40 +0900 (JST)',
      '',
      'Final-Recipient: rfc822; nobody@shop.example',
      'Original-Recipient: rfc822;nobody@shop.example',
      'Action: failed',
      'Status: 5.1.1',
      'Remote-MTA: dns; mx.shop.example',
      'Diagnostic-Code: smtp; 550 5.1.1 <nobody@shop.example>: Recipient address',
      '    rejected: User unknown in virtual mailbox table',
      '',
    ].join('\n'),
    expected: {
      action: 'failed',
      status: '5.1.1',
      failed: true,
      code: 550,
      reason: 'unknown_mailbox',
      evidence:
        '550 5.1.1 <nobody@shop.example>: Recipient address rejected: User unknown in virtual mailbox table',
    },
  },
  {
    name: 'Postfix: local delivery over quota (x-unix diagnostic, no SMTP code)',
    status: [
      'Reporting-MTA: dns; mail.shop.example',
      'X-Postfix-Queue-ID: 9F2C21C0A3',
      'Arrival-Date: Wed,  4 Nov 2026 08:01:02 +0100 (CET)',
      '',
      'Final-Recipient: rfc822; full@shop.example',
      'Action: failed',
      'Status: 5.2.2',
      'Diagnostic-Code: x-unix; maildrop: maildir over quota.',
      '',
    ].join('\r\n'),
    expected: {
      action: 'failed',
      status: '5.2.2',
      failed: true,
      code: null,
      reason: 'mailbox_full',
      evidence: '5.2.2 maildrop: maildir over quota.',
    },
  },
  {
    name: 'Postfix: still trying (delayed)',
    status: [
      'Reporting-MTA: dns; relay.mercato.test',
      'X-Postfix-Queue-ID: 4BQ3Lm2KXvz9sV',
      'Arrival-Date: Tue,  3 Nov 2026 10:12:40 +0900 (JST)',
      '',
      'Final-Recipient: rfc822; slow@shop.example',
      'Action: delayed',
      'Status: 4.4.1',
      'Diagnostic-Code: X-Postfix; connect to mx.shop.example[192.0.2.10]:25: Connection',
      '    timed out',
      'Will-Retry-Until: Tue, 10 Nov 2026 10:12:40 +0900 (JST)',
      '',
    ].join('\n'),
    expected: { action: 'delayed', status: '4.4.1', failed: false, code: null },
  },
  {
    name: 'Postfix: gave up after its queue lifetime (failed with a 4.x.x status)',
    status: [
      'Reporting-MTA: dns; relay.mercato.test',
      'X-Postfix-Queue-ID: 4BQ3Lm2KXvz9sV',
      '',
      'Final-Recipient: rfc822; slow@shop.example',
      'Action: failed',
      'Status: 4.4.1',
      'Diagnostic-Code: X-Postfix; delivery temporarily suspended: connect to',
      '    mx.shop.example[192.0.2.10]:25: Connection timed out',
      '',
    ].join('\n'),
    expected: {
      action: 'failed',
      status: '4.4.1',
      failed: true,
      code: null,
      reason: 'rejected',
      evidence:
        '4.4.1 delivery temporarily suspended: connect to mx.shop.example[192.0.2.10]:25: Connection timed out',
    },
  },
  {
    name: 'Gmail: the account does not exist (multi-line 550-5.1.1 reply)',
    status: [
      'Reporting-MTA: dns; googlemail.com',
      'Received-From-MTA: dns; relay.mercato.test',
      'Arrival-Date: Thu, 05 Nov 2026 02:14:07 -0800 (PST)',
      'X-Original-Message-ID: <dlv_01JDSN0000000000000000000B@mercato.test>',
      '',
      'Final-Recipient: rfc822; no.such.seller@gmail.com',
      'Action: failed',
      'Status: 5.1.1',
      'Remote-MTA: dns; gmail-smtp-in.l.google.com. (142.250.0.26, the server for the domain',
      ' gmail.com.)',
      'Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try',
      "    550-5.1.1 double-checking the recipient's email address for typos or",
      '    550-5.1.1 unnecessary spaces. Learn more at',
      '    550 5.1.1  https://support.google.com/mail/?p=NoSuchUser d9-20020a05 - gsmtp',
      'Last-Attempt-Date: Thu, 05 Nov 2026 02:14:08 -0800 (PST)',
      '',
    ].join('\r\n'),
    expected: {
      action: 'failed',
      status: '5.1.1',
      failed: true,
      code: 550,
      reason: 'unknown_mailbox',
      evidence:
        "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
    },
  },
  {
    name: 'Gmail: over quota (552-5.2.2)',
    status: [
      'Reporting-MTA: dns; googlemail.com',
      'Arrival-Date: Thu, 05 Nov 2026 02:20:11 -0800 (PST)',
      '',
      'Final-Recipient: rfc822; busy.seller@gmail.com',
      'Action: failed',
      'Status: 5.2.2',
      'Remote-MTA: dns; gmail-smtp-in.l.google.com. (142.250.0.27, the server for the domain',
      ' gmail.com.)',
      'Diagnostic-Code: smtp; 552-5.2.2 The email account that you tried to reach is over quota.',
      '    552-5.2.2 Please direct the recipient to',
      '    552 5.2.2  https://support.google.com/mail/?p=OverQuotaPerm h3-20020a17 - gsmtp',
      '',
    ].join('\r\n'),
    expected: {
      action: 'failed',
      status: '5.2.2',
      failed: true,
      code: 552,
      reason: 'mailbox_full',
      evidence:
        '552 5.2.2 The email account that you tried to reach is over quota. Please direct the recipient to',
    },
  },
  {
    name: 'Exchange 2010: recipient not found (no space after "smtp;", X-Display-Name)',
    status: [
      'Reporting-MTA: dns;EXCH01.corp.example',
      'Received-From-MTA: dns;relay.mercato.test',
      'Arrival-Date: Fri, 6 Nov 2026 09:30:15 +0000',
      '',
      'Final-Recipient: rfc822;orders@corp.example',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
      'X-Display-Name: Orders',
      '',
      '',
    ].join('\r\n'),
    expected: {
      action: 'failed',
      status: '5.1.1',
      failed: true,
      code: 550,
      reason: 'unknown_mailbox',
      evidence: '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
    },
  },
  {
    name: 'Exchange Online: access denied by policy (5.4.1)',
    status: [
      'Reporting-MTA: dns;AM0PR01MB1234.eurprd01.prod.outlook.example',
      'Received-From-MTA: dns;relay.mercato.test',
      'Arrival-Date: Fri, 6 Nov 2026 09:31:00 +0000',
      '',
      'Original-Recipient: rfc822;info@tenant.example',
      'Final-Recipient: rfc822;info@tenant.example',
      'Action: failed',
      'Status: 5.4.1',
      'Diagnostic-Code: smtp;550 5.4.1 Recipient address rejected: Access denied.',
      ' AS(201806281) [AM0PR01MB1234.eurprd01.prod.outlook.example]',
      '',
    ].join('\r\n'),
    expected: {
      action: 'failed',
      status: '5.4.1',
      failed: true,
      code: 550,
      reason: 'rejected',
      evidence: '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)',
    },
  },
  {
    name: 'a success report (NOTIFY=SUCCESS): delivered',
    status: [
      'Reporting-MTA: dns; mail.shop.example',
      '',
      'Final-Recipient: rfc822; owner@shop.example',
      'Action: delivered',
      'Status: 2.0.0',
      '',
    ].join('\n'),
    expected: { action: 'delivered', status: '2.0.0', failed: false, code: null },
  },
];

/** A whole bounce message: multipart/report with the human text, the status part and the headers
 *  of the original (RET=HDRS), as MTAs send it to the envelope sender with a null Return-Path. */
export function dsnMessage(o: {
  to: string;
  status: string;
  from?: string;
  originalMessageId?: string;
  human?: string;
}): string {
  const boundary = 'b0undary.dsn.4242';
  return [
    `From: ${o.from ?? 'Mail Delivery System <MAILER-DAEMON@relay.mercato.test>'}`,
    `To: ${o.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Thu, 05 Nov 2026 10:00:00 +0000',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    o.human ?? 'I am sorry to have to inform you that your message could not be delivered.',
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    o.status,
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${o.originalMessageId ?? '<original@mercato.test>'}`,
    'Subject: New order 503-1234567-1234567',
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
