// ORD-12: the buyer is told about every refund, in the marketplace's language: how much, why,
// for which items, and (undeliverable returns) the shipping cost kept back. Pure: takes the
// facts, returns subject and bodies.
import { formatAmount } from '../../platform/money.ts';
import type { RefundKind } from './orders.types.ts';
import type { RefundReason } from './refund-rules.ts';

export type RefundEmailFacts = {
  language: string;
  marketplaceName: string;
  sellerName: string;
  amazonOrderId: string;
  buyerName: string;
  currency: string;
  /** Minor units. */
  total: bigint;
  deductedShipping: bigint;
  reason: RefundReason | string;
  kind: RefundKind;
  items: { title: string; quantity: number; amount: bigint }[];
};

type Lang = 'en' | 'ja' | 'it';

/** The reason in the buyer's words. */
const REASONS: Record<Lang, Record<RefundReason, string>> = {
  en: {
    NoInventory: 'an item was out of stock',
    CouldNotShip: 'the seller could not ship an item',
    CustomerReturn: 'you returned an item',
    CustomerCancel: 'you cancelled an item',
    GeneralAdjustment: 'a price adjustment',
    BuyerCanceled: 'you cancelled an item',
    ShippingAddressUndeliverable: 'the shipping address could not be delivered to',
    PriceDiscrepancy: 'a price difference',
    CarrierCreditDecision: 'a decision of the carrier',
    RiskAssessmentInformationNotValid: 'the payment could not be verified',
    CarrierCoverageFailure: 'the carrier does not deliver to your address',
    TransactionRecord: 'a correction of the transaction',
    Undeliverable: 'the parcel could not be delivered and came back to the seller',
    ShippingCombined: 'your orders were shipped together in one parcel, so you pay shipping once',
  },
  ja: {
    NoInventory: '商品の在庫切れのため',
    CouldNotShip: '出品者が商品を発送できなかったため',
    CustomerReturn: '商品が返品されたため',
    CustomerCancel: '商品がキャンセルされたため',
    GeneralAdjustment: '価格調整のため',
    BuyerCanceled: '商品がキャンセルされたため',
    ShippingAddressUndeliverable: 'お届け先住所に配送できなかったため',
    PriceDiscrepancy: '価格の差額のため',
    CarrierCreditDecision: '配送業者の判断のため',
    RiskAssessmentInformationNotValid: 'お支払いを確認できなかったため',
    CarrierCoverageFailure: '配送業者がお届け先住所に対応していないため',
    TransactionRecord: '取引内容の訂正のため',
    Undeliverable: 'お荷物をお届けできず出品者に返送されたため',
    ShippingCombined: 'ご注文をまとめて1つの荷物で発送したため、配送料は1回分となります',
  },
  it: {
    NoInventory: 'un articolo non era disponibile',
    CouldNotShip: 'il venditore non ha potuto spedire un articolo',
    CustomerReturn: 'hai restituito un articolo',
    CustomerCancel: 'hai annullato un articolo',
    GeneralAdjustment: 'un adeguamento del prezzo',
    BuyerCanceled: 'hai annullato un articolo',
    ShippingAddressUndeliverable: "non è stato possibile consegnare all'indirizzo di spedizione",
    PriceDiscrepancy: 'una differenza di prezzo',
    CarrierCreditDecision: 'una decisione del corriere',
    RiskAssessmentInformationNotValid: 'non è stato possibile verificare il pagamento',
    CarrierCoverageFailure: 'il corriere non consegna al tuo indirizzo',
    TransactionRecord: 'una correzione della transazione',
    Undeliverable: 'il pacco non è stato consegnato ed è tornato al venditore',
    ShippingCombined:
      'i tuoi ordini sono stati spediti insieme in un unico pacco, quindi paghi la spedizione una sola volta',
  },
};

const TEXT = {
  en: {
    subject: (f: RefundEmailFacts, amount: string) => `Refund of ${amount} for your order ${f.amazonOrderId}`,
    hello: (f: RefundEmailFacts) => `Hello ${f.buyerName},`,
    lead: (f: RefundEmailFacts, amount: string, why: string) =>
      `${f.sellerName} has refunded ${amount} on your order ${f.amazonOrderId} because ${why}.`,
    deducted: (cost: string) => `The actual shipping cost of ${cost} was deducted from this refund.`,
    items: 'Refunded items',
    units: (q: number) => (q > 0 ? ` × ${q}` : ''),
    footer: (f: RefundEmailFacts) =>
      `The money goes back to your original payment method. You can see your refunds in Your Account on ${f.marketplaceName}.`,
  },
  ja: {
    subject: (f: RefundEmailFacts, amount: string) => `ご注文 ${f.amazonOrderId} の返金（${amount}）`,
    hello: (f: RefundEmailFacts) => `${f.buyerName} 様`,
    lead: (f: RefundEmailFacts, amount: string, why: string) =>
      `${why}、${f.sellerName} がご注文 ${f.amazonOrderId} について ${amount} を返金しました。`,
    deducted: (cost: string) => `この返金から実際の配送料 ${cost} が差し引かれています。`,
    items: '返金の対象商品',
    units: (q: number) => (q > 0 ? ` × ${q}` : ''),
    footer: (f: RefundEmailFacts) =>
      `返金はご購入時のお支払い方法に戻されます。返金の状況は ${f.marketplaceName} のアカウントサービスでご確認いただけます。`,
  },
  it: {
    subject: (f: RefundEmailFacts, amount: string) =>
      `Rimborso di ${amount} per il tuo ordine ${f.amazonOrderId}`,
    hello: (f: RefundEmailFacts) => `Ciao ${f.buyerName},`,
    lead: (f: RefundEmailFacts, amount: string, why: string) =>
      `${f.sellerName} ha rimborsato ${amount} sul tuo ordine ${f.amazonOrderId} perché ${why}.`,
    deducted: (cost: string) =>
      `Il costo di spedizione effettivo di ${cost} è stato detratto da questo rimborso.`,
    items: 'Articoli rimborsati',
    units: (q: number) => (q > 0 ? ` × ${q}` : ''),
    footer: (f: RefundEmailFacts) =>
      `Il denaro torna sul metodo di pagamento originale. Puoi vedere i tuoi rimborsi in Il mio account su ${f.marketplaceName}.`,
  },
} as const;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

export function refundEmail(f: RefundEmailFacts): { subject: string; text: string; html: string } {
  const lang: Lang = f.language === 'ja' || f.language === 'it' ? f.language : 'en';
  const t = TEXT[lang];
  const nf = new Intl.NumberFormat(f.language, { style: 'currency', currency: f.currency });
  // Formatted from the decimal string: no float rounding of minor units.
  const fmt = (minor: bigint) => nf.format(formatAmount(minor, f.currency) as `${number}`);
  const amount = fmt(f.total);
  const why = (REASONS[lang] as Record<string, string>)[f.reason] ?? REASONS[lang].GeneralAdjustment;
  const lead = t.lead(f, amount, why);
  const deducted = f.deductedShipping > 0n ? t.deducted(fmt(f.deductedShipping)) : null;
  const lines = f.items.map((i) => `${i.title}${t.units(i.quantity)}: ${fmt(i.amount)}`);
  const text = [
    t.hello(f),
    '',
    lead,
    ...(deducted ? ['', deducted] : []),
    '',
    `${t.items}:`,
    ...lines.map((l) => `- ${l}`),
    '',
    t.footer(f),
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<p>${escapeHtml(t.hello(f))}</p><p>${escapeHtml(lead)}</p>${deducted ? `<p>${escapeHtml(deducted)}</p>` : ''}
<p>${escapeHtml(t.items)}:</p><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
<p>${escapeHtml(t.footer(f))}</p></body></html>`;
  return { subject: t.subject(f, amount), text, html };
}
