// The messaging API's shapes as the seller pages see them, mirrored from
// src/modules/messaging/messaging.types.ts (the web build does not import server code).
export type MessageDirection = 'buyer_to_seller' | 'seller_to_buyer' | 'system';
export type MessageChannel = 'web' | 'email' | 'sp_api';
export type MessageStatus = 'accepted' | 'blocked';
export type ForwardStatus = 'pending' | 'sent' | 'failed' | 'not_needed';
export type ThreadTopic = 'product_details' | 'shipping' | 'returns_policy' | 'other' | 'order';
export type MessageLanguage = 'ja' | 'it' | 'en';
export type PolicyPhraseRule = 'marketing' | 'review_manipulation' | 'off_platform' | 'opt_out_link';

export type PolicyViolation = {
  rule: string;
  /** UTF-16 offsets in the text, half-open [start, end); 0/0 for whole-text rules. */
  start: number;
  end: number;
  message: string;
  hint?: string;
};

export type PolicyVerdict = { allowed: boolean; violations: PolicyViolation[] };

export type MessageView = {
  id: string;
  threadId: string;
  direction: MessageDirection;
  channel: MessageChannel;
  kind: string;
  status: MessageStatus;
  subject: string | null;
  body: string;
  violations: PolicyViolation[];
  suspectedPhishing: boolean;
  attachments: { uploadId: string; fileName: string; contentType: string; size: number }[];
  createdAt: string;
  responseDueAt: string | null;
  respondedAt: string | null;
  noResponseNeeded: boolean;
  forwardStatus: ForwardStatus;
};

export type ThreadSummary = {
  id: string;
  topic: ThreadTopic;
  subject: string;
  amazonOrderId: string | null;
  productRef: string | null;
  marketplaceId: string;
  buyer: { id: string; name: string; relayAddress: string };
  lastMessageAt: string;
  lastMessageDirection: MessageDirection;
  lastMessagePreview: string;
  messageCount: number;
  awaitingResponse: boolean;
  responseDueAt: string | null;
  overdue: boolean;
  replyDeadlineAt: string | null;
  unread: boolean;
};

export type ThreadOrder = {
  amazonOrderId: string;
  status: string;
  purchaseDate: string;
  latestShipDate: string | null;
  latestDeliveryDate: string | null;
  deliveredAt: string | null;
  items: { title: string; sku: string; quantity: number }[];
  trackingNumbers: string[];
};

export type ThreadView = ThreadSummary & { messages: MessageView[]; order: ThreadOrder | null };

export const INBOX_FILTERS = ['all', 'awaiting', 'overdue', 'no_response_needed', 'unread'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export type InboxPage = {
  threads: ThreadSummary[];
  counts: Record<InboxFilter, number>;
  nextCursor: string | null;
};

export type MessagingAction = { name: string; unavailableReason: string | null };

export const TEMPLATE_IDS = ['order_unavailable', 'delay_notice', 'return_confirmation'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export type ComposeView = {
  order: ThreadOrder & { buyerName: string; buyerRelayAddress: string; marketplaceId: string };
  threadId: string | null;
  actions: MessagingAction[];
  templates: { id: TemplateId; unavailableReason: string | null }[];
  buyerLanguage: MessageLanguage;
};

export type MessagesSummary = { awaiting: number; overdue: number; unread: number };

export type PostResult = { message: MessageView; thread: ThreadSummary };
