// Buyer web API (MSG-1/2/11/15/16): the seller's public profile (no sign-in), Contact This Seller,
// the buyer's conversations and replies, the live plain-text check. Buyer session + its CSRF.
// Buyers never see the seller's real addresses, blocked messages or forwarding state.
import type { Context } from 'hono';
import { createRoute, createRouter } from '../../platform/http/openapi.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../platform/http/openapi-responses.ts';
import { messagingBodyLimit } from './messaging.routes.ts';
import {
  BuyerCheckBody,
  BuyerContactBody,
  ReplyBody,
  SellerParams,
  ThreadParams,
} from './messaging.schemas.ts';
import type { MessagingService } from './messaging.service.ts';
import type { BuyerMessageView, MessageView } from './messaging.types.ts';
import { asMessageLanguage } from './thread-subject.ts';

type RequireBuyer = (c: Context) => { buyerId: string; session?: { buyer: { language: string } } };

const json = jsonResponse;
const errors = errorResponses([400, 401, 403, 404, 413, 422, 429]);
const TAGS = ['Buyer: messages'];

export function createMessagingBuyerRoutes(messaging: MessagingService, requireBuyer: RequireBuyer) {
  const r = createRouter();
  r.use('/api/buyer/messages', messagingBodyLimit);
  r.use('/api/buyer/messages/*', messagingBodyLimit);
  r.use('/api/buyer/messaging/*', messagingBodyLimit);

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/public/sellers/{sellerId}',
      tags: TAGS,
      summary:
        "A seller's public profile with the Contact This Seller topics and their subjects (MSG-1); no sign-in",
      request: { params: SellerParams },
      responses: { 200: json('SellerProfileView'), ...errors },
    }),
    async (c) => c.json(await messaging.sellerProfile(c.req.valid('param').sellerId), 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/buyer/sellers/{sellerId}/orders',
      tags: TAGS,
      summary: 'Your orders with this seller (to ask about one of them)',
      request: { params: SellerParams },
      responses: { 200: json('{ orders }'), ...errors },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      return c.json(
        { orders: await messaging.buyerOrdersWithSeller(buyerId, c.req.valid('param').sellerId) },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/buyer/messages',
      tags: TAGS,
      summary:
        'Contact This Seller: plain text only — HTML and links are refused with the reason (MSG-2); contact details are masked (MSG-11)',
      request: jsonBody(BuyerContactBody),
      responses: { 201: json('{ thread, message }'), ...errors },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      const b = c.req.valid('json');
      const res = await messaging.postMessage({
        from: 'buyer',
        channel: 'web',
        sellerId: b.sellerId,
        buyerId,
        topic: b.topic,
        ...(b.amazonOrderId ? { amazonOrderId: b.amazonOrderId } : {}),
        ...(b.productRef ? { productRef: b.productRef } : {}),
        kind: 'contact_seller',
        text: b.text,
        author: buyerId,
      });
      const { messages: _all, ...thread } = await messaging.getBuyerThread(buyerId, res.thread.id);
      return c.json({ thread, message: buyerView(res.message) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/buyer/messaging/check',
      tags: TAGS,
      summary: 'Check a message you are writing: HTML and links are refused (MSG-2)',
      request: jsonBody(BuyerCheckBody),
      responses: { 200: json('{ allowed, violations }'), ...errors },
    }),
    async (c) => {
      const { buyerId, session } = requireBuyer(c);
      const b = c.req.valid('json');
      const profile = await messaging.sellerProfile(b.sellerId);
      const language = b.language ?? asMessageLanguage(session?.buyer.language);
      const v = await messaging.check({
        buyerId,
        language,
        direction: 'buyer-to-seller',
        marketplaceId: profile.marketplace.id,
        text: b.text,
      });
      return c.json({ allowed: v.allowed, violations: v.violations }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/buyer/messages',
      tags: TAGS,
      summary: 'Your conversations with sellers, newest first',
      responses: { 200: json('{ threads }'), ...errors },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      return c.json({ threads: await messaging.listBuyerThreads(buyerId) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/buyer/messages/{threadId}',
      tags: TAGS,
      summary: 'One conversation (marks it read)',
      request: { params: ThreadParams },
      responses: { 200: json('BuyerThreadView'), ...errors },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      return c.json(await messaging.getBuyerThread(buyerId, c.req.valid('param').threadId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/buyer/messages/{threadId}/replies',
      tags: TAGS,
      summary: 'Reply in a conversation (plain text; MSG-2/11)',
      request: { params: ThreadParams, ...jsonBody(ReplyBody) },
      responses: { 201: json('{ message }'), ...errors },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      const threadId = c.req.valid('param').threadId;
      const summary = await messaging.getBuyerThread(buyerId, threadId);
      const res = await messaging.postMessage({
        from: 'buyer',
        channel: 'web',
        sellerId: summary.seller.id,
        buyerId,
        threadId,
        kind: 'reply',
        text: c.req.valid('json').text,
        author: buyerId,
      });
      // The buyer's view of what was stored (masked contact details, no forwarding state).
      return c.json({ message: buyerView(res.message) }, 201);
    },
  );

  return r;
}

/** What the buyer sees of a message just stored: no forwarding state, no policy details. */
function buyerView(m: MessageView): BuyerMessageView {
  return {
    id: m.id,
    direction: m.direction,
    kind: m.kind,
    subject: m.subject,
    body: m.body,
    createdAt: m.createdAt,
    attachments: m.attachments,
    redacted: m.violations.length > 0,
  };
}
