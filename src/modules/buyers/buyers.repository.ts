// The only file that knows the buyers tables.
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { buyerSessions, buyerSignInTokens, buyers } from './buyers.tables.ts';

export type BuyerRow = typeof buyers.$inferSelect;

export function createBuyersRepository(db: Db) {
  return {
    /**
     * Inserts the buyer unless one with this email (case-insensitive) exists, and returns the
     * id either way. ON CONFLICT waits for a concurrent checkout of the same email, so the select
     * that follows sees its row: two first orders at once still make one buyer.
     */
    async upsertByEmail(tx: DbOrTx, row: typeof buyers.$inferInsert): Promise<string> {
      const [inserted] = await tx
        .insert(buyers)
        .values(row)
        .onConflictDoNothing()
        .returning({ id: buyers.id });
      if (inserted) return inserted.id;
      const found = await this.byEmail(row.email, tx);
      if (!found) throw new Error(`buyer ${row.email} vanished after a conflicting insert`);
      return found.id;
    },

    async byEmail(email: string, on: DbOrTx = db): Promise<BuyerRow | undefined> {
      const [b] = await on
        .select()
        .from(buyers)
        .where(sql`lower(${buyers.email}) = ${email.toLowerCase()}`)
        .limit(1);
      return b;
    },

    async byId(id: string): Promise<BuyerRow | undefined> {
      const [b] = await db.select().from(buyers).where(eq(buyers.id, id)).limit(1);
      return b;
    },

    async setLanguage(id: string, language: string) {
      await db.update(buyers).set({ language }).where(eq(buyers.id, id));
    },

    async setPasswordHash(id: string, passwordHash: string) {
      await db.update(buyers).set({ passwordHash }).where(eq(buyers.id, id));
    },

    async insertSignInToken(row: typeof buyerSignInTokens.$inferInsert) {
      await db.insert(buyerSignInTokens).values(row);
    },

    /** Marks the token used and returns its buyer, only if it is unused and unexpired (atomic). */
    async consumeSignInToken(tokenHash: string, now: Date): Promise<string | undefined> {
      const [row] = await db
        .update(buyerSignInTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(buyerSignInTokens.tokenHash, tokenHash),
            isNull(buyerSignInTokens.usedAt),
            gt(buyerSignInTokens.expiresAt, now),
          ),
        )
        .returning({ buyerId: buyerSignInTokens.buyerId });
      return row?.buyerId;
    },

    async signInTokenState(tokenHash: string) {
      const [row] = await db
        .select({ usedAt: buyerSignInTokens.usedAt, expiresAt: buyerSignInTokens.expiresAt })
        .from(buyerSignInTokens)
        .where(eq(buyerSignInTokens.tokenHash, tokenHash))
        .limit(1);
      return row;
    },

    /** Old links are of no use: drop the expired ones of this buyer when issuing a new one. */
    async deleteExpiredSignInTokens(buyerId: string, now: Date) {
      await db
        .delete(buyerSignInTokens)
        .where(and(eq(buyerSignInTokens.buyerId, buyerId), lt(buyerSignInTokens.expiresAt, now)));
    },

    async insertSession(row: typeof buyerSessions.$inferInsert) {
      await db.insert(buyerSessions).values(row);
    },

    async sessionByHash(tokenHash: string, now: Date) {
      const [s] = await db
        .select()
        .from(buyerSessions)
        .where(and(eq(buyerSessions.tokenHash, tokenHash), gt(buyerSessions.expiresAt, now)))
        .limit(1);
      return s;
    },

    async deleteSession(tokenHash: string) {
      await db.delete(buyerSessions).where(eq(buyerSessions.tokenHash, tokenHash));
    },
  };
}
