// Seller web API of Buyer-Seller Messages (MSG-1..16): the inbox, a thread, replies, "no response
// needed", reply deadlines, composing about an order (SP-API action kinds and MSG-12 templates)
// and the policy check (seller web session OR an SP-API access token). Session cookie + CSRF.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { invalid } from '../../platform/errors.ts';
import { createRoute, createRouter } from '../../platform/http/openapi.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../platform/http/openapi-responses.ts';
import type { AuthVariables } from '../identity/index.ts';
import { SP_API_ACTIONS, TEMPLATE_IDS } from './messaging-actions.ts';
import {
  CheckBody,
  ComposeBody,
  InboxQuerySchema,
  LanguageQuery,
  MAX_BODY_BYTES,
  OrderParams,
  ReplyBody,
  ReplyDeadlineBody,
  TemplateParams,
  ThreadParams,
} from './messaging.schemas.ts';
import type { MessagingService } from './messaging.service.ts';
import type { MessageLanguage, TemplateId } from './messaging.types.ts';

type Env = { Variables: AuthVariables };
type RequireSeller = (c: Context<Env>) => { sellerId: string; userId: string };

const json = jsonResponse;
const errors = errorResponses([400, 401, 403, 404, 409, 413, 422, 429]);
const TAGS = ['Web: messages'];

/** 413 with a clear code before a huge body is read (web error body shape). */
export const messagingBodyLimit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) =>
    c.json(
      {
        error: {
          code: 'MESSAGE_BODY_TOO_LARGE',
          message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
        },
      },
      413,
    ),
});

const KINDS = new Set<string>(['reply', ...SP_API_ACTIONS, ...TEMPLATE_IDS]);

export function createMessagingWebRoutes(
  messaging: MessagingService,
  requireSeller: RequireSeller,
  /** The check route's caller: the web session's seller, else the SP-API token's (http-app wires it). */
  checkCaller: (c: Context<Env>) => Promise<{ sellerId: string; language?: MessageLanguage }>,
) {
  const r = createRouter<Env>();
  r.use('/api/messages/*', messagingBodyLimit);
  r.use('/api/messaging/*', messagingBodyLimit);

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/messages',
      tags: TAGS,
      summary:
        'The inbox: unanswered first (by due time), then by last message; filters, search, keyset pages',
      request: { query: InboxQuerySchema },
      responses: { 200: json('InboxPage: threads, counts per filter, nextCursor'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json(await messaging.listThreads(sellerId, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/messages/summary',
      tags: TAGS,
      summary: 'Awaiting, overdue and unread thread counts (MSG-14)',
      responses: { 200: json('{ awaiting, overdue, unread }'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json(await messaging.summary(sellerId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/messages/response-time',
      tags: TAGS,
      summary: 'PERF-6: buyer messages answered within the response time over 7/30/90 days',
      responses: { 200: json('{ d7, d30, d90 }'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const [d7, d30, d90] = await Promise.all(
        [7, 30, 90].map((d) => messaging.responseTimeStats(sellerId, d)),
      );
      return c.json({ d7, d30, d90 }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/messages/threads/{threadId}',
      tags: TAGS,
      summary: 'A thread with its messages and the order beside it (marks it read)',
      request: { params: ThreadParams },
      responses: { 200: json('ThreadView'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json(
        await messaging.getThread(sellerId, c.req.valid('param').threadId, { markRead: true }),
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/messages/threads/{threadId}/replies',
      tags: TAGS,
      summary:
        'Reply in a thread; refused with 422 MESSAGE_POLICY_VIOLATION (nothing stored) when the policy blocks it',
      request: { params: ThreadParams, ...jsonBody(ReplyBody) },
      responses: { 201: json('{ message, thread }'), ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      const res = await messaging.postMessage({
        from: 'seller',
        channel: 'web',
        sellerId,
        threadId: c.req.valid('param').threadId,
        kind: 'reply',
        text: c.req.valid('json').text,
        author: userId,
      });
      return c.json({ message: res.message, thread: res.thread }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/messages/threads/{threadId}/no-response-needed',
      tags: TAGS,
      summary: 'Mark the awaiting buyer messages "no response needed" (MSG-14)',
      request: { params: ThreadParams },
      responses: { 200: json('ThreadSummary'), ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      return c.json(
        await messaging.markNoResponseNeeded(sellerId, c.req.valid('param').threadId, userId),
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/messages/threads/{threadId}/reply-deadline',
      tags: TAGS,
      summary: 'Tell the buyer to answer by a deadline or the order will be cancelled (MSG-15)',
      request: { params: ThreadParams, ...jsonBody(ReplyDeadlineBody) },
      responses: { 201: json('{ message, thread }'), ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      const body = c.req.valid('json');
      const res = await messaging.setReplyDeadline(
        sellerId,
        c.req.valid('param').threadId,
        { deadline: new Date(body.deadline), ...(body.text ? { text: body.text } : {}) },
        userId,
      );
      return c.json({ message: res.message, thread: res.thread }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/messages/orders/{amazonOrderId}/compose',
      tags: TAGS,
      summary: 'Compose about an order: the order, its thread, available actions and templates (MSG-6/12)',
      request: { params: OrderParams },
      responses: { 200: json('Compose context'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const id = c.req.valid('param').amazonOrderId;
      const o = await messaging.orderContext(sellerId, id);
      const actions = await messaging.messagingActions(sellerId, id);
      const view = await messaging.getThreadIdForOrder(sellerId, id);
      const templateIds = new Set<string>(TEMPLATE_IDS);
      return c.json(
        {
          order: {
            amazonOrderId: o.amazonOrderId,
            status: o.status,
            purchaseDate: o.purchaseDate.toISOString(),
            latestShipDate: o.latestShipDate?.toISOString() ?? null,
            latestDeliveryDate: o.latestDeliveryDate?.toISOString() ?? null,
            deliveredAt: o.deliveredAt?.toISOString() ?? null,
            items: o.items.map((i) => ({ title: i.title, sku: i.sku, quantity: i.quantityOrdered })),
            trackingNumbers: o.trackingNumbers,
            buyerName: o.buyerName,
            buyerRelayAddress: o.buyerRelayEmail,
            marketplaceId: o.marketplaceId,
          },
          threadId: view,
          actions: actions.filter((a) => !templateIds.has(a.name)),
          templates: actions
            .filter((a) => templateIds.has(a.name))
            .map((a) => ({ id: a.name as TemplateId, unavailableReason: a.unavailableReason })),
          buyerLanguage: o.buyerLanguage,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/messages/orders/{amazonOrderId}',
      tags: TAGS,
      summary:
        "Send a message about an order (kind: 'reply', an SP-API action or a template id); policy-checked",
      request: { params: OrderParams, ...jsonBody(ComposeBody) },
      responses: { 201: json('{ message, thread }'), ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      const id = c.req.valid('param').amazonOrderId;
      const body = c.req.valid('json');
      if (!KINDS.has(body.kind))
        throw invalid(
          'MESSAGE_KIND_UNKNOWN',
          `Unknown message kind ${body.kind}: use reply, an SP-API action or a template id.`,
        );
      if (body.kind !== 'reply') {
        // MSG-6/12: the purpose must be permitted for this order now.
        const a = (await messaging.messagingActions(sellerId, id)).find((x) => x.name === body.kind);
        if (a?.unavailableReason)
          throw invalid(
            'MESSAGE_KIND_NOT_AVAILABLE',
            `${body.kind} cannot be sent for this order now: ${a.unavailableReason}`,
          );
      }
      const res = await messaging.postMessage({
        from: 'seller',
        channel: 'web',
        sellerId,
        amazonOrderId: id,
        kind: body.kind,
        text: body.text,
        ...(body.subject ? { subject: body.subject } : {}),
        author: userId,
      });
      return c.json({ message: res.message, thread: res.thread }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/messages/orders/{amazonOrderId}/templates/{templateId}',
      tags: TAGS,
      summary: 'Render an MSG-12 template for an order (the buyer language unless ?language=)',
      request: { params: TemplateParams, query: LanguageQuery },
      responses: { 200: json('{ subject, text }'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const p = c.req.valid('param');
      const q = c.req.valid('query');
      return c.json(await messaging.renderTemplate(sellerId, p.amazonOrderId, p.templateId, q.language), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/messaging/check',
      tags: TAGS,
      summary: 'Check a message against the communication policy (seller web session or SP-API access token)',
      request: jsonBody(CheckBody),
      responses: { 200: json('{ allowed, violations: [{rule,start,end,message,hint}] }'), ...errors },
    }),
    async (c) => {
      const caller = await checkCaller(c);
      const b = c.req.valid('json');
      const language = b.language ?? caller.language;
      const verdict = await messaging.check({
        sellerId: caller.sellerId,
        ...(language ? { language } : {}),
        direction: b.direction,
        marketplaceId: b.marketplaceId,
        text: b.text,
        ...(b.orderId ? { orderId: b.orderId } : {}),
        ...(b.threadId ? { threadId: b.threadId } : {}),
      });
      return c.json({ allowed: verdict.allowed, violations: verdict.violations }, 200);
    },
  );

  return r;
}
