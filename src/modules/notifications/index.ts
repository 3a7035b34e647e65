/** Notifications (NTF-1..10): the outbox, the pipeline, channels, failed addresses, the in-app list. */
/** NTF-9: `publishEvent(tx, …)` in the caller's transaction; the pipeline service and its workers. */
export {
  createNotificationsService,
  type NotificationsService,
  type PublishedEvent,
  publishEvent,
  publishEvents,
  type RecipientSource,
} from './notifications.service.ts';
/** The channel port (email, SMS, webhook, SP-API adapters implement it) and the digest collector. */
export type {
  ChannelAdapter,
  ChannelAdapters,
  DeliveryChannel,
  DeliveryToSend,
  DigestCollector,
  NotificationMessage,
  RenderedMessage,
  SendOutcome,
} from './channel.ts';
/** NTF-2: the catalogue of notification types. */
export {
  NOTIFICATION_TYPES,
  type NotificationType,
  notificationType,
  typesForPlan,
} from './notification-catalogue.ts';
/** NTF-1/3/6, PERF-7: Notification Preferences (service, web routes) and webhook endpoints. */
export { createPreferencesService, type PreferencesService } from './preferences.service.ts';
export { createPreferencesRoutes, type ResetFailedAddress } from './preferences.routes.ts';
/** The pipeline's workers (fan-out loop, one send loop per channel). */
export { NOTIFICATIONS_POLL_MS, startNotificationsWorkers } from './notifications.jobs.ts';
/** SMTP failure classes and the retry schedule, shared with the messaging forwarding outbox (MSG-3/4). */
export { classifySmtpFailure } from './smtp-failure.ts';
export { nextAttemptAt } from './retry-schedule.ts';
/** NTF-4/7: the email channel (pooled SMTP, VERP return address per delivery). */
export { createEmailChannel } from './email-channel.service.ts';
/** NTF-6: the webhook channel (Standard Webhooks signatures; 410 disables) and its Svix retry schedule. */
export { createWebhookChannel } from './webhook.service.ts';
export { nextWebhookAttemptAt, WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs } from './webhook-retry.ts';
/** NTF-6: the SMS channel through an HTTP provider (null when none is configured: `sms_not_configured`). */
export { createSmsChannel, SMS_NOT_CONFIGURED } from './sms-channel.ts';
/** SP-API Notifications v1: destinations, subscriptions, their routes, delivery and payload builders. */
export {
  createSpApiNotificationsService,
  type SpApiNotificationsService,
} from './sp-api-notifications.service.ts';
export { createNotificationsSpApiRoutes } from './sp-api-notifications.sp-api.ts';
export { buildSpApiNotification, spApiNotificationTypeFor } from './sp-api-notifications-payloads.ts';
/** NTF-7: the inbound SMTP server for bounces at the per-delivery return addresses. */
export { type BounceServer, bounceRoute, type RecordBounce, startBounceServer } from './bounce-server.ts';
/** Seller web API: in-app list (NTF-10), read marks, the delivery log (NTF-8). */
export { createNotificationsWebRoutes } from './notifications.routes.ts';
