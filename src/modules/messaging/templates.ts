// MSG-12 templates in ja/it/en: Order Unavailable (confirms the adjustment, its reason and
// amount), Delay notice, Return Confirmation (products returned, amount refunded, refund date).
// Each names the order id (MSG-7) and contains nothing the policy refuses (no links, contact
// details, marketing or review wording) — a test checks every one against checkMessage.
import type { MessageLanguage, TemplateId } from './messaging.types.ts';

export type TemplateFacts = {
  amazonOrderId: string;
  currency: string;
  timeZone: string;
  latestShipDate: Date | null;
  items: readonly { title: string; quantity: number }[];
  /** The refund the template is about (Order Unavailable / Return Confirmation). */
  refund?: {
    reason: string;
    total: bigint;
    createdAt: Date;
    items: readonly { title: string; quantity: number }[];
  };
};

const LOCALE: Record<MessageLanguage, string> = { en: 'en-GB', ja: 'ja-JP', it: 'it-IT' };

export function formatMoney(minor: bigint, currency: string, language: MessageLanguage): string {
  const fmt = new Intl.NumberFormat(LOCALE[language], { style: 'currency', currency });
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(Number(minor) / 10 ** digits);
}

export function formatDate(d: Date, timeZone: string, language: MessageLanguage): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'long', timeZone }).format(d);
}

const REASONS: Record<MessageLanguage, Record<string, string>> = {
  en: { NoInventory: 'the item is out of stock', CouldNotShip: 'we could not ship the item' },
  ja: { NoInventory: '在庫切れのため', CouldNotShip: '発送できなかったため' },
  it: {
    NoInventory: "l'articolo non è disponibile",
    CouldNotShip: "non è stato possibile spedire l'articolo",
  },
};

const lines = (items: readonly { title: string; quantity: number }[]) =>
  items.map((i) => `- ${i.title} × ${i.quantity}`).join('\n');

export function renderMessageTemplate(
  id: TemplateId,
  language: MessageLanguage,
  f: TemplateFacts,
): { subject: string; text: string } {
  const o = f.amazonOrderId;
  const amount = f.refund ? formatMoney(f.refund.total, f.currency, language) : '';
  const refundDate = f.refund ? formatDate(f.refund.createdAt, f.timeZone, language) : '';
  const reason = f.refund ? (REASONS[language][f.refund.reason] ?? f.refund.reason) : '';
  const shipBy = f.latestShipDate ? formatDate(f.latestShipDate, f.timeZone, language) : '';
  const refundItems = f.refund?.items.length ? f.refund.items : f.items;
  switch (`${id}:${language}`) {
    case 'order_unavailable:en':
      return {
        subject: `Order ${o}: item unavailable`,
        text: `Hello,\n\nWe are sorry: part of your order ${o} cannot be fulfilled because ${reason}.\nWe have adjusted the order amount by ${amount} (reason: ${f.refund?.reason ?? ''}).\n\nItems concerned:\n${lines(refundItems)}\n\nThe amount goes back to your original payment method.\n\nOrder ${o}`,
      };
    case 'order_unavailable:ja':
      return {
        subject: `ご注文 ${o}：商品をご用意できません`,
        text: `お客様\n\n申し訳ございません。${reason}、ご注文 ${o} の一部をお届けできません。\nご注文金額を ${amount} 調整いたしました（理由：${f.refund?.reason ?? ''}）。\n\n対象の商品：\n${lines(refundItems)}\n\n調整額は元のお支払い方法に返金されます。\n\n注文番号 ${o}`,
      };
    case 'order_unavailable:it':
      return {
        subject: `Ordine ${o}: articolo non disponibile`,
        text: `Gentile cliente,\n\nci dispiace: parte del tuo ordine ${o} non può essere evasa perché ${reason}.\nAbbiamo rettificato l'importo dell'ordine di ${amount} (motivo: ${f.refund?.reason ?? ''}).\n\nArticoli interessati:\n${lines(refundItems)}\n\nL'importo viene riaccreditato sul metodo di pagamento originale.\n\nOrdine ${o}`,
      };
    case 'delay_notice:en':
      return {
        subject: `Order ${o}: shipment delayed`,
        text: `Hello,\n\nWe are sorry: your order ${o} will ship later than promised${shipBy ? ` (it was due to ship by ${shipBy})` : ''}.\nWe will ship it as soon as possible and you will receive the tracking details once it has shipped.\n\nItems:\n${lines(f.items)}\n\nOrder ${o}`,
      };
    case 'delay_notice:ja':
      return {
        subject: `ご注文 ${o}：発送遅延のお知らせ`,
        text: `お客様\n\n申し訳ございません。ご注文 ${o} の発送がお約束の日より遅れます${shipBy ? `（発送予定日：${shipBy}）` : ''}。\nできるだけ早く発送し、発送後に追跡情報をお知らせいたします。\n\n商品：\n${lines(f.items)}\n\n注文番号 ${o}`,
      };
    case 'delay_notice:it':
      return {
        subject: `Ordine ${o}: spedizione in ritardo`,
        text: `Gentile cliente,\n\nci dispiace: il tuo ordine ${o} verrà spedito più tardi del previsto${shipBy ? ` (la spedizione era prevista entro il ${shipBy})` : ''}.\nLo spediremo il prima possibile e riceverai i dati di tracciamento alla spedizione.\n\nArticoli:\n${lines(f.items)}\n\nOrdine ${o}`,
      };
    case 'return_confirmation:en':
      return {
        subject: `Order ${o}: return confirmed`,
        text: `Hello,\n\nWe confirm the return of your order ${o}.\n\nProducts returned:\n${lines(refundItems)}\n\nAmount refunded: ${amount}\nRefund date: ${refundDate}\n\nThe refund goes back to your original payment method.\n\nOrder ${o}`,
      };
    case 'return_confirmation:ja':
      return {
        subject: `ご注文 ${o}：返品を承りました`,
        text: `お客様\n\nご注文 ${o} の返品を確認いたしました。\n\n返品された商品：\n${lines(refundItems)}\n\n返金額：${amount}\n返金日：${refundDate}\n\n返金は元のお支払い方法に行われます。\n\n注文番号 ${o}`,
      };
    default:
      return {
        subject: `Ordine ${o}: reso confermato`,
        text: `Gentile cliente,\n\nconfermiamo il reso del tuo ordine ${o}.\n\nProdotti resi:\n${lines(refundItems)}\n\nImporto rimborsato: ${amount}\nData del rimborso: ${refundDate}\n\nIl rimborso viene accreditato sul metodo di pagamento originale.\n\nOrdine ${o}`,
      };
  }
}
