// The port every delivery channel implements (NTF-6): email, SMS, webhooks and SP-API
// destinations. The send worker claims a delivery, hands it to the adapter of its channel, and
// turns the outcome into `sent`, a retry with backoff, or `failed` (NTF-7, NTF-8).
import type { Channel } from './notification-catalogue.ts';

export type DeliveryChannel = Exclude<Channel, 'in_app'>;

/** `permanent: false` = try again later (4xx SMTP, 5xx/timeout HTTP); `true` = never again. */
export type SendOutcome =
  | { ok: true; code?: number }
  | { ok: false; permanent: boolean; code?: number; error: string };

/** What a notification carries to every channel (the row of the in-app list). */
export type NotificationMessage = {
  id: string;
  eventId: string;
  type: string;
  severity: 'critical' | 'warning' | 'info';
  data: Record<string, unknown>;
  createdAt: Date;
};

/** The text of a notification in the seller's language (email subject/bodies; SMS uses `text`). */
export type RenderedMessage = {
  language: string;
  subject: string;
  text: string;
  html: string;
};

export type DeliveryToSend = {
  deliveryId: string;
  sellerId: string;
  /** Email address, E.164 phone, webhook endpoint id or SP-API destination id. */
  address: string;
  /** The delivery's idempotency key (webhooks send it as `webhook-id`). */
  idempotencyKey: string;
  notification: NotificationMessage;
  rendered: RenderedMessage;
};

export type ChannelAdapter = {
  send(d: DeliveryToSend): Promise<SendOutcome>;
};

export type ChannelAdapters = Partial<Record<DeliveryChannel, ChannelAdapter>>;

/**
 * NTF-6 digests: the fan-out hands each non-immediate delivery to the digest collector in the
 * fan-out's transaction; it returns the batch id the delivery joined (stored in digest_batch_id).
 */
export type DigestCollector = {
  /** `tx` is the fan-out's open transaction (platform db `Tx`; kept opaque in this pure file). */
  collect(
    tx: unknown,
    item: {
      sellerId: string;
      deliveryId: string;
      type: string;
      channel: DeliveryChannel;
      address: string;
      frequency: 'daily' | 'weekly' | 'monthly';
      at: Date;
    },
  ): Promise<string | null>;
};
