// ORD-14: the receipt as a PDF (A4, Noto Sans JP so Japanese and Italian render alike).
import { renderPdf } from '../../platform/pdf/pdf-document.ts';
import type { Receipt } from './receipt.ts';

export function receiptPdf(r: Receipt, issuedAt: Date): Promise<Buffer> {
  const l = r.labels;
  return renderPdf(
    {
      title: `${r.title} ${r.amazonOrderId}`,
      author: `${r.marketplace.name} / ${r.seller.name}`,
      subject: r.issuedOnBehalf,
      language: r.language,
      createdAt: issuedAt,
      footer: r.footer,
    },
    (w) => {
      w.title(r.title);
      w.paragraph(r.issuedOnBehalf, { muted: true });
      w.space(0.6);
      w.fields(r.fields.map((f) => [f.label, f.value] as const));
      w.heading(l.items);
      w.table(
        [
          { header: l.item, width: 5 },
          { header: l.quantity, width: 1, align: 'right' },
          { header: l.unitPrice, width: 2, align: 'right' },
          { header: l.tax, width: 1.6, align: 'right' },
          { header: l.amount, width: 2, align: 'right' },
        ],
        r.items.map((i) => [
          i.note ? `${i.title}\n${i.note}` : i.title,
          i.quantity,
          i.unitPrice,
          i.tax,
          i.amount,
        ]),
      );
      w.totals(r.summary);
      if (r.refunds.length > 0) {
        w.heading(l.refunds);
        w.table(
          [
            { header: l.refundDate, width: 2 },
            { header: l.refundReason, width: 5 },
            { header: l.amount, width: 2, align: 'right' },
          ],
          r.refunds.map((x) => [x.date, x.reason, x.amount]),
        );
      }
    },
  );
}
