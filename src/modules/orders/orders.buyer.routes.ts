// Buyer web API of "Your Account" (/api/buyer/orders...): list, detail with timeline and tracking,
// edits inside the window (ORD-5), cancellation requests (ORD-13) and receipts (ORD-14). The
// buyer session comes from the buyers module (`requireBuyer`); every query is keyed by the buyer.
import type { Context } from 'hono';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses } from '../../platform/http/openapi-responses.ts';
import { RECEIPT_LANGUAGES } from './receipt-labels.ts';
import { AddressSchema } from './orders.schemas.ts';
import type { OrdersService } from './orders.service.ts';

/** ORD-13: why a buyer asks to cancel (the web offers these; the seller sees the code). */
export const BUYER_CANCEL_REASONS = [
  'OrderedByMistake',
  'WillNotArriveInTime',
  'ShippingCostTooHigh',
  'FoundCheaperElsewhere',
  'NeedToChangeAddress',
  'NeedToChangeQuantity',
  'Other',
] as const;

const errors = errorResponses([400, 401, 403, 404, 422]);
const OrderId = z.object({ amazonOrderId: z.string().min(1).max(64) });
const Json = z.record(z.string(), z.unknown());
const jsonBody = (description: string) => ({
  content: { 'application/json': { schema: Json } },
  description,
});
const LanguageQuery = z.object({ language: z.enum(RECEIPT_LANGUAGES).optional() });

const BuyerEditBody = z
  .object({
    shippingAddress: AddressSchema.optional(),
    items: z
      .array(
        z
          .object({ orderItemId: z.string().min(1).max(64), quantity: z.number().int().min(1).max(9999) })
          .strict(),
      )
      .max(100)
      .optional(),
  })
  .strict()
  .openapi('BuyerOrderEdit');

export function createOrdersBuyerRoutes(
  orders: OrdersService,
  requireBuyer: (c: Context) => { buyerId: string },
) {
  const r = createRouter();
  const tags = ['Buyer web: orders'];

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/buyer/orders',
      tags,
      summary: "The signed-in buyer's orders from every seller, newest first",
      request: {
        query: z.object({
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(50).default(10),
        }),
      },
      responses: { 200: jsonBody('A page of orders'), ...errors },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      const { page, pageSize } = c.req.valid('query');
      return c.json(await orders.buyerOrderPage(buyerId, page, pageSize), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/buyer/orders/{amazonOrderId}',
      tags,
      summary: 'One order: items, totals, timeline, shipments with tracking, refunds, what the buyer may do',
      request: { params: OrderId },
      responses: { 200: jsonBody('Order'), ...errors },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      return c.json(
        { order: await orders.buyerOrderDetail(buyerId, c.req.valid('param').amazonOrderId) },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/api/buyer/orders/{amazonOrderId}',
      tags,
      summary: 'ORD-5: change the shipping address or quantities inside the edit window',
      description:
        'After the window the answer is 422 EDIT_WINDOW_CLOSED: cancel the order and place a new one.',
      request: { params: OrderId, body: { content: { 'application/json': { schema: BuyerEditBody } } } },
      responses: { 200: jsonBody('The order after the change'), ...errors },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      const { amazonOrderId } = c.req.valid('param');
      // Owner check first: another buyer's order is "not found", whatever its state.
      await orders.buyerOrderDetail(buyerId, amazonOrderId);
      await orders.editByBuyer({
        amazonOrderId,
        buyerId,
        ...c.req.valid('json'),
        actor: { kind: 'buyer', id: buyerId },
      });
      return c.json({ order: await orders.buyerOrderDetail(buyerId, amazonOrderId) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/buyer/orders/{amazonOrderId}/cancellation-request',
      tags,
      summary: 'ORD-13: ask the seller to cancel (BuyerRequestedCancel until the seller cancels or ships)',
      request: {
        params: OrderId,
        body: {
          content: {
            'application/json': {
              schema: z
                .object({ reason: z.enum(BUYER_CANCEL_REASONS) })
                .strict()
                .openapi('BuyerCancellationRequest'),
            },
          },
        },
      },
      responses: { 200: jsonBody('The order with its open request'), ...errors },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      const { amazonOrderId } = c.req.valid('param');
      await orders.buyerOrderDetail(buyerId, amazonOrderId);
      await orders.requestCancellation({
        amazonOrderId,
        buyerId,
        reason: c.req.valid('json').reason,
        actor: { kind: 'buyer', id: buyerId },
      });
      return c.json({ order: await orders.buyerOrderDetail(buyerId, amazonOrderId) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/buyer/orders/{amazonOrderId}/receipt',
      tags,
      summary: "ORD-14: the receipt issued by the marketplace on the seller's behalf (for the print page)",
      description: "In the marketplace's language unless `language` asks for another; English fills any gap.",
      request: { params: OrderId, query: LanguageQuery },
      responses: { 200: jsonBody('Receipt'), ...errors },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      const { receipt } = await orders.buyerReceipt(
        buyerId,
        c.req.valid('param').amazonOrderId,
        c.req.valid('query').language,
      );
      return c.json({ receipt }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/buyer/orders/{amazonOrderId}/receipt.pdf',
      tags,
      summary: 'ORD-14: the receipt as a PDF',
      request: { params: OrderId, query: LanguageQuery },
      responses: {
        200: {
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
          description: 'PDF',
        },
        ...errors,
      },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      const { amazonOrderId } = c.req.valid('param');
      const { pdf } = await orders.buyerReceiptPdf(buyerId, amazonOrderId, c.req.valid('query').language);
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="receipt-${amazonOrderId}.pdf"`,
        'cache-control': 'private, no-store',
      });
    },
  );

  return r;
}
