// A lexicon: phrase patterns per rule, matched on the canonical text (NFKC, width-folded,
// de-obfuscated). Sources: reference/orders-and-messaging-rules.md §4.5, tuned on test/corpus.
// Patterns are written to need co-occurrence (positivity, condition, incentive, removal), never
// a bare word such as "review" / "レビュー" / "recensione" (MSG-10 allows one neutral request).
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
