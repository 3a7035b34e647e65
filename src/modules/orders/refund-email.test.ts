import { describe, expect, it } from 'vitest';
import { type RefundEmailFacts, refundEmail } from './refund-email.ts';

const facts: RefundEmailFacts = {
  language: 'ja',
  marketplaceName: 'Mercato.jp',
  sellerName: 'Sakura Shop',
  amazonOrderId: '503-1234567-1234567',
  buyerName: 'Taro <Yamada>',
  currency: 'JPY',
  total: 1850n,
  deductedShipping: 0n,
  reason: 'NoInventory',
  kind: 'refund',
  items: [{ title: 'Green tea', quantity: 1, amount: 1850n }],
};

describe('buyer refund email (ORD-12)', () => {
  it.each([
    ['ja', 'JPY', 1850n, 'ご注文 503-1234567-1234567 の返金（￥1,850）', '商品の在庫切れのため'],
    [
      'en',
      'JPY',
      1850n,
      'Refund of ¥1,850 for your order 503-1234567-1234567',
      'because an item was out of stock',
    ],
    [
      'it',
      'EUR',
      1250n,
      'Rimborso di 12,50 € per il tuo ordine 503-1234567-1234567',
      'un articolo non era disponibile',
    ],
  ])('is written in %s with the amount and the reason', (language, currency, total, subject, reason) => {
    const m = refundEmail({ ...facts, language, currency, total });
    expect(m.subject.replace(/\s/g, ' ')).toBe(subject);
    expect(m.text).toContain(reason);
  });

  it('says how much shipping was kept back for an undeliverable parcel', () => {
    const m = refundEmail({
      ...facts,
      language: 'en',
      currency: 'EUR',
      total: 3100n,
      deductedShipping: 690n,
      reason: 'Undeliverable',
      kind: 'undeliverable',
    });
    expect(m.text).toContain('The actual shipping cost of €6.90 was deducted from this refund.');
    expect(m.text).toContain('came back to the seller');
  });

  it('lists each item with its units and amount', () => {
    expect(refundEmail({ ...facts, language: 'en' }).text).toContain('- Green tea × 1: ¥1,850');
  });

  it('escapes buyer-provided text in HTML', () => {
    expect(refundEmail(facts).html).toContain('Taro &lt;Yamada&gt;');
  });
});
