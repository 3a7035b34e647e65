import { describe, expect, it } from 'vitest';
import { replyText } from './reply-text.ts';

// MSG-4: only the new text of a reply by mail enters the thread.
describe('replyText (MSG-4: quoted history and signatures stripped)', () => {
  it.each([
    ['plain text stays', 'Thanks, it arrived.', 'Thanks, it arrived.'],
    [
      'Gmail en quote header',
      'Thanks, it arrived.\n\nOn Fri, Nov 20, 2026 at 10:00 AM Shop <x@relay.mercato.jp> wrote:\n> hello\n> more',
      'Thanks, it arrived.',
    ],
    [
      'Gmail ja quote header',
      'ありがとうございます。\n\n2026年11月20日(金) 10:00 山田 <x@relay.mercato.jp>:\n> こんにちは',
      'ありがとうございます。',
    ],
    [
      'Gmail ja with full-width colon',
      '届きました。\n\n2026年11月20日 金曜日 10:00 店舗 <x@relay.mercato.jp>：\n\n> ご注文ありがとう',
      '届きました。',
    ],
    [
      'Italian quote header',
      'Grazie.\n\nIl giorno ven 20 nov 2026 alle ore 10:00 Negozio <x@relay.mercato.it> ha scritto:\n> ciao',
      'Grazie.',
    ],
    [
      'Outlook original message',
      'Hi\n\n-----Original Message-----\nFrom: Shop\nSent: Friday\n\nold text',
      'Hi',
    ],
    ['Outlook Italian separator', 'Ciao\n\n-----Messaggio originale-----\nDa: Negozio\n\nvecchio', 'Ciao'],
    ['"> " lines anywhere', 'Yes\n> quoted line\nno more', 'Yes\nno more'],
    ['"-- " signature', 'Hi\n\n-- \nTaro Yamada\n090-1234-5678\nhttps://shop.example', 'Hi'],
    ['Inviato da iPhone', 'Va bene\n\nInviato da iPhone', 'Va bene'],
    ['iPhoneから送信', '了解しました\n\niPhoneから送信', '了解しました'],
    ['Sent from my iPhone', 'OK\n\nSent from my iPhone', 'OK'],
    ['CRLF line ends', 'Line one\r\nLine two\r\n\r\nOn Mon, X <a@b> wrote:\r\n> q', 'Line one\nLine two'],
  ])('%s', (_name, input, expected) => {
    expect(replyText(input)).toBe(expected);
  });

  it('keeps a date sentence that is not a quote header', () => {
    expect(replyText('2026年11月20日に届きました。')).toBe('2026年11月20日に届きました。');
    expect(replyText('Il giorno dopo è arrivato.')).toBe('Il giorno dopo è arrivato.');
  });
});
