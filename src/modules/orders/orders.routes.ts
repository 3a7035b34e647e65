// Seller web API for Manage Orders and the home page (docs/web-api.md).
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.ts';
import { invalid } from '../../platform/errors.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses, jsonResponse } from '../../platform/http/openapi-responses.ts';
import type { AuthVariables } from '../identity/index.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import {
  cursorOf,
  type ManageOrdersCursor,
  type ManageOrdersFilter,
  type ManageOrdersView,
} from './manage-orders.repository.ts';
import {
  classifySearch,
  decodeCursor,
  encodeCursor,
  purchaseWindow,
  warningPeriodShipByBefore,
} from './manage-orders-query.ts';
import {
  type HomeAlert,
  homeAlerts,
  orderDetail,
  orderRow,
  type RowContext,
  type ShipByRules,
} from './order-view.ts';
import { createOrdersCsvRoutes } from './orders-csv.routes.ts';
import { WebConfirmShipmentSchema } from './orders.schemas.ts';
import type { OrdersService } from './orders.service.ts';
import { createPackingSlipRoutes } from './packing-slip.routes.ts';

/** Manage Orders tabs (ORD-1 statuses a seller works with, then All). */
const STATUS_TABS = ['Pending', 'Unshipped', 'PartiallyShipped', 'Shipped', 'Canceled', 'All'] as const;
/** Tab counts stop here ("10,000+"): exact counts would read every row of a large account. */
export const COUNT_CAP = 10_000;
/**
 * With a SKU or channel filter a count cannot walk one index range: it probes each order of the
 * tab, so it stops sooner (measured on 1M orders with a SKU in 19% of them: 2.1 s at 10,000,
 * about ten times less at 1,000).
 */
export const FILTERED_COUNT_CAP = 1_000;
const capOf = (f: ManageOrdersFilter) =>
  f.term?.kind === 'sku' || f.channel !== undefined ? FILTERED_COUNT_CAP : COUNT_CAP;

const ListQuery = z.object({
  status: z.enum(STATUS_TABS).default('All'),
  q: z.string().max(320).optional().openapi({ description: 'Order id, buyer email (real or relay) or SKU.' }),
  from: z
    .string()
    .max(10)
    .optional()
    .openapi({ description: 'First purchase day (YYYY-MM-DD, marketplace time).' }),
  to: z.string().max(10).optional().openapi({ description: 'Last purchase day, included (YYYY-MM-DD).' }),
  channel: z.enum(['MFN', 'AFN']).optional(),
  view: z.enum(['late', 'shipByWarning', 'cancelRequested']).optional().openapi({
    description: 'Home alert filters: late shipments (ORD-7), ORD-8 warning period, buyer cancel requests.',
  }),
  sort: z.enum(['purchaseDate', 'shipBy']).default('purchaseDate'),
  cursor: z.string().max(200).optional(),
  dir: z.enum(['next', 'prev']).default('next'),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

type Env = { Variables: AuthVariables };
const json = jsonResponse;
const errors = errorResponses([400, 401, 403, 404, 409, 422]);

export function createOrdersWebRoutes(
  orders: OrdersService,
  clock: Clock,
  requireSeller: (c: Context<Env>) => { sellerId: string; userId: string },
  marketplaces: Pick<MarketplacesService, 'getMarketplace' | 'getSeller'>,
  /** Alerts other modules add to the home page (NTF-7 failed addresses: EMAIL_DELIVERY_FAILED). */
  extraAlerts?: (sellerId: string) => Promise<HomeAlert[]>,
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
    const [items, shipments, charge, events, ctx, refunds] = await Promise.all([
      orders.repo.itemsOf(sellerId, [order.id]),
      orders.repo.shipmentsOf(sellerId, order.id),
      orders.repo.chargeOf(sellerId, order.id),
      orders.repo.eventsOf(sellerId, order.id),
      contexts([order.marketplaceId]),
      orders.refundsOf(sellerId, order.id),
    ]);
    return orderDetail(
      { order, items, shipments, charge, events, refunds },
      ctx.get(order.marketplaceId) as RowContext,
    );
  }

  // Bulk actions first: their fixed paths must win over `/api/orders/{amazonOrderId}`.
  r.route('/', createPackingSlipRoutes(orders, clock, requireSeller, marketplaces));
  r.route('/', createOrdersCsvRoutes(orders, clock, requireSeller, marketplaces));

  /** The seller's marketplace rules: its zone (date filters, ORD-8 warning day) and settings. */
  async function sellerRules(sellerId: string): Promise<ShipByRules> {
    const seller = await marketplaces.getSeller(sellerId);
    return shipByRules(seller.marketplaceId);
  }

  /** The filter of the list and of its tab counts, from the query (ORD-3). */
  function listFilter(
    sellerId: string,
    q: z.infer<typeof ListQuery>,
    rules: ShipByRules,
    now: Date,
  ): ManageOrdersFilter {
    const window = purchaseWindow(q.from, q.to, rules.timeZone);
    if (!window.ok) throw invalid('INVALID_DATE_RANGE', window.message, { fields: ['from', 'to'] });
    const term = classifySearch(q.q);
    const view: ManageOrdersView | undefined =
      q.view === 'late'
        ? { kind: 'late', now }
        : q.view === 'shipByWarning'
          ? { kind: 'shipByWarning', shipByBefore: warningPeriodShipByBefore(now, rules.timeZone) }
          : q.view === 'cancelRequested'
            ? { kind: 'cancelRequested' }
            : undefined;
    return {
      sellerId,
      ...(term ? { term } : {}),
      ...(window.window.from ? { purchasedFrom: window.window.from } : {}),
      ...(window.window.to ? { purchasedTo: window.window.to } : {}),
      ...(q.channel ? { channel: q.channel } : {}),
      ...(view ? { view } : {}),
    };
  }

  /** Bounded count per tab (ORD-3): each stops at COUNT_CAP + 1 rows, so no tab scans the account. */
  async function tabCounts(filter: ManageOrdersFilter) {
    const cap = capOf(filter);
    const counts = await Promise.all(
      STATUS_TABS.map((tab) =>
        orders.repo.countManageOrders(tab === 'All' ? filter : { ...filter, statuses: [tab] }, cap),
      ),
    );
    return Object.fromEntries(STATUS_TABS.map((tab, i) => [tab, counts[i] ?? 0])) as Record<
      (typeof STATUS_TABS)[number],
      number
    >;
  }

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/orders',
      tags: ['Web: orders'],
      summary: 'Manage Orders: a keyset page of orders with bounded counts per status tab (ORD-3)',
      description:
        `Counts stop at ${COUNT_CAP} (${FILTERED_COUNT_CAP} with a SKU or channel filter): a count above \`countCap\` means "more than countCap". ` +
        'Pages follow `nextCursor` / `prevCursor` (dir=prev) with the same filters.',
      request: { query: ListQuery },
      responses: { 200: json('Orders'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const q = c.req.valid('query');
      const now = clock.now();
      const rules = await sellerRules(sellerId);
      const filter = listFilter(sellerId, q, rules, now);
      let cursor: ManageOrdersCursor | undefined;
      if (q.cursor) {
        const decoded = decodeCursor(q.cursor);
        if (!decoded)
          throw invalid('INVALID_CURSOR', 'This page link is no longer valid. Start from the first page.');
        cursor = decoded;
      }
      const backwards = q.dir === 'prev';
      const page = await orders.repo.manageOrdersPage(
        q.status === 'All' ? filter : { ...filter, statuses: [q.status] },
        { sort: q.sort, limit: q.pageSize, ...(cursor ? { cursor } : {}), backwards },
      );
      const rows = page.rows;
      const [items, counts, ctx] = await Promise.all([
        orders.repo.itemsOf(
          sellerId,
          rows.map((o) => o.id),
        ),
        tabCounts(filter),
        contexts(rows.map((o) => o.marketplaceId)),
      ]);
      const quantity = new Map<string, number>();
      for (const i of items) quantity.set(i.orderId, (quantity.get(i.orderId) ?? 0) + i.quantityOrdered);
      const first = rows[0];
      const last = rows[rows.length - 1];
      // Reading forwards, a previous page exists when we came from a cursor; backwards, a next one.
      const hasNext = backwards ? cursor !== undefined : page.more;
      const hasPrev = backwards ? page.more : cursor !== undefined;
      const statusCount = counts[q.status];
      const cap = capOf(filter);
      return c.json(
        {
          orders: rows.map((o) =>
            orderRow(o, quantity.get(o.id) ?? 0, ctx.get(o.marketplaceId) as RowContext),
          ),
          total: Math.min(statusCount, cap),
          totalCapped: statusCount > cap,
          pageSize: q.pageSize,
          nextCursor: hasNext && last ? encodeCursor(cursorOf(last, q.sort)) : null,
          prevCursor: hasPrev && first ? encodeCursor(cursorOf(first, q.sort)) : null,
          counts: Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, Math.min(n, cap)])),
          cappedCounts: Object.entries(counts)
            .filter(([, n]) => n > cap)
            .map(([k]) => k),
          countCap: cap,
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
      const now = clock.now();
      const rules = await sellerRules(sellerId);
      const count = (f: Omit<ManageOrdersFilter, 'sellerId'>) =>
        orders.repo.countManageOrders({ sellerId, ...f }, COUNT_CAP);
      const [late, shipByWarning, cancelRequests, statusCounts, more] = await Promise.all([
        count({ view: { kind: 'late', now } }),
        count({
          view: { kind: 'shipByWarning', shipByBefore: warningPeriodShipByBefore(now, rules.timeZone) },
        }),
        count({ view: { kind: 'cancelRequested' } }),
        tabCounts({ sellerId }),
        extraAlerts ? extraAlerts(sellerId) : Promise.resolve([]),
      ]);
      return c.json(
        {
          alerts: [
            ...more,
            ...homeAlerts({ late, shipByWarning, cancelRequests, pending: statusCounts.Pending }),
          ],
          counts: Object.fromEntries(
            STATUS_TABS.filter((s) => s !== 'All').map((s) => [s, Math.min(statusCounts[s], COUNT_CAP)]),
          ),
          cappedCounts: Object.entries(statusCounts)
            .filter(([, n]) => n > COUNT_CAP)
            .map(([k]) => k),
          countCap: COUNT_CAP,
        },
        200,
      );
    },
  );

  return r;
}
