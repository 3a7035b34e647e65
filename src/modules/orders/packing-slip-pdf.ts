// ORD-9: packing slips as ONE PDF, each order on its own page(s), drawn with the shared writer
// (src/platform/pdf: Noto Sans JP embedded, so Japanese addresses and titles render).
import { renderPdf } from '../../platform/pdf/pdf-document.ts';
import type { PackingSlip, SlipLabels, SlipLanguage } from './packing-slip.ts';

export function packingSlipsPdf(
  slips: readonly PackingSlip[],
  labels: SlipLabels,
  language: SlipLanguage,
  createdAt: Date,
): Promise<Buffer> {
  const title =
    slips.length === 1 ? `${labels.title} ${slips[0]?.amazonOrderId}` : `${labels.title} (${slips.length})`;
  return renderPdf({ title, language, createdAt, author: slips[0]?.sellerName }, (w) => {
    slips.forEach((s, index) => {
      // One order per page: asking for more room than a page has starts a new one.
      if (index > 0) w.ensureSpace(Number.POSITIVE_INFINITY);
      w.title(`${labels.title}  ${s.amazonOrderId}`);
      if (s.isBusinessOrder) w.paragraph(`■ ${labels.businessBuyer}`, { bold: true });
      w.rule();
      w.fields([
        [labels.orderId, s.amazonOrderId],
        [labels.orderDate, s.purchaseDate],
        [labels.shippingService, s.shipServiceLevel],
        ...(s.purchaseOrderNumber ? [[labels.poNumber, s.purchaseOrderNumber] as const] : []),
        [labels.seller, s.sellerName],
      ]);
      w.heading(labels.shipTo);
      w.paragraph(s.shipTo.join('\n'), { size: 11 });
      w.space(0.5);
      w.table(
        [
          { header: labels.sku, width: 2 },
          { header: labels.product, width: 5 },
          { header: labels.quantity, width: 1, align: 'right' },
        ],
        s.items.map((i) => [
          i.sku,
          i.giftMessage ? `${i.title}\n${labels.giftMessage}: ${i.giftMessage}` : i.title,
          String(i.quantity),
        ]),
      );
      w.space(1);
      w.paragraph(labels.thanks, { muted: true });
    });
  });
}
