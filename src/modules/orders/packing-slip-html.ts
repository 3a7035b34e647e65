// ORD-9: packing slips as one self-contained HTML print page, one slip per printed page (print
// stylesheet: no screen chrome, a page break after each slip). Every value is escaped.
import type { PackingSlip, SlipLabels, SlipLanguage } from './packing-slip.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

const STYLE = `
  :root { color-scheme: light; --ink: #111827; --muted: #5f6b7a; --rule: #c9d1db; --fill: #eef2f6; }
  * { box-sizing: border-box; }
  body { margin: 0; background: #f3f4f6; color: var(--ink);
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif; }
  .toolbar { position: sticky; top: 0; display: flex; gap: 12px; align-items: center; justify-content: space-between;
    padding: 10px 24px; background: #fff; border-bottom: 1px solid var(--rule); }
  .toolbar button { font: inherit; padding: 6px 16px; border-radius: 6px; border: 1px solid #1f2937;
    background: #1f2937; color: #fff; cursor: pointer; }
  .slip { width: 210mm; min-height: 290mm; margin: 16px auto; padding: 16mm 14mm; background: #fff;
    box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  .slip-head { display: flex; justify-content: space-between; gap: 16px; align-items: flex-start;
    border-bottom: 2px solid var(--ink); padding-bottom: 8px; margin-bottom: 14px; }
  h1 { margin: 0; font-size: 22px; }
  .order-id { font: 600 18px/1.2 ui-monospace, "SFMono-Regular", Menlo, monospace; }
  .badge { display: inline-block; border: 1.5px solid var(--ink); border-radius: 4px; padding: 1px 8px;
    font-weight: 700; font-size: 12px; letter-spacing: .02em; }
  .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-bottom: 16px; }
  dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
  dt { color: var(--muted); } dd { margin: 0; }
  h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 4px; }
  address { font-style: normal; white-space: pre-line; font-size: 15px; }
  table { width: 100%; border-collapse: collapse; margin-top: 8px; }
  th { background: var(--fill); text-align: left; font-size: 12px; }
  th, td { padding: 6px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; }
  .gift { color: var(--muted); font-size: 12px; }
  .thanks { margin-top: 24px; color: var(--muted); }
  @page { size: A4; margin: 12mm; }
  @media print {
    body { background: #fff; }
    .toolbar { display: none; }
    .slip { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; break-after: page; page-break-after: always; }
    .slip:last-of-type { break-after: auto; page-break-after: auto; }
    th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
`;

function slipHtml(s: PackingSlip, l: SlipLabels): string {
  const rows = s.items
    .map(
      (i) => `<tr data-sku="${esc(i.sku)}">
        <td class="mono">${esc(i.sku)}</td>
        <td>${esc(i.title)}${i.giftMessage ? `<div class="gift">${esc(l.giftMessage)}: ${esc(i.giftMessage)}</div>` : ''}</td>
        <td class="num">${esc(i.quantity)}</td>
      </tr>`,
    )
    .join('');
  const business = s.isBusinessOrder
    ? `<span class="badge" data-testid="slip-business">${esc(l.businessBuyer)}</span>`
    : '';
  const po = s.purchaseOrderNumber
    ? `<dt>${esc(l.poNumber)}</dt><dd class="mono" data-testid="slip-po">${esc(s.purchaseOrderNumber)}</dd>`
    : '';
  return `<section class="slip" data-testid="packing-slip" data-order-id="${esc(s.amazonOrderId)}">
    <header class="slip-head">
      <div><h1>${esc(l.title)}</h1><div>${esc(l.seller)}: <strong>${esc(s.sellerName)}</strong></div></div>
      <div style="text-align:right"><div class="order-id">${esc(s.amazonOrderId)}</div>${business}</div>
    </header>
    <div class="grid">
      <div><h2>${esc(l.shipTo)}</h2><address data-testid="slip-ship-to">${s.shipTo.map(esc).join('\n')}</address></div>
      <dl>
        <dt>${esc(l.orderId)}</dt><dd class="mono">${esc(s.amazonOrderId)}</dd>
        <dt>${esc(l.orderDate)}</dt><dd>${esc(s.purchaseDate)}</dd>
        <dt>${esc(l.shippingService)}</dt><dd>${esc(s.shipServiceLevel)}</dd>
        ${po}
      </dl>
    </div>
    <table>
      <thead><tr><th>${esc(l.sku)}</th><th>${esc(l.product)}</th><th class="num">${esc(l.quantity)}</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
    <p class="thanks">${esc(l.thanks)}</p>
  </section>`;
}

export function packingSlipsHtml(
  slips: readonly PackingSlip[],
  labels: SlipLabels,
  language: SlipLanguage,
): string {
  const title =
    slips.length === 1 ? `${labels.title} ${slips[0]?.amazonOrderId}` : `${labels.title} (${slips.length})`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="toolbar"><span>${esc(title)}</span><button type="button" onclick="window.print()" data-testid="slip-print">${esc(labels.print)}</button></div>
${slips.map((s) => slipHtml(s, labels)).join('\n')}
</body>
</html>`;
}
