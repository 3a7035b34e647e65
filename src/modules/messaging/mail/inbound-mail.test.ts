import { describe, expect, it } from 'vitest';
import { MalformedMail, parseInboundMail } from './inbound-mail.ts';

const msg = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('parseInboundMail (MSG-4 mail received at a relay address)', () => {
  it('reads sender, threading headers, text and attachments', async () => {
    const mail = await parseInboundMail(
      msg([
        'From: Taro <Taro@Example.jp>',
        'To: abc@relay.mercato.jp',
        'Subject: Re: Order 503-1234567-1234567',
        'Message-ID: <m1@example.jp>',
        'In-Reply-To: <msg_1@relay.mercato.jp>',
        'References: <msg_0@relay.mercato.jp> <msg_1@relay.mercato.jp>',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Hello',
        '--b',
        'Content-Type: application/pdf; name="r.pdf"',
        'Content-Disposition: attachment; filename="r.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4').toString('base64'),
        '--b--',
        '',
      ]),
    );
    expect(mail).toMatchObject({
      from: { address: 'taro@example.jp', name: 'Taro' },
      to: ['abc@relay.mercato.jp'],
      subject: 'Re: Order 503-1234567-1234567',
      hasHtml: false,
      htmlOnly: false,
      messageId: '<m1@example.jp>',
      inReplyTo: '<msg_1@relay.mercato.jp>',
      references: ['<msg_0@relay.mercato.jp>', '<msg_1@relay.mercato.jp>'],
    });
    expect(mail.text.trim()).toBe('Hello');
    expect(mail.attachments).toEqual([
      expect.objectContaining({ filename: 'r.pdf', contentType: 'application/pdf', size: 8 }),
    ]);
  });

  it('tells HTML-only mail from multipart/alternative', async () => {
    const htmlOnly = await parseInboundMail(
      msg([
        'From: a@b.example',
        'Content-Type: text/html',
        '',
        '<p>Hi <a href="https://x.example">x</a></p>',
      ]),
    );
    expect(htmlOnly).toMatchObject({ hasHtml: true, htmlOnly: true });
    const alt = await parseInboundMail(
      msg([
        'From: a@b.example',
        'Content-Type: multipart/alternative; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Hi',
        '--b',
        'Content-Type: text/html',
        '',
        '<p>Hi</p>',
        '--b--',
      ]),
    );
    expect(alt).toMatchObject({ hasHtml: true, htmlOnly: false });
  });

  it.each([
    ['no header block', 'just some words'],
    ['no From', 'Subject: x\r\n\r\nbody'],
    ['multipart without boundary', 'From: a@b.example\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\nfoo'],
  ])('refuses malformed mail: %s', async (_n, raw) => {
    await expect(parseInboundMail(Buffer.from(raw))).rejects.toBeInstanceOf(MalformedMail);
  });
});
