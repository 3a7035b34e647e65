// A lexicon: phrase patterns per rule, matched on the canonical text (NFKC, width-folded,
// de-obfuscated). Sources: reference/orders-and-messaging-rules.md §4.5, tuned on test/corpus.
// Patterns are written to need co-occurrence (positivity, condition, incentive, removal), never
// a bare word such as "review" / "レビュー" / "recensione" (MSG-10 allows one neutral request).
import { requiredText } from './required-text.ts';

export type LexiconRule =
  | 'marketing'
  | 'review_manipulation'
  | 'off_platform'
  | 'opt_out_link'
  | 'messenger_handle';

/**
 * `lower`: the pattern lower-cased, without the i/u flags, for text that was lower-cased once
 * (much faster than case-insensitive Unicode matching); `re` for text whose length changes when
 * lower-cased (rare: "İ").
 */
export type Lexicon = { rule: LexiconRule; re: RegExp; lower: RegExp }[];

/** Compiles `rule: [sources]` into global, case-insensitive, Unicode-aware regexes. */
export function lexicon(entries: Partial<Record<LexiconRule, string[]>>): Lexicon {
  const out: Lexicon = [];
  for (const [rule, sources] of Object.entries(entries) as [LexiconRule, string[]][]) {
    for (const source of sources) {
      out.push({ rule, re: new RegExp(source, 'giu'), lower: new RegExp(source.toLowerCase(), 'g') });
    }
  }
  return out;
}

/**
 * A rule's patterns with two cheap checks in front of them (both exact, never changing a verdict):
 * - `prefilter` (lower-cased text only): a plain alternation of the words the patterns cannot
 *   match without (`requiredText`); when none occurs, no pattern can match.
 * - `gate`: the alternation of all the patterns. Its first match is at the leftmost position where
 *   ANY pattern matches, so when it finds nothing no pattern can, and when it matches at `p` every
 *   pattern may start scanning at `p` (same matches).
 * A compliant message, the common case, then costs one literal scan per rule instead of ~30
 * pattern scans.
 */
export type LexiconGroup = {
  rule: LexiconRule;
  prefilter: RegExp | null;
  gate: RegExp;
  gateLower: RegExp;
  entries: Lexicon;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Groups per rule, in the lexicon's order (so violations come out in the same order). */
export function lexiconGroups(all: Lexicon): LexiconGroup[] {
  const byRule = new Map<LexiconRule, Lexicon>();
  for (const e of all) {
    const list = byRule.get(e.rule) ?? [];
    list.push(e);
    byRule.set(e.rule, list);
  }
  return [...byRule].map(([rule, entries]) => {
    const words = new Set<string>();
    let known = true;
    for (const e of entries) {
      const required = requiredText(e.lower.source);
      if (!required) known = false;
      else for (const w of required) words.add(w);
    }
    return {
      rule,
      prefilter: known ? new RegExp([...words].map(escapeRegExp).join('|')) : null,
      gate: new RegExp(entries.map((e) => `(?:${e.re.source})`).join('|'), 'giu'),
      gateLower: new RegExp(entries.map((e) => `(?:${e.lower.source})`).join('|'), 'g'),
      entries,
    };
  });
}
