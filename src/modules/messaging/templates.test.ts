import { describe, expect, it } from 'vitest';
import { SEEDED_MARKETPLACES } from '../marketplaces/index.ts';
import type { MessageLanguage, TemplateId } from './messaging.types.ts';
import { checkMessage } from './policy/message-policy.ts';
import { renderMessageTemplate, type TemplateFacts } from './templates.ts';

const ORDER = '503-1234567-7654321';
const facts = (currency: string): TemplateFacts => ({
  amazonOrderId: ORDER,
  currency,
  timeZone: currency === 'JPY' ? 'Asia/Tokyo' : 'Europe/Rome',
  latestShipDate: new Date('2026-11-22T14:59:59Z'),
  items: [{ title: 'Green tea 100g', quantity: 2 }],
  refund: {
    reason: 'NoInventory',
    total: currency === 'JPY' ? 3000n : 3000n,
    createdAt: new Date('2026-11-21T03:00:00Z'),
    items: [{ title: 'Green tea 100g', quantity: 2 }],
  },
});

const IDS: TemplateId[] = ['order_unavailable', 'delay_notice', 'return_confirmation'];
const LANGS: MessageLanguage[] = ['ja', 'it', 'en'];

describe('MSG-12 templates', () => {
  for (const m of SEEDED_MARKETPLACES) {
    for (const id of IDS) {
      for (const language of LANGS) {
        it(`${id} in ${language} on ${m.name} names the order and passes the policy (MSG-7..11)`, () => {
          const currency = m.currency;
          const f = facts(currency);
          const out = renderMessageTemplate(
            id,
            language,
            id === 'return_confirmation'
              ? {
                  ...f,
                  refund: { ...(f.refund as NonNullable<TemplateFacts['refund']>), reason: 'CustomerReturn' },
                }
              : f,
          );
          expect(out.text).toContain(ORDER);
          expect(out.subject).toContain(ORDER);
          const verdict = checkMessage(out.text, {
            direction: 'seller-to-buyer',
            marketplace: {
              id: m.id,
              countryCode: m.countryCode,
              language: m.language as MessageLanguage,
              carrierTrackingHosts: m.policy.messaging.carrierTrackingHosts,
              relayDomain: `relay.${m.domain}`,
            },
            language,
            order: { amazonOrderId: ORDER, trackingNumbers: [], deliveredAt: null },
            now: new Date('2026-11-21T04:00:00Z'),
            messagingWindowDaysAfterDelivery: 30,
            maxChars: m.policy.messaging.maxMessageChars,
          });
          expect(verdict.violations).toEqual([]);
        });
      }
    }
  }

  it('states the adjustment, its reason and amount (Order Unavailable) in the currency format', () => {
    const en = renderMessageTemplate('order_unavailable', 'en', facts('JPY'));
    expect(en.text).toContain('¥3,000');
    expect(en.text).toContain('NoInventory');
    expect(en.text).toContain('out of stock');
    const it_ = renderMessageTemplate('order_unavailable', 'it', facts('EUR'));
    expect(it_.text).toContain('30,00');
  });

  it('lists products returned, amount refunded and refund date (Return Confirmation)', () => {
    const ja = renderMessageTemplate('return_confirmation', 'ja', facts('JPY'));
    expect(ja.text).toContain('Green tea 100g × 2');
    expect(ja.text).toContain('￥3,000');
    expect(ja.text).toContain('2026年11月21日');
  });
});
