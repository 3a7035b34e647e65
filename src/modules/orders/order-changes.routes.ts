// HTTP for cancellations (ORD-13), buyer edits (ORD-5) and carrier scans: the seller's cancel
// action in the web API, and the storefront/carrier side in the marketplace API (API-2).
import type { Context } from 'hono';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../platform/http/openapi-responses.ts';
import type { AuthVariables } from '../identity/index.ts';
import {
  BuyerCancelRequestSchema,
  BuyerEditSchema,
  CarrierScanSchema,
  MarketplaceCancelSchema,
  SellerCancelSchema,
} from './order-changes.schemas.ts';
import type { OrdersService } from './orders.service.ts';

type Env = { Variables: AuthVariables };
const errors = errorResponses([400, 401, 403, 404, 409, 422]);
const ok = jsonResponse;
const OrderParam = z.object({ amazonOrderId: z.string().min(1).max(64) });
const body = jsonBody;

export function createOrderChangesWebRoutes(
  orders: OrdersService,
  requireSeller: (c: Context<Env>) => { sellerId: string; userId: string },
) {
  const r = createRouter<Env>();
  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/orders/{amazonOrderId}/cancel',
      tags: ['Web: orders'],
      summary: 'Cancel an order with a reason (ORD-13)',
      description:
        'Pending and Unshipped orders only: nothing was charged yet, so no refund is due. Partially shipped or shipped orders are refused (refund instead). ' +
        'With an open buyer cancellation request the cancellation is the buyer’s and does not count against the seller.',
      request: { params: OrderParam, ...body(SellerCancelSchema) },
      responses: { 200: ok('Cancelled'), ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      const b = c.req.valid('json');
      const res = await orders.cancelBySeller({
        sellerId,
        amazonOrderId: c.req.valid('param').amazonOrderId,
        reason: b.reason,
        note: b.note,
        actor: { kind: 'seller', id: userId },
      });
      return c.json(res, 200);
    },
  );
  return r;
}

export function createOrderChangesMarketplaceRoutes(orders: OrdersService) {
  const r = createRouter();
  const tags = ['Marketplace API: orders'];

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/marketplace/v1/orders/{amazonOrderId}',
      tags,
      summary: 'Buyer edits the shipping address or quantities (ORD-5)',
      description:
        'Only seller-fulfilled orders, only before shipment, and only within the marketplace’s edit window after checkout (5 minutes by default). ' +
        'After it the answer is 422 EDIT_WINDOW_CLOSED and the buyer must cancel and reorder.',
      request: { params: OrderParam, ...body(BuyerEditSchema) },
      responses: { 200: ok('Edited'), ...errors },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const res = await orders.editByBuyer({
        amazonOrderId: c.req.valid('param').amazonOrderId,
        shippingAddress: b.shippingAddress,
        items: b.items,
        actor: { kind: 'buyer', id: 'storefront' },
      });
      return c.json(res, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/marketplace/v1/orders/{amazonOrderId}/cancellation-requests',
      tags,
      summary: 'Buyer requests cancellation (ORD-13, BuyerRequestedCancel)',
      description:
        'Marks the order’s items BuyerRequestedCancel. The seller either cancels (not counted against them) or ships, which closes the request. Repeating it is harmless.',
      request: { params: OrderParam, ...body(BuyerCancelRequestSchema) },
      responses: { 200: ok('Requested'), ...errors },
    }),
    async (c) => {
      const res = await orders.requestCancellation({
        amazonOrderId: c.req.valid('param').amazonOrderId,
        reason: c.req.valid('json').reason,
        actor: { kind: 'buyer', id: 'storefront' },
      });
      return c.json(res, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/marketplace/v1/orders/{amazonOrderId}/cancel',
      tags,
      summary: 'The marketplace cancels an order (e.g. a pay-later payment never completed)',
      request: { params: OrderParam, ...body(MarketplaceCancelSchema) },
      responses: { 200: ok('Cancelled'), ...errors },
    }),
    async (c) => {
      const res = await orders.cancelByMarketplace({
        amazonOrderId: c.req.valid('param').amazonOrderId,
        reason: c.req.valid('json').reason,
        actor: { kind: 'operator', id: 'marketplace' },
      });
      return c.json(res, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/marketplace/v1/carrier-scans',
      tags: ['Marketplace API: shipments'],
      summary: 'Report a carrier scan (in transit, delivered, returned to the seller)',
      description:
        'Applies to every shipment with the tracking number (a combined parcel carries several orders, ORD-10). ' +
        'Send `externalId` to make retries harmless. `ReturnedToSender` needs `returnReason` (Undeliverable, Rejected, InvalidAddress): the seller may then refund less the actual shipping cost (ORD-12).',
      request: body(CarrierScanSchema),
      responses: { 200: ok('Recorded'), ...errors },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const res = await orders.recordCarrierScan({
        carrierCode: b.carrierCode,
        trackingNumber: b.trackingNumber,
        status: b.status,
        at: b.at ? new Date(b.at) : undefined,
        location: b.location,
        externalId: b.externalId,
        returnReason: b.returnReason,
      });
      return c.json(res, 200);
    },
  );
  return r;
}
