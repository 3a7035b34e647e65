// The labelled message corpus of the policy engine (MSG-2, 6–11, 13). Each language file lists
// realistic compliant sentences, whole compliant messages, and violating sentences labelled with
// the rule they break; `build` assembles them into messages deterministically (no randomness
// between runs). Tune the rules, never the corpus, to make policy-corpus.test.ts pass.
import type { PolicyContext, PolicyRuleId } from '../../src/modules/messaging/messaging.types.ts';

export type CorpusMessage = {
  text: string;
  /** Rules the message breaks ([] = compliant). The first one must be among the verdict's. */
  rules: PolicyRuleId[];
  context: PolicyContext;
};

export type CorpusSource = {
  context: PolicyContext;
  /** First sentence with the order id. */
  openers: string[];
  /** Compliant sentences (may contain ids, tracking numbers, prices, carrier links…). */
  fine: string[];
  closers: string[];
  /** Complete compliant messages (templates, neutral review requests…). */
  whole: string[];
  /** [rule, sentence]: the sentence alone breaks the rule. */
  bad: [PolicyRuleId, string][];
  /** Whole messages with their rule and an optional context change (MSG-7, MSG-13, empty…). */
  special: { text: string; rule: PolicyRuleId; context?: Partial<PolicyContext> }[];
};

/** Deterministic LCG so the assembled corpus is the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

export function build(src: CorpusSource, seed: number, allowedCount = 90): CorpusMessage[] {
  const pick = rng(seed);
  const sep = src.context.marketplace.language === 'ja' ? '' : ' ';
  const out: CorpusMessage[] = [];
  const compose = (middle: string[]) => {
    const opener = src.openers[pick(src.openers.length)] as string;
    const closer = src.closers[pick(src.closers.length)] as string;
    return [opener, ...middle, closer].join(sep);
  };
  for (const text of src.whole) out.push({ text, rules: [], context: src.context });
  for (let i = 0; out.length < allowedCount; i++) {
    const n = 1 + pick(3);
    const middle: string[] = [];
    for (let k = 0; k < n; k++) middle.push(src.fine[(i * 3 + k * 7 + pick(5)) % src.fine.length] as string);
    out.push({ text: compose(middle), rules: [], context: src.context });
  }
  for (const [rule, sentence] of src.bad) {
    const fine = src.fine[pick(src.fine.length)] as string;
    const middle = pick(2) === 0 ? [fine, sentence] : [sentence, fine];
    out.push({ text: compose(middle), rules: [rule], context: src.context });
  }
  for (const s of src.special)
    out.push({ text: s.text, rules: [s.rule], context: { ...src.context, ...s.context } });
  return out;
}
