// Fonts embedded in every PDF we produce (receipts ORD-14, packing slips). Noto Sans JP covers
// Japanese (kana + kanji), Latin with Italian accents and the currency signs in one file, so a
// document mixing "領収書", "Ricevuta per l'ordine" and "¥1,500 / €12,50" needs no font fallback.
// The TTFs come from an npm package (nothing is fetched at run time); pdfkit embeds only the
// glyphs a document uses, so a one-page receipt stays around 30–60 KB.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type PdfFontWeight = 'regular' | 'bold';

const FONT_FILES: Record<PdfFontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
};

const cache = new Map<PdfFontWeight, Buffer>();

/** The font file's bytes, read once per process (5 MB each; parsed by pdfkit per document). */
export function pdfFont(weight: PdfFontWeight): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = readFileSync(require.resolve(FONT_FILES[weight]));
    cache.set(weight, bytes);
  }
  return bytes;
}
