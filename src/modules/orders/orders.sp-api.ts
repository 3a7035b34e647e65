// SP-API Orders v0 (reference/sp-api.md §2): same paths, parameter names, envelopes and status
// codes as Amazon's, so existing clients work unchanged.
import type { Context, MiddlewareHandler } from 'hono';
import { invalid } from '../../platform/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { encodeNextToken, parseGetOrdersQuery } from './get-orders-query.ts';
import type { OrdersService } from './orders.service.ts';
import { toV0Address, toV0BuyerInfo, toV0Order, toV0OrderItem } from './sp-api-order.ts';

export type SpApiDeps = {
  /** x-amz-access-token authentication. */
  auth: MiddlewareHandler;
  /** Usage plan of one operation (rate limit and x-amzn-RateLimit-Limit). */
  plan: (operation: string) => MiddlewareHandler;
  /** The seller the caller acts for. */
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  sellerId: (c: Context<any, any, any>) => string;
};

const ErrorList = z
  .object({
    errors: z.array(z.object({ code: z.string(), message: z.string(), details: z.string().optional() })),
  })
  .openapi('SpApiErrorList');
const errorResponses = Object.fromEntries(
  [400, 403, 404, 429, 500, 503].map((s) => [
    s,
    { content: { 'application/json': { schema: ErrorList } }, description: 'Error' },
  ]),
);
const OrderIdParam = z.object({
  orderId: z.string().min(1).max(64).openapi({ example: '503-1234567-1234567' }),
});
const anyPayload = (d: string) => ({
  content: { 'application/json': { schema: z.object({ payload: z.any() }) } },
  description: d,
});

const GetOrdersQuery = z.object(
  Object.fromEntries(
    [
      'MarketplaceIds',
      'CreatedAfter',
      'CreatedBefore',
      'LastUpdatedAfter',
      'LastUpdatedBefore',
      'OrderStatuses',
      'FulfillmentChannels',
      'PaymentMethods',
      'BuyerEmail',
      'SellerOrderId',
      'MaxResultsPerPage',
      'EasyShipShipmentStatuses',
      'ElectronicInvoiceStatuses',
      'NextToken',
      'AmazonOrderIds',
      'ActualFulfillmentSupplySourceId',
      'IsISPU',
      'StoreChainStoreId',
    ].map((k) => [k, z.string().optional()]),
  ),
);

const ConfirmShipmentBody = z
  .object({
    marketplaceId: z.string().min(1),
    codCollectionMethod: z.enum(['DirectPayment']).optional(),
    packageDetail: z
      .object({
        packageReferenceId: z
          .string()
          .regex(/^[1-9]\d{0,9}$/, 'packageReferenceId must be a positive numeric string'),
        carrierCode: z.string().min(1).max(64),
        carrierName: z.string().max(64).optional(),
        shippingMethod: z.string().max(64).optional(),
        trackingNumber: z.string().min(1).max(64),
        shipDate: z.string().datetime({ offset: true, message: 'shipDate must be an ISO 8601 date-time' }),
        shipFromSupplySourceId: z.string().optional(),
        orderItems: z
          .array(
            z.object({
              orderItemId: z.string().min(1),
              quantity: z.number().int(),
              transparencyCodes: z.array(z.string()).optional(),
            }),
          )
          .min(1),
      })
      .refine((p) => p.carrierCode !== 'Other' || !!p.carrierName, {
        message: 'carrierName is required when carrierCode is Other',
        path: ['carrierName'],
      }),
  })
  .openapi('ConfirmShipmentRequest');

export function createOrdersSpApiRoutes(
  orders: OrdersService,
  marketplaces: MarketplacesService,
  clock: Clock,
  sp: SpApiDeps,
) {
  const r = createRouter();
  r.use('/orders/v0/*', sp.auth);
  const salesChannelOf = async (id: string) =>
    (await marketplaces.findMarketplace(id))?.salesChannel ?? 'Mercato';

  r.openapi(
    createRoute({
      method: 'get',
      path: '/orders/v0/orders',
      operationId: 'getOrders',
      tags: ['SP-API: Orders v0'],
      summary: 'Orders created or updated in a time window (getOrders)',
      middleware: [sp.plan('getOrders')],
      request: { query: GetOrdersQuery },
      responses: { 200: anyPayload('GetOrdersResponse'), ...errorResponses },
    }),
    async (c) => {
      const sellerId = sp.sellerId(c);
      const now = clock.now();
      const parsed = parseGetOrdersQuery(c.req.valid('query') as Record<string, string | undefined>, now);
      if (!parsed.ok) throw invalid('INVALID_QUERY', parsed.message);
      const q = parsed.query;
      for (const id of q.marketplaceIds) {
        if (!(await marketplaces.findMarketplace(id)))
          throw invalid('INVALID_MARKETPLACE', `Invalid MarketplaceIds: ${id}.`);
      }
      const rows = await orders.search({ ...q, sellerId, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      const payload: Record<string, unknown> = {
        Orders: await Promise.all(
          page.map(async (o) => toV0Order(o, { salesChannel: await salesChannelOf(o.marketplaceId), now })),
        ),
      };
      if (rows.length > q.limit && last) {
        payload.NextToken = encodeNextToken(
          q.dateField,
          q.dateField === 'purchaseDate' ? last.purchaseDate : last.lastUpdateDate,
          last.id,
        );
      }
      payload[q.dateField === 'purchaseDate' ? 'CreatedBefore' : 'LastUpdatedBefore'] =
        q.before.toISOString();
      return c.json({ payload }, 200);
    },
  );

  const readRoute = (path: string, operationId: string, summary: string) =>
    createRoute({
      method: 'get',
      path,
      operationId,
      tags: ['SP-API: Orders v0'],
      summary,
      middleware: [sp.plan(operationId)],
      request: { params: OrderIdParam, query: z.object({ NextToken: z.string().optional() }) },
      responses: { 200: anyPayload(summary), ...errorResponses },
    });

  r.openapi(readRoute('/orders/v0/orders/{orderId}', 'getOrder', 'One order (getOrder)'), async (c) => {
    const order = await orders.getOrder(sp.sellerId(c), c.req.valid('param').orderId);
    return c.json(
      {
        payload: toV0Order(order, {
          salesChannel: await salesChannelOf(order.marketplaceId),
          now: clock.now(),
        }),
      },
      200,
    );
  });

  r.openapi(
    readRoute('/orders/v0/orders/{orderId}/buyerInfo', 'getOrderBuyerInfo', 'Buyer information of an order'),
    async (c) => {
      const order = await orders.getOrder(sp.sellerId(c), c.req.valid('param').orderId);
      return c.json({ payload: { AmazonOrderId: order.amazonOrderId, ...toV0BuyerInfo(order) } }, 200);
    },
  );

  r.openapi(
    readRoute('/orders/v0/orders/{orderId}/address', 'getOrderAddress', 'Shipping address of an order'),
    async (c) => {
      const order = await orders.getOrder(sp.sellerId(c), c.req.valid('param').orderId);
      const visible = ['Unshipped', 'PartiallyShipped', 'Shipped', 'InvoiceUnconfirmed'].includes(
        order.status,
      );
      return c.json(
        {
          payload: {
            AmazonOrderId: order.amazonOrderId,
            ...(visible ? { ShippingAddress: toV0Address(order, clock.now()) } : {}),
          },
        },
        200,
      );
    },
  );

  r.openapi(
    readRoute('/orders/v0/orders/{orderId}/orderItems', 'getOrderItems', 'Items of an order (getOrderItems)'),
    async (c) => {
      const sellerId = sp.sellerId(c);
      const order = await orders.getOrder(sellerId, c.req.valid('param').orderId);
      const items = await orders.repo.itemsOf(sellerId, [order.id]);
      return c.json(
        {
          payload: {
            AmazonOrderId: order.amazonOrderId,
            OrderItems: items.map((i) => toV0OrderItem(i, order.currency)),
          },
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/orders/v0/orders/{orderId}/shipmentConfirmation',
      operationId: 'confirmShipment',
      tags: ['SP-API: Orders v0'],
      summary: 'Confirm the shipment of order items (confirmShipment)',
      middleware: [sp.plan('confirmShipment')],
      request: {
        params: OrderIdParam,
        body: { content: { 'application/json': { schema: ConfirmShipmentBody } }, required: true },
      },
      responses: { 204: { description: 'Shipment confirmed' }, ...errorResponses },
    }),
    async (c) => {
      const sellerId = sp.sellerId(c);
      const { orderId } = c.req.valid('param');
      const body = c.req.valid('json');
      const order = await orders.getOrder(sellerId, orderId);
      if (body.marketplaceId !== order.marketplaceId) {
        throw invalid(
          'MARKETPLACE_MISMATCH',
          `marketplaceId ${body.marketplaceId} is not the marketplace of order ${orderId}.`,
        );
      }
      const p = body.packageDetail;
      const principal = (c.get as (k: string) => { app: string })('spapi');
      await orders.confirmShipment({
        sellerId,
        amazonOrderId: orderId,
        packageReferenceId: p.packageReferenceId,
        carrierCode: p.carrierCode,
        carrierName: p.carrierName ?? null,
        shippingMethod: p.shippingMethod ?? null,
        trackingNumber: p.trackingNumber,
        shipDate: new Date(p.shipDate),
        items: p.orderItems.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
        source: 'sp-api',
        actor: { kind: 'app', id: principal.app },
      });
      return c.body(null, 204);
    },
  );

  return r;
}
