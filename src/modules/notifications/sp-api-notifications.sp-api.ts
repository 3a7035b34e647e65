// SP-API Notifications v1 routes (reference/sp-api.md §3.1; model notifications.json): the
// paths, bodies, `{payload, errors}` envelopes and statuses of Amazon's, so amazon-sp-api and the
// SDKs work unchanged. Destinations and the by-id subscription operations are grantless (a
// client_credentials token with scope sellingpartnerapi::notifications); createSubscription and
// getSubscription act for a seller. Every operation's usage plan is Amazon's default, 1/s burst 5.
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../platform/errors.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { spApiErrorBody } from '../../sp-api/errors.ts';
import { spApiErrorResponses as errorResponses } from '../../sp-api/openapi.ts';
import { type SpApiNotificationsService, wrongTokenKind } from './sp-api-notifications.service.ts';

export const NOTIFICATIONS_SCOPE = 'sellingpartnerapi::notifications';

/** The caller an SP-API token names (identity's SpApiPrincipal, kept structural here). */
export type SpApiCaller = { app: string; seller: string | null; scope: string | null };

export type NotificationsSpApiDeps = {
  /** x-amz-access-token authentication (sets the caller). */
  auth: MiddlewareHandler;
  /** Usage plan of one operation (rate limit and x-amzn-RateLimit-Limit). */
  plan: (operation: string) => MiddlewareHandler;
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  caller: (c: Context<any, any, any>) => SpApiCaller;
};

const TAG = ['SP-API: Notifications v1'];
const payloadResponse = (d: string) => ({
  content: { 'application/json': { schema: z.object({ payload: z.any() }) } },
  description: d,
});
const emptyResponse = (d: string) => ({
  content: { 'application/json': { schema: z.object({}) } },
  description: d,
});

const Name = z.string().min(1).max(256);
const CreateDestinationBody = z
  .object({
    name: Name,
    resourceSpecification: z
      .object({
        sqs: z
          .object({
            arn: z
              .string()
              .max(1000)
              .regex(
                /^arn:aws:sqs:\S+:\S+:\S+/,
                'arn must be an SQS queue ARN (arn:aws:sqs:region:account:queue)',
              ),
          })
          .optional(),
        eventBridge: z.object({ region: z.string().min(1), accountId: z.string().min(1) }).optional(),
        webhook: z.object({ url: z.string().min(1).max(2000) }).optional(),
      })
      .openapi({ description: 'One of sqs, eventBridge or (Mercato) webhook.' }),
  })
  .openapi('CreateDestinationRequest');

const CreateSubscriptionBody = z
  .object({
    payloadVersion: z.string().min(1),
    destinationId: z.string().min(1),
    processingDirective: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('CreateSubscriptionRequest');

const TypeParam = z.object({ notificationType: z.string().min(1).max(64) });
const ByIdParams = TypeParam.extend({ subscriptionId: z.string().min(1).max(128) });
const DestinationParam = z.object({ destinationId: z.string().min(1).max(128) });

export function createNotificationsSpApiRoutes(svc: SpApiNotificationsService, sp: NotificationsSpApiDeps) {
  const r = createRouter();
  r.use('/notifications/v1/*', sp.auth);

  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  const grantless = (c: Context<any, any, any>) => {
    const p = sp.caller(c);
    if (p.seller !== null || !(p.scope ?? '').split(' ').includes(NOTIFICATIONS_SCOPE)) {
      throw wrongTokenKind('grantless');
    }
    return p.app;
  };
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  const seller = (c: Context<any, any, any>) => {
    const p = sp.caller(c);
    if (!p.seller) throw wrongTokenKind('seller');
    return { appId: p.app, sellerId: p.seller };
  };
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  const eitherToken = (c: Context<any, any, any>) => {
    const p = sp.caller(c);
    if (p.seller === null) return { appId: grantless(c), sellerId: null };
    return { appId: p.app, sellerId: p.seller };
  };
  /** Amazon answers conflicts (a duplicate subscription, a destination in use) with 409. */
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  const conflicts = async <T>(c: Context<any, any, any>, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof AppError && err.kind === 'conflict') {
        // Not one of the route's typed answers: the 409 Amazon's model declares.
        return c.json(spApiErrorBody('Conflict', err.message, err.code), 409) as T;
      }
      throw err;
    }
  };

  r.openapi(
    createRoute({
      method: 'post',
      path: '/notifications/v1/destinations',
      operationId: 'createDestination',
      tags: TAG,
      summary: 'Creates a destination: SQS, EventBridge (stored; delivery needs AWS) or webhook (grantless)',
      middleware: [sp.plan('createDestination')],
      request: {
        body: { content: { 'application/json': { schema: CreateDestinationBody } }, required: true },
      },
      responses: { 200: payloadResponse('CreateDestinationResponse'), ...errorResponses },
    }),
    async (c) =>
      conflicts(c, async () => {
        const appId = grantless(c);
        return c.json({ payload: await svc.createDestination(appId, c.req.valid('json')) }, 200);
      }),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/v1/destinations',
      operationId: 'getDestinations',
      tags: TAG,
      summary: "The application's destinations (grantless)",
      middleware: [sp.plan('getDestinations')],
      responses: { 200: payloadResponse('GetDestinationsResponse'), ...errorResponses },
    }),
    async (c) => c.json({ payload: await svc.getDestinations(grantless(c)) }, 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/v1/destinations/{destinationId}',
      operationId: 'getDestination',
      tags: TAG,
      summary: 'One destination (grantless)',
      middleware: [sp.plan('getDestination')],
      request: { params: DestinationParam },
      responses: { 200: payloadResponse('GetDestinationResponse'), ...errorResponses },
    }),
    async (c) =>
      c.json({ payload: await svc.getDestination(grantless(c), c.req.valid('param').destinationId) }, 200),
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/notifications/v1/destinations/{destinationId}',
      operationId: 'deleteDestination',
      tags: TAG,
      summary: 'Deletes a destination that no subscription uses (grantless)',
      middleware: [sp.plan('deleteDestination')],
      request: { params: DestinationParam },
      responses: { 200: emptyResponse('DeleteDestinationResponse'), ...errorResponses },
    }),
    async (c) =>
      conflicts(c, async () => {
        await svc.deleteDestination(grantless(c), c.req.valid('param').destinationId);
        // amazon-sp-api parses every 200 body: `{}`, never an empty one (reference/sp-api.md §1.7).
        return c.json({}, 200);
      }),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/notifications/v1/subscriptions/{notificationType}',
      operationId: 'createSubscription',
      tags: TAG,
      summary: 'Subscribes the selling partner to a notification type at a destination',
      middleware: [sp.plan('createSubscription')],
      request: {
        params: TypeParam,
        body: { content: { 'application/json': { schema: CreateSubscriptionBody } }, required: true },
      },
      responses: { 200: payloadResponse('CreateSubscriptionResponse'), ...errorResponses },
    }),
    async (c) =>
      conflicts(c, async () => {
        const { appId, sellerId } = seller(c);
        const sub = await svc.createSubscription(
          sellerId,
          appId,
          c.req.valid('param').notificationType,
          c.req.valid('json'),
        );
        return c.json({ payload: sub }, 200);
      }),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/v1/subscriptions/{notificationType}',
      operationId: 'getSubscription',
      tags: TAG,
      summary: "The selling partner's subscription to a notification type",
      middleware: [sp.plan('getSubscription')],
      request: { params: TypeParam, query: z.object({ payloadVersion: z.string().optional() }) },
      responses: { 200: payloadResponse('GetSubscriptionResponse'), ...errorResponses },
    }),
    async (c) => {
      const { appId, sellerId } = seller(c);
      return c.json(
        { payload: await svc.getSubscription(sellerId, appId, c.req.valid('param').notificationType) },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/v1/subscriptions/{notificationType}/{subscriptionId}',
      operationId: 'getSubscriptionById',
      tags: TAG,
      summary: 'One subscription by id (grantless)',
      middleware: [sp.plan('getSubscriptionById')],
      request: { params: ByIdParams },
      responses: { 200: payloadResponse('GetSubscriptionByIdResponse'), ...errorResponses },
    }),
    async (c) => {
      const { notificationType, subscriptionId } = c.req.valid('param');
      const s = await svc.subscriptionById(eitherToken(c), notificationType, subscriptionId);
      return c.json(
        {
          payload: {
            subscriptionId: s.id,
            payloadVersion: s.payloadVersion,
            destinationId: s.destinationId,
            ...(s.processingDirective ? { processingDirective: s.processingDirective } : {}),
          },
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/notifications/v1/subscriptions/{notificationType}/{subscriptionId}',
      operationId: 'deleteSubscriptionById',
      tags: TAG,
      summary: 'Deletes a subscription (grantless)',
      middleware: [sp.plan('deleteSubscriptionById')],
      request: { params: ByIdParams },
      responses: { 200: emptyResponse('DeleteSubscriptionByIdResponse'), ...errorResponses },
    }),
    async (c) => {
      const { notificationType, subscriptionId } = c.req.valid('param');
      await svc.deleteSubscriptionById(eitherToken(c), notificationType, subscriptionId);
      return c.json({}, 200);
    },
  );

  return r;
}
