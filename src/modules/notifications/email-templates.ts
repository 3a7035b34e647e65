// NTF-4/6: the text of each notification in the seller's language (ja, it, en; anything else
// falls back to en). The Order notification follows NTF-4 exactly: one order per email, its
// products, the order id, the buyer's shipping method, and the line that Manage Orders / the
// Orders report is the definitive source. The email is one-way: the sender adds no Reply-To.
import type { RenderedMessage } from './channel.ts';

type Lang = 'en' | 'ja' | 'it';
type Item = { sku?: string; title?: string; quantity?: number };

const T = {
  en: {
    orderNew: (id: string) => `Sold, ship now: order ${id}`,
    orderNewAfn: (id: string) => `Sold: order ${id} (fulfilled by the marketplace)`,
    intro: 'You have a new order. Please review the order and ship it by the ship-by date.',
    orderId: 'Order ID',
    shipping: 'Shipping method',
    products: 'Products',
    qty: 'Qty',
    definitive:
      'Manage Orders and the Orders report are the definitive source for your orders; this email is for your information only.',
    oneWay: 'This is a one-way notification: replies to this address are not read.',
    canceled: (id: string) => `Order ${id} was cancelled`,
    shipped: (id: string) => `Shipment confirmed for order ${id}`,
    refunded: (id: string) => `Refund issued for order ${id}`,
    shipBy: (id: string, at: string) => `Confirm order ${id} as shipped by ${at} to avoid cancellation`,
    shipByBody: (id: string, at: string) =>
      `Order ${id} reached its ship-by date. Confirm its shipment before ${at} or it will be cancelled automatically.`,
    deliveryFailure: (a: string) => `We could not deliver notifications to ${a}`,
    deliveryFailureBody: (a: string, r: string) =>
      `Notifications to ${a} failed (${r}). Nothing more is sent there until you reset it in Notification Preferences.`,
    generic: (type: string) => `Notification: ${type}`,
    reason: REASONS_EN(),
  },
  ja: {
    orderNew: (id: string) => `注文確定、発送してください: 注文番号 ${id}`,
    orderNewAfn: (id: string) => `注文確定（マーケットプレイス出荷）: 注文番号 ${id}`,
    intro: '新しい注文が入りました。注文内容を確認し、出荷期限までに発送してください。',
    orderId: '注文番号',
    shipping: '配送方法',
    products: '商品',
    qty: '数量',
    definitive:
      '注文管理および注文レポートが注文情報の正式な情報源です。このメールはお知らせのみを目的としています。',
    oneWay: 'このメールは送信専用です。このアドレスへの返信は確認されません。',
    canceled: (id: string) => `注文 ${id} はキャンセルされました`,
    shipped: (id: string) => `注文 ${id} の出荷が確認されました`,
    refunded: (id: string) => `注文 ${id} の返金が行われました`,
    shipBy: (id: string, at: string) =>
      `キャンセルを避けるため、注文 ${id} の出荷を ${at} までに確認してください`,
    shipByBody: (id: string, at: string) =>
      `注文 ${id} は出荷期限に達しました。${at} までに出荷を確認しない場合、自動的にキャンセルされます。`,
    deliveryFailure: (a: string) => `${a} へ通知を配信できませんでした`,
    deliveryFailureBody: (a: string, r: string) =>
      `${a} への通知が失敗しました（${r}）。通知設定でリセットするまで、このアドレスには送信しません。`,
    generic: (type: string) => `お知らせ: ${type}`,
    reason: {
      mailbox_full: 'メールボックスが一杯です',
      unknown_mailbox: 'メールアドレスが存在しません',
      rejected: 'プロバイダーがメールを拒否しました',
      temporary: '一時的な配信エラーが続きました',
      connection: 'メールサーバーに接続できませんでした',
      bounce: 'メールが返送されました',
    } as Record<string, string>,
  },
  it: {
    orderNew: (id: string) => `Venduto, spedisci ora: ordine ${id}`,
    orderNewAfn: (id: string) => `Venduto: ordine ${id} (gestito dal marketplace)`,
    intro: "Hai un nuovo ordine. Controlla l'ordine e spediscilo entro la data di spedizione.",
    orderId: 'ID ordine',
    shipping: 'Metodo di spedizione',
    products: 'Prodotti',
    qty: 'Qtà',
    definitive:
      'Gestisci ordini e il report degli ordini sono la fonte definitiva dei tuoi ordini; questa email è solo informativa.',
    oneWay: 'Questa è una notifica unidirezionale: le risposte a questo indirizzo non vengono lette.',
    canceled: (id: string) => `L'ordine ${id} è stato annullato`,
    shipped: (id: string) => `Spedizione confermata per l'ordine ${id}`,
    refunded: (id: string) => `Rimborso emesso per l'ordine ${id}`,
    shipBy: (id: string, at: string) =>
      `Conferma la spedizione dell'ordine ${id} entro ${at} per evitare l'annullamento`,
    shipByBody: (id: string, at: string) =>
      `L'ordine ${id} ha raggiunto la data di spedizione. Conferma la spedizione entro ${at} o verrà annullato automaticamente.`,
    deliveryFailure: (a: string) => `Non è stato possibile recapitare le notifiche a ${a}`,
    deliveryFailureBody: (a: string, r: string) =>
      `Le notifiche a ${a} non sono state recapitate (${r}). Non invieremo altro finché non lo reimposti in Preferenze di notifica.`,
    generic: (type: string) => `Notifica: ${type}`,
    reason: {
      mailbox_full: 'casella di posta piena',
      unknown_mailbox: 'indirizzo inesistente',
      rejected: 'il provider ha rifiutato la posta',
      temporary: 'errori temporanei ripetuti',
      connection: 'server di posta non raggiungibile',
      bounce: 'la posta è stata respinta',
    } as Record<string, string>,
  },
} as const;

function REASONS_EN(): Record<string, string> {
  return {
    mailbox_full: 'mailbox full',
    unknown_mailbox: 'the address does not exist',
    rejected: 'the provider rejected our mail',
    temporary: 'repeated temporary failures',
    connection: 'the mail server could not be reached',
    bounce: 'the mail bounced',
  };
}

export function languageOf(language: string | null | undefined): Lang {
  const l = (language ?? 'en').slice(0, 2).toLowerCase();
  return l === 'ja' || l === 'it' ? l : 'en';
}

/** A seller-facing sentence for an NTF-7 reason code (home alert, email). */
export function failureReasonText(reason: string, language: string): string {
  const t = T[languageOf(language)];
  return t.reason[reason] ?? reason;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function formatCutoff(iso: string, language: string, timeZone: unknown): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: typeof timeZone === 'string' && timeZone ? timeZone : 'UTC',
  }).format(d);
}

function page(lines: string[], table?: { head: string[]; rows: string[][] }, footer: string[] = []) {
  const text = [...lines, ...(table ? ['', ...table.rows.map((r) => r.join('  '))] : []), '', ...footer].join(
    '\n',
  );
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    ...lines.map((l) => `<p>${esc(l)}</p>`),
    table
      ? `<table border="1" cellpadding="4" style="border-collapse:collapse"><tr>${table.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${table.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`
      : '',
    ...footer.map((l) => `<p style="color:#555;font-size:small">${esc(l)}</p>`),
    '</body></html>',
  ].join('');
  return { text, html };
}

/** Renders a notification (type + data) in the seller's language. */
export function renderNotification(
  type: string,
  data: Record<string, unknown>,
  language: string,
): RenderedMessage {
  const lang = languageOf(language);
  const t = T[lang];
  const orderId = String(data.orderId ?? '');
  const footer = [t.definitive, t.oneWay];
  switch (type) {
    case 'order.new':
    case 'order.new_afn': {
      const items = (Array.isArray(data.items) ? data.items : []) as Item[];
      const shipping = String(data.shippingMethod ?? '');
      const body = page(
        [t.intro, `${t.orderId}: ${orderId}`, `${t.shipping}: ${shipping}`, `${t.products}:`],
        {
          head: ['SKU', t.products, t.qty],
          rows: items.map((i) => [String(i.sku ?? ''), String(i.title ?? ''), String(i.quantity ?? 1)]),
        },
        footer,
      );
      return {
        language: lang,
        subject: type === 'order.new' ? t.orderNew(orderId) : t.orderNewAfn(orderId),
        ...body,
      };
    }
    case 'order.canceled':
      return {
        language: lang,
        subject: t.canceled(orderId),
        ...page([t.canceled(orderId)], undefined, footer),
      };
    case 'order.shipment_confirmed':
      return {
        language: lang,
        subject: t.shipped(orderId),
        ...page([t.shipped(orderId)], undefined, footer),
      };
    case 'order.refund_issued':
      return {
        language: lang,
        subject: t.refunded(orderId),
        ...page([t.refunded(orderId)], undefined, footer),
      };
    case 'order.ship_by_warning': {
      // ORD-8: the cutoff, in the marketplace's zone and the seller's language.
      const at = formatCutoff(String(data.cancelAt ?? data.shipBy ?? ''), lang, data.timeZone);
      return {
        language: lang,
        subject: t.shipBy(orderId, at),
        ...page([t.shipByBody(orderId, at)], undefined, footer),
      };
    }
    case 'account.delivery_failure': {
      const address = String(data.address ?? '');
      const reason = failureReasonText(String(data.reason ?? ''), lang);
      return {
        language: lang,
        subject: t.deliveryFailure(address),
        ...page([t.deliveryFailureBody(address, reason), String(data.evidence ?? '')], undefined, [t.oneWay]),
      };
    }
    default: {
      // Types wired by other issues carry their own `title`/`body` in data until they add a template.
      const title = typeof data.title === 'string' ? data.title : t.generic(type);
      const body = typeof data.body === 'string' ? data.body : '';
      return {
        language: lang,
        subject: title,
        ...page([title, body].filter(Boolean), undefined, [t.oneWay]),
      };
    }
  }
}
