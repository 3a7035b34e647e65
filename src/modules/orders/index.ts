/** Orders: lifecycle, shipments, the one capture, the seller's and storefront's views. */
export {
  createOrdersService,
  type OrdersService,
  type ConfirmShipmentInput,
  SHIPMENT_EMAIL_QUEUE,
} from './orders.service.ts';
/** Queues and workers of the orders module. */
export { DEADLINE_SWEEP_INTERVAL_MS, defineOrdersQueues, startOrdersWorkers } from './orders.jobs.ts';
/** Route families: marketplace API, seller web API, SP-API Orders v0. */
export { createOrdersMarketplaceRoutes } from './orders.marketplace.routes.ts';
export { createOrdersWebRoutes } from './orders.routes.ts';
/** Buyer web API of "Your Account" (/api/buyer/orders: list, detail, edits, cancellation requests, receipts). */
export { BUYER_CANCEL_REASONS, createOrdersBuyerRoutes } from './orders.buyer.routes.ts';
export { createOrderChangesMarketplaceRoutes, createOrderChangesWebRoutes } from './order-changes.routes.ts';
export { createOrdersSpApiRoutes, type SpApiDeps } from './orders.sp-api.ts';
/** Seller web API of refunds, undeliverable returns, partial availability and combined shipments (ORD-10..12). */
export { createOrdersRefundsWebRoutes } from './orders.refunds.routes.ts';
/** Edge schema of order creation (used by demo data and benchmarks). */
export { type CreateOrderInput, CreateOrderSchema } from './orders.schemas.ts';
export type { OrderStatus } from './orders.types.ts';
/** Pure rules reused by bulk seeding (sandbox): buyer relay addresses (MSG-4), ship-by windows (ORD-6). */
export { relayAddress } from './relay-address.ts';
export { computeShipByWindow } from './ship-by.ts';
/** The facts of an order buyer–seller messaging needs (MSG-6/7/12/13). */
export {
  buyerOrdersWithSeller,
  loadOrderMessagingContext,
  type OrderMessagingContext,
  orderBuyerIds,
} from './order-messaging-context.repository.ts';
