// What a violation says (message) and how to fix it (hint), in the reader's language (MSG-6:
// "the seller sees each violation with the offending span highlighted and how to fix it").
import type { MessageLanguage, PolicyRuleId } from '../messaging.types.ts';

export type MessageArgs = {
  /** The offending text as written (shortened), e.g. "example.com" or "LINE ID". */
  found?: string;
  /** Allowed carrier hosts (MSG-8), the order id (MSG-7), limits. */
  hosts?: readonly string[];
  orderId?: string;
  maxChars?: number;
  length?: number;
  days?: number;
};

type Texts = (a: MessageArgs) => { message: string; hint: string };

const q = (s: string | undefined) => (s ? `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”` : '');
const hostList = (a: MessageArgs, sep: string) =>
  a.hosts && a.hosts.length > 0 ? a.hosts.slice(0, 4).join(sep) : '';

const en: Record<PolicyRuleId, Texts> = {
  empty: () => ({ message: 'The message is empty.', hint: 'Write the message before sending it.' }),
  too_long: (a) => ({
    message: `The message is ${a.length} characters long; at most ${a.maxChars} are allowed.`,
    hint: `Shorten the message by ${(a.length ?? 0) - (a.maxChars ?? 0)} characters (the highlighted part is over the limit).`,
  }),
  html: (a) => ({
    message: `The message contains HTML markup ${q(a.found)}; messages are plain text only (MSG-2/8).`,
    hint: `Remove ${q(a.found) || 'the markup'} and write the text without tags, images or entities.`,
  }),
  link: (a) => ({
    message: `The message contains a link to ${a.found ?? 'a website'} (MSG-8).`,
    hint: `Remove the link to ${a.found ?? 'the website'}; only carrier tracking pages${hostList(a, ', ') ? ` such as ${hostList(a, ', ')}` : ''} may be linked.`,
  }),
  opt_out_link: (a) => ({
    message: `The message offers an opt-out / unsubscribe ${q(a.found)} (MSG-8).`,
    hint: `Remove ${q(a.found)}; buyers manage messaging preferences on the marketplace, not through seller messages.`,
  }),
  email_address: (a) => ({
    message: `The message contains the e-mail address ${a.found ?? ''} (MSG-11).`,
    hint: 'Remove the e-mail address; the buyer replies through Buyer-Seller Messages (relay addresses are allowed).',
  }),
  phone_number: (a) => ({
    message: `The message contains the phone number ${a.found ?? ''} (MSG-11).`,
    hint: 'Remove the phone number; answer the buyer in Buyer-Seller Messages (a carrier’s or manufacturer’s number is allowed when it is named as such).',
  }),
  messenger_handle: (a) => ({
    message: `The message points the buyer to a messenger or social account ${q(a.found)} (MSG-11).`,
    hint: `Remove ${q(a.found)}; all contact with the buyer stays in Buyer-Seller Messages.`,
  }),
  off_platform: (a) => ({
    message: `The message moves the buyer off the marketplace ${q(a.found)} (MSG-11).`,
    hint: `Remove ${q(a.found)}; payment and contact go through the marketplace only.`,
  }),
  marketing: (a) => ({
    message: `The message contains marketing or promotion ${q(a.found)} (MSG-9).`,
    hint: `Remove ${q(a.found)}; messages may only complete the order or answer the buyer’s question.`,
  }),
  review_manipulation: (a) => ({
    message: `The message tries to influence a review ${q(a.found)} (MSG-10).`,
    hint: `Remove ${q(a.found)}; you may ask once, neutrally, for a review — without asking for a positive one, asking only satisfied buyers, offering anything in return or asking to change a review.`,
  }),
  order_id_missing: (a) => ({
    message: a.orderId
      ? `The message does not contain the order id ${a.orderId} (MSG-7).`
      : 'The message does not contain an order id (MSG-7).',
    hint: a.orderId
      ? `Add the order id ${a.orderId} to the message, e.g. “Order ${a.orderId}: …”.`
      : 'Add the order id (3-7-7 digits, e.g. 250-1234567-1234567) the message is about.',
  }),
  messaging_window: (a) => ({
    message: `The order was delivered more than ${a.days} days ago; seller messages are no longer allowed (MSG-13).`,
    hint: 'Messages can only be sent within the window after delivery; reply only if the buyer writes to you.',
  }),
  purpose: () => ({
    message: 'This kind of message is not permitted for the order now (MSG-6/12).',
    hint: 'Choose a message type that is available for the order.',
  }),
};

const it: Record<PolicyRuleId, Texts> = {
  empty: () => ({ message: 'Il messaggio è vuoto.', hint: 'Scrivi il messaggio prima di inviarlo.' }),
  too_long: (a) => ({
    message: `Il messaggio è lungo ${a.length} caratteri; il massimo è ${a.maxChars}.`,
    hint: `Accorcia il messaggio di ${(a.length ?? 0) - (a.maxChars ?? 0)} caratteri (la parte evidenziata supera il limite).`,
  }),
  html: (a) => ({
    message: `Il messaggio contiene codice HTML ${q(a.found)}; sono ammessi solo messaggi in testo semplice (MSG-2/8).`,
    hint: `Rimuovi ${q(a.found) || 'il codice'} e scrivi il testo senza tag, immagini o entità.`,
  }),
  link: (a) => ({
    message: `Il messaggio contiene un link a ${a.found ?? 'un sito web'} (MSG-8).`,
    hint: `Rimuovi il link a ${a.found ?? 'il sito'}; si possono indicare solo le pagine di tracciamento dei corrieri${hostList(a, ', ') ? ` come ${hostList(a, ', ')}` : ''}.`,
  }),
  opt_out_link: (a) => ({
    message: `Il messaggio offre una disiscrizione / opt-out ${q(a.found)} (MSG-8).`,
    hint: `Rimuovi ${q(a.found)}; l'acquirente gestisce le preferenze sul marketplace, non tramite i messaggi del venditore.`,
  }),
  email_address: (a) => ({
    message: `Il messaggio contiene l'indirizzo e-mail ${a.found ?? ''} (MSG-11).`,
    hint: "Rimuovi l'indirizzo e-mail; l'acquirente risponde tramite i messaggi acquirente-venditore (gli indirizzi relay sono ammessi).",
  }),
  phone_number: (a) => ({
    message: `Il messaggio contiene il numero di telefono ${a.found ?? ''} (MSG-11).`,
    hint: "Rimuovi il numero di telefono; rispondi all'acquirente nei messaggi acquirente-venditore (è ammesso il numero del corriere o del produttore, indicato come tale).",
  }),
  messenger_handle: (a) => ({
    message: `Il messaggio rimanda l'acquirente a un'app di messaggistica o a un social ${q(a.found)} (MSG-11).`,
    hint: `Rimuovi ${q(a.found)}; ogni contatto con l'acquirente resta nei messaggi acquirente-venditore.`,
  }),
  off_platform: (a) => ({
    message: `Il messaggio porta l'acquirente fuori dal marketplace ${q(a.found)} (MSG-11).`,
    hint: `Rimuovi ${q(a.found)}; pagamenti e contatti passano solo dal marketplace.`,
  }),
  marketing: (a) => ({
    message: `Il messaggio contiene marketing o promozioni ${q(a.found)} (MSG-9).`,
    hint: `Rimuovi ${q(a.found)}; i messaggi servono solo a completare l'ordine o a rispondere all'acquirente.`,
  }),
  review_manipulation: (a) => ({
    message: `Il messaggio cerca di influenzare una recensione ${q(a.found)} (MSG-10).`,
    hint: `Rimuovi ${q(a.found)}; puoi chiedere una recensione una sola volta e in modo neutro, senza chiederla positiva, solo ai clienti soddisfatti, in cambio di qualcosa o per modificarla.`,
  }),
  order_id_missing: (a) => ({
    message: a.orderId
      ? `Il messaggio non contiene il numero d'ordine ${a.orderId} (MSG-7).`
      : "Il messaggio non contiene un numero d'ordine (MSG-7).",
    hint: a.orderId
      ? `Aggiungi il numero d'ordine ${a.orderId}, ad es. “Ordine ${a.orderId}: …”.`
      : "Aggiungi il numero dell'ordine (3-7-7 cifre, ad es. 402-1234567-1234567) a cui si riferisce il messaggio.",
  }),
  messaging_window: (a) => ({
    message: `L'ordine è stato consegnato più di ${a.days} giorni fa; i messaggi del venditore non sono più consentiti (MSG-13).`,
    hint: "I messaggi si possono inviare solo entro il periodo dopo la consegna; rispondi solo se l'acquirente ti scrive.",
  }),
  purpose: () => ({
    message: "Questo tipo di messaggio non è consentito per l'ordine in questo momento (MSG-6/12).",
    hint: "Scegli un tipo di messaggio disponibile per l'ordine.",
  }),
};

const ja: Record<PolicyRuleId, Texts> = {
  empty: () => ({ message: 'メッセージが空です。', hint: 'メッセージを入力してから送信してください。' }),
  too_long: (a) => ({
    message: `メッセージが${a.length}文字あります。上限は${a.maxChars}文字です。`,
    hint: `${(a.length ?? 0) - (a.maxChars ?? 0)}文字短くしてください（ハイライト部分が上限を超えています）。`,
  }),
  html: (a) => ({
    message: `メッセージにHTML${q(a.found)}が含まれています。テキストのみ送信できます（MSG-2/8）。`,
    hint: `${q(a.found) || 'HTML'}を削除し、タグ・画像・文字参照を使わずに書いてください。`,
  }),
  link: (a) => ({
    message: `メッセージに${a.found ?? 'ウェブサイト'}へのリンクが含まれています（MSG-8）。`,
    hint: `${a.found ?? 'ウェブサイト'}へのリンクを削除してください。リンクできるのは配送業者の追跡ページ${hostList(a, '、') ? `（${hostList(a, '、')}など）` : ''}のみです。`,
  }),
  opt_out_link: (a) => ({
    message: `メッセージに配信停止・オプトアウトの案内${q(a.found)}が含まれています（MSG-8）。`,
    hint: `${q(a.found)}を削除してください。購入者はマーケットプレイス上で受信設定を管理します。`,
  }),
  email_address: (a) => ({
    message: `メッセージにメールアドレス ${a.found ?? ''} が含まれています（MSG-11）。`,
    hint: 'メールアドレスを削除してください。購入者とのやり取りは購入者・出品者間メッセージで行います（リレーアドレスは可）。',
  }),
  phone_number: (a) => ({
    message: `メッセージに電話番号 ${a.found ?? ''} が含まれています（MSG-11）。`,
    hint: '電話番号を削除し、購入者・出品者間メッセージで回答してください（配送業者・メーカーの番号と明記した場合は可）。',
  }),
  messenger_handle: (a) => ({
    message: `メッセージがメッセンジャーやSNSのアカウント${q(a.found)}へ誘導しています（MSG-11）。`,
    hint: `${q(a.found)}を削除してください。購入者との連絡は購入者・出品者間メッセージ内で行います。`,
  }),
  off_platform: (a) => ({
    message: `メッセージが購入者をマーケットプレイス外へ誘導しています${q(a.found)}（MSG-11）。`,
    hint: `${q(a.found)}を削除してください。支払いと連絡はマーケットプレイス経由のみです。`,
  }),
  marketing: (a) => ({
    message: `メッセージに宣伝・販促の内容${q(a.found)}が含まれています（MSG-9）。`,
    hint: `${q(a.found)}を削除してください。メッセージは注文の完了やお問い合わせへの回答にのみ使えます。`,
  }),
  review_manipulation: (a) => ({
    message: `メッセージがレビューを操作しようとしています${q(a.found)}（MSG-10）。`,
    hint: `${q(a.found)}を削除してください。レビューの依頼は1回・中立的な表現でのみ可能です（高評価の依頼、満足した方のみへの依頼、見返りの提供、レビューの変更・削除依頼は不可）。`,
  }),
  order_id_missing: (a) => ({
    message: a.orderId
      ? `メッセージに注文番号 ${a.orderId} が含まれていません（MSG-7）。`
      : 'メッセージに注文番号が含まれていません（MSG-7）。',
    hint: a.orderId
      ? `注文番号 ${a.orderId} を追加してください（例：「ご注文番号：${a.orderId}」）。`
      : '対象の注文番号（3-7-7桁、例：250-1234567-1234567）を追加してください。',
  }),
  messaging_window: (a) => ({
    message: `お届けから${a.days}日以上経過しているため、出品者からのメッセージは送信できません（MSG-13）。`,
    hint: 'お届け後の期間内のみ送信できます。購入者から連絡があった場合のみ返信してください。',
  }),
  purpose: () => ({
    message: 'この種類のメッセージは現在この注文には送信できません（MSG-6/12）。',
    hint: 'この注文で利用できるメッセージの種類を選んでください。',
  }),
};

const TEXTS: Record<MessageLanguage, Record<PolicyRuleId, Texts>> = { en, it, ja };

export function describe(
  rule: PolicyRuleId,
  language: MessageLanguage,
  args: MessageArgs,
): { message: string; hint: string } {
  return (TEXTS[language] ?? en)[rule](args);
}

/** The mask a buyer's contact detail is replaced with (MSG-11/16). */
export const CONTACT_MASK: Record<MessageLanguage, string> = {
  ja: '[連絡先を削除しました]',
  it: '[contatto rimosso]',
  en: '[contact removed]',
};

export const REDACTED: Record<MessageLanguage, { message: string; hint: string }> = {
  en: {
    message: 'A contact detail was removed from the buyer’s message (MSG-11/16).',
    hint: 'Reply in Buyer-Seller Messages.',
  },
  it: {
    message: "Un recapito è stato rimosso dal messaggio dell'acquirente (MSG-11/16).",
    hint: 'Rispondi nei messaggi acquirente-venditore.',
  },
  ja: {
    message: '購入者のメッセージから連絡先を削除しました（MSG-11/16）。',
    hint: '購入者・出品者間メッセージで返信してください。',
  },
};
