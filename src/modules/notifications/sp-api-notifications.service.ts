// SP-API Notifications v1 (reference/sp-api.md §3): destinations (per developer application,
// grantless), subscriptions (per seller and application), and their delivery. SQS and
// EventBridge destinations are accepted and stored with status `needs_aws`: delivering to them
// needs AWS credentials Mercato does not hold. Mercato adds a `webhook` destination that receives
// the same notification JSON an SQS message body would carry, signed like seller webhooks
// (Standard Webhooks, NTF-6), with the same retries; a 410 disables it.
import type { Clock } from '../../platform/clock.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import type { ChannelAdapter } from './channel.ts';
import {
  buildSpApiNotification,
  isSupportedNotificationType,
  SP_API_PAYLOAD_VERSIONS,
  spApiNotificationTypeFor,
} from './sp-api-notifications-payloads.ts';
import {
  createSpApiNotificationsRepository,
  type DestinationRow,
  type SubscriptionRow,
} from './sp-api-notifications.repository.ts';
import {
  classifyWebhookAttempt,
  generateWebhookSecret,
  isEndpointGone,
  signWebhook,
} from './webhook-message.ts';
import { postWebhook, WEBHOOK_TIMEOUT_MS } from './webhook-post.ts';
import { webhookTargetRefusal } from './webhook.service.ts';

export type CreateDestinationInput = {
  name: string;
  resourceSpecification: {
    sqs?: { arn: string };
    eventBridge?: { region: string; accountId: string };
    webhook?: { url: string };
  };
};

export type SpApiNotificationsDeps = {
  db: Db;
  ids: Ids;
  /** Business time (EventTime, PublishTime, created dates). */
  clock: Clock;
  /** Security time for `webhook-timestamp` (receivers allow ±5 minutes of real time). */
  realClock: Clock;
  allowPrivateWebhooks: boolean;
  timeoutMs?: number;
  resolveHost?: (host: string) => Promise<string[]>;
};

const NEEDS_AWS =
  'Stored. Mercato cannot deliver to AWS resources (it holds no AWS credentials); use a webhook destination to receive these notifications.';

/** The SP-API `Destination`, plus Mercato's delivery status (extra keys clients ignore). */
export function destinationView(d: DestinationRow, o: { withSecret?: boolean } = {}) {
  const r = d.resource;
  const resource =
    d.resourceType === 'sqs'
      ? { sqs: { arn: r.arn } }
      : d.resourceType === 'eventBridge'
        ? { eventBridge: { name: r.name, region: r.region, accountId: r.accountId } }
        : { webhook: { url: r.url, ...(o.withSecret ? { secret: r.secret } : {}) } };
  return {
    name: d.name,
    destinationId: d.id,
    resource,
    status: d.status === 'needs_aws' ? 'NEEDS_AWS' : d.status === 'disabled' ? 'DISABLED' : 'ACTIVE',
    ...(d.status === 'needs_aws' ? { statusDetails: NEEDS_AWS } : {}),
    ...(d.status === 'disabled' ? { statusDetails: 'Disabled: the webhook answered 410 Gone.' } : {}),
  };
}

export function subscriptionView(s: SubscriptionRow) {
  return {
    subscriptionId: s.id,
    payloadVersion: s.payloadVersion,
    destinationId: s.destinationId,
    ...(s.processingDirective ? { processingDirective: s.processingDirective } : {}),
  };
}

export function createSpApiNotificationsService(d: SpApiNotificationsDeps) {
  const repo = createSpApiNotificationsRepository(d.db);

  async function ownDestination(appId: string, id: string): Promise<DestinationRow> {
    const dest = await repo.destination(id);
    if (!dest || dest.clientId !== appId) {
      throw notFound('DESTINATION_NOT_FOUND', `There is no destination ${id} for this application.`);
    }
    return dest;
  }

  function checkType(notificationType: string) {
    if (!isSupportedNotificationType(notificationType)) {
      throw invalid(
        'NOTIFICATION_TYPE_NOT_SUPPORTED',
        `Mercato does not publish ${notificationType} notifications. Supported: ${Object.keys(SP_API_PAYLOAD_VERSIONS).join(', ')}.`,
      );
    }
  }

  return {
    repo,

    async createDestination(appId: string, input: CreateDestinationInput) {
      const spec = input.resourceSpecification;
      const kinds = (['sqs', 'eventBridge', 'webhook'] as const).filter((k) => spec[k] !== undefined);
      if (kinds.length !== 1) {
        throw invalid(
          'DESTINATION_RESOURCE_COUNT',
          'resourceSpecification must name exactly one resource type: sqs, eventBridge or webhook.',
        );
      }
      const kind = kinds[0] as 'sqs' | 'eventBridge' | 'webhook';
      const existing = await repo.destinationsOf(appId);
      let resource: Record<string, string>;
      if (kind === 'sqs') {
        const arn = spec.sqs?.arn ?? '';
        if (existing.some((x) => x.resourceType === 'sqs' && x.resource.arn === arn)) {
          throw conflict('DESTINATION_EXISTS', `A destination for the SQS queue ${arn} already exists.`);
        }
        resource = { arn };
      } else if (kind === 'eventBridge') {
        const eb = spec.eventBridge as { region: string; accountId: string };
        if (
          existing.some(
            (x) =>
              x.resourceType === 'eventBridge' &&
              x.resource.accountId === eb.accountId &&
              x.resource.region === eb.region,
          )
        ) {
          throw conflict(
            'DESTINATION_EXISTS',
            `An EventBridge destination for account ${eb.accountId} in ${eb.region} already exists.`,
          );
        }
        // Amazon names the partner event source after the application.
        resource = {
          region: eb.region,
          accountId: eb.accountId,
          name: `sellingpartnerapi.amazon.com/${appId}`,
        };
      } else {
        const url = spec.webhook?.url ?? '';
        const refusal = await webhookTargetRefusal(url, d.allowPrivateWebhooks, d.resolveHost);
        if (refusal) throw invalid('INVALID_WEBHOOK_URL', `resourceSpecification.webhook.url: ${refusal}`);
        if (existing.some((x) => x.resourceType === 'webhook' && x.resource.url === url)) {
          throw conflict('DESTINATION_EXISTS', `A webhook destination for ${url} already exists.`);
        }
        resource = { url, secret: generateWebhookSecret() };
      }
      const row: DestinationRow = {
        id: d.ids.next('dst'),
        clientId: appId,
        name: input.name,
        resourceType: kind,
        resource,
        status: kind === 'webhook' ? 'active' : 'needs_aws',
        createdAt: d.clock.now(),
      };
      await repo.insertDestination(row);
      // The webhook secret is shown here once, like a seller webhook's.
      return destinationView(row, { withSecret: true });
    },

    async getDestinations(appId: string) {
      return (await repo.destinationsOf(appId)).map((x) => destinationView(x));
    },

    async getDestination(appId: string, id: string) {
      return destinationView(await ownDestination(appId, id));
    },

    async deleteDestination(appId: string, id: string) {
      await ownDestination(appId, id);
      const n = await repo.subscriptionCountFor(id);
      if (n > 0) {
        throw conflict(
          'DESTINATION_IN_USE',
          `Destination ${id} still has ${n} subscription(s); delete them (deleteSubscriptionById) first.`,
        );
      }
      await repo.deleteDestination(id);
    },

    async createSubscription(
      sellerId: string,
      appId: string,
      notificationType: string,
      input: { payloadVersion: string; destinationId: string; processingDirective?: Record<string, unknown> },
    ) {
      checkType(notificationType);
      const version = SP_API_PAYLOAD_VERSIONS[notificationType as keyof typeof SP_API_PAYLOAD_VERSIONS];
      if (input.payloadVersion !== version) {
        throw invalid(
          'PAYLOAD_VERSION_NOT_SUPPORTED',
          `payloadVersion ${input.payloadVersion} is not available for ${notificationType}; use ${version}.`,
        );
      }
      await ownDestination(appId, input.destinationId);
      const row: SubscriptionRow = {
        id: d.ids.next('sub'),
        sellerId,
        clientId: appId,
        notificationType,
        destinationId: input.destinationId,
        payloadVersion: input.payloadVersion,
        processingDirective: input.processingDirective ?? null,
        createdAt: d.clock.now(),
      };
      if (!(await repo.insertSubscription(row))) {
        const existing = await repo.subscription(sellerId, appId, notificationType);
        throw conflict(
          'SUBSCRIPTION_EXISTS',
          `A subscription to ${notificationType} already exists for this selling partner and application${existing ? ` (${existing.id})` : ''}.`,
        );
      }
      return subscriptionView(row);
    },

    async getSubscription(sellerId: string, appId: string, notificationType: string) {
      checkType(notificationType);
      const s = await repo.subscription(sellerId, appId, notificationType);
      if (!s) throw notFound('SUBSCRIPTION_NOT_FOUND', `There is no subscription to ${notificationType}.`);
      return subscriptionView(s);
    },

    /** Grantless or seller token: the subscription must be this application's (and seller's). */
    async subscriptionById(
      caller: { appId: string; sellerId: string | null },
      notificationType: string,
      id: string,
    ): Promise<SubscriptionRow> {
      const s = await repo.subscriptionById(id);
      if (
        !s ||
        s.clientId !== caller.appId ||
        s.notificationType !== notificationType ||
        (caller.sellerId !== null && s.sellerId !== caller.sellerId)
      ) {
        throw notFound('SUBSCRIPTION_NOT_FOUND', `There is no ${notificationType} subscription ${id}.`);
      }
      return s;
    },

    async deleteSubscriptionById(
      caller: { appId: string; sellerId: string | null },
      notificationType: string,
      id: string,
    ) {
      await this.subscriptionById(caller, notificationType, id);
      await repo.deleteSubscription(id);
    },

    /** The webhook destinations subscribed to what `eventType` becomes (ORDER_CHANGE for order events). */
    async spApiTargets(sellerId: string, eventType: string, on: DbOrTx = d.db) {
      const type = spApiNotificationTypeFor(eventType);
      if (!type) return [];
      return (await repo.webhookTargets(on, sellerId, type)).map((t) => ({ ...t, notificationType: type }));
    },

    /** The pipeline's recipient source: one `sp_api` delivery per subscribed webhook destination. */
    recipientSource: async (tx: DbOrTx, e: { sellerId: string; type: string }) => {
      const type = spApiNotificationTypeFor(e.type);
      if (!type || !e.sellerId) return [];
      const targets = await repo.webhookTargets(tx, e.sellerId, type);
      return targets.map((t) => ({ channel: 'sp_api' as const, address: t.destinationId }));
    },

    /** The `sp_api` channel adapter: delivers the SP-API notification JSON to a webhook destination. */
    channel(): ChannelAdapter {
      return {
        async send(delivery) {
          const n = delivery.notification;
          const dest = await repo.destination(delivery.address);
          if (!dest) return { ok: false, permanent: true, error: 'The SP-API destination was deleted.' };
          if (dest.resourceType !== 'webhook' || dest.status !== 'active') {
            return {
              ok: false,
              permanent: true,
              error: dest.status === 'needs_aws' ? NEEDS_AWS : 'The SP-API destination is disabled.',
            };
          }
          const type = spApiNotificationTypeFor(n.type);
          const sub = type ? await repo.subscriptionFor(delivery.sellerId, dest.id, type) : undefined;
          if (!sub) return { ok: false, permanent: true, error: 'The subscription was deleted.' };
          const refusal = await webhookTargetRefusal(
            dest.resource.url ?? '',
            d.allowPrivateWebhooks,
            d.resolveHost,
          );
          if (refusal) return { ok: false, permanent: true, error: refusal };
          const notification = buildSpApiNotification({
            eventType: n.type,
            sellerId: delivery.sellerId,
            data: n.data,
            eventTime: n.createdAt,
            meta: {
              applicationId: sub.clientId,
              subscriptionId: sub.id,
              publishTime: d.clock.now(),
              // Stable across retries: consumers drop duplicates by it, as with SQS.
              notificationId: delivery.deliveryId,
            },
          });
          if (!notification) {
            return {
              ok: false,
              permanent: true,
              error: `The ${n.type} event lacks the data a ${type} notification requires.`,
            };
          }
          const body = JSON.stringify(notification);
          const headers = signWebhook(
            dest.resource.secret ?? '',
            delivery.deliveryId,
            d.realClock.now(),
            body,
          );
          const outcome = classifyWebhookAttempt(
            await postWebhook(dest.resource.url ?? '', headers, body, d.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
          );
          if (isEndpointGone(outcome)) await repo.disableDestination(dest.id);
          return outcome;
        },
      };
    },
  };
}

export type SpApiNotificationsService = ReturnType<typeof createSpApiNotificationsService>;

/** A refusal of a grantless-only operation called with a seller token, or the reverse. */
export function wrongTokenKind(needs: 'grantless' | 'seller'): AppError {
  return new AppError(
    'forbidden',
    needs === 'grantless' ? 'GRANTLESS_TOKEN_REQUIRED' : 'SELLER_TOKEN_REQUIRED',
    needs === 'grantless'
      ? 'This operation needs a grantless token: grant_type=client_credentials with scope sellingpartnerapi::notifications.'
      : 'This operation needs a token obtained with a refresh token (it acts for a selling partner).',
  );
}
