/** Orders: lifecycle, shipments, the one capture, the seller's and storefront's views. */
export {
  createOrdersService,
  type OrdersService,
  type ConfirmShipmentInput,
  SHIPMENT_EMAIL_QUEUE,
} from './orders.service.ts';
/** Queues and workers of the orders module. */
export { defineOrdersQueues, startOrdersWorkers } from './orders.jobs.ts';
/** Route families: marketplace API, seller web API, SP-API Orders v0. */
export { createOrdersMarketplaceRoutes } from './orders.marketplace.routes.ts';
export { createOrdersWebRoutes } from './orders.routes.ts';
export { createOrdersSpApiRoutes, type SpApiDeps } from './orders.sp-api.ts';
/** Edge schema of order creation (used by demo data and benchmarks). */
export { type CreateOrderInput, CreateOrderSchema } from './orders.schemas.ts';
export type { OrderStatus } from './orders.types.ts';
/** Pure rules reused by bulk seeding (sandbox): buyer relay addresses (MSG-4), ship-by windows (ORD-6). */
export { relayAddress } from './relay-address.ts';
export { computeShipByWindow } from './ship-by.ts';
