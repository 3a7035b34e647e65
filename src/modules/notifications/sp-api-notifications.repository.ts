// SP-API Notifications v1 storage: destinations belong to a developer application (grantless
// calls), subscriptions to a seller × application × notification type (reference/sp-api.md §3).
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { spApiDestinations, spApiSubscriptions } from './notifications.tables.ts';

export type DestinationRow = typeof spApiDestinations.$inferSelect;
export type SubscriptionRow = typeof spApiSubscriptions.$inferSelect;

export function createSpApiNotificationsRepository(db: Db) {
  return {
    async insertDestination(row: DestinationRow): Promise<void> {
      await db.insert(spApiDestinations).values(row);
    },

    /** `appId` is stored in client_id: the application the LWA token names. */
    async destinationsOf(appId: string): Promise<DestinationRow[]> {
      return db
        .select()
        .from(spApiDestinations)
        .where(eq(spApiDestinations.clientId, appId))
        .orderBy(asc(spApiDestinations.createdAt), asc(spApiDestinations.id));
    },

    async destination(id: string, on: DbOrTx = db): Promise<DestinationRow | undefined> {
      const [row] = await on.select().from(spApiDestinations).where(eq(spApiDestinations.id, id));
      return row;
    },

    async deleteDestination(id: string): Promise<void> {
      await db.delete(spApiDestinations).where(eq(spApiDestinations.id, id));
    },

    async disableDestination(id: string): Promise<boolean> {
      const rows = await db
        .update(spApiDestinations)
        .set({ status: 'disabled' })
        .where(and(eq(spApiDestinations.id, id), eq(spApiDestinations.status, 'active')))
        .returning({ id: spApiDestinations.id });
      return rows.length > 0;
    },

    async subscriptionCountFor(destinationId: string): Promise<number> {
      const [r] = await db
        .select({ n: count() })
        .from(spApiSubscriptions)
        .where(eq(spApiSubscriptions.destinationId, destinationId));
      return Number(r?.n ?? 0);
    },

    async insertSubscription(row: SubscriptionRow): Promise<boolean> {
      const rows = await db
        .insert(spApiSubscriptions)
        .values(row)
        .onConflictDoNothing()
        .returning({ id: spApiSubscriptions.id });
      return rows.length > 0;
    },

    async subscription(sellerId: string, appId: string, type: string): Promise<SubscriptionRow | undefined> {
      const [row] = await db
        .select()
        .from(spApiSubscriptions)
        .where(
          and(
            eq(spApiSubscriptions.sellerId, sellerId),
            eq(spApiSubscriptions.clientId, appId),
            eq(spApiSubscriptions.notificationType, type),
          ),
        );
      return row;
    },

    async subscriptionById(id: string): Promise<SubscriptionRow | undefined> {
      const [row] = await db.select().from(spApiSubscriptions).where(eq(spApiSubscriptions.id, id));
      return row;
    },

    async deleteSubscription(id: string): Promise<void> {
      await db.delete(spApiSubscriptions).where(eq(spApiSubscriptions.id, id));
    },

    /** The seller's subscriptions to `type` whose destination Mercato can deliver to (webhook, active). */
    async webhookTargets(on: DbOrTx, sellerId: string, type: string) {
      return on
        .select({
          subscriptionId: spApiSubscriptions.id,
          destinationId: spApiDestinations.id,
          appId: spApiSubscriptions.clientId,
          payloadVersion: spApiSubscriptions.payloadVersion,
        })
        .from(spApiSubscriptions)
        .innerJoin(spApiDestinations, eq(spApiDestinations.id, spApiSubscriptions.destinationId))
        .where(
          and(
            eq(spApiSubscriptions.sellerId, sellerId),
            eq(spApiSubscriptions.notificationType, type),
            eq(spApiDestinations.resourceType, 'webhook'),
            eq(spApiDestinations.status, 'active'),
          ),
        );
    },

    /** The subscription a delivery to `destinationId` was made for. */
    async subscriptionFor(sellerId: string, destinationId: string, type: string) {
      const [row] = await db
        .select()
        .from(spApiSubscriptions)
        .where(
          and(
            eq(spApiSubscriptions.sellerId, sellerId),
            eq(spApiSubscriptions.destinationId, destinationId),
            eq(spApiSubscriptions.notificationType, type),
          ),
        );
      return row;
    },
  };
}
