// ORD-13 / ORD-8: the buyer is told their order was cancelled and that they were not charged, in
// the marketplace's language. Pure.
import { renderSimpleEmail } from '../../platform/mail/simple-email.ts';
import type { CancellationKind } from './orders.types.ts';

export type CancellationEmailFacts = {
  language: string;
  marketplaceName: string;
  sellerName: string;
  amazonOrderId: string;
  buyerName: string;
  kind: CancellationKind;
  items: { title: string; quantity: number }[];
};

const TEXT = {
  en: {
    subject: (f: CancellationEmailFacts) => `Your order ${f.amazonOrderId} was cancelled`,
    hello: (f: CancellationEmailFacts) => `Hello ${f.buyerName},`,
    lead: (f: CancellationEmailFacts) =>
      f.kind === 'buyer_requested'
        ? `As you requested, ${f.sellerName} cancelled your order ${f.amazonOrderId}.`
        : f.kind === 'auto'
          ? `Your order ${f.amazonOrderId} was cancelled because ${f.sellerName} did not confirm shipment in time.`
          : `${f.sellerName} cancelled your order ${f.amazonOrderId}.`,
    charge: 'You have not been charged for this order.',
    items: 'Cancelled items',
    footer: (f: CancellationEmailFacts) => `Your orders are in Your Account on ${f.marketplaceName}.`,
  },
  ja: {
    subject: (f: CancellationEmailFacts) => `ご注文 ${f.amazonOrderId} はキャンセルされました`,
    hello: (f: CancellationEmailFacts) => `${f.buyerName} 様`,
    lead: (f: CancellationEmailFacts) =>
      f.kind === 'buyer_requested'
        ? `ご依頼により、${f.sellerName} がご注文 ${f.amazonOrderId} をキャンセルしました。`
        : f.kind === 'auto'
          ? `${f.sellerName} が期限までに出荷を確認しなかったため、ご注文 ${f.amazonOrderId} はキャンセルされました。`
          : `${f.sellerName} がご注文 ${f.amazonOrderId} をキャンセルしました。`,
    charge: 'このご注文の代金は請求されていません。',
    items: 'キャンセルされた商品',
    footer: (f: CancellationEmailFacts) =>
      `ご注文の状況は ${f.marketplaceName} のアカウントサービスでご確認いただけます。`,
  },
  it: {
    subject: (f: CancellationEmailFacts) => `Il tuo ordine ${f.amazonOrderId} è stato annullato`,
    hello: (f: CancellationEmailFacts) => `Ciao ${f.buyerName},`,
    lead: (f: CancellationEmailFacts) =>
      f.kind === 'buyer_requested'
        ? `Come richiesto, ${f.sellerName} ha annullato il tuo ordine ${f.amazonOrderId}.`
        : f.kind === 'auto'
          ? `Il tuo ordine ${f.amazonOrderId} è stato annullato perché ${f.sellerName} non ha confermato la spedizione in tempo.`
          : `${f.sellerName} ha annullato il tuo ordine ${f.amazonOrderId}.`,
    charge: 'Non ti è stato addebitato alcun importo per questo ordine.',
    items: 'Articoli annullati',
    footer: (f: CancellationEmailFacts) => `Trovi i tuoi ordini in Il mio account su ${f.marketplaceName}.`,
  },
} as const;

export function cancellationEmail(f: CancellationEmailFacts) {
  const t = TEXT[(f.language in TEXT ? f.language : 'en') as keyof typeof TEXT];
  return renderSimpleEmail({
    subject: t.subject(f),
    hello: t.hello(f),
    paragraphs: [t.lead(f), t.charge],
    listTitle: t.items,
    list: f.items.map((i) => `${i.title} × ${i.quantity}`),
    footer: t.footer(f),
  });
}
