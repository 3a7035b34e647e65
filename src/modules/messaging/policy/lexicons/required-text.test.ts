// requiredText: the words a lexicon pattern cannot match without (its prefilter, issue 5 PERF).
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { it as itLexicon } from './it.ts';
import { ja } from './ja.ts';
import { requiredText } from './required-text.ts';

describe('requiredText', () => {
  it.each([
    ['\\bnewsletter\\b', ['newsletter']],
    ['\\b(?:bank|wire) transfer\\b', ['bank transfer', 'wire transfer']],
    ['\\bopt[- ]?out\\b', ['opt-out', 'opt out', 'optout']],
    ['★{3,}|☆{3,}', ['★★★', '☆☆☆']],
    ['(?:a|b)\\w+(?:cd|ce)', ['cd', 'ce']],
    ['x(?:a\\wb)', ['x']],
    ['(?<![a-z])foo(?=bar)', ['foo']],
    ['\\d+', null],
    ['a?b*', null],
    ['\\p{L}', null],
  ] as [string, string[] | null][])('%s → %j', (source, words) => {
    const got = requiredText(source);
    expect(got ? [...got].sort() : null).toEqual(words ? [...words].sort() : null);
  });

  it('every lexicon pattern has required words, and each of its matches contains one', () => {
    const samples = [
      'please leave a 5-star review and get a refund',
      'use the code save10 for 10% off your next order',
      'pay by bank transfer or paypal, call me, whatsapp, line id: abc',
      'lascia una recensione positiva, codice sconto, bonifico, seguici, disiscriviti',
      '★★★★★の高評価をお願いします。クーポンコードをプレゼント。配信停止。直接取引。line id',
    ];
    for (const e of [...en, ...itLexicon, ...ja]) {
      const words = requiredText(e.lower.source);
      expect(words, e.lower.source).not.toBeNull();
      for (const text of samples) {
        e.lower.lastIndex = 0;
        for (let m = e.lower.exec(text); m; m = e.lower.exec(text)) {
          const found = m[0];
          expect(
            words?.some((w) => found.includes(w)),
            `${e.lower.source} on ${found}`,
          ).toBe(true);
        }
      }
    }
  });
});
