// Text of a PDF as a reader sees it (pdf.js through unpdf): proves that fonts were embedded with
// a usable ToUnicode map, so Japanese and Italian words can be searched and copied.
import { extractText, getDocumentProxy } from 'unpdf';

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text };
}
