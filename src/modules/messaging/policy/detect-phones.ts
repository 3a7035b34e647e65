// MSG-11 phone numbers: libphonenumber-js (max metadata, VALID leniency, the marketplace's
// country) on the canonical text with every protected identifier blanked out first — measured
// false positives otherwise on order ids, tracking numbers, postcodes and prices (§4.2).
import {
  type CountryCode,
  findPhoneNumbersInText,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
} from 'libphonenumber-js/max';
import * as core from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/max/metadata';

export type Range = { start: number; end: number };

// Numbers that are identifiers, not phones (canonical text, digits already half-width).
const ORDER_ID = /(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)/g;
const LABELLED_ID = new RegExp(
  [
    '(?<![A-Za-z])(?:追跡番号|お問い合わせ番号|お問合せ番号|問い合わせ番号|問合せ番号|伝票番号|送り状番号|荷物番号|配送番号|注文番号|品番|型番|商品番号|管理番号|JAN(?:コード)?|郵便番号|〒',
    'tracking(?: number| no\\.?| code| id| #)?|track(?:ing)? #|shipment(?: number| id| no\\.?)?|waybill|parcel(?: number| no\\.?)?|order(?: number| no\\.?| id| #)?|invoice(?: number| no\\.?)?|sku|asin|ean|upc|isbn|model(?: number| no\\.?)?|serial(?: number| no\\.?)?|part(?: number| no\\.?)?|item(?: number| no\\.?)?|zip(?: code)?|postcode|postal code|ref(?:erence)?(?: number| no\\.?)?|rma',
    'numero di (?:tracciamento|tracking|spedizione|ordine|serie|fattura|riferimento|pacco)|codice (?:di tracciamento|tracking|spedizione|articolo|prodotto|ean|a barre)|lettera di vettura|n\\. ?(?:spedizione|ordine|fattura|pacco)|ordine(?: n\\.?)?|fattura(?: n\\.?)?|cap|codice|articolo|rif\\.?)',
  ].join('|') +
    '(?![A-Za-z])[\\s:#.№は：、-]{0,6}(?:n(?:o|r|um)?\\.\\s?)?([A-Za-z0-9]*\\d[A-Za-z0-9-]*(?: \\d{3,}){0,3})',
  'gi',
);
const PRICE = /(?:[¥$€£]\s?\d[\d,. ]*\d|\d[\d,.]*\s?(?:円|€|EUR|euro|JPY|yen|USD))/gi;
const DATE = /(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?!\d)/g;
/** A bare run of 12+ digits is a tracking number / EAN, never a national phone number. */
const LONG_DIGITS = /(?<![\d+])\d{12,}(?!\d)/g;
const DIGIT_RUN = /\d(?:[\s().\-/]{0,3}\d){6,}/;

/** A number named as the carrier's, manufacturer's or warranty service's is allowed (§1.6). */
const THIRD_PARTY =
  /(?:ヤマト|クロネコ|佐川|日本郵便|郵便局|ゆうパック|西濃|福山|配送業者|運送会社|宅配業者|ドライバー|メーカー|製造元|保証|サポートセンター|カスタマーセンター|yamato|sagawa|japan post|poste italiane|poste|brt|bartolini|gls|sda|dhl|ups|fedex|tnt|nexive|carrier|courier|corriere|manufacturer|produttore|warranty|garanzia|assistenza tecnica|centro assistenza)/i;

const PERSONAL =
  /\b(?:me|my|us|our|mi|mio|mia|ci|nostro|nostra|chiami|chiamaci|chiamami)\b|私|弊社|当店|担当/i;

/** The carrier/manufacturer must be named in the same sentence, shortly before, and not "our". */
function isThirdParty(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 50), at);
  const sentence = before.split(/[.!?。！？\n](?=\s|$)|[。！？\n]/).pop() ?? '';
  return THIRD_PARTY.test(sentence) && !PERSONAL.test(sentence);
}

export function protectedRanges(
  text: string,
  trackingNumbers: readonly string[],
  orderId: string | undefined,
): Range[] {
  const out: Range[] = [];
  const add = (re: RegExp, group = 0) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (group && m[group]) {
        const at = m.index + m[0].length - (m[group] as string).length;
        out.push({ start: at, end: at + (m[group] as string).length });
      } else out.push({ start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  add(ORDER_ID);
  if (/\d/.test(text)) {
    add(LABELLED_ID, 1);
    add(PRICE);
    add(DATE);
    add(LONG_DIGITS);
  }
  for (const id of [orderId, ...trackingNumbers]) {
    if (!id) continue;
    const re = idPattern(id);
    if (re) add(re);
  }
  return out;
}

/** The order's id / a tracking number with any separators; compiled once per id (bounded cache). */
const idPatterns = new Map<string, RegExp | null>();
function idPattern(id: string): RegExp | null {
  let re = idPatterns.get(id);
  if (re === undefined) {
    const chars = id.replace(/[\s-]/g, '');
    re =
      chars.length < 4
        ? null
        : new RegExp(
            chars
              .split('')
              .map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('[\\s-]?'),
            'gi',
          );
    if (idPatterns.size >= 10_000) idPatterns.clear();
    idPatterns.set(id, re);
  }
  return re;
}

export function maskRanges(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  const n = text.length;
  const hidden = new Uint8Array(n);
  for (const r of ranges) hidden.fill(1, Math.max(0, r.start), Math.min(r.end, n));
  let out = '';
  for (let i = 0; i < n; ) {
    let j = i;
    const h = hidden[i];
    while (j < n && hidden[j] === h) j++;
    out += h ? 'X'.repeat(j - i) : text.slice(i, j);
    i = j;
  }
  return out;
}

export type PhoneFinding = Range & { number: string; thirdParty: boolean };

/**
 * The fewest digits a VALID number can have: a national number is never shorter than its
 * numbering plan's shortest possible length (DE, AT: 4), an international one adds its calling
 * code (+43 1234: 6). Computed from libphonenumber's own metadata, so a line with fewer digits
 * provably holds no phone number and is not handed to the (costly) matcher.
 */
type NumberingPlans = {
  selectNumberingPlan(country: string): void;
  numberingPlan: { possibleLengths(): number[] };
};
// `Metadata` is exported by libphonenumber-js/core at runtime but missing from its typings.
const { Metadata } = core as unknown as { Metadata: new (json: unknown) => NumberingPlans };
const plan = new Metadata(metadata);
const shortest = (country: string) => {
  plan.selectNumberingPlan(country);
  return Math.min(...plan.numberingPlan.possibleLengths());
};
const COUNTRIES = getCountries();
const INTERNATIONAL_MIN = Math.min(...COUNTRIES.map((c) => getCountryCallingCode(c).length + shortest(c)));
const minDigitsCache = new Map<string, number>();
function minDigits(country: string): number {
  let k = minDigitsCache.get(country);
  if (k === undefined) {
    k = INTERNATIONAL_MIN;
    if (isSupportedCountry(country)) {
      // Countries sharing the calling code (US/CA, GB/GG/JE…) can own a national number too.
      const code = getCountryCallingCode(country);
      for (const c of COUNTRIES) if (getCountryCallingCode(c) === code) k = Math.min(k, shortest(c));
    }
    minDigitsCache.set(country, k);
  }
  return k;
}
const enoughDigitsCache = new Map<number, RegExp>();
function enoughDigits(k: number): RegExp {
  let re = enoughDigitsCache.get(k);
  if (!re) {
    re = new RegExp(`^(?:\\P{Nd}*\\p{Nd}){${k}}`, 'u');
    enoughDigitsCache.set(k, re);
  }
  return re;
}
// Hiragana, katakana (not the long-vowel mark ー, a dash to libphonenumber) and CJK ideographs.
const SEGMENT = /[^\n\u3041-\u3096\u30A1-\u30FA\u4E00-\u9FFF]+/g;

export function detectPhones(masked: string, country: string): PhoneFinding[] {
  if (!DIGIT_RUN.test(masked)) return [];
  // libphonenumber's candidates never span a line break or a kana/kanji character (none of
  // them is in its digit, punctuation or extension patterns, and the characters it checks around
  // a candidate — Latin letters, %, currency, ":" — read the same at a segment's edge), so each
  // segment between them is matched alone, and only segments with enough digits at all.
  const need = enoughDigits(minDigits(country));
  const out: PhoneFinding[] = [];
  SEGMENT.lastIndex = 0;
  for (let seg = SEGMENT.exec(masked); seg; seg = SEGMENT.exec(masked)) {
    const start = seg.index;
    if (!need.test(seg[0])) continue;
    const found = findPhoneNumbersInText(seg[0], {
      defaultCountry: country as CountryCode,
      leniency: 'VALID',
    } as never);
    for (const p of found) {
      out.push({
        start: start + p.startsAt,
        end: start + p.endsAt,
        number: p.number.number as string,
        thirdParty: isThirdParty(masked, start + p.startsAt),
      });
    }
  }
  return out;
}
