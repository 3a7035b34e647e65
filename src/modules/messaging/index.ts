/** Buyer–seller messaging (MSG-1..16): threads, the policy engine, relay mail, templates, SP-API. */
/** The core service: the one write path (postMessage), inbox, threads, sweeps (MSG-14/15), PERF-6 data. */
export {
  createMessagingService,
  MESSAGING_SWEEP_INTERVAL_MS,
  type MessagingDeps,
  type MessagingService,
} from './messaging.service.ts';
/** MSG-6..11, 13, 16: the pure policy engine (checkMessage, redactContactDetails). */
export { canonicalise, checkMessage, redactContactDetails } from './policy/message-policy.ts';
/** MSG-1/12: topic subjects and the Order Unavailable / Delay / Return Confirmation templates. */
export { asMessageLanguage, threadSubject } from './thread-subject.ts';
export { renderMessageTemplate } from './templates.ts';
export { messagingActions, SP_API_ACTIONS } from './messaging-actions.ts';
/** Seller web API (/api/messages, /api/messaging/check) and buyer API (/api/buyer/messages, public profile). */
export { createMessagingWebRoutes } from './messaging.routes.ts';
export { createMessagingBuyerRoutes } from './messaging.buyer.routes.ts';
/** MSG-3: the Customer Service Reply-to address and its verification link. */
export {
  createCustomerServiceEmailService,
  type CustomerServiceEmailService,
} from './customer-service-email.service.ts';
export { createCustomerServiceEmailRoutes } from './customer-service-email.routes.ts';
/** MSG-9/10/11: operator-added policy phrases per marketplace (no deploy). */
export { createPolicyPhrases, type PolicyPhrasesService } from './policy-phrases.service.ts';
export { createPolicyPhrasesRoutes } from './policy-phrases.routes.ts';
/** MSG-3/4/5: mail to relay aliases (inbound SMTP route) and the forwarding outbox worker. */
export { createMailRelay, inboundMaxBytes, type MailRelay } from './mail/mail-relay.wiring.ts';
/** SP-API Messaging v1, Solicitations v1 and Uploads 2020-11-01. */
export { createMessagingSpApiRoutes } from './messaging.sp-api.ts';
export { createSolicitations } from './solicitations.service.ts';
export { createSolicitationsSpApiRoutes } from './solicitations.sp-api.ts';
export { createUploads } from './uploads.service.ts';
export { createUploadsSpApiRoutes } from './uploads.sp-api.ts';
