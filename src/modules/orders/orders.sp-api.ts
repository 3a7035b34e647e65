// SP-API Orders v0 (reference/sp-api.md §2.1–2.6; model ordersV0.json): same paths, parameter
// names, envelopes and status codes as Amazon's, so existing clients work unchanged. The Orders
// 2026-01-01 routes live in orders-2026.sp-api.ts and are mounted here. In sandbox mode Amazon's
// static-sandbox examples answer first (sp-api-sandbox.ts).
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../../platform/clock.ts';
import { invalid } from '../../platform/errors.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { spApiErrorResponses as errorResponses } from '../../sp-api/openapi.ts';
import { joinedQuery } from '../../sp-api/query.ts';
import { staticSandbox } from '../../sp-api/static-sandbox.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { encodeNextToken, parseGetOrdersQuery } from './get-orders-query.ts';
import { createOrders2026SpApiRoutes } from './orders-2026.sp-api.ts';
import type { OrdersService } from './orders.service.ts';
import { SHIPMENT_STATUSES } from './shipment-status.service.ts';
import { sandboxAnswer } from './sp-api-sandbox.ts';
import {
  showsAddress,
  toV0Address,
  toV0BuyerInfo,
  toV0Order,
  toV0OrderItem,
  toV0OrderItemBuyerInfo,
} from './sp-api-order.ts';

export type SpApiDeps = {
  /** x-amz-access-token authentication. */
  auth: MiddlewareHandler;
  /** Usage plan of one operation (rate limit and x-amzn-RateLimit-Limit). */
  plan: (operation: string) => MiddlewareHandler;
  /** The seller the caller acts for. */
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  sellerId: (c: Context<any, any, any>) => string;
  /** Sandbox mode: Amazon's static-sandbox examples (TEST_CASE_200, ...) answer as Amazon's do. */
  staticSandbox?: boolean;
};

/** The application acting (for the order timeline). */
// biome-ignore lint/suspicious/noExplicitAny: any route's context
export const appActor = (c: Context<any, any, any>) => ({
  kind: 'app' as const,
  id: (c.get as (k: string) => { app: string })('spapi').app,
});

const OrderIdParam = z.object({
  orderId: z.string().min(1).max(64).openapi({ example: '503-1234567-1234567' }),
});
const anyPayload = (d: string) => ({
  content: { 'application/json': { schema: z.object({ payload: z.any() }) } },
  description: d,
});

/** A list parameter: one comma-joined value, or the key repeated (reference/sp-api.md §1.4). */
const listParam = z.union([z.string(), z.array(z.string())]).optional();

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
      'EarliestDeliveryDateBefore',
      'EarliestDeliveryDateAfter',
      'LatestDeliveryDateBefore',
      'LatestDeliveryDateAfter',
    ].map((k) => [k, listParam]),
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

const UpdateShipmentStatusBody = z
  .object({
    marketplaceId: z.string().min(1),
    shipmentStatus: z.enum(SHIPMENT_STATUSES),
    orderItems: z
      .array(z.object({ orderItemId: z.string().min(1), quantity: z.number().int().optional() }))
      .optional(),
  })
  .openapi('UpdateShipmentStatusRequest');

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
  /** Usage plan, then (sandbox mode) Amazon's static examples, then the real operation. */
  const ops = (operation: string) => [
    sp.plan(operation),
    staticSandbox(!!sp.staticSandbox, sandboxAnswer, operation),
  ];

  r.openapi(
    createRoute({
      method: 'get',
      path: '/orders/v0/orders',
      operationId: 'getOrders',
      tags: ['SP-API: Orders v0'],
      summary: 'Orders created or updated in a time window (getOrders)',
      middleware: ops('getOrders'),
      request: { query: GetOrdersQuery },
      responses: { 200: anyPayload('GetOrdersResponse'), ...errorResponses },
    }),
    async (c) => {
      const sellerId = sp.sellerId(c);
      const now = clock.now();
      const parsed = parseGetOrdersQuery(joinedQuery(c), now);
      if (!parsed.ok) throw invalid('INVALID_QUERY', parsed.message);
      const q = parsed.query;
      for (const id of q.marketplaceIds) {
        if (!(await marketplaces.findMarketplace(id)))
          throw invalid('INVALID_MARKETPLACE', `Invalid MarketplaceIds: ${id}.`);
      }
      const rows = q.matchesNothing ? [] : await orders.search({ ...q, sellerId, limit: q.limit + 1 });
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
          q.beforeDefaulted ? q.before : undefined,
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
      middleware: ops(operationId),
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
      return c.json(
        {
          payload: {
            AmazonOrderId: order.amazonOrderId,
            ...(showsAddress(order) ? { ShippingAddress: toV0Address(order, clock.now()) } : {}),
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
            OrderItems: items.map((i) => toV0OrderItem(i, order)),
          },
        },
        200,
      );
    },
  );

  r.openapi(
    readRoute(
      '/orders/v0/orders/{orderId}/orderItems/buyerInfo',
      'getOrderItemsBuyerInfo',
      'Gift options of the items of an order (getOrderItemsBuyerInfo)',
    ),
    async (c) => {
      const sellerId = sp.sellerId(c);
      const order = await orders.getOrder(sellerId, c.req.valid('param').orderId);
      const items = await orders.repo.itemsOf(sellerId, [order.id]);
      return c.json(
        {
          payload: {
            AmazonOrderId: order.amazonOrderId,
            OrderItems: items.map((i) => toV0OrderItemBuyerInfo(i, order.currency)),
          },
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/orders/v0/orders/{orderId}/shipment',
      operationId: 'updateShipmentStatus',
      tags: ['SP-API: Orders v0'],
      summary: 'Store-pickup status of shipped items (updateShipmentStatus)',
      middleware: ops('updateShipmentStatus'),
      request: {
        params: OrderIdParam,
        body: { content: { 'application/json': { schema: UpdateShipmentStatusBody } }, required: true },
      },
      responses: { 204: { description: 'Status updated' }, ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await orders.updateShipmentStatus({
        sellerId: sp.sellerId(c),
        amazonOrderId: c.req.valid('param').orderId,
        marketplaceId: body.marketplaceId,
        shipmentStatus: body.shipmentStatus,
        orderItems: body.orderItems,
        actor: appActor(c),
      });
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/orders/v0/orders/{orderId}/shipmentConfirmation',
      operationId: 'confirmShipment',
      tags: ['SP-API: Orders v0'],
      summary: 'Confirm the shipment of order items (confirmShipment)',
      middleware: ops('confirmShipment'),
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
        actor: appActor(c),
      });
      return c.body(null, 204);
    },
  );

  r.route('/', createOrders2026SpApiRoutes(orders, marketplaces, clock, { ...sp, ops }));
  return r;
}
