// NTF-6: the digest email: one message per batch listing the notifications collected in the
// window, in the seller's language (ja, it, en) and time zone. Pure: the send worker loads the
// batch and its items (digests.service.ts loadDigest) and renders them here.
import { renderSimpleEmail } from '../../platform/mail/simple-email.ts';
import type { DigestFrequency } from './digest-window.ts';

export type DigestItem = {
  type: string;
  severity: 'critical' | 'warning' | 'info';
  createdAt: Date;
  data: Record<string, unknown>;
};

export type DigestFacts = {
  language: string;
  timeZone: string;
  sellerName?: string;
  frequency: DigestFrequency;
  windowStart: Date;
  windowEnd: Date;
  items: DigestItem[];
};

type Texts = {
  subject: (f: DigestFrequency, n: number) => string;
  hello: (name?: string) => string;
  lead: (f: DigestFrequency, from: string, to: string) => string;
  list: string;
  footer: string;
  types: Record<string, string>;
};

const FREQ = {
  en: { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' },
  ja: { daily: '日次', weekly: '週次', monthly: '月次' },
  it: { daily: 'giornaliero', weekly: 'settimanale', monthly: 'mensile' },
} as const;

const TEXT: Record<'en' | 'ja' | 'it', Texts> = {
  en: {
    subject: (f, n) => `${FREQ.en[f]} digest: ${n} notification${n === 1 ? '' : 's'}`,
    hello: (name) => (name ? `Hello ${name},` : 'Hello,'),
    lead: (_f, from, to) => `Here is what happened between ${from} and ${to}.`,
    list: 'Notifications',
    footer:
      'You receive this digest because you chose it in Notification Preferences. Change the frequency there to get these notifications one by one.',
    types: {
      'order.new': 'New order',
      'order.new_afn': 'New order (fulfilled by the marketplace)',
      'order.canceled': 'Order cancelled',
      'order.shipment_confirmed': 'Shipment confirmed',
      'order.refund_issued': 'Refund issued',
      'order.ship_by_warning': 'Confirm shipment to avoid cancellation',
      'listing.created': 'Listing created',
      'listing.closed': 'Listing closed',
      'out_of_stock.weekly': 'Out-of-stock products buyers looked for',
      'account.business_update': 'Business update',
      'account.new_feature': 'New feature',
      'account.planned_outage': 'Planned outage',
      'account.technical_issue': 'Technical issue',
      'selling_coach.recommendation': 'Selling Coach',
    },
  },
  ja: {
    subject: (f, n) => `${FREQ.ja[f]}ダイジェスト：${n}件の通知`,
    hello: (name) => (name ? `${name} 様` : 'いつもご利用ありがとうございます。'),
    lead: (_f, from, to) => `${from}から${to}までのお知らせです。`,
    list: '通知',
    footer:
      'このダイジェストは通知設定で選択されたため送信されています。1件ずつ受け取るには、通知設定で頻度を変更してください。',
    types: {
      'order.new': '新規注文',
      'order.new_afn': '新規注文（マーケットプレイス出荷）',
      'order.canceled': '注文キャンセル',
      'order.shipment_confirmed': '出荷通知済み',
      'order.refund_issued': '返金',
      'order.ship_by_warning': 'キャンセルを避けるため出荷を確認してください',
      'listing.created': '出品作成',
      'listing.closed': '出品終了',
      'out_of_stock.weekly': '購入者が探した在庫切れ商品',
      'account.business_update': 'ビジネスに関するお知らせ',
      'account.new_feature': '新機能',
      'account.planned_outage': '計画停止',
      'account.technical_issue': '技術的な問題',
      'selling_coach.recommendation': 'セリングコーチ',
    },
  },
  it: {
    subject: (f, n) => `Riepilogo ${FREQ.it[f]}: ${n} notific${n === 1 ? 'a' : 'he'}`,
    hello: (name) => (name ? `Ciao ${name},` : 'Ciao,'),
    lead: (_f, from, to) => `Ecco cosa è successo tra ${from} e ${to}.`,
    list: 'Notifiche',
    footer:
      'Ricevi questo riepilogo perché lo hai scelto nelle Preferenze di notifica. Cambia lì la frequenza per ricevere le notifiche una alla volta.',
    types: {
      'order.new': 'Nuovo ordine',
      'order.new_afn': 'Nuovo ordine (gestito dal marketplace)',
      'order.canceled': 'Ordine annullato',
      'order.shipment_confirmed': 'Spedizione confermata',
      'order.refund_issued': 'Rimborso emesso',
      'order.ship_by_warning': "Conferma la spedizione per evitare l'annullamento",
      'listing.created': 'Offerta creata',
      'listing.closed': 'Offerta chiusa',
      'out_of_stock.weekly': 'Prodotti esauriti cercati dagli acquirenti',
      'account.business_update': 'Aggiornamento commerciale',
      'account.new_feature': 'Nuova funzionalità',
      'account.planned_outage': 'Interruzione programmata',
      'account.technical_issue': 'Problema tecnico',
      'selling_coach.recommendation': 'Selling Coach',
    },
  },
};

/** The short line that identifies an item: the ids and names a seller recognises. */
export function summarizeItem(data: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of ['amazonOrderId', 'sku', 'title', 'summary']) {
    const v = data[key];
    if (typeof v === 'string' && v) parts.push(v);
  }
  return parts.join(' · ');
}

export function digestEmail(f: DigestFacts): { subject: string; text: string; html: string } {
  const lang = (f.language in TEXT ? f.language : 'en') as keyof typeof TEXT;
  const t = TEXT[lang];
  const when = new Intl.DateTimeFormat(f.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: f.timeZone,
  });
  const day = new Intl.DateTimeFormat(f.language, { dateStyle: 'long', timeZone: f.timeZone });
  // The window is half-open: show its last local day, not the midnight that ends it.
  const lastDay = new Date(f.windowEnd.getTime() - 1);
  const items = [...f.items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return renderSimpleEmail({
    subject: t.subject(f.frequency, items.length),
    hello: t.hello(f.sellerName),
    paragraphs: [t.lead(f.frequency, day.format(f.windowStart), day.format(lastDay))],
    listTitle: t.list,
    list: items.map((i) => {
      const label = t.types[i.type] ?? i.type;
      const summary = summarizeItem(i.data);
      return `${when.format(i.createdAt)} ${label}${summary ? `: ${summary}` : ''}`;
    }),
    footer: t.footer,
  });
}
