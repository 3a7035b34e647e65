// Demo conversations (issue 5), so a newcomer's Buyer-Seller Messages page and the demo buyers'
// "Your Account" messages are not empty: a pre-order question awaiting the seller's reply (MSG-14)
// and an order conversation the seller answered. Written through the one write path, so they pass
// the same policy as anything a person types.
import type { MessagingService } from '../messaging/index.ts';

type DemoPair = { sellerId: string; buyerId: string; language: 'ja' | 'it' };

const TEXT = {
  ja: {
    question: 'こんにちは。この商品はギフト包装に対応していますか？来週の誕生日に贈りたいと考えています。',
    orderQuestion: (id: string) =>
      `注文番号 ${id} について、配達日時の指定はできますか？平日の日中は不在がちです。`,
    reply: (id: string) =>
      `ご連絡ありがとうございます。ご注文 ${id} は配送業者の不在票から再配達の日時をご指定いただけます。どうぞよろしくお願いいたします。`,
  },
  it: {
    question:
      'Buongiorno, il prodotto è disponibile anche in confezione regalo? Vorrei regalarlo la settimana prossima.',
    orderQuestion: (id: string) =>
      `Buongiorno, per l'ordine ${id} è possibile scegliere il giorno di consegna? Di giorno sono spesso fuori casa.`,
    reply: (id: string) =>
      `Grazie per il messaggio. Per l'ordine ${id} può concordare il giorno di consegna con il corriere tramite l'avviso di passaggio. Cordiali saluti.`,
  },
} as const;

export async function loadDemoMessages(messaging: MessagingService, pair: DemoPair): Promise<void> {
  const t = TEXT[pair.language];
  await messaging.postMessage({
    from: 'buyer',
    channel: 'web',
    sellerId: pair.sellerId,
    buyerId: pair.buyerId,
    topic: 'product_details',
    kind: 'contact_seller',
    text: t.question,
    author: pair.buyerId,
  });
  const [order] = await messaging.buyerOrdersWithSeller(pair.buyerId, pair.sellerId);
  if (!order) return;
  const { thread } = await messaging.postMessage({
    from: 'buyer',
    channel: 'web',
    sellerId: pair.sellerId,
    buyerId: pair.buyerId,
    amazonOrderId: order.amazonOrderId,
    topic: 'order',
    kind: 'contact_seller',
    text: t.orderQuestion(order.amazonOrderId),
    author: pair.buyerId,
  });
  await messaging.postMessage({
    from: 'seller',
    channel: 'web',
    sellerId: pair.sellerId,
    threadId: thread.id,
    kind: 'reply',
    text: t.reply(order.amazonOrderId),
    author: 'demo',
  });
}
