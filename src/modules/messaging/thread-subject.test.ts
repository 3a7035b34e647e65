import { describe, expect, it } from 'vitest';
import { threadSubject, topicLabel } from './thread-subject.ts';

describe('MSG-1 thread subjects', () => {
  it.each([
    ['product_details', 'en', 'Mercato.jp', 'Product details inquiry from Mercato.jp customer'],
    ['shipping', 'en', 'Mercato.jp', 'Shipping inquiry from Mercato.jp customer'],
    ['returns_policy', 'en', 'Mercato.jp', 'Return policy inquiry from Mercato.jp customer'],
    ['other', 'en', 'Mercato.jp', 'Inquiry from Mercato.jp customer'],
    ['product_details', 'ja', 'Mercato.jp', 'Mercato.jpのお客様から商品詳細に関するお問い合わせ'],
    ['shipping', 'ja', 'Mercato.jp', 'Mercato.jpのお客様から配送に関するお問い合わせ'],
    ['returns_policy', 'ja', 'Mercato.jp', 'Mercato.jpのお客様から返品ポリシーに関するお問い合わせ'],
    ['other', 'ja', 'Mercato.jp', 'Mercato.jpのお客様からのお問い合わせ'],
    ['product_details', 'it', 'Mercato.it', 'Richiesta di dettagli sul prodotto da un cliente Mercato.it'],
    ['shipping', 'it', 'Mercato.it', 'Richiesta sulla spedizione da un cliente Mercato.it'],
    ['returns_policy', 'it', 'Mercato.it', 'Richiesta sulla politica di reso da un cliente Mercato.it'],
    ['other', 'it', 'Mercato.it', 'Richiesta da un cliente Mercato.it'],
  ] as const)('%s in %s on %s → "%s"', (topic, lang, channel, subject) => {
    expect(threadSubject(topic, lang, channel)).toBe(subject);
  });

  it('an order thread names the order', () => {
    expect(threadSubject('order', 'en', 'Mercato.jp', '503-1234567-1234567')).toBe(
      'About your Mercato.jp order 503-1234567-1234567',
    );
    expect(threadSubject('order', 'ja', 'Mercato.jp', '503-1234567-1234567')).toContain(
      '503-1234567-1234567',
    );
  });

  it('labels every topic in every language', () => {
    expect(topicLabel('returns_policy', 'it')).toBe('Politica di reso');
    expect(topicLabel('other', 'ja')).toBe('その他の質問');
  });
});
