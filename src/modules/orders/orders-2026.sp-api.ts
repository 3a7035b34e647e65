// SP-API Orders 2026-01-01 (reference/sp-api.md §2.7; model orders_2026-01-01.json): searchOrders
// and getOrder with includedData. No `payload` wrapper; errors are `{errors:[…]}` like v0. The
// search is the same keyset query as getOrders (orders.repository.ts `search`).
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../../platform/clock.ts';
import { invalid } from '../../platform/errors.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { spApiErrorResponses as errorResponses } from '../../sp-api/openapi.ts';
import { joinedQuery } from '../../sp-api/query.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { encodeNextToken } from './get-orders-query.ts';
import type { OrderItemRow } from './orders.repository.ts';
import type { OrdersService } from './orders.service.ts';
import { parseIncludedData, parseSearchOrdersQuery } from './search-orders-query.ts';
import { type Shipment2026, toOrder2026 } from './sp-api-order-2026.ts';

const TAG = 'SP-API: Orders 2026-01-01';

const SearchOrdersQuery = z.object(
  Object.fromEntries(
    [
      'createdAfter',
      'createdBefore',
      'lastUpdatedAfter',
      'lastUpdatedBefore',
      'fulfillmentStatuses',
      'marketplaceIds',
      'fulfilledBy',
      'maxResultsPerPage',
      'paginationToken',
      'includedData',
    ].map((k) => [k, z.union([z.string(), z.array(z.string())]).optional()]),
  ),
);

const json = (description: string) => ({
  content: { 'application/json': { schema: z.record(z.string(), z.any()) } },
  description,
});

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** What orders.sp-api.ts hands over: authentication, the seller, and each operation's middleware. */
export type Orders2026Deps = {
  auth: MiddlewareHandler;
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  sellerId: (c: Context<any, any, any>) => string;
  /** Usage plan and static sandbox of one operation. */
  ops: (operation: string) => MiddlewareHandler[];
};

export function createOrders2026SpApiRoutes(
  orders: OrdersService,
  marketplaces: MarketplacesService,
  clock: Clock,
  sp: Orders2026Deps,
) {
  const r = createRouter();
  r.use('/orders/2026-01-01/*', sp.auth);
  const marketplaceName = async (id: string) =>
    (await marketplaces.findMarketplace(id))?.salesChannel ?? 'Mercato';

  r.openapi(
    createRoute({
      method: 'get',
      path: '/orders/2026-01-01/orders',
      operationId: 'searchOrders',
      tags: [TAG],
      summary: 'Orders created or updated in a time window (searchOrders)',
      middleware: sp.ops('searchOrders'),
      request: { query: SearchOrdersQuery },
      responses: { 200: json('SearchOrdersResponse'), ...errorResponses },
    }),
    async (c) => {
      const sellerId = sp.sellerId(c);
      const now = clock.now();
      const parsed = parseSearchOrdersQuery(joinedQuery(c), now);
      if (!parsed.ok) throw invalid('INVALID_QUERY', parsed.message);
      const q = parsed.query;
      for (const id of q.marketplaceIds ?? []) {
        if (!(await marketplaces.findMarketplace(id)))
          throw invalid('INVALID_MARKETPLACE', `Invalid marketplaceIds: ${id}.`);
      }
      // marketplaceIds is optional in 2026: every marketplace the seller sells on.
      const marketplaceIds = q.marketplaceIds ?? [(await marketplaces.getSeller(sellerId)).marketplaceId];
      const rows = await orders.search({
        sellerId,
        marketplaceIds,
        dateField: q.dateField,
        after: q.after,
        before: q.before,
        statuses: q.statuses,
        fulfillmentChannels: q.fulfillmentChannels,
        cursor: q.cursor,
        limit: q.limit + 1,
      });
      const page = rows.slice(0, q.limit);
      const ids = page.map((o) => o.id);
      const items = groupBy(await orders.repo.itemsOf(sellerId, ids), (i) => i.orderId);
      const shipments = q.includedData.has('PACKAGES')
        ? groupBy<Shipment2026>(await orders.repo.shipmentsOfOrders(sellerId, ids), (s) => s.orderId)
        : null;
      const body: Record<string, unknown> = {
        orders: await Promise.all(
          page.map(async (order) =>
            toOrder2026({
              order,
              items: items.get(order.id) ?? ([] as OrderItemRow[]),
              shipments: shipments ? (shipments.get(order.id) ?? []) : undefined,
              marketplaceName: await marketplaceName(order.marketplaceId),
              included: q.includedData,
              now,
            }),
          ),
        ),
      };
      const last = page[page.length - 1];
      if (rows.length > q.limit && last) {
        body.pagination = {
          nextToken: encodeNextToken(
            q.dateField,
            q.dateField === 'purchaseDate' ? last.purchaseDate : last.lastUpdateDate,
            last.id,
            q.beforeDefaulted ? q.before : undefined,
          ),
        };
      }
      body[q.dateField === 'purchaseDate' ? 'createdBefore' : 'lastUpdatedBefore'] = q.before.toISOString();
      return c.json(body, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/orders/2026-01-01/orders/{orderId}',
      operationId: 'getOrder20260101',
      tags: [TAG],
      summary: 'One order, with the datasets named in includedData (getOrder)',
      middleware: sp.ops('getOrder20260101'),
      request: {
        params: z.object({ orderId: z.string().min(1).max(64).openapi({ example: '503-1234567-1234567' }) }),
        query: z.object({ includedData: z.union([z.string(), z.array(z.string())]).optional() }),
      },
      responses: { 200: json('GetOrderResponse'), ...errorResponses },
    }),
    async (c) => {
      const sellerId = sp.sellerId(c);
      const included = parseIncludedData(joinedQuery(c).includedData);
      if (!included.ok) throw invalid('INVALID_QUERY', included.message);
      const order = await orders.getOrder(sellerId, c.req.valid('param').orderId);
      const items = await orders.repo.itemsOf(sellerId, [order.id]);
      const shipments = included.value.has('PACKAGES')
        ? await orders.repo.shipmentsOf(sellerId, order.id)
        : undefined;
      return c.json(
        {
          order: toOrder2026({
            order,
            items,
            shipments,
            marketplaceName: await marketplaceName(order.marketplaceId),
            included: included.value,
            now: clock.now(),
          }),
        },
        200,
      );
    },
  );

  return r;
}
