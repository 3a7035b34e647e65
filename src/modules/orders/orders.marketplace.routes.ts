// Marketplace API (API-2): what the operator's storefront drives. Authenticated with operator
// API keys by the caller of this factory.
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses } from '../../platform/http/openapi-responses.ts';
import { CompletePaymentSchema, CreateOrderSchema } from './orders.schemas.ts';
import type { OrdersService } from './orders.service.ts';

const errors = errorResponses([400, 401, 404, 409, 422]);

const CreatedOrder = z
  .object({
    amazonOrderId: z.string().openapi({ example: '503-1234567-1234567' }),
    orderId: z.string(),
    status: z.string(),
    purchaseDate: z.string(),
    latestShipDate: z.string().nullable(),
    orderTotal: z.object({ amount: z.string(), currencyCode: z.string() }),
  })
  .openapi('CreatedOrder');

export function createOrdersMarketplaceRoutes(orders: OrdersService) {
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/marketplace/v1/orders',
      tags: ['Marketplace API: orders'],
      summary: 'Place an order (storefront checkout)',
      description:
        'Creates an order for a seller. Send an `Idempotency-Key` header: a retried request with the same key creates one order and answers the same. ' +
        'Orders whose payment is not verified (or convenience-store payments not yet completed) are Pending (ORD-2).',
      request: {
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
        body: { content: { 'application/json': { schema: CreateOrderSchema } }, required: true },
      },
      responses: {
        201: { content: { 'application/json': { schema: CreatedOrder } }, description: 'Order created' },
        ...errors,
      },
    }),
    async (c) => {
      const res = await orders.createOrder(c.req.valid('json'), c.req.header('idempotency-key'));
      if (res.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(res.body, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/marketplace/v1/orders/{orderId}/payment',
      tags: ['Marketplace API: orders'],
      summary: 'Payment verified or pay-later payment completed (Pending → Unshipped)',
      request: {
        params: z.object({ orderId: z.string().min(1).max(64) }),
        body: { content: { 'application/json': { schema: CompletePaymentSchema } }, required: false },
      },
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({
                amazonOrderId: z.string(),
                status: z.string(),
                alreadyCompleted: z.boolean(),
              }),
            },
          },
          description: 'Payment recorded',
        },
        ...errors,
      },
    }),
    async (c) => {
      const body = (c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {}) as {
        completedAt?: string;
      };
      const res = await orders.completePayment(
        c.req.valid('param').orderId,
        body?.completedAt ? new Date(body.completedAt) : undefined,
      );
      return c.json(res, 200);
    },
  );

  return r;
}
