// The only file that knows the identity tables.
import { and, eq, gt, isNull, desc, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import {
  appAuthorizations,
  authorizationCodes,
  developerApps,
  loginFailures,
  operatorApiKeys,
  sessions,
  users,
} from './identity.tables.ts';

export type UserRow = typeof users.$inferSelect;
export type AppRow = typeof developerApps.$inferSelect;
export type AuthorizationRow = typeof appAuthorizations.$inferSelect;

export function createIdentityRepository(db: Db) {
  return {
    async insertUser(row: typeof users.$inferInsert, on: DbOrTx = db) {
      await on.insert(users).values(row);
    },
    async userByEmail(email: string): Promise<UserRow | undefined> {
      const [u] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
      return u;
    },
    async userById(id: string): Promise<UserRow | undefined> {
      const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return u;
    },
    async setUserLanguage(id: string, language: string) {
      await db.update(users).set({ language }).where(eq(users.id, id));
    },
    async usersOfSeller(sellerId: string): Promise<UserRow[]> {
      return db.select().from(users).where(eq(users.sellerId, sellerId));
    },

    async insertSession(row: typeof sessions.$inferInsert) {
      await db.insert(sessions).values(row);
    },
    async sessionByHash(tokenHash: string, now: Date) {
      const [s] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
        .limit(1);
      return s;
    },
    async deleteSession(tokenHash: string) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    async recordLoginFailure(id: string, key: string, at: Date) {
      await db.insert(loginFailures).values({ id, key, at });
    },
    async loginFailuresSince(keys: string[], since: Date): Promise<Date[]> {
      const rows = await db
        .select({ at: loginFailures.at })
        .from(loginFailures)
        .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, since)));
      return rows.map((r) => r.at);
    },
    async clearLoginFailures(key: string) {
      await db.delete(loginFailures).where(eq(loginFailures.key, key));
    },

    async insertApp(row: typeof developerApps.$inferInsert, on: DbOrTx = db) {
      await on.insert(developerApps).values(row);
    },
    async appByClientId(clientId: string): Promise<AppRow | undefined> {
      const [a] = await db.select().from(developerApps).where(eq(developerApps.clientId, clientId)).limit(1);
      return a;
    },
    async appsOfSeller(sellerId: string): Promise<AppRow[]> {
      return db
        .select()
        .from(developerApps)
        .where(eq(developerApps.sellerId, sellerId))
        .orderBy(desc(developerApps.createdAt));
    },
    async appOfSeller(sellerId: string, appId: string): Promise<AppRow | undefined> {
      const [a] = await db
        .select()
        .from(developerApps)
        .where(and(eq(developerApps.id, appId), eq(developerApps.sellerId, sellerId)))
        .limit(1);
      return a;
    },

    async insertAuthorization(row: typeof appAuthorizations.$inferInsert, on: DbOrTx = db) {
      await on.insert(appAuthorizations).values(row);
    },
    async authorizationByRefreshHash(hash: string): Promise<AuthorizationRow | undefined> {
      const [a] = await db
        .select()
        .from(appAuthorizations)
        .where(and(eq(appAuthorizations.refreshTokenHash, hash), isNull(appAuthorizations.revokedAt)))
        .limit(1);
      return a;
    },
    async authorizationsOfApps(appIds: string[]): Promise<AuthorizationRow[]> {
      if (appIds.length === 0) return [];
      return db.select().from(appAuthorizations).where(inArray(appAuthorizations.appId, appIds));
    },
    async revokeAuthorization(sellerId: string, appId: string, authId: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(appAuthorizations)
        .set({ revokedAt: at })
        .where(
          and(
            eq(appAuthorizations.id, authId),
            eq(appAuthorizations.appId, appId),
            eq(appAuthorizations.sellerId, sellerId),
            isNull(appAuthorizations.revokedAt),
          ),
        )
        .returning({ id: appAuthorizations.id });
      return rows.length > 0;
    },

    async insertAuthorizationCode(row: typeof authorizationCodes.$inferInsert) {
      await db.insert(authorizationCodes).values(row);
    },
    /** Marks the code used and returns it, atomically: a code works once. */
    async consumeAuthorizationCode(codeHash: string, appId: string, now: Date) {
      const [c] = await db
        .update(authorizationCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(authorizationCodes.codeHash, codeHash),
            // Only the app the code was issued to can use it up.
            eq(authorizationCodes.appId, appId),
            isNull(authorizationCodes.usedAt),
            gt(authorizationCodes.expiresAt, now),
          ),
        )
        .returning();
      return c;
    },

    async insertOperatorKey(row: typeof operatorApiKeys.$inferInsert, on: DbOrTx = db) {
      await on.insert(operatorApiKeys).values(row);
    },
    async operatorKeyByHash(hash: string) {
      const [k] = await db
        .select()
        .from(operatorApiKeys)
        .where(and(eq(operatorApiKeys.keyHash, hash), isNull(operatorApiKeys.revokedAt)))
        .limit(1);
      return k;
    },
  };
}

export type IdentityRepository = ReturnType<typeof createIdentityRepository>;
