// Writes and reads of notification_preferences and webhook_endpoints for the preferences page
// (NTF-1/3/6). The pipeline reads the same rows through notifications.repository.ts.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { failedAddresses, notificationPreferences, webhookEndpoints } from './notifications.tables.ts';

export type PreferenceRow = typeof notificationPreferences.$inferSelect;
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type FailedAddressRow = typeof failedAddresses.$inferSelect;

export function createPreferencesRepository(db: Db) {
  return {
    async preferencesOf(sellerId: string, on: DbOrTx = db): Promise<PreferenceRow[]> {
      return on.select().from(notificationPreferences).where(eq(notificationPreferences.sellerId, sellerId));
    },

    async upsertPreference(on: DbOrTx, row: PreferenceRow): Promise<void> {
      const { sellerId: _s, type: _t, ...set } = row;
      await on
        .insert(notificationPreferences)
        .values(row)
        .onConflictDoUpdate({
          target: [notificationPreferences.sellerId, notificationPreferences.type],
          set,
        });
    },

    async webhooksOf(sellerId: string, on: DbOrTx = db): Promise<WebhookEndpointRow[]> {
      return on
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.sellerId, sellerId))
        .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
    },

    async insertWebhook(row: WebhookEndpointRow): Promise<void> {
      await db.insert(webhookEndpoints).values(row);
    },

    /** Deletes the endpoint and takes it out of every preference that named it, at once. */
    async deleteWebhook(sellerId: string, id: string, at: Date, by: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const gone = await tx
          .delete(webhookEndpoints)
          .where(and(eq(webhookEndpoints.sellerId, sellerId), eq(webhookEndpoints.id, id)))
          .returning({ id: webhookEndpoints.id });
        if (gone.length === 0) return false;
        await tx
          .update(notificationPreferences)
          .set({
            webhooks: sql`(select coalesce(jsonb_agg(w), '[]'::jsonb) from jsonb_array_elements_text(${notificationPreferences.webhooks}) w where w <> ${id})`,
            updatedAt: at,
            updatedBy: by,
          })
          .where(
            and(
              eq(notificationPreferences.sellerId, sellerId),
              sql`${notificationPreferences.webhooks} ? ${id}`,
            ),
          );
        return true;
      });
    },

    /** NTF-7: the seller's failed addresses not reset yet (badges on the page, home alert). */
    async activeFailedAddresses(sellerId: string): Promise<FailedAddressRow[]> {
      return db
        .select()
        .from(failedAddresses)
        .where(and(eq(failedAddresses.sellerId, sellerId), sql`${failedAddresses.resetAt} is null`))
        .orderBy(failedAddresses.failedAt);
    },
  };
}

export type PreferencesRepository = ReturnType<typeof createPreferencesRepository>;
