// MSG-11 phone numbers: libphonenumber-js (max metadata, VALID leniency, the marketplace's
// country) on the canonical text with every protected identifier blanked out first — measured
// false positives otherwise on order ids, tracking numbers, postcodes and prices (§4.2).
import { type CountryCode, findPhoneNumbersInText } from 'libphonenumber-js/max';

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
    const chars = id.replace(/[\s-]/g, '');
    if (chars.length < 4) continue;
    const source = chars
      .split('')
      .map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s-]?');
    add(new RegExp(source, 'gi'));
  }
  return out;
}

export function maskRanges(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  const chars = text.split('');
  for (const r of ranges) for (let i = r.start; i < r.end && i < chars.length; i++) chars[i] = 'X';
  return chars.join('');
}

export type PhoneFinding = Range & { number: string; thirdParty: boolean };

export function detectPhones(masked: string, country: string): PhoneFinding[] {
  if (!DIGIT_RUN.test(masked)) return [];
  const found = findPhoneNumbersInText(masked, {
    defaultCountry: country as CountryCode,
    leniency: 'VALID',
  } as never);
  return found.map((p) => ({
    start: p.startsAt,
    end: p.endsAt,
    number: p.number.number as string,
    thirdParty: isThirdParty(masked, p.startsAt),
  }));
}
