// ORD-7: the buyer is told their order shipped, with the tracking number, in the marketplace's
// language. Pure: takes the facts, returns subject and bodies.

export type ShipmentEmailFacts = {
  language: string;
  marketplaceName: string;
  sellerName: string;
  amazonOrderId: string;
  buyerName: string;
  carrier: string;
  trackingNumber: string;
  shipDate: Date;
  timeZone: string;
  items: { title: string; quantity: number }[];
  complete: boolean;
};

const TEXT = {
  en: {
    subject: (f: ShipmentEmailFacts) => `Your order ${f.amazonOrderId} has shipped`,
    hello: (f: ShipmentEmailFacts) => `Hello ${f.buyerName},`,
    lead: (f: ShipmentEmailFacts) =>
      f.complete
        ? `${f.sellerName} has shipped your order ${f.amazonOrderId}.`
        : `${f.sellerName} has shipped part of your order ${f.amazonOrderId}. The rest will follow separately.`,
    carrier: 'Carrier',
    tracking: 'Tracking number',
    shipDate: 'Ship date',
    items: 'Items in this shipment',
    footer: (f: ShipmentEmailFacts) => `You can follow your order in Your Account on ${f.marketplaceName}.`,
  },
  ja: {
    subject: (f: ShipmentEmailFacts) => `ご注文 ${f.amazonOrderId} を発送しました`,
    hello: (f: ShipmentEmailFacts) => `${f.buyerName} 様`,
    lead: (f: ShipmentEmailFacts) =>
      f.complete
        ? `${f.sellerName} がご注文 ${f.amazonOrderId} を発送しました。`
        : `${f.sellerName} がご注文 ${f.amazonOrderId} の一部を発送しました。残りの商品は別途お届けします。`,
    carrier: '配送業者',
    tracking: 'お問い合わせ伝票番号',
    shipDate: '発送日',
    items: 'この配送に含まれる商品',
    footer: (f: ShipmentEmailFacts) =>
      `ご注文の状況は ${f.marketplaceName} のアカウントサービスでご確認いただけます。`,
  },
  it: {
    subject: (f: ShipmentEmailFacts) => `Il tuo ordine ${f.amazonOrderId} è stato spedito`,
    hello: (f: ShipmentEmailFacts) => `Ciao ${f.buyerName},`,
    lead: (f: ShipmentEmailFacts) =>
      f.complete
        ? `${f.sellerName} ha spedito il tuo ordine ${f.amazonOrderId}.`
        : `${f.sellerName} ha spedito una parte del tuo ordine ${f.amazonOrderId}. Il resto arriverà separatamente.`,
    carrier: 'Corriere',
    tracking: 'Numero di tracciamento',
    shipDate: 'Data di spedizione',
    items: 'Articoli in questa spedizione',
    footer: (f: ShipmentEmailFacts) =>
      `Puoi seguire il tuo ordine in Il mio account su ${f.marketplaceName}.`,
  },
} as const;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

export function shipmentEmail(f: ShipmentEmailFacts): { subject: string; text: string; html: string } {
  const t = TEXT[(f.language in TEXT ? f.language : 'en') as keyof typeof TEXT];
  const date = new Intl.DateTimeFormat(f.language, { dateStyle: 'long', timeZone: f.timeZone }).format(
    f.shipDate,
  );
  const facts: [string, string][] = [
    [t.carrier, f.carrier],
    [t.tracking, f.trackingNumber],
    [t.shipDate, date],
  ];
  const text = [
    t.hello(f),
    '',
    t.lead(f),
    '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    '',
    `${t.items}:`,
    ...f.items.map((i) => `- ${i.title} × ${i.quantity}`),
    '',
    t.footer(f),
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<p>${escapeHtml(t.hello(f))}</p><p>${escapeHtml(t.lead(f))}</p>
<table>${facts.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
<p>${escapeHtml(t.items)}:</p><ul>${f.items.map((i) => `<li>${escapeHtml(i.title)} × ${i.quantity}</li>`).join('')}</ul>
<p>${escapeHtml(t.footer(f))}</p></body></html>`;
  return { subject: t.subject(f), text, html };
}
