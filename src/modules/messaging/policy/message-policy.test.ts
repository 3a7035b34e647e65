// Table-driven tests per detector of the policy engine (MSG-2, 6–11, 13, 16).
import { describe, expect, it } from 'vitest';
import type { PolicyContext, PolicyRuleId } from '../messaging.types.ts';
import { canonicalise, checkMessage, redactContactDetails } from './message-policy.ts';

const ORDER = '250-1234567-1234567';
const jp: PolicyContext = {
  direction: 'seller-to-buyer',
  marketplace: {
    id: 'A1VC38T7YXB528',
    countryCode: 'JP',
    language: 'ja',
    carrierTrackingHosts: ['toi.kuronekoyamato.co.jp', 'k2k.sagawa-exp.co.jp', 'trackings.post.japanpost.jp'],
    relayDomain: 'relay.mercato.jp',
  },
  language: 'en',
  order: { amazonOrderId: ORDER, trackingNumbers: ['4912-3456-7890'], deliveredAt: null },
  now: new Date('2025-03-10T00:00:00Z'),
  messagingWindowDaysAfterDelivery: 30,
  maxChars: 2000,
};
const itCtx: PolicyContext = {
  ...jp,
  marketplace: {
    id: 'APJ6JRA9NG5V4',
    countryCode: 'IT',
    language: 'it',
    carrierTrackingHosts: ['www.poste.it', 'www.brt.it'],
    relayDomain: 'relay.mercato.it',
  },
  order: { amazonOrderId: '402-8765432-1098765', trackingNumbers: [], deliveredAt: null },
};

const rules = (text: string, ctx: PolicyContext = jp) =>
  checkMessage(text, ctx).violations.map((v) => v.rule);
const spans = (text: string, ctx: PolicyContext = jp) =>
  checkMessage(text, ctx).violations.map((v) => [v.rule, text.slice(v.start, v.end)]);

describe('canonicalise (detection only, offsets map back)', () => {
  it.each([
    ['ｅｘａｍｐｌｅ．ｃｏｍ', 'example.com'],
    ['example。com', 'example.com'],
    ['example[.]com', 'example.com'],
    ['example (dot) com', 'example.com'],
    ['example dot com', 'example.com'],
    ['negozio punto it', 'negozio.it'],
    ['shop ドット jp', 'shop.jp'],
    ['mario chiocciola gmail punto com', 'mario@gmail.com'],
    ['foo アットマーク bar ドット com', 'foo@bar.com'],
    ['foo(at)bar.com', 'foo@bar.com'],
    ['ex\u200Bample.com', 'example.com'],
    ['e x a m p l e . c o m', 'example.com'],
    ['〇九〇の一二三四の五六七八', '090-1234-5678'],
    ['shop.example.co.jpをご覧', 'shop.example.co.jp をご覧'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalise(input).text).toContain(expected);
  });

  it.each([
    'we will arrive at your address at 10:30',
    'see section 2.1, e.g. U.S. rules',
    'a polka dot design',
    'un punto di ritiro vicino',
    'ご注文ありがとうございます。発送は明日です。',
  ])('leaves ordinary writing alone: %s', (input) => {
    expect(rules(`Order ${ORDER}: ${input}`)).toEqual([]);
  });

  it('maps canonical offsets back to the original', () => {
    const text = '詳しくはｅｘａｍｐｌｅ．ｃｏｍへ';
    const c = canonicalise(text);
    const at = c.text.indexOf('example');
    expect(c.map(at)).toBe(text.indexOf('ｅ'));
  });
});

describe('links (MSG-8)', () => {
  it.each<[string, PolicyRuleId[]]>([
    [`Order ${ORDER}: see example.com`, ['link']],
    [`Order ${ORDER}: https://bit.ly/abc`, ['link']],
    [`Order ${ORDER}: track at https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?no=491234567890`, []],
    [`Order ${ORDER}: https://sub.k2k.sagawa-exp.co.jp/x`, []],
    [`Order ${ORDER}: https://toi.kuronekoyamato.co.jp.evil.com/x`, ['link']],
    [`Order ${ORDER}: firmware 1.2.3.4, README.md attached`, []],
  ])('%s', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('the hint names the host and the allowed carriers', () => {
    const [v] = checkMessage(`Order ${ORDER}: see example.com`, jp).violations;
    expect(v?.hint).toContain('example.com');
    expect(v?.hint).toContain('toi.kuronekoyamato.co.jp');
  });

  it('spans point at the original, full-width text', () => {
    expect(spans(`注文 ${ORDER} 詳しくはｅｘａｍｐｌｅ．ｃｏｍへ`)).toEqual([
      ['link', 'ｅｘａｍｐｌｅ．ｃｏｍ'],
    ]);
  });
});

describe('contact details (MSG-11)', () => {
  it.each<[string, PolicyRuleId, PolicyContext?]>([
    [`Order ${ORDER}: write to foo@bar.com`, 'email_address'],
    [`Order ${ORDER}: foo＠bar.com`, 'email_address'],
    [`注文 ${ORDER} お電話は090-1234-5678まで`, 'phone_number'],
    [`注文 ${ORDER} ０９０－１２３４－５６７８`, 'phone_number'],
    [`Ordine 402-8765432-1098765: chiamami al 347 123 4567`, 'phone_number', itCtx],
    [`Order ${ORDER}: LINE ID: shop_abc`, 'messenger_handle'],
    [`Order ${ORDER}: follow @shop_abc`, 'messenger_handle'],
    [`Order ${ORDER}: pay by bank transfer`, 'off_platform'],
  ])('%s → %s', (text, rule, ctx) => {
    expect(rules(text, ctx)).toContain(rule);
  });

  it.each([
    `Order ${ORDER}: tracking 4912-3456-7890, postcode 150-0001, ¥1,980, 2025-03-01`,
    `ご注文番号：${ORDER} 追跡番号 1234-5678-9012`,
    `Order ${ORDER}: reply to xk3d9a0b1c2d3e4f@relay.mercato.jp`,
    `Order ${ORDER}: the carrier Yamato can be reached at 0120-01-9625`,
  ])('not contact details: %s', (text) => {
    expect(rules(text)).toEqual([]);
  });
});

describe('html (MSG-2/8)', () => {
  it.each<[string, boolean]>([
    ['<a href="x">y</a>', true],
    ['<img src=logo.png>', true],
    ['&nbsp;', true],
    ['3 < 5 and 7 > 2', false],
    ['＜お知らせ＞', false],
    ['<3 thanks', false],
  ])('%s → %s', (markup, blocked) => {
    expect(rules(`Order ${ORDER}: ${markup}`).includes('html')).toBe(blocked);
  });
});

describe('phrases (MSG-8/9/10)', () => {
  it.each<[string, PolicyRuleId | null]>([
    ['Please leave a 5-star review', 'review_manipulation'],
    ['If you are happy, please leave positive feedback', 'review_manipulation'],
    ['We will review your return request', null],
    ['If you have a moment, please leave a review of the product', null],
    ['星5のレビューをお願いします', 'review_manipulation'],
    ['商品のレビューをお願いできますでしょうか', null],
    ['確認いたします', null],
    ['Ci lasci una recensione a 5 stelle', 'review_manipulation'],
    ['Esamineremo la richiesta', null],
    ['Use coupon code SAVE10', 'marketing'],
    ['wholesale orders ship separately', null],
    ['To unsubscribe reply STOP', 'opt_out_link'],
    ['配信停止はこちら', 'opt_out_link'],
  ])('%s → %s', (sentence, rule) => {
    const r = rules(`Order ${ORDER}: ${sentence}`);
    if (rule) expect(r).toContain(rule);
    else expect(r).toEqual([]);
  });

  it('operator phrases (extraPhrases) match on canonical text', () => {
    const ctx = { ...jp, extraPhrases: [{ rule: 'marketing' as const, phrase: 'Mega Deal' }] };
    expect(rules(`Order ${ORDER}: our ＭＥＧＡ   deal is back`, ctx)).toEqual(['marketing']);
  });
});

describe('purpose rules (MSG-7, MSG-13, empty, too_long)', () => {
  it('MSG-7: the order id must appear (full-width digits are fine)', () => {
    expect(rules('Your parcel shipped.')).toEqual(['order_id_missing']);
    expect(rules('注文番号２５０－１２３４５６７－１２３４５６７を発送しました')).toEqual([]);
    expect(rules('Order 250-9999999-1234567 shipped')).toEqual(['order_id_missing']);
  });
  it('MSG-7: without an order some 3-7-7 id, unless a pre-order reply', () => {
    const noOrder = { ...jp, order: undefined };
    expect(rules('Thanks for asking.', noOrder)).toEqual(['order_id_missing']);
    expect(rules('Order 503-1111111-2222222: thanks.', noOrder)).toEqual([]);
    expect(rules('Thanks for asking.', { ...noOrder, preOrderReply: true })).toEqual([]);
  });
  it('MSG-13: more than 30 days after delivery', () => {
    const late = {
      ...jp,
      order: { amazonOrderId: ORDER, trackingNumbers: [], deliveredAt: new Date('2025-02-01T00:00:00Z') },
    };
    expect(rules(`Order ${ORDER}: all fine?`, late)).toEqual(['messaging_window']);
    const inTime = {
      ...jp,
      order: { amazonOrderId: ORDER, trackingNumbers: [], deliveredAt: new Date('2025-02-20T00:00:00Z') },
    };
    expect(rules(`Order ${ORDER}: all fine?`, inTime)).toEqual([]);
  });
  it('empty and too_long (span = the part over the limit)', () => {
    expect(rules(' \u200B ')).toEqual(['empty']);
    const text = `Order ${ORDER}: ${'x'.repeat(2000)}`;
    const v = checkMessage(text, jp).violations.find((x) => x.rule === 'too_long');
    expect(v?.start).toBe(2000);
    expect(v?.end).toBe(text.length);
  });
  it('messages and hints in the reader language', () => {
    const ja = checkMessage('発送しました', { ...jp, language: 'ja' }).violations[0];
    expect(ja?.message).toContain('注文番号');
    const it = checkMessage('Spedito', { ...jp, language: 'it' }).violations[0];
    expect(it?.hint).toContain(ORDER);
  });
});

describe('buyer to seller (MSG-2, 11, 16)', () => {
  const buyer: PolicyContext = { ...jp, direction: 'buyer-to-seller', order: undefined };
  it('only html, link, empty and too_long apply', () => {
    expect(rules('Call me at 090-1234-5678 or foo@bar.com, 5 star review!', buyer)).toEqual([]);
    expect(rules('see example.com', buyer)).toEqual(['link']);
    expect(rules('<b>hi</b>', buyer)).toEqual(['html', 'html']);
  });
  it('redacts e-mails, phones and handles in the marketplace language; spans refer to the original', () => {
    const text = 'メールはfoo＠bar.com、電話は090-1234-5678、LINE ID: abc_123 です';
    const r = redactContactDetails(text, buyer);
    expect(r.text).toBe(
      'メールは[連絡先を削除しました]、電話は[連絡先を削除しました]、[連絡先を削除しました] です',
    );
    expect(r.redactions.map((x) => text.slice(x.start, x.end))).toEqual([
      'foo＠bar.com',
      '090-1234-5678',
      'LINE ID: abc_123',
    ]);
  });
  it('keeps relay addresses and order ids', () => {
    const text = `Order ${ORDER}, reply to k3x9abcd@relay.mercato.jp`;
    expect(redactContactDetails(text, buyer).text).toBe(text);
  });
  it('Italian mask', () => {
    const ctx = { ...itCtx, direction: 'buyer-to-seller' as const };
    expect(redactContactDetails('scrivimi a mario@gmail.com', ctx).text).toBe(
      'scrivimi a [contatto rimosso]',
    );
  });
});

describe('fast paths keep the verdicts (issue 5 PERF: prefilters, chunks, segments)', () => {
  it('ASCII next to a kanji outside the BMP is canonicalised (used to hang: empty /u match in a surrogate pair)', () => {
    const c = canonicalise('a𠮷b 1𠮷');
    expect(c.text).toBe('a 𠮷 b 1 𠮷');
    expect([...Array(c.text.length + 1).keys()].map(c.map)).toEqual([0, 1, 1, 1, 3, 3, 4, 5, 6, 6, 6, 8]);
  });
  it('identity map when nothing changes (ASCII, kana/kanji, accented letters)', () => {
    for (const text of ['plain text', 'ご注文ありがとうございます', 'perché è già così']) {
      const c = canonicalise(text);
      expect(c.text).toBe(text);
      expect(c.map(3)).toBe(3);
      expect(c.map(text.length)).toBe(text.length);
    }
  });
  it('links in any whitespace-separated chunk, offsets in the original (linkify-it runs on the chunks only)', () => {
    const text = `Order ${ORDER}.\n長い文章です。\u3000詳しくは example.com/a?b=1 と\tinfo@shop.jp へ。www.x.co.jp`;
    expect(spans(text)).toEqual([
      ['link', 'example.com/a?b=1'],
      ['email_address', 'info@shop.jp'],
      ['link', 'www.x.co.jp'],
    ]);
  });
  it('phones between kana/kanji and on later lines (libphonenumber runs per segment with enough digits)', () => {
    expect(
      spans(`注文${ORDER}について。お電話は０９０ー１２３４ー５６７８まで\n3 点\n予備03-1234-5678です`),
    ).toEqual([
      ['phone_number', '０９０ー１２３４ー５６７８'],
      ['phone_number', '03-1234-5678'],
    ]);
  });
  it('a phrase is found whichever language group and position it is in (prefilter + gate)', () => {
    expect(rules(`Order ${ORDER}. ${'Thanks. '.repeat(50)}Please leave a 5-star review!`)).toEqual([
      'review_manipulation',
    ]);
    expect(spans(`Ordine ${ORDER}. Iscriviti alla newsletter e seguici`)).toEqual([
      ['marketing', 'Iscriviti'],
      ['marketing', 'newsletter'],
      ['marketing', 'seguici'],
    ]);
    expect(rules(`注文番号 ${ORDER}。★★★★★の評価をお願いします`)).toEqual(['review_manipulation']);
  });
});
