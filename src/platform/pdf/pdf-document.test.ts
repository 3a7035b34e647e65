import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { renderPdf } from './pdf-document.ts';

describe('renderPdf', () => {
  it('embeds Japanese and Italian text that a reader can extract', async () => {
    const bytes = await renderPdf(
      { title: '領収書', author: 'Mercato JP', language: 'ja', createdAt: new Date('2025-03-01T00:00:00Z') },
      (w) => {
        w.title('領収書');
        w.fields([
          ['販売者', '株式会社さくら商店'],
          ['Venditore', 'Bottega Località Più'],
        ]);
        w.table(
          [
            { header: '商品', width: 3 },
            { header: '数量', width: 1, align: 'right' },
            { header: '金額', width: 1, align: 'right' },
          ],
          [['緑茶 (抹茶入り)', '2', '¥1,500']],
        );
        w.totals([{ label: '合計', value: '¥1,500', bold: true }]);
      },
    );
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Only the glyphs used are embedded: a 5 MB font must not end up whole in a receipt.
    expect(bytes.length).toBeLessThan(200_000);
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBe(1);
    for (const word of ['領収書', '株式会社さくら商店', 'Bottega Località Più', '緑茶', '¥1,500', '合計']) {
      expect(text).toContain(word);
    }
  });

  it('continues a long table on further pages with the header repeated and numbers the pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Articolo ${i + 1}`, String(i + 1)]);
    const bytes = await renderPdf({ title: 'Ricevuta', footer: 'Emessa da Mercato IT' }, (w) => {
      w.table(
        [
          { header: 'Articolo', width: 4 },
          { header: 'Quantità', width: 1, align: 'right' },
        ],
        rows,
      );
    });
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBeGreaterThan(1);
    expect(text.split('Quantità').length - 1).toBe(pages);
    expect(text).toContain('Articolo 120');
    expect(text).toContain(`${pages} / ${pages}`);
    expect(text).toContain('Emessa da Mercato IT');
  });
});
