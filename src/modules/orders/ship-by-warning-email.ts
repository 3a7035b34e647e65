// ORD-8: from the ship-by date on, the seller gets one notification per order: confirm shipment
// by the cutoff or the order is cancelled. Pure; in the seller's language.

import { renderSimpleEmail } from '../../platform/mail/simple-email.ts';

export type ShipByWarningFacts = {
  language: string;
  sellerName: string;
  timeZone: string;
  orders: { amazonOrderId: string; cutoff: Date }[];
};

const TEXT = {
  en: {
    subject: (n: number) =>
      n === 1
        ? 'Confirm shipment to avoid cancellation'
        : `Confirm shipment of ${n} orders to avoid cancellation`,
    hello: (f: ShipByWarningFacts) => `Hello ${f.sellerName},`,
    lead: 'These orders reached their ship-by date without a shipment confirmation. Confirm them as shipped by the date shown, or they are cancelled automatically, you are not paid, and each counts as a seller cancellation.',
    line: (id: string, d: string) => `${id}: confirm as shipped by ${d} to avoid cancellation`,
    list: 'Orders',
  },
  ja: {
    subject: (n: number) =>
      n === 1 ? 'キャンセルを避けるため出荷を確認してください' : `${n}件の注文の出荷を確認してください`,
    hello: (f: ShipByWarningFacts) => `${f.sellerName} 様`,
    lead: '以下の注文は出荷予定日を過ぎても出荷が確認されていません。表示の日時までに出荷を通知しない場合、注文は自動的にキャンセルされ、代金は支払われず、出品者都合のキャンセルとして計上されます。',
    line: (id: string, d: string) => `${id}：キャンセルを避けるため ${d} までに出荷を通知してください`,
    list: '注文',
  },
  it: {
    subject: (n: number) =>
      n === 1 ? "Conferma la spedizione per evitare l'annullamento" : `Conferma la spedizione di ${n} ordini`,
    hello: (f: ShipByWarningFacts) => `Ciao ${f.sellerName},`,
    lead: 'Questi ordini hanno raggiunto la data di spedizione senza conferma. Confermali come spediti entro la data indicata, altrimenti vengono annullati automaticamente, non ricevi il pagamento e ciascuno conta come annullamento da parte del venditore.',
    line: (id: string, d: string) => `${id}: conferma la spedizione entro ${d} per evitare l'annullamento`,
    list: 'Ordini',
  },
} as const;

export function shipByWarningEmail(f: ShipByWarningFacts) {
  const t = TEXT[(f.language in TEXT ? f.language : 'en') as keyof typeof TEXT];
  const fmt = new Intl.DateTimeFormat(f.language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: f.timeZone,
  });
  return renderSimpleEmail({
    subject: t.subject(f.orders.length),
    hello: t.hello(f),
    paragraphs: [t.lead],
    listTitle: t.list,
    list: f.orders.map((o) => t.line(o.amazonOrderId, fmt.format(o.cutoff))),
  });
}
