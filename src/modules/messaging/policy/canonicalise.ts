// Canonical text for DETECTION only (MSG-8/10/11): the original is what is stored and shown.
// Every canonical character remembers the original range it came from, so a violation found in
// the canonical text is reported (and highlighted, MSG-6) at the right place in the original.
// Measured pitfalls this answers: reference/orders-and-messaging-rules.md §4.2 and §4.4.
import tlds from 'tlds';

export type Canonical = {
  text: string;
  /**
   * Original UTF-16 offset where canonical character i starts; `null` while the canonical text is
   * the original itself (identity map: i) — the common case, built without any allocation.
   */
  starts: ArrayLike<number> | null;
  /** Original UTF-16 offset where canonical character i ends (exclusive); `null`: i + 1. */
  ends: ArrayLike<number> | null;
  originalLength: number;
};

const startOf = (c: Canonical, i: number) => (c.starts ? (c.starts[i] as number) : i);
const endOf = (c: Canonical, i: number) => (c.ends ? (c.ends[i] as number) : i + 1);

const TLDS = new Set(tlds.map((t) => t.toLowerCase()));
/** Spelled "dot" is only trusted before a top-level domain people actually type (or another dot). */
const COMMON_TLDS =
  'com|net|org|info|biz|jp|it|co|ne|or|ac|eu|uk|de|fr|es|us|io|me|ly|to|gl|shop|store|site|online|xyz|app|page|link|tv|cc|ch|at|be|nl|cn|kr|tw|hk|ru|in|au|ca|top|club|vip|mobi|amazon';

// Zero-width and invisible characters used to split words (U+200B..U+200F, U+2060..U+2064,
// U+FEFF, soft hyphen, Mongolian vowel separator, variation selectors).
// biome-ignore lint/suspicious/noMisleadingCharacterClass: single code points are tested one at a time
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF\uFE00-\uFE0F]/;
const COMBINING = /[\p{M}\uFF9E\uFF9F]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included
const ASCII_ONLY = /^[\x00-\x7F]*$/;

const nfkcCache = new Map<string, string>();
function nfkc(s: string): string {
  let v = nfkcCache.get(s);
  if (v === undefined) {
    v = s.normalize('NFKC');
    if (nfkcCache.size < 20_000) nfkcCache.set(s, v);
  }
  return v;
}

// Per BMP code unit, computed once on first sight: KNOWN | PASS (NFKC-stable, visible, not a
// combining mark: copied as is unless a combining mark follows) | MARK (starts no group, joins one).
const KNOWN = 1;
const PASS = 2;
const MARK = 4;
const kinds = new Uint8Array(0x10000);
function kind(code: number): number {
  let k = kinds[code] as number;
  if (k === 0) {
    const ch = String.fromCharCode(code);
    k = KNOWN;
    if (COMBINING.test(ch)) k |= MARK;
    else if (!(code >= 0xd800 && code <= 0xdfff) && !INVISIBLE.test(ch) && ch.normalize('NFKC') === ch)
      k |= PASS;
    kinds[code] = k;
  }
  return k;
}

/** NFKC per grapheme-ish group (base + combining marks), dropping invisible characters. */
function build(original: string): Canonical {
  const n = original.length;
  // Fast path: nothing changes (ASCII, or e.g. kana/kanji/accented letters already in NFKC).
  let i = 0;
  for (; i < n; i++) {
    const code = original.charCodeAt(i);
    if (code < 0x80) continue;
    if (!(kind(code) & PASS)) break;
    if (i + 1 < n && kind(original.charCodeAt(i + 1)) & MARK) break;
  }
  if (i === n) return { text: original, starts: null, ends: null, originalLength: n };
  const out: string[] = [original.slice(0, i)];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < i; k++) {
    starts.push(k);
    ends.push(k + 1);
  }
  while (i < n) {
    const code = original.charCodeAt(i);
    if (code < 0x80 || (kind(code) & PASS && !(i + 1 < n && kind(original.charCodeAt(i + 1)) & MARK))) {
      // A run of characters that stay as they are: one slice.
      const from = i;
      for (i++; i < n; i++) {
        const next = original.charCodeAt(i);
        if (next < 0x80) continue;
        if (!(kind(next) & PASS) || (i + 1 < n && kind(original.charCodeAt(i + 1)) & MARK)) break;
      }
      out.push(original.slice(from, i));
      for (let k = from; k < i; k++) {
        starts.push(k);
        ends.push(k + 1);
      }
      continue;
    }
    const cp = original.codePointAt(i) as number;
    let j = i + (cp > 0xffff ? 2 : 1);
    const ch = original.slice(i, j);
    if (INVISIBLE.test(ch)) {
      i = j;
      continue;
    }
    while (j < n && COMBINING.test(original[j] as string)) j++;
    const norm = nfkc(original.slice(i, j));
    for (let k = 0; k < norm.length; k++) {
      out.push(norm[k] as string);
      starts.push(i);
      ends.push(j);
    }
    i = j;
  }
  return { text: out.join(''), starts, ends, originalLength: n };
}

/** The index after an empty match: whole code points for a /u regex (never inside a pair). */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return index + 1;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

/**
 * Rewrites the matches of a global regex. The replacement's characters map to the whole matched
 * range (an inserted character at an empty match maps to an empty range). `null` keeps the match.
 * The matches are collected first: nothing is copied when none is replaced.
 */
type Edit = { at: number; len: number; repl: string };

function rewrite(c: Canonical, re: RegExp, replace: (m: RegExpExecArray) => string | null): Canonical {
  const text = c.text;
  re.lastIndex = 0;
  let edits: Edit[] | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const len = m[0].length;
    const repl = replace(m);
    if (repl !== null) {
      edits ??= [];
      edits.push({ at: m.index, len, repl });
    }
    if (len === 0) re.lastIndex = advance(text, m.index, re.unicode);
  }
  return edits ? apply(c, edits) : c;
}

/**
 * Inserts `insert` right after each match of a global regex (an empty range in the map), like a
 * zero-width rewrite at that point — but the regex consumes a character, which the engine scans
 * for much faster than a lookbehind tried at every position.
 */
function insertAfter(c: Canonical, re: RegExp, insert: string): Canonical {
  re.lastIndex = 0;
  let edits: Edit[] | null = null;
  for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
    edits ??= [];
    edits.push({ at: m.index + m[0].length, len: 0, repl: insert });
  }
  return edits ? apply(c, edits) : c;
}

function apply(c: Canonical, edits: Edit[]): Canonical {
  const text = c.text;
  let size = text.length;
  for (const e of edits) size += e.repl.length - e.len;
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  const parts: string[] = [];
  let o = 0;
  let last = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    parts.push(text.slice(from, to));
    for (let k = from; k < to; k++, o++) {
      starts[o] = startOf(c, k);
      ends[o] = endOf(c, k);
    }
  };
  for (const { at, len, repl } of edits) {
    copy(last, at);
    const s = len > 0 ? startOf(c, at) : at < text.length ? startOf(c, at) : c.originalLength;
    const e = len > 0 ? endOf(c, at + len - 1) : s;
    parts.push(repl);
    for (let k = 0; k < repl.length; k++, o++) {
      starts[o] = s;
      ends[o] = e;
    }
    last = at + len;
  }
  copy(last, text.length);
  return { text: parts.join(''), starts, ends, originalLength: c.originalLength };
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30FC\\u3001\\u3002\\u300C-\\u300F';
const DASH_BETWEEN_DIGITS = /(?<=[0-9])\s?[\u2010-\u2015\u2212\u30FC\uFF70~〜]\s?(?=[0-9])/g;
const IDEOGRAPHIC_STOP = /(?<=[A-Za-z0-9])[。｡・](?=[A-Za-z0-9])/g;
const BRACKET_DOT = /\s*[([{<]\s*(?:\.|dot|punto|point|点|ドット|どっと)\s*[)\]}>]\s*/gi;
const BRACKET_AT = /\s*[([{<]\s*(?:@|at|chiocciola|アットマーク|あっとまーく|アット|あっと)\s*[)\]}>]\s*/gi;
const SPELLED_DOT = new RegExp(
  `(?<=[A-Za-z0-9])(?:\\s+(?:dot|punto|point)\\s+|\\s*(?:ドット|どっと|点)\\s*)(?=(?:${COMMON_TLDS})(?![A-Za-z0-9])|[A-Za-z0-9_-]+(?:\\.|@|\\s+at\\s+|\\s*(?:chiocciola|アットマーク|あっとまーく|アット|あっと)))`,
  'gi',
);
const SPELLED_AT =
  /(?<=[A-Za-z0-9._%+-])(?:\s+at\s+|\s*(?:chiocciola|chiocciolina|アットマーク|あっとまーく|アット|あっと)\s*|\s+@\s*|\s*@\s+)(?=[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([A-Za-z]{2,})(?![A-Za-z0-9]|\.[A-Za-z0-9]))/gi;
// "e x a m p l e . c o m", "m.a.r.i.o @ g m a i l . c o m", "0 9 0 1 2 3 4 5 6 7 8".
/** What BRACKET_DOT / BRACKET_AT need: an opening bracket, then a dot, "@" or a spelled one. */
const BRACKETED_WORD = /[([{<]\s*(?:[.@]|dot|punto|point|点|ドット|どっと|at|chiocciola|アット|あっと)/i;
/** What SPELLED_AT needs: " at " between spaces, "@", or a spelled "at" in Italian / Japanese. */
const SPELLED_AT_HINT = /\sat\s|@|chiocciola|アット|あっと/i;
const SPACED = /(?<![A-Za-z0-9])[A-Za-z0-9](?:(?: {1,2}| ?[.@] ?)[A-Za-z0-9]){3,}(?![A-Za-z0-9])/g;
const KANJI_DIGITS = '〇零一二三四五六七八九';
const KANJI_RUN = new RegExp(
  `[${KANJI_DIGITS}](?:[${KANJI_DIGITS}]|[のノー\\-\\s](?=[${KANJI_DIGITS}])){8,}`,
  'g',
);
const WORD_DIGITS: Record<string, string> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  uno: '1',
  due: '2',
  tre: '3',
  quattro: '4',
  cinque: '5',
  sei: '6',
  sette: '7',
  otto: '8',
  nove: '9',
  ゼロ: '0',
  レイ: '0',
  マル: '0',
  イチ: '1',
  ニ: '2',
  サン: '3',
  ヨン: '4',
  ゴ: '5',
  ロク: '6',
  ナナ: '7',
  ハチ: '8',
  キュウ: '9',
};
const WORD_ALT = Object.keys(WORD_DIGITS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const WORD_RUN = new RegExp(`(?<![A-Za-z])(?:${WORD_ALT})(?:[\\s,.-]*(?:${WORD_ALT})){7,}(?![A-Za-z])`, 'gi');
const WORD_ONE = new RegExp(WORD_ALT, 'gi');
// The character before an ASCII ↔ Japanese boundary (a space is inserted after it).
const SCRIPT_BOUNDARY = new RegExp(`[A-Za-z0-9](?=[${CJK}])|[${CJK}](?=[A-Za-z0-9])`, 'gu');
// The colon first (a literal the engine finds fast), the condition before it as a lookbehind.
const COLON_GLUE = /:(?<=(?:[^A-Za-z0-9\s]|[A-Za-z]{3,}):)(?=[A-Za-z])(?!\/)/g;
const AT_STOPWORDS = new Set(
  'us me it him her them you we i they is are was were be been available online here there site website page store shop found find visit look looking arrive arrived arrives delivered delivery order ordered items products product everything anything more info information details up out sale sell sold buy bought shipped ship sent collect pick picked book booked check stock listed offer offered deals also only now directly direct reach contact email mail write message call'.split(
    ' ',
  ),
);
const HAS_DIGIT_WORD =
  /zero|one|two|three|four|five|six|seven|eight|nine|uno|due|tre|quattro|cinque|sei|sette|otto|nove|ゼロ|イチ|ハチ|キュウ/i;

/**
 * NFKC (full-width ＠ ． ｅ…), zero-width stripped, 。/｡ between ASCII → ".", [.] (dot) → ".",
 * "dot/punto/ドット/点" and "at/chiocciola/アットマーク" between address parts, spaced-out letters,
 * kanji / spelled-out digit runs → digits, and a space at ASCII ↔ Japanese script boundaries
 * (so "shop.example.co.jpをご覧" is a link). Lengths change; `map` gives original offsets.
 */
export function canonicalForm(original: string): Canonical {
  let c = build(original);
  if (/[\u2010-\u2015\u2212\u30FC\uFF70~〜]/.test(c.text)) c = rewrite(c, DASH_BETWEEN_DIGITS, () => '-');
  if (/[。｡・]/.test(c.text)) c = rewrite(c, IDEOGRAPHIC_STOP, () => '.');
  if (BRACKETED_WORD.test(c.text)) {
    c = rewrite(c, BRACKET_DOT, () => '.');
    c = rewrite(c, BRACKET_AT, () => '@');
  }
  if (/dot|punto|point|ドット|どっと|点/i.test(c.text)) c = rewrite(c, SPELLED_DOT, () => '.');
  if (SPELLED_AT_HINT.test(c.text)) {
    c = rewrite(c, SPELLED_AT, (m) => {
      if (!TLDS.has((m[1] as string).toLowerCase())) return null;
      // "find us at example.com" is a link, not an e-mail address: plain English "at" after a
      // common word stays a word.
      if (/^\s+at\s+$/i.test(m[0])) {
        const before = /([A-Za-z]+)$/.exec(c.text.slice(Math.max(0, m.index - 20), m.index));
        if (before && AT_STOPWORDS.has((before[1] as string).toLowerCase())) return null;
      }
      return '@';
    });
  }
  c = rewrite(c, SPACED, (m) => {
    const s = m[0];
    if (!s.includes(' ')) return null;
    const squeezed = s.replace(/ /g, '');
    if (/[.@]/.test(squeezed) || /^[0-9]{8,}$/.test(squeezed)) return squeezed;
    return null;
  });
  if (/[〇零一二三四五六七八九]/.test(c.text)) {
    c = rewrite(c, KANJI_RUN, (m) => {
      const digits = m[0].replace(/[のノー\-\s]/g, '');
      if (digits.length < 9) return null;
      // keep separators as "-" so grouping survives; one output character per input character
      let out = '';
      for (const ch of m[0]) {
        const d = KANJI_DIGITS.indexOf(ch);
        out += d >= 0 ? String(d === 1 ? 0 : d > 1 ? d - 1 : 0) : '-';
      }
      return out;
    });
  }
  if (HAS_DIGIT_WORD.test(c.text)) {
    c = rewrite(c, WORD_RUN, (m) =>
      m[0]
        .replace(WORD_ONE, (w) => WORD_DIGITS[w.toLowerCase()] ?? WORD_DIGITS[w] ?? w)
        .replace(/[\s,.]+/g, ''),
    );
  }
  if (!ASCII_ONLY.test(c.text)) c = insertAfter(c, SCRIPT_BOUNDARY, ' ');
  if (c.text.includes(':')) c = rewrite(c, COLON_GLUE, () => ': ');
  return c;
}

/** Maps a canonical span [start, end) back to the original text. */
export function toOriginalSpan(c: Canonical, start: number, end: number): { start: number; end: number } {
  if (c.text.length === 0) return { start: 0, end: 0 };
  const s = start < c.text.length ? startOf(c, start) : c.originalLength;
  const e = end > 0 ? endOf(c, Math.min(end, c.text.length) - 1) : s;
  return { start: s, end: Math.max(s, e) };
}

/** The contract's debug helper: canonical text and an offset map back to the original. */
export function canonicalise(text: string): { text: string; map: (i: number) => number } {
  const c = canonicalForm(text);
  return {
    text: c.text,
    map: (i: number) => (i < c.text.length ? startOf(c, i) : c.originalLength),
  };
}
