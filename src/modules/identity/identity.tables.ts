import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<'seller' | 'operator'>().notNull(),
    sellerId: text('seller_id'),
    language: text('language').notNull().default('en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

/** Web sessions; the cookie carries a random token, only its hash is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed logins, counted per key (email and client address) for login rate limiting. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

/** SP-API developer applications registered by a seller (LWA client id and secret). */
export const developerApps = pgTable(
  'developer_apps',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    name: text('name').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretHash: text('client_secret_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('developer_apps_client_id_key').on(t.clientId),
    index('developer_apps_seller_idx').on(t.sellerId),
  ],
);

/** A seller's authorization of an app: holds the (hashed) refresh token. */
export const appAuthorizations = pgTable(
  'app_authorizations',
  {
    id: text('id').primaryKey(),
    appId: text('app_id').notNull(),
    sellerId: text('seller_id').notNull(),
    refreshTokenHash: text('refresh_token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('app_authorizations_refresh_token_key').on(t.refreshTokenHash),
    index('app_authorizations_app_idx').on(t.appId),
  ],
);

/** One-time codes of the website authorization flow (`spapi_oauth_code`). */
export const authorizationCodes = pgTable('authorization_codes', {
  codeHash: text('code_hash').primaryKey(),
  appId: text('app_id').notNull(),
  sellerId: text('seller_id').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Operator API keys for the marketplace API (`Authorization: Bearer ...`). */
export const operatorApiKeys = pgTable(
  'operator_api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('operator_api_keys_hash_key').on(t.keyHash)],
);
