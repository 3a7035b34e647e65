// Seller web API for Manage Orders and the home page (docs/web-api.md).
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import type { AuthVariables } from '../identity/index.ts';
import { orderDetail, orderRow } from './order-view.ts';
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
) {
  const r = createRouter<Env>();

  async function detail(sellerId: string, amazonOrderId: string) {
    const o = await orders.getOrder(sellerId, amazonOrderId);
    const [items, shipments, charge, events] = await Promise.all([
      orders.repo.itemsOf(sellerId, [o.id]),
      orders.repo.shipmentsOf(sellerId, o.id),
      orders.repo.chargeOf(sellerId, o.id),
      orders.repo.eventsOf(sellerId, o.id),
    ]);
    return orderDetail(o, items, shipments, charge, events, clock.now());
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
      const items = await orders.repo.itemsOf(
        sellerId,
        rows.map((o) => o.id),
      );
      const counts = await orders.repo.countByStatus(sellerId);
      const all = Object.values(counts).reduce((a, b) => a + b, 0);
      return c.json(
        {
          orders: rows.map((o) =>
            orderRow(
              o,
              items.filter((i) => i.orderId === o.id).reduce((n, i) => n + i.quantityOrdered, 0),
            ),
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
      const alerts = [];
      if (late.unshipped > 0) {
        alerts.push({
          severity: 'warning',
          code: 'ORDERS_PAST_SHIP_BY',
          message: `${late.unshipped} order(s) are past their ship-by date. Confirm shipment to avoid cancellation.`,
          link: '/orders?status=Unshipped',
        });
      }
      if (late.partiallyShipped > 0) {
        alerts.push({
          severity: 'critical',
          code: 'SHIPMENT_IS_LATE',
          message: `Shipment is late: ${late.partiallyShipped} partially shipped order(s) are past their ship-by date.`,
          link: '/orders?status=PartiallyShipped',
        });
      }
      if ((counts.Pending ?? 0) > 0) {
        alerts.push({
          severity: 'info',
          code: 'ORDERS_PENDING_PAYMENT',
          message: `${counts.Pending} order(s) are Pending payment. Do not ship them until they become Unshipped.`,
          link: '/orders?status=Pending',
        });
      }
      return c.json(
        {
          alerts,
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
