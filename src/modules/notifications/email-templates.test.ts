import { describe, expect, it } from 'vitest';
import { renderNotification } from './email-templates.ts';

describe('ORD-8 warning email (order.ship_by_warning)', () => {
  const data = {
    orderId: '503-1234567-1234567',
    cancelAt: '2026-12-02T14:59:59.000Z',
    timeZone: 'Asia/Tokyo',
  };
  it.each([
    [
      'en',
      /^Confirm order 503-1234567-1234567 as shipped by December 2, 2026 at 11:59\s?PM to avoid cancellation$/,
    ],
    [
      'ja',
      /^キャンセルを避けるため、注文 503-1234567-1234567 の出荷を 2026年12月2日 23:59 までに確認してください$/,
    ],
    [
      'it',
      /^Conferma la spedizione dell'ordine 503-1234567-1234567 entro 2 dicembre 2026( alle ore|,) 23:59 per evitare l'annullamento$/,
    ],
  ])('states the cutoff in the marketplace zone (%s)', (language, subject) => {
    expect(renderNotification('order.ship_by_warning', data, language).subject).toMatch(subject);
  });

  it('falls back to UTC without a zone and never throws on a bad date', () => {
    expect(renderNotification('order.ship_by_warning', { ...data, timeZone: null }, 'en').subject).toMatch(
      /December 2, 2026 at 2:59\s?PM/,
    );
    expect(
      renderNotification('order.ship_by_warning', { ...data, cancelAt: 'soon' }, 'en').subject,
    ).toContain('by soon');
  });
});
