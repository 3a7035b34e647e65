// MSG-1: Contact This Seller topics and the subject line each gives the thread, in the
// marketplace's language and with its sales channel name ("Mercato.jp").
import type { MessageLanguage, ThreadTopic } from './messaging.types.ts';

export type ContactTopic = Exclude<ThreadTopic, 'order'>;
export const CONTACT_TOPICS: readonly ContactTopic[] = [
  'product_details',
  'shipping',
  'returns_policy',
  'other',
];

const SUBJECTS: Record<MessageLanguage, Record<ContactTopic, (channel: string) => string>> = {
  en: {
    product_details: (c) => `Product details inquiry from ${c} customer`,
    shipping: (c) => `Shipping inquiry from ${c} customer`,
    returns_policy: (c) => `Return policy inquiry from ${c} customer`,
    other: (c) => `Inquiry from ${c} customer`,
  },
  ja: {
    product_details: (c) => `${c}のお客様から商品詳細に関するお問い合わせ`,
    shipping: (c) => `${c}のお客様から配送に関するお問い合わせ`,
    returns_policy: (c) => `${c}のお客様から返品ポリシーに関するお問い合わせ`,
    other: (c) => `${c}のお客様からのお問い合わせ`,
  },
  it: {
    product_details: (c) => `Richiesta di dettagli sul prodotto da un cliente ${c}`,
    shipping: (c) => `Richiesta sulla spedizione da un cliente ${c}`,
    returns_policy: (c) => `Richiesta sulla politica di reso da un cliente ${c}`,
    other: (c) => `Richiesta da un cliente ${c}`,
  },
};

const ORDER_SUBJECTS: Record<MessageLanguage, (channel: string, orderId: string) => string> = {
  en: (c, id) => `About your ${c} order ${id}`,
  ja: (c, id) => `${c}のご注文 ${id} について`,
  it: (c, id) => `Informazioni sul tuo ordine ${c} ${id}`,
};

const LABELS: Record<MessageLanguage, Record<ContactTopic, string>> = {
  en: {
    product_details: 'Product details',
    shipping: 'Shipping',
    returns_policy: 'Returns policy',
    other: 'Other question',
  },
  ja: {
    product_details: '商品の詳細',
    shipping: '配送',
    returns_policy: '返品ポリシー',
    other: 'その他の質問',
  },
  it: {
    product_details: 'Dettagli del prodotto',
    shipping: 'Spedizione',
    returns_policy: 'Politica di reso',
    other: 'Altra domanda',
  },
};

export function asMessageLanguage(v: string | null | undefined): MessageLanguage {
  return v === 'ja' || v === 'it' ? v : 'en';
}

/** MSG-1: the subject of a thread a buyer opens on a topic (the marketplace's language). */
export function threadSubject(
  topic: ThreadTopic,
  language: MessageLanguage,
  salesChannel: string,
  amazonOrderId?: string | null,
): string {
  if (topic === 'order') {
    return amazonOrderId
      ? ORDER_SUBJECTS[language](salesChannel, amazonOrderId)
      : SUBJECTS[language].other(salesChannel);
  }
  return SUBJECTS[language][topic](salesChannel);
}

/** The topic's label on the Contact This Seller form. */
export function topicLabel(topic: ContactTopic, language: MessageLanguage): string {
  return LABELS[language][topic];
}
