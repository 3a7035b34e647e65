// The messaging module's shared types: the policy engine's verdict (MSG-6..11, 13), the core use
// case every path goes through (web, mail, SP-API), and the views the web pages and APIs return.
import type {
  ForwardStatus,
  MessageChannel,
  MessageDirection,
  MessageStatus,
  StoredAttachment,
  ThreadTopic,
} from './messaging.tables.ts';

export type {
  ForwardStatus,
  MessageChannel,
  MessageDirection,
  MessageStatus,
  StoredAttachment,
  ThreadTopic,
} from './messaging.tables.ts';

export type MessageLanguage = 'ja' | 'it' | 'en';

// --- policy engine (message-policy.ts, pure) ---------------------------------------------------

export type PolicyDirection = 'seller-to-buyer' | 'buyer-to-seller';

/** Stable rule ids: the API's `violations[].rule`, tests and docs use them. */
export type PolicyRuleId =
  | 'empty' // nothing to send
  | 'too_long' // over the marketplace's maxMessageChars (or the SP-API field's limit)
  | 'html' // MSG-2/8: markup of any kind (tags, entities used as markup)
  | 'link' // MSG-8: a link that is not a carrier tracking page on the allow-list
  | 'opt_out_link' // MSG-8: unsubscribe / opt-out wording or links
  | 'email_address' // MSG-11 (relay addresses of this marketplace are allowed)
  | 'phone_number' // MSG-11
  | 'messenger_handle' // MSG-11: LINE ID, WhatsApp, Telegram, @handles, QR codes
  | 'off_platform' // MSG-11: "direct deal", bank transfer, PayPal…
  | 'marketing' // MSG-9: promotion, coupons, cross-sell, "visit our shop"
  | 'review_manipulation' // MSG-10: positive-only / incentivised / removal asks
  | 'order_id_missing' // MSG-7: seller messages must carry the order id
  | 'messaging_window' // MSG-13: more than N days after delivery
  | 'purpose'; // MSG-6/12: kind not permitted for this order now

export type PolicyPhraseRule = 'marketing' | 'review_manipulation' | 'off_platform' | 'opt_out_link';

export type PolicyContext = {
  direction: PolicyDirection;
  /** The marketplace whose policy applies (country for phone numbers, carrier allow-list). */
  marketplace: {
    id: string;
    countryCode: string;
    language: MessageLanguage;
    carrierTrackingHosts: readonly string[];
    /** `relay.<domain>`: relay addresses are not contact details (MSG-11). */
    relayDomain: string;
  };
  /** Language of the violation messages and hints (the reader's UI language). */
  language: MessageLanguage;
  /**
   * The order the message is about. Its id, its tracking numbers and allow-listed carrier URLs
   * are never flagged. Seller messages must contain `amazonOrderId` (MSG-7).
   */
  order?: {
    amazonOrderId: string;
    trackingNumbers: readonly string[];
    /** MSG-13: the delivery the 30-day window counts from (null: not delivered yet). */
    deliveredAt: Date | null;
  };
  /**
   * MSG-7 without an order: a reply in a pre-order thread (Contact This Seller before buying)
   * cannot carry an order id; otherwise a seller message with no `order` needs *some* order id.
   */
  preOrderReply?: boolean;
  now: Date;
  /** MSG-13 window (policy.messaging.messagingWindowDaysAfterDelivery). */
  messagingWindowDaysAfterDelivery: number;
  maxChars: number;
  /** Operator-added phrases for this marketplace (policy_phrases), matched like the lexicons. */
  extraPhrases?: readonly { rule: PolicyPhraseRule; phrase: string }[];
};

export type PolicyViolation = {
  rule: PolicyRuleId;
  /** Span in the ORIGINAL text, UTF-16 offsets, half-open [start, end). 0/0 for whole-text rules. */
  start: number;
  end: number;
  /** What is wrong, for a person, in `context.language`. */
  message: string;
  /** How to fix it, in `context.language`. */
  hint: string;
};

export type PolicyVerdict = {
  allowed: boolean;
  violations: PolicyViolation[];
};

/** Buyer messages (MSG-2/11/16): contact details replaced by a mask; HTML is refused, not redacted. */
export type Redaction = { text: string; redactions: PolicyViolation[] };

// --- the core use case (messaging.service.ts) ----------------------------------------------------

/**
 * Every message — a buyer's Contact This Seller, a seller's reply on the web, an SP-API message,
 * mail received at a relay address — goes through `postMessage`: validation, flood limit, the
 * policy, then ONE transaction that finds or creates the thread, stores the message with its
 * forwarding outbox state, updates response-time state and publishes `messages.new`.
 */
export type PostMessageInput = {
  from: 'buyer' | 'seller';
  channel: MessageChannel;
  sellerId: string;
  /** The thread, or what identifies it: buyer + order, or buyer + pre-order topic (+ product). */
  threadId?: string;
  buyerId?: string;
  amazonOrderId?: string;
  topic?: ThreadTopic;
  productRef?: string;
  /** See messages.kind. */
  kind: string;
  text: string;
  subject?: string;
  /** Seller user id, `app:<appId>`, buyer id, or `email:<sender>` (never shown to the other side). */
  author: string;
  attachments?: StoredAttachment[];
  /** Mail received: its Message-ID (a redelivery is the same message, `duplicate: true`). */
  emailMessageId?: string;
  /** MSG-5: received mail that claims to be from the marketplace but is not plain text. */
  suspectedPhishing?: boolean;
  /**
   * Mail path: a seller message that fails the policy is stored `blocked` (the seller sees why in
   * the inbox) instead of throwing. Web and SP-API: it throws MESSAGE_POLICY_VIOLATION.
   */
  storeBlocked?: boolean;
  /** SP-API fields have their own limits (2,000 / 800 / 400 characters). */
  maxChars?: number;
};

export type PostMessageResult = {
  message: MessageView;
  thread: ThreadSummary;
  verdict: PolicyVerdict;
  /** The same mail (Message-ID) was stored before; nothing new was written. */
  duplicate: boolean;
};

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
  /** Buyer messages: MSG-14 state. */
  responseDueAt: string | null;
  respondedAt: string | null;
  noResponseNeeded: boolean;
  /** Forwarding by mail to the other party (sellers see it; buyers do not). */
  forwardStatus: ForwardStatus;
};

export type ThreadSummary = {
  id: string;
  topic: ThreadTopic;
  subject: string;
  amazonOrderId: string | null;
  productRef: string | null;
  marketplaceId: string;
  /** Sellers see the buyer's name and relay address only (MSG-4/16). */
  buyer: { id: string; name: string; relayAddress: string };
  lastMessageAt: string;
  lastMessageDirection: MessageDirection;
  lastMessagePreview: string;
  messageCount: number;
  /** MSG-14: awaiting the seller's reply, and by when; overdue when past due. */
  awaitingResponse: boolean;
  responseDueAt: string | null;
  overdue: boolean;
  /** MSG-15. */
  replyDeadlineAt: string | null;
  unread: boolean;
};

export type ThreadView = ThreadSummary & {
  messages: MessageView[];
  /** The order beside the thread (status, items, ship-by, tracking), null for pre-order threads. */
  order: {
    amazonOrderId: string;
    status: string;
    purchaseDate: string;
    latestShipDate: string | null;
    latestDeliveryDate: string | null;
    deliveredAt: string | null;
    items: { title: string; sku: string; quantity: number }[];
    trackingNumbers: string[];
  } | null;
};

export type InboxFilter = 'all' | 'awaiting' | 'overdue' | 'no_response_needed' | 'unread';

export type InboxQuery = {
  filter?: InboxFilter;
  /** Order id, buyer name, relay address or words of the subject / last message. */
  q?: string;
  cursor?: string;
  limit?: number;
};

export type InboxPage = {
  threads: ThreadSummary[];
  counts: Record<InboxFilter, number>;
  nextCursor: string | null;
};

/** SP-API getMessagingActionsForOrder / the compose page: what the order allows now. */
export type MessagingAction = {
  /** SP-API action name (`confirmOrderDetails`…) or a template id (`order_unavailable`…). */
  name: string;
  /** Why it is not available now (null when available). */
  unavailableReason: string | null;
};

/** MSG-12 templates. */
export type TemplateId = 'order_unavailable' | 'delay_notice' | 'return_confirmation';

// --- buyer side (Your Account, Contact This Seller) ------------------------------------------------

/** MSG-1: the public profile a buyer contacts a seller from. */
export type SellerProfileView = {
  id: string;
  name: string;
  marketplace: { id: string; name: string; language: MessageLanguage };
  /** The Contact This Seller topics with their subject lines in the marketplace's language. */
  topics: { id: Exclude<ThreadTopic, 'order'>; label: string; subject: string }[];
};

/** The buyer never sees the seller's real addresses, violations or forwarding state. */
export type BuyerMessageView = {
  id: string;
  direction: MessageDirection;
  kind: string;
  subject: string | null;
  body: string;
  createdAt: string;
  attachments: { uploadId: string; fileName: string; contentType: string; size: number }[];
  /** The buyer's own message had contact details masked (MSG-11/16). */
  redacted: boolean;
};

export type BuyerThreadSummary = {
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
};

export type BuyerThreadView = BuyerThreadSummary & { messages: BuyerMessageView[] };
