// Literal text a regex cannot match without: for a pattern, a set of strings such that every
// match contains at least one of them (or null when no such set is known). Used as a cheap
// prefilter before a lexicon's regexes (one plain alternation of words instead of ~30 patterns):
// if none of the strings occurs in the text, no pattern can match, so the verdict is unchanged.
// Handles the syntax the lexicons use: literals, escapes, classes, (?:…), lookarounds, |, ?, *, +,
// {m,n} and lazy quantifiers. Anything else makes the answer null (no prefilter), never wrong.

type Info = {
  /** Every string the node can match, when finite and small. */
  exact: Set<string> | null;
  /** Every match contains one of these (null: unknown). */
  factors: Set<string> | null;
};

const MAX_SET = 64;
const score = (s: Set<string> | null) => {
  if (!s || s.size === 0) return -1;
  let min = Number.POSITIVE_INFINITY;
  for (const x of s) min = Math.min(min, x.length);
  return min;
};
const better = (a: Set<string> | null, b: Set<string> | null) => {
  const sa = score(a);
  const sb = score(b);
  if (sa !== sb) return sa > sb ? a : b;
  return (a?.size ?? 1e9) <= (b?.size ?? 1e9) ? a : b;
};
const best = (i: Info) => better(i.exact, i.factors);
const EMPTY: Info = { exact: new Set(['']), factors: null };
const UNKNOWN: Info = { exact: null, factors: null };

class Parser {
  i = 0;
  constructor(readonly src: string) {}

  alternation(): Info {
    const alts: Info[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    if (alts.length === 1) return alts[0] as Info;
    let exact: Set<string> | null = new Set();
    let factors: Set<string> | null = new Set();
    for (const a of alts) {
      if (exact && a.exact) for (const s of a.exact) exact.add(s);
      else exact = null;
      const f = best(a);
      if (factors && f && score(f) > 0) for (const s of f) factors.add(s);
      else factors = null;
    }
    if (exact && exact.size > MAX_SET) exact = null;
    return { exact, factors };
  }

  sequence(): Info {
    let cur: Set<string> | null = new Set(['']);
    let found: Set<string> | null = null;
    // Once a part is not exact, the sequence's strings are no longer known (only its factors).
    let flushed = false;
    const flush = () => {
      if (cur && !cur.has('')) found = better(found, cur);
      cur = new Set(['']);
      flushed = true;
    };
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const item = this.quantified(this.atom());
      if (item.exact && cur && cur.size * item.exact.size <= MAX_SET) {
        const next = new Set<string>();
        for (const a of cur) for (const b of item.exact) next.add(a + b);
        cur = next;
      } else {
        flush();
        found = better(found, best(item));
        if (item.exact) cur = new Set(item.exact);
      }
    }
    const exact: Set<string> | null = flushed ? null : cur;
    flush();
    return { exact: exact && exact.size <= MAX_SET ? exact : null, factors: found };
  }

  quantified(atom: Info): Info {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY) : min;
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: same strings
    if (min === 0 && max === 1 && atom.exact) return { exact: new Set([...atom.exact, '']), factors: null };
    if (min === 0) return { exact: null, factors: null };
    if (min === 1 && max === 1) return atom;
    // "★{3,}" always contains "★★★".
    if (atom.exact?.size === 1 && min <= 8)
      return { exact: null, factors: new Set([[...atom.exact][0]?.repeat(min) ?? '']) };
    return { exact: null, factors: best(atom) };
  }

  atom(): Info {
    const c = this.src[this.i] as string;
    if (c === '(') {
      this.i++;
      let look = false;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (/^\?<?[=!]/.test(this.src.slice(this.i, this.i + 3))) {
        look = true;
        this.i += this.src[this.i + 1] === '<' ? 3 : 2;
      } else if (this.src[this.i] === '?') throw new Error('unsupported group');
      const inner = this.alternation();
      if (this.src[this.i] !== ')') throw new Error('unbalanced');
      this.i++;
      return look ? EMPTY : inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') {
      const e = this.src[this.i + 1] as string;
      this.i += 2;
      if (e === 'b' || e === 'B') return EMPTY;
      if (/[dDwWsSpPuxck0-9]/.test(e)) {
        if (/[pPuxck0-9]/.test(e)) throw new Error('unsupported escape');
        return UNKNOWN;
      }
      if (e === 'n') return { exact: new Set(['\n']), factors: null };
      if (e === 't') return { exact: new Set(['\t']), factors: null };
      return { exact: new Set([e]), factors: null };
    }
    this.i++;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return UNKNOWN;
    return { exact: new Set([c]), factors: null };
  }

  charClass(): Info {
    const end = this.src.indexOf(']', this.i + 1);
    const body = this.src.slice(this.i + 1, end);
    this.i = end + 1;
    if (end < 0 || body.startsWith('^') || body.includes('\\') || body.length === 0) return UNKNOWN;
    const chars = new Set<string>();
    for (let k = 0; k < body.length; k++) {
      const ch = body[k] as string;
      if (body[k + 1] === '-' && k + 2 < body.length) {
        const from = ch.charCodeAt(0);
        const to = body.charCodeAt(k + 2);
        if (to - from > 10) return UNKNOWN;
        for (let x = from; x <= to; x++) chars.add(String.fromCharCode(x));
        k += 2;
      } else chars.add(ch);
    }
    return { exact: chars, factors: null };
  }
}

/** Strings one of which every match of `source` (no flags) contains; null when unknown. */
export function requiredText(source: string): string[] | null {
  try {
    const p = new Parser(source);
    const info = p.alternation();
    if (p.i !== source.length) return null;
    const f = best(info);
    if (!f || score(f) < 1) return null;
    return [...f];
  } catch {
    return null;
  }
}
