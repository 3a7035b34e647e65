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

/**
 * A rule's patterns with one gate: the alternation of all of them. The gate's first match is at
 * the leftmost position where ANY of the patterns matches, so when it finds nothing no pattern
 * can, and when it matches at `p` every pattern may start scanning at `p` (same matches). One
 * scan instead of ~30 for the common case, a compliant message (measured ≈ 5× cheaper).
 */
export type LexiconGroup = { rule: LexiconRule; gate: RegExp; gateLower: RegExp; entries: Lexicon };

export function lexiconGroups(all: Lexicon): LexiconGroup[] {
  const byRule = new Map<LexiconRule, Lexicon>();
  for (const e of all) {
    const list = byRule.get(e.rule) ?? [];
    list.push(e);
    byRule.set(e.rule, list);
  }
  return [...byRule].map(([rule, entries]) => ({
    rule,
    gate: new RegExp(entries.map((e) => `(?:${e.re.source})`).join('|'), 'giu'),
    gateLower: new RegExp(entries.map((e) => `(?:${e.lower.source})`).join('|'), 'g'),
    entries,
  }));
}
