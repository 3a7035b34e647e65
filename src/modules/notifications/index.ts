/** Notifications (NTF-1..10): the outbox, the pipeline, channels, failed addresses, the in-app list. */
/** NTF-9: `publishEvent(tx, …)` in the caller's transaction; the pipeline service and its workers. */
export {
  createNotificationsService,
  type NotificationsService,
  type PublishedEvent,
  publishEvent,
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
/** NTF-4/7: the email channel (pooled SMTP, VERP return address per delivery). */
export { createEmailChannel } from './email-channel.service.ts';
