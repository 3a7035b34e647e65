// SP-API Messaging v1 (reference/sp-api.md §4.1; model messaging.json): the message types an order
// allows now as HAL (application/hal+json), a JSON Schema per type, every send operation with
// Amazon's body and limits, and GetAttributes. Each send goes through the one write path
// (messaging.postMessage, channel sp_api), so the communication policy (MSG-6..13) applies
// exactly as on the web: a blocked message is refused with 400 InvalidInput naming each violation.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { invalid } from '../../platform/errors.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { spApiErrorBody } from '../../sp-api/errors.ts';
import { SpApiErrorList, spApiErrorResponses } from '../../sp-api/openapi.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import type { SpApiDeps } from '../orders/index.ts';
import type { MessageLanguage, MessagingAction, PostMessageInput } from './messaging.types.ts';
import { actionsDocument, schemaDocument, singleMarketplaceId } from './sp-api-hal.ts';
import { renderUploadRefusal } from './uploads.sp-api.ts';
import type { UploadsService } from './uploads.service.ts';

/** What the SP-API routes need of the messaging service (B's MessagingService has these). */
export type SpApiMessagingPort = {
  postMessage(input: PostMessageInput): Promise<unknown>;
  orderContext(
    sellerId: string,
    amazonOrderId: string,
  ): Promise<{
    id: string;
    amazonOrderId: string;
    marketplaceId: string;
    status: string;
    buyerId: string;
    buyerLanguage: MessageLanguage;
    earliestDeliveryDate: Date | null;
    latestDeliveryDate: Date | null;
    deliveredAt: Date | null;
  }>;
  messagingActions(sellerId: string, amazonOrderId: string): Promise<MessagingAction[]>;
};

export type MessagingSpApiDeps = {
  messaging: SpApiMessagingPort;
  marketplaces: MarketplacesService;
  uploads: UploadsService;
  sp: SpApiDeps;
};

const TAGS = ['SP-API: Messaging v1'];
const MAX_ATTACHMENTS = 5;

const Attachment = z
  .object({
    uploadDestinationId: z.string().min(1).max(64),
    fileName: z.string().min(1).max(255),
  })
  .openapi('MessagingAttachment');
const attachments = (min: number) => z.array(Attachment).min(min).max(MAX_ATTACHMENTS);
const text = (max: number) => z.string().min(1).max(max);
const dateTime = z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

type Op = {
  /** The action name: the last path segment and `kind` of the stored message. */
  name: string;
  operationId: string;
  summary: string;
  body: z.ZodObject;
  /** The text field's limit (2,000 / 800 / 400); absent: the operation sends attachments only. */
  maxChars?: number;
};

/** The send operations of the model (negativeFeedbackRemoval and amazonMotors were removed). */
export const MESSAGING_OPERATIONS: readonly Op[] = [
  {
    name: 'confirmCustomizationDetails',
    operationId: 'confirmCustomizationDetails',
    summary: 'Ask the buyer to confirm customization details',
    body: z.object({ text: text(800).optional(), attachments: attachments(1).optional() }),
    maxChars: 800,
  },
  {
    name: 'confirmDeliveryDetails',
    operationId: 'createConfirmDeliveryDetails',
    summary: 'Confirm delivery details with the buyer',
    body: z.object({ text: text(2000) }),
    maxChars: 2000,
  },
  {
    name: 'legalDisclosure',
    operationId: 'createLegalDisclosure',
    summary: 'Send a legal disclosure (attachments)',
    body: z.object({ attachments: attachments(1) }),
  },
  {
    name: 'confirmOrderDetails',
    operationId: 'createConfirmOrderDetails',
    summary: 'Confirm order details with the buyer',
    body: z.object({ text: text(2000) }),
    maxChars: 2000,
  },
  {
    name: 'confirmServiceDetails',
    operationId: 'createConfirmServiceDetails',
    summary: 'Confirm a home-service appointment',
    body: z.object({ text: text(2000) }),
    maxChars: 2000,
  },
  {
    name: 'warranty',
    operationId: 'CreateWarranty',
    summary: 'Send warranty information (attachments, coverage dates)',
    body: z.object({
      attachments: attachments(1),
      coverageStartDate: dateTime.optional(),
      coverageEndDate: dateTime.optional(),
    }),
  },
  {
    name: 'digitalAccessKey',
    operationId: 'createDigitalAccessKey',
    summary: 'Send a digital access key',
    body: z.object({ text: text(400).optional(), attachments: attachments(1).optional() }),
    maxChars: 400,
  },
  {
    name: 'unexpectedProblem',
    operationId: 'createUnexpectedProblem',
    summary: 'Tell the buyer about an unexpected problem with the order',
    body: z.object({ text: text(2000) }),
    maxChars: 2000,
  },
  {
    name: 'invoice',
    operationId: 'sendInvoice',
    summary: 'Send the buyer an invoice (attachments)',
    body: z.object({ attachments: attachments(1) }),
  },
];
const OPERATION_NAMES = new Set(MESSAGING_OPERATIONS.map((o) => o.name));

/** The JSON Schema (draft-04, as Amazon's) that an action's `schema` link returns. */
export const actionJsonSchema = (op: Op): Record<string, unknown> =>
  z.toJSONSchema(op.body, { target: 'draft-4', io: 'input' }) as Record<string, unknown>;

// Attachment-only messages still need words the buyer reads beside the file, with the order id
// (MSG-7). In the buyer's language.
const ATTACHED: Record<string, Record<MessageLanguage, (id: string) => string>> = {
  legalDisclosure: {
    en: (id) => `Please find attached the legal disclosure for your order ${id}.`,
    ja: (id) => `ご注文（注文番号: ${id}）に関する法定表示を添付いたします。`,
    it: (id) => `In allegato le informazioni legali relative al tuo ordine ${id}.`,
  },
  invoice: {
    en: (id) => `Please find attached the invoice for your order ${id}.`,
    ja: (id) => `ご注文（注文番号: ${id}）の請求書を添付いたします。`,
    it: (id) => `In allegato la fattura del tuo ordine ${id}.`,
  },
  warranty: {
    en: (id) => `Please find attached the warranty information for your order ${id}.`,
    ja: (id) => `ご注文（注文番号: ${id}）の保証書を添付いたします。`,
    it: (id) => `In allegato le informazioni sulla garanzia del tuo ordine ${id}.`,
  },
  other: {
    en: (id) => `Please find attached a file about your order ${id}.`,
    ja: (id) => `ご注文（注文番号: ${id}）に関するファイルを添付いたします。`,
    it: (id) => `In allegato un file relativo al tuo ordine ${id}.`,
  },
};
const COVERAGE: Record<MessageLanguage, (from: string, to: string) => string> = {
  en: (from, to) => `Warranty coverage: ${from} to ${to}.`,
  ja: (from, to) => `保証期間: ${from}〜${to}`,
  it: (from, to) => `Copertura della garanzia: dal ${from} al ${to}.`,
};

/** The words sent with an attachment-only message (and the warranty's coverage dates). */
export function attachmentText(
  action: string,
  language: MessageLanguage,
  amazonOrderId: string,
  coverage?: { from?: string; to?: string },
): string {
  const lines = [(ATTACHED[action] ?? ATTACHED.other)?.[language](amazonOrderId) ?? ''];
  if (coverage?.from || coverage?.to) {
    lines.push(COVERAGE[language](coverage.from?.slice(0, 10) ?? '…', coverage.to?.slice(0, 10) ?? '…'));
  }
  return lines.join('\n');
}

/** `ja` + JP → `ja-JP` (GetAttributes' locale: the buyer's language in the order's country). */
export const buyerLocale = (language: MessageLanguage, countryCode: string) =>
  `${language}-${countryCode.toUpperCase()}`;

// biome-ignore lint/suspicious/noExplicitAny: any route's context
type AnyContext = Context<any, any, any>;

/**
 * A refusal with Amazon's code and our sentence: the generic 403 rendering hides the message
 * ("Access to requested resource is denied.") and these callers need the reason.
 */
export const spApiRefusal = (
  c: AnyContext,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details: string,
) => c.json(spApiErrorBody(code, message, details), status);

/** HAL responses carry Amazon's media type. */
export function hal(c: AnyContext, body: unknown, status: ContentfulStatusCode = 200) {
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/hal+json' });
}

/** The order of this seller, placed in the one marketplace of `marketplaceIds` (400/404 otherwise). */
export async function orderInMarketplace(
  messaging: SpApiMessagingPort,
  marketplaces: MarketplacesService,
  sellerId: string,
  amazonOrderId: string,
  marketplaceIds: string[] | undefined,
) {
  const m = singleMarketplaceId(marketplaceIds);
  if (!m.ok) throw invalid('INVALID_MARKETPLACE', m.message);
  const marketplace = await marketplaces.findMarketplace(m.marketplaceId);
  if (!marketplace) throw invalid('INVALID_MARKETPLACE', `Invalid marketplaceIds: ${m.marketplaceId}.`);
  const order = await messaging.orderContext(sellerId, amazonOrderId);
  if (order.marketplaceId !== marketplace.id) {
    throw invalid(
      'ORDER_MARKETPLACE_MISMATCH',
      `Order ${amazonOrderId} was not placed in marketplace ${marketplace.id}.`,
    );
  }
  return { order, marketplace };
}

export const appIdOf = (c: AnyContext) => (c.get as (k: string) => { app: string })('spapi').app;

export const OrderParam = z.object({
  amazonOrderId: z.string().min(1).max(64).openapi({ example: '503-1234567-1234567' }),
});
export const MarketplaceQuery = z.object({
  marketplaceIds: z.union([z.string(), z.array(z.string())]).openapi({ example: 'A1VC38T7YXB528' }),
});
export const halResponse = (description: string) => ({
  content: { 'application/hal+json': { schema: z.record(z.string(), z.any()) } },
  description,
});
export const errors = {
  ...spApiErrorResponses,
  413: { content: { 'application/json': { schema: SpApiErrorList } }, description: 'Request too large' },
  415: { content: { 'application/json': { schema: SpApiErrorList } }, description: 'Unsupported media type' },
};

export function createMessagingSpApiRoutes(d: MessagingSpApiDeps) {
  const { messaging, marketplaces, uploads, sp } = d;
  const r = createRouter();
  r.use('/messaging/v1/*', sp.auth);

  /** The SP-API action names available now for the order (B's messagingActions, MSG-6/12/13). */
  const available = async (sellerId: string, amazonOrderId: string) =>
    (await messaging.messagingActions(sellerId, amazonOrderId)).filter((a) => OPERATION_NAMES.has(a.name));

  r.openapi(
    createRoute({
      method: 'get',
      path: '/messaging/v1/orders/{amazonOrderId}',
      operationId: 'getMessagingActionsForOrder',
      tags: TAGS,
      summary: 'The message types the order allows now, as HAL links (getMessagingActionsForOrder)',
      middleware: [sp.plan('getMessagingActionsForOrder')],
      request: { params: OrderParam, query: MarketplaceQuery },
      responses: { 200: halResponse('GetMessagingActionsForOrderResponse'), ...errors },
    }),
    async (c) => {
      const sellerId = sp.sellerId(c);
      const { amazonOrderId } = c.req.valid('param');
      const { marketplace } = await orderInMarketplace(
        messaging,
        marketplaces,
        sellerId,
        amazonOrderId,
        c.req.queries('marketplaceIds'),
      );
      const names = (await available(sellerId, amazonOrderId))
        .filter((a) => a.unavailableReason === null)
        .map((a) => a.name);
      return hal(
        c,
        actionsDocument({
          api: '/messaging/v1',
          segment: 'messages',
          amazonOrderId,
          marketplaceId: marketplace.id,
          names,
        }),
      ) as never;
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/messaging/v1/orders/{amazonOrderId}/attributes',
      operationId: 'GetAttributes',
      tags: TAGS,
      summary: "The buyer's language of preference for the order (GetAttributes)",
      middleware: [sp.plan('GetAttributes')],
      request: { params: OrderParam, query: MarketplaceQuery },
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({ buyer: z.object({ locale: z.string() }) }).openapi('GetAttributesResponse'),
            },
          },
          description: 'GetAttributesResponse',
        },
        ...errors,
      },
    }),
    async (c) => {
      const sellerId = sp.sellerId(c);
      const { amazonOrderId } = c.req.valid('param');
      const { order, marketplace } = await orderInMarketplace(
        messaging,
        marketplaces,
        sellerId,
        amazonOrderId,
        c.req.queries('marketplaceIds'),
      );
      return c.json({ buyer: { locale: buyerLocale(order.buyerLanguage, marketplace.countryCode) } }, 200);
    },
  );

  for (const op of MESSAGING_OPERATIONS) {
    r.openapi(
      createRoute({
        method: 'get',
        path: `/messaging/v1/orders/{amazonOrderId}/messages/${op.name}/schema`,
        operationId: `get${op.name[0]?.toUpperCase()}${op.name.slice(1)}Schema`,
        tags: TAGS,
        summary: `The JSON Schema of the ${op.name} request body (the action's schema link)`,
        middleware: [sp.plan('getMessagingActionSchema')],
        request: { params: OrderParam },
        responses: { 200: halResponse('GetSchemaResponse'), ...errors },
      }),
      async (c) => {
        const sellerId = sp.sellerId(c);
        const { amazonOrderId } = c.req.valid('param');
        await messaging.orderContext(sellerId, amazonOrderId); // 404 for an order not of this seller
        return hal(c, schemaDocument(c.req.path, actionJsonSchema(op))) as never;
      },
    );

    r.openapi(
      createRoute({
        method: 'post',
        path: `/messaging/v1/orders/{amazonOrderId}/messages/${op.name}`,
        operationId: op.operationId,
        tags: TAGS,
        summary: `${op.summary} (${op.operationId})`,
        description:
          'The message passes the communication policy (MSG-6..13) or is refused with 400 InvalidInput naming each violation. Text must contain the order id (MSG-7). Attachments reference uploads of this seller (Uploads 2020-11-01).',
        middleware: [sp.plan(op.operationId)],
        request: {
          params: OrderParam,
          query: MarketplaceQuery,
          body: { content: { 'application/json': { schema: op.body } }, required: true },
        },
        responses: {
          201: {
            content: { 'application/hal+json': { schema: z.object({}) } },
            description: 'The message was sent to the buyer.',
          },
          ...errors,
        },
      }),
      async (c) => {
        const sellerId = sp.sellerId(c);
        const { amazonOrderId } = c.req.valid('param');
        const body = c.req.valid('json') as {
          text?: string;
          attachments?: { uploadDestinationId: string; fileName: string }[];
          coverageStartDate?: string;
          coverageEndDate?: string;
        };
        const { order, marketplace } = await orderInMarketplace(
          messaging,
          marketplaces,
          sellerId,
          amazonOrderId,
          c.req.queries('marketplaceIds'),
        );
        const action = (await available(sellerId, amazonOrderId)).find((a) => a.name === op.name);
        if (!action || action.unavailableReason !== null) {
          // Amazon refuses a type the order does not offer with 403 Unauthorized; ours says why.
          return spApiRefusal(
            c,
            403,
            'Unauthorized',
            `${op.name} is not available for order ${amazonOrderId}: ${action?.unavailableReason ?? 'not offered for this order.'}`,
            'MESSAGING_ACTION_NOT_AVAILABLE',
          ) as never;
        }
        if (!body.text && !body.attachments?.length) {
          throw invalid('MESSAGE_EMPTY', 'Send text or at least one attachment.');
        }
        if (body.coverageStartDate && body.coverageEndDate && body.coverageEndDate < body.coverageStartDate) {
          throw invalid('WARRANTY_COVERAGE_DATES', 'coverageEndDate must not be before coverageStartDate.');
        }
        let stored: Awaited<ReturnType<UploadsService['resolveAttachments']>>;
        try {
          stored = await uploads.resolveAttachments(sellerId, marketplace.id, body.attachments ?? []);
        } catch (err) {
          return renderUploadRefusal(c, err) as never;
        }
        const text =
          body.text ??
          attachmentText(op.name, order.buyerLanguage, amazonOrderId, {
            from: body.coverageStartDate,
            to: body.coverageEndDate,
          });
        await messaging.postMessage({
          from: 'seller',
          channel: 'sp_api',
          sellerId,
          buyerId: order.buyerId,
          amazonOrderId,
          kind: op.name,
          text,
          attachments: stored,
          author: `app:${appIdOf(c)}`,
          // The SP-API field's own limit applies to the seller's text (our words are short).
          ...(body.text && op.maxChars ? { maxChars: op.maxChars } : {}),
        });
        return hal(c, {}, 201) as never;
      },
    );
  }

  return r;
}
