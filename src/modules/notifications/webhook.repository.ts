// What the webhook channel reads and writes: one seller endpoint (URL, secret, status), and its
// disabling after a 410 Gone (NTF-6). Endpoint management lives in preferences.repository.ts.
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { webhookEndpoints } from './notifications.tables.ts';

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

export function createWebhookRepository(db: Db) {
  return {
    async endpoint(sellerId: string, id: string, on: DbOrTx = db): Promise<WebhookEndpoint | undefined> {
      const [row] = await on
        .select()
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.sellerId, sellerId), eq(webhookEndpoints.id, id)));
      return row;
    },

    /** Active → disabled; true only for the call that made the change (so the seller is told once). */
    async disable(tx: DbOrTx, sellerId: string, id: string, reason: string): Promise<boolean> {
      const rows = await tx
        .update(webhookEndpoints)
        .set({ status: 'disabled', disabledReason: reason })
        .where(
          and(
            eq(webhookEndpoints.sellerId, sellerId),
            eq(webhookEndpoints.id, id),
            eq(webhookEndpoints.status, 'active'),
          ),
        )
        .returning({ id: webhookEndpoints.id });
      return rows.length > 0;
    },
  };
}
