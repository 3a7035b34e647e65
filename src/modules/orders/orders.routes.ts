// Seller web API for Manage Orders and the home page (docs/web-api.md).
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import type { AuthVariables } from '../identity/index.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { homeAlerts, orderDetail, orderRow, type RowContext, type ShipByRules } from './order-view.ts';
import { WebConfirmShipmentSchema } from './orders.schemas.ts';
import type { OrdersService } from './orders.service.ts';
import { ORDER_STATUSES } from './orders.types.ts';

type Env = { Variables: AuthVariables };
const json = (d: string) => ({
  content: { 'application/json': { schema: z.record(z.string(), z.any()) } },
  description: d,
});
const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.any().optional() }),
});
const errors = Object.fromEntries(
  [400, 401, 403, 404, 409, 422].map((s) => [
    s,
    { content: { 'application/json': { schema: ErrorBody } }, description: 'Error' },
  ]),
);

export function createOrdersWebRoutes(
  orders: OrdersService,
  clock: Clock,
  requireSeller: (c: Context<Env>) => { sellerId: string; userId: string },
  marketplaces: Pick<MarketplacesService, 'getMarketplace'>,
) {
  const r = createRouter<Env>();

  /** The ship-by verdict context of each marketplace among `marketplaceIds` (ORD-7, ORD-8). */
  async function contexts(marketplaceIds: string[]): Promise<Map<string, RowContext>> {
    const now = clock.now();
    const unique = [...new Set(marketplaceIds)];
    const rules = await Promise.all(unique.map((id) => shipByRules(id)));
    return new Map(unique.map((id, i) => [id, { now, rules: rules[i] as ShipByRules }]));
  }

  async function shipByRules(marketplaceId: string): Promise<ShipByRules> {
    const m = await marketplaces.getMarketplace(marketplaceId);
    return { timeZone: m.timeZone, autoCancelDaysAfterShipBy: m.policy.orders.autoCancelDaysAfterShipBy };
  }

  async function detail(sellerId: string, amazonOrderId: string) {
    const order = await orders.getOrder(sellerId, amazonOrderId);
    const [items, shipments, charge, events, ctx] = await Promise.all([
      orders.repo.itemsOf(sellerId, [order.id]),
      orders.repo.shipmentsOf(sellerId, order.id),
      orders.repo.chargeOf(sellerId, order.id),
      orders.repo.eventsOf(sellerId, order.id),
      contexts([order.marketplaceId]),
    ]);
    return orderDetail(
      { order, items, shipments, charge, events },
      ctx.get(order.marketplaceId) as RowContext,
    );
  }

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/orders',
      tags: ['Web: orders'],
      summary: 'Manage Orders: a page of orders with status counts',
      request: {
        query: z.object({
          status: z.enum([...ORDER_STATUSES, 'All']).default('All'),
          q: z.string().max(320).optional(),
          page: z.coerce.number().int().min(1).max(100000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(25),
        }),
      },
      responses: { 200: json('Orders'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const q = c.req.valid('query');
      const { rows, total } = await orders.repo.listForSeller({
        sellerId,
        status: q.status === 'All' ? undefined : q.status,
        q: q.q,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const [items, counts, ctx] = await Promise.all([
        orders.repo.itemsOf(
          sellerId,
          rows.map((o) => o.id),
        ),
        orders.repo.countByStatus(sellerId),
        contexts(rows.map((o) => o.marketplaceId)),
      ]);
      const quantity = new Map<string, number>();
      for (const i of items) quantity.set(i.orderId, (quantity.get(i.orderId) ?? 0) + i.quantityOrdered);
      const all = Object.values(counts).reduce((a, b) => a + b, 0);
      return c.json(
        {
          orders: rows.map((o) =>
            orderRow(o, quantity.get(o.id) ?? 0, ctx.get(o.marketplaceId) as RowContext),
          ),
          total,
          page: q.page,
          pageSize: q.pageSize,
          counts: { ...Object.fromEntries(ORDER_STATUSES.map((s) => [s, counts[s] ?? 0])), All: all },
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/orders/{amazonOrderId}',
      tags: ['Web: orders'],
      summary: 'Order detail with items, shipments, charge and timeline',
      request: { params: z.object({ amazonOrderId: z.string().min(1).max(64) }) },
      responses: { 200: json('Order'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json({ order: await detail(sellerId, c.req.valid('param').amazonOrderId) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/orders/{amazonOrderId}/shipments',
      tags: ['Web: orders'],
      summary: 'Confirm shipment (ORD-7)',
      request: {
        params: z.object({ amazonOrderId: z.string().min(1).max(64) }),
        body: { content: { 'application/json': { schema: WebConfirmShipmentSchema } }, required: true },
      },
      responses: { 201: json('Shipment confirmed'), ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      const { amazonOrderId } = c.req.valid('param');
      const b = c.req.valid('json');
      await orders.confirmShipment({
        sellerId,
        amazonOrderId,
        carrierCode: b.carrierCode,
        carrierName: b.carrierName ?? null,
        shippingMethod: b.shippingMethod ?? null,
        trackingNumber: b.trackingNumber,
        shipDate: new Date(b.shipDate),
        items: b.items,
        source: 'web',
        actor: { kind: 'seller', id: userId },
      });
      return c.json({ order: await detail(sellerId, amazonOrderId) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/home',
      tags: ['Web: home'],
      summary: 'Home page alerts and order counts',
      responses: { 200: json('Home'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const counts = await orders.repo.countByStatus(sellerId);
      const now = clock.now();
      const late = await orders.repo.lateShipments(sellerId, now);
      return c.json(
        {
          alerts: homeAlerts({ ...late, pending: counts.Pending ?? 0 }),
          counts: Object.fromEntries(
            ['Pending', 'Unshipped', 'PartiallyShipped', 'Shipped', 'Canceled'].map((s) => [
              s,
              counts[s] ?? 0,
            ]),
          ),
        },
        200,
      );
    },
  );

  return r;
}
