// SP-API Solicitations v1 (reference/sp-api.md §4.3; model solicitations.json): the HAL list of
// solicitation actions for an order and createProductReviewAndSellerFeedbackSolicitation (201,
// no request body). Out of the window, or a second time, Amazon answers 403 Unauthorized.
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import type { SpApiDeps } from '../orders/index.ts';
// The path/query schemas, HAL response and error table are Messaging v1's (same wire conventions).
import {
  appIdOf,
  errors,
  hal,
  halResponse,
  MarketplaceQuery,
  OrderParam,
  spApiRefusal,
} from './messaging.sp-api.ts';
import { SOLICITATION_KIND, type SolicitationsService } from './solicitations.service.ts';
import { actionsDocument, schemaDocument } from './sp-api-hal.ts';

const TAGS = ['SP-API: Solicitations v1'];

export function createSolicitationsSpApiRoutes(solicitations: SolicitationsService, sp: SpApiDeps) {
  const r = createRouter();
  r.use('/solicitations/v1/*', sp.auth);

  r.openapi(
    createRoute({
      method: 'get',
      path: '/solicitations/v1/orders/{amazonOrderId}',
      operationId: 'getSolicitationActionsForOrder',
      tags: TAGS,
      summary: 'The solicitation types the order allows now, as HAL links (getSolicitationActionsForOrder)',
      middleware: [sp.plan('getSolicitationActionsForOrder')],
      request: { params: OrderParam, query: MarketplaceQuery },
      responses: { 200: halResponse('GetSolicitationActionsForOrderResponse'), ...errors },
    }),
    async (c) => {
      const { amazonOrderId } = c.req.valid('param');
      const { marketplaceId, names } = await solicitations.actions(
        sp.sellerId(c),
        amazonOrderId,
        c.req.queries('marketplaceIds'),
      );
      return hal(
        c,
        actionsDocument({
          api: '/solicitations/v1',
          segment: 'solicitations',
          amazonOrderId,
          marketplaceId,
          names,
        }),
      ) as never;
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `/solicitations/v1/orders/{amazonOrderId}/solicitations/${SOLICITATION_KIND}/schema`,
      operationId: 'getProductReviewAndSellerFeedbackSolicitationSchema',
      tags: TAGS,
      summary: 'The JSON Schema of the productReviewAndSellerFeedback request (no body)',
      middleware: [sp.plan('getSolicitationActionsForOrder')],
      request: { params: OrderParam },
      responses: { 200: halResponse('GetSchemaResponse'), ...errors },
    }),
    async (c) =>
      hal(
        c,
        schemaDocument(c.req.path, {
          $schema: 'http://json-schema.org/draft-04/schema#',
          type: 'object',
          properties: {},
          description: 'No request body: Amazon sends its own localized review request.',
        }),
      ) as never,
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: `/solicitations/v1/orders/{amazonOrderId}/solicitations/${SOLICITATION_KIND}`,
      operationId: 'createProductReviewAndSellerFeedbackSolicitation',
      tags: TAGS,
      summary:
        'Ask the buyer for a product review and seller feedback: once per order, 5 to 30 days after delivery (createProductReviewAndSellerFeedbackSolicitation)',
      middleware: [sp.plan('createProductReviewAndSellerFeedbackSolicitation')],
      request: { params: OrderParam, query: MarketplaceQuery },
      responses: {
        201: {
          content: { 'application/hal+json': { schema: z.object({}) } },
          description: 'The solicitation was sent.',
        },
        ...errors,
      },
    }),
    async (c) => {
      const { amazonOrderId } = c.req.valid('param');
      const r2 = await solicitations.send(
        sp.sellerId(c),
        amazonOrderId,
        c.req.queries('marketplaceIds'),
        `app:${appIdOf(c)}`,
      );
      if (!r2.ok) {
        return spApiRefusal(
          c,
          403,
          'Unauthorized',
          r2.message,
          `SOLICITATION_${r2.reason.toUpperCase()}`,
        ) as never;
      }
      return hal(c, {}, 201) as never;
    },
  );

  return r;
}
