// MSG-2, 6–11, 13: the labelled corpus (test/corpus) per language — recall on blocked messages
// ≥ 98 % (the labelled rule must be among the violations) and false positives on compliant
// messages ≤ 1 %. Prints the figures.
import { describe, expect, it } from 'vitest';
import type { CorpusMessage } from '../../../../test/corpus/corpus.ts';
import { enCorpus } from '../../../../test/corpus/messages.en.ts';
import { itCorpus } from '../../../../test/corpus/messages.it.ts';
import { jaCorpus } from '../../../../test/corpus/messages.ja.ts';
import { checkMessage } from './message-policy.ts';

function score(corpus: CorpusMessage[]) {
  let blocked = 0;
  let caught = 0;
  let compliant = 0;
  let falsePositives = 0;
  const misses: string[] = [];
  for (const m of corpus) {
    const verdict = checkMessage(m.text, m.context);
    const rules = verdict.violations.map((v) => v.rule);
    if (m.rules.length > 0) {
      blocked++;
      if (!verdict.allowed && rules.includes(m.rules[0] as never)) caught++;
      else misses.push(`MISS ${m.rules[0]} [${rules.join(',')}] ${m.text.slice(0, 200)}`);
    } else {
      compliant++;
      if (!verdict.allowed) {
        falsePositives++;
        misses.push(`FALSE POSITIVE [${rules.join(',')}] ${m.text.slice(0, 200)}`);
      }
    }
  }
  return {
    blocked,
    caught,
    recall: caught / blocked,
    compliant,
    falsePositives,
    fpRate: falsePositives / compliant,
    misses,
  };
}

describe('message policy corpus (MSG-2, 6–11, 13)', () => {
  for (const [language, corpus] of [
    ['ja', jaCorpus],
    ['it', itCorpus],
    ['en', enCorpus],
  ] as const) {
    it(`${language}: recall ≥ 98 % and false positives ≤ 1 % on ${corpus.length} labelled messages`, () => {
      const s = score(corpus);
      console.log(
        `[policy corpus ${language}] ${corpus.length} messages: blocked ${s.caught}/${s.blocked} caught (recall ${(s.recall * 100).toFixed(1)} %), compliant ${s.compliant - s.falsePositives}/${s.compliant} allowed (false positives ${(s.fpRate * 100).toFixed(1)} %)`,
      );
      for (const m of s.misses) console.log(`  ${m}`);
      expect(corpus.length).toBeGreaterThanOrEqual(150);
      expect(s.recall).toBeGreaterThanOrEqual(0.98);
      expect(s.fpRate).toBeLessThanOrEqual(0.01);
    });
  }

  it('every rule of MSG-7..11 and 13 is represented in each language', () => {
    for (const corpus of [jaCorpus, itCorpus, enCorpus]) {
      const rules = new Set(corpus.flatMap((m) => m.rules));
      for (const rule of [
        'link',
        'email_address',
        'phone_number',
        'messenger_handle',
        'off_platform',
        'marketing',
        'review_manipulation',
        'opt_out_link',
        'html',
        'order_id_missing',
        'messaging_window',
        'empty',
        'too_long',
      ]) {
        expect(rules.has(rule as never), rule).toBe(true);
      }
    }
  });
});
