import { describe, expect, it } from 'vitest';
import { shipmentEmail } from './shipment-email.ts';

const facts = {
  marketplaceName: 'Mercato.jp',
  sellerName: 'Sakura Shop',
  amazonOrderId: '503-1234567-1234567',
  buyerName: 'Taro <Yamada>',
  carrier: 'Yamato',
  trackingNumber: '1234-5678-9012',
  shipDate: new Date('2026-11-20T03:00:00Z'),
  timeZone: 'Asia/Tokyo',
  items: [{ title: 'Green tea', quantity: 2 }],
  complete: true,
};

describe('buyer shipment email (ORD-7)', () => {
  it.each([
    ['en', 'Your order 503-1234567-1234567 has shipped', 'Tracking number: 1234-5678-9012'],
    ['ja', 'ご注文 503-1234567-1234567 を発送しました', 'お問い合わせ伝票番号: 1234-5678-9012'],
    ['it', 'Il tuo ordine 503-1234567-1234567 è stato spedito', 'Numero di tracciamento: 1234-5678-9012'],
  ])('is written in %s with the tracking number', (language, subject, trackingLine) => {
    const m = shipmentEmail({ ...facts, language });
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(trackingLine);
  });
  it('escapes buyer-provided text in HTML', () => {
    expect(shipmentEmail({ ...facts, language: 'en' }).html).toContain('Taro &lt;Yamada&gt;');
  });
  it('says when only part of the order shipped', () => {
    expect(shipmentEmail({ ...facts, language: 'en', complete: false }).text).toMatch(/part of your order/);
  });
});
