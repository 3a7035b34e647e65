// The buyer side of messaging as the web sees it: a copy of the buyer view types of
// src/modules/messaging/messaging.types.ts (the web build cannot import server files). Keep the two
// in step: the browser tests drive the real API, so a drift shows up there.

export type MessageLanguage = 'ja' | 'it' | 'en';
export type ThreadTopic = 'order' | 'product_details' | 'shipping' | 'returns_policy' | 'other';
export type ContactTopic = Exclude<ThreadTopic, 'order'>;
export type MessageDirection = 'buyer_to_seller' | 'seller_to_buyer' | 'system';

/** MSG-1: the public profile a buyer contacts a seller from. */
export interface SellerProfileView {
  id: string;
  name: string;
  marketplace: { id: string; name: string; language: MessageLanguage };
  /** Topics with the subject line the seller receives (marketplace language). */
  topics: { id: ContactTopic; label: string; subject: string }[];
}

export interface BuyerMessageView {
  id: string;
  direction: MessageDirection;
  kind: string;
  subject: string | null;
  body: string;
  createdAt: string;
  attachments: { uploadId: string; fileName: string; contentType: string; size: number }[];
  /** The buyer's own message had contact details masked (MSG-11/16). */
  redacted: boolean;
}

export interface BuyerThreadSummary {
  id: string;
  seller: { id: string; name: string; relayAddress: string };
  topic: ThreadTopic;
  subject: string;
  amazonOrderId: string | null;
  lastMessageAt: string;
  lastMessagePreview: string;
  unread: boolean;
  /** MSG-15: the seller asked for an answer by then, or the order may be cancelled. */
  replyDeadlineAt: string | null;
}

export type BuyerThreadView = BuyerThreadSummary & { messages: BuyerMessageView[] };

export interface PolicyViolation {
  rule: string;
  start: number;
  end: number;
  message: string;
  hint: string;
}

export interface PolicyVerdict {
  allowed: boolean;
  violations: PolicyViolation[];
}

/** GET /api/buyer/sellers/:sellerId/orders: the signed-in buyer's orders with this seller. */
export interface BuyerSellerOrder {
  amazonOrderId: string;
  purchaseDate: string;
  items: { title: string; quantity: number }[];
}
