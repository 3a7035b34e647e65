/** The sandbox clock stored in the database (API-4). */
export { createSandboxClock, type SandboxClock, type ClockAdvanced } from './sandbox-clock.service.ts';
/** Demo data for `npm start` and its credentials. */
export {
  loadDemoData,
  hasDemoData,
  readDemoCredentials,
  type DemoCredentials,
  DEMO_PASSWORD,
} from './demo-data.service.ts';
/** Sandbox HTTP routes (clock, demo credentials). */
export { createSandboxRoutes } from './sandbox.routes.ts';
/** Bulk orders for load tests and benchmarks (`mercato seed --orders N`). */
export { seedBulkOrders, type BulkOrdersOptions, type BulkOrdersResult } from './bulk-orders.service.ts';
