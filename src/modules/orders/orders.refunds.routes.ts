// Seller web API for refunds and adjustments (ORD-12), undeliverable returns (ORD-12), shipping
// what is available (ORD-11) and combined shipments (ORD-10). Session cookie + CSRF header, like
// the other /api routes. Amounts are decimal strings in the order's currency.
import type { Context } from 'hono';
import { formatAmount } from '../../platform/money.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../platform/http/openapi-responses.ts';
import type { AuthVariables } from '../identity/index.ts';
import type { OrdersService } from './orders.service.ts';
import { REFUND_REASONS } from './refund-rules.ts';

type Env = { Variables: AuthVariables };
const errors = errorResponses([400, 401, 403, 404, 409, 422]);
const ok = jsonResponse;
const OrderParam = z.object({ amazonOrderId: z.string().min(1).max(64) });
const body = jsonBody;

/** Checked by the service (clear codes for negatives and extra decimals), so only bounded here. */
const Amount = z.string().trim().min(1).max(24).openapi({ example: '1500' });

export const RefundRequestSchema = z
  .object({
    reason: z.enum(REFUND_REASONS),
    note: z.string().trim().max(1000).optional(),
    lines: z
      .array(
        z
          .object({
            orderItemId: z.string().min(1).max(32),
            quantity: z.number().int().min(0).max(9999).optional(),
            itemPrice: Amount.optional(),
            shippingPrice: Amount.optional(),
            itemTax: Amount.optional(),
            shippingTax: Amount.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict()
  .openapi('RefundRequest', {
    example: { reason: 'NoInventory', lines: [{ orderItemId: '12345678901234', quantity: 1 }] },
  });

export const UndeliverableRefundSchema = z
  .object({
    shipmentId: z.string().min(1).max(64).optional(),
    actualShippingCost: Amount,
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .openapi('UndeliverableRefundRequest');

const ShipmentFields = {
  carrierCode: z.string().trim().min(1).max(64),
  carrierName: z.string().trim().max(64).optional(),
  shippingMethod: z.string().trim().max(64).optional(),
  trackingNumber: z.string().trim().min(1).max(64),
  shipDate: z.string().datetime({ offset: true }),
};

export const ShipAvailableSchema = z
  .object({
    ...ShipmentFields,
    items: z
      .array(z.object({ orderItemId: z.string().min(1).max(32), quantity: z.number().int() }).strict())
      .max(100),
    buyerConsent: z.literal(true, { message: "must be true: the buyer's consent is required (ORD-11)" }),
    refundReason: z.enum(REFUND_REASONS).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .openapi('ShipAvailableRequest');

export const CombinedShipmentSchema = z
  .object({ ...ShipmentFields, amazonOrderIds: z.array(z.string().min(1).max(64)).min(2).max(20) })
  .strict()
  .openapi('CombinedShipmentRequest');

export function createOrdersRefundsWebRoutes(
  orders: OrdersService,
  requireSeller: (c: Context<Env>) => { sellerId: string; userId: string },
) {
  const r = createRouter<Env>();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/orders/{amazonOrderId}/refunds',
      tags: ['Web: orders'],
      summary: 'Refund or adjust items with a reason code (ORD-12)',
      description:
        'Per item, a quantity and/or amounts (decimal strings in the order currency). A quantity without amounts refunds those units’ share of item price, shipping and taxes; ' +
        'units that have not shipped are cancelled (they will never ship). Never more than was charged, per component and in total. ' +
        'Refused before the first shipment confirmation (nothing is charged yet: cancel instead). An `Idempotency-Key` header makes a retry return the first refund.',
      request: {
        params: OrderParam,
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
        ...body(RefundRequestSchema),
      },
      responses: { 201: ok('Refund recorded'), 200: ok('The refund already made with this key'), ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      const b = c.req.valid('json');
      const res = await orders.refund({
        sellerId,
        amazonOrderId: c.req.valid('param').amazonOrderId,
        reason: b.reason,
        note: b.note,
        lines: b.lines,
        requestKey: c.req.header('idempotency-key') || undefined,
        source: 'web',
        actor: { kind: 'seller', id: userId },
      });
      if (res.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json({ refund: res.refund }, res.replayed ? 200 : 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/orders/{amazonOrderId}/refunds/undeliverable',
      tags: ['Web: orders'],
      summary: 'Refund a parcel returned as undeliverable, less the actual shipping cost (ORD-12)',
      description:
        'Only after the marketplace reported the parcel ReturnedToSender (undeliverable, rejected or invalid address). Refunds everything still refundable for the parcel, ' +
        'less `actualShippingCost`, with reason Undeliverable. Once per parcel.',
      request: { params: OrderParam, ...body(UndeliverableRefundSchema) },
      responses: { 201: ok('Refund recorded'), ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      const b = c.req.valid('json');
      const res = await orders.refundUndeliverable({
        sellerId,
        amazonOrderId: c.req.valid('param').amazonOrderId,
        shipmentId: b.shipmentId,
        actualShippingCost: b.actualShippingCost,
        note: b.note,
        source: 'web',
        actor: { kind: 'seller', id: userId },
      });
      return c.json({ refund: res.refund }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/orders/{amazonOrderId}/ship-available',
      tags: ['Web: orders'],
      summary: 'Ship what is available and refund the rest, with the buyer’s consent (ORD-11)',
      description:
        'Confirms the listed items (the first confirmation charges the order, ORD-7) and refunds every unit left unshipped (reason NoInventory unless `refundReason` is given) in one step; the order ends Shipped.',
      request: { params: OrderParam, ...body(ShipAvailableSchema) },
      responses: { 201: ok('Shipped and refunded'), ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      const b = c.req.valid('json');
      const res = await orders.shipAvailable({
        sellerId,
        amazonOrderId: c.req.valid('param').amazonOrderId,
        carrierCode: b.carrierCode,
        carrierName: b.carrierName ?? null,
        shippingMethod: b.shippingMethod ?? null,
        trackingNumber: b.trackingNumber,
        shipDate: new Date(b.shipDate),
        items: b.items,
        buyerConsent: b.buyerConsent,
        refundReason: b.refundReason,
        note: b.note,
        source: 'web',
        actor: { kind: 'seller', id: userId },
      });
      return c.json(res, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/orders/combined-shipments',
      tags: ['Web: orders'],
      summary: 'Ship several orders of one buyer to one address in one parcel (ORD-10)',
      description:
        'Confirms every remaining item of each order with the same tracking number; the shipping charged on every order but the one with the highest shipping is refunded (reason ShippingCombined).',
      request: body(CombinedShipmentSchema),
      responses: { 201: ok('Combined shipment confirmed'), ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      const b = c.req.valid('json');
      const res = await orders.confirmCombinedShipment({
        sellerId,
        amazonOrderIds: b.amazonOrderIds,
        carrierCode: b.carrierCode,
        carrierName: b.carrierName ?? null,
        shippingMethod: b.shippingMethod ?? null,
        trackingNumber: b.trackingNumber,
        shipDate: new Date(b.shipDate),
        source: 'web',
        actor: { kind: 'seller', id: userId },
      });
      return c.json(res, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/orders/{amazonOrderId}/combinable',
      tags: ['Web: orders'],
      summary: 'The same buyer’s other open orders to the same address (ORD-10)',
      request: { params: OrderParam },
      responses: { 200: ok('Candidates'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const { candidates } = await orders.combinableOrders(sellerId, c.req.valid('param').amazonOrderId);
      return c.json(
        {
          orders: candidates.map((o) => ({
            amazonOrderId: o.amazonOrderId,
            purchaseDate: o.purchaseDate.toISOString(),
            status: o.status,
            latestShipDate: o.latestShipDate?.toISOString() ?? null,
            itemsUnshipped: o.itemsUnshipped,
            orderTotal: { amount: formatAmount(o.orderTotal, o.currency), currencyCode: o.currency },
          })),
        },
        200,
      );
    },
  );

  return r;
}
