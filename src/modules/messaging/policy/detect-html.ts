// MSG-2/8: markup of any kind is refused (never sanitised). Runs on the ORIGINAL text: only a
// real "<" renders as markup, and "3 < 5", "<3" or "＜お知らせ＞" are ordinary writing.
export type Finding = { start: number; end: number; found: string };

const TAGS =
  'a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|big|blink|blockquote|body|br|button|canvas|caption|center|cite|code|col|colgroup|dd|del|details|dfn|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|frame|frameset|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|map|mark|marquee|meta|nav|noscript|object|ol|optgroup|option|p|param|picture|pre|q|s|samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|title|tr|tt|u|ul|var|video|wbr';
const MARKUP = new RegExp(
  [
    `</?(?:${TAGS})(?=[\\s/>])[^<>]{0,500}>`,
    // any tag-like thing that carries an attribute: <x-foo href="...">, <foo onclick='...'>
    '<[A-Za-z][A-Za-z0-9-]{0,30}\\s+[A-Za-z-]{1,30}\\s*=\\s*["\'][^<>]{0,500}>',
    '<!--[\\s\\S]{0,2000}?-->',
    '<!DOCTYPE[^>]{0,100}>',
    // character references used as markup: &nbsp; &#60; &#x3C;
    '&(?:#[0-9]{2,7}|#x[0-9A-Fa-f]{2,6}|[A-Za-z][A-Za-z0-9]{1,9});',
  ].join('|'),
  'gi',
);

export function detectHtml(original: string): Finding[] {
  if (!original.includes('<') && !original.includes('&')) return [];
  const out: Finding[] = [];
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(original); m; m = MARKUP.exec(original)) {
    out.push({ start: m.index, end: m.index + m[0].length, found: m[0] });
  }
  return out;
}
