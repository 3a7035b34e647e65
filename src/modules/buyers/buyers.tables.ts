// Buyer accounts of "Your Account" (ORD-14, MSG buyer side). The storefront owns buyer sign-up;
// Mercato keeps one row per buyer email, created at checkout, and its own sessions.
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const buyers = pgTable(
  'buyers',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    language: text('language').notNull().default('en'),
    /** Optional: demo buyers and storefronts that delegate passwords; otherwise sign-in links. */
    passwordHash: text('password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('buyers_email_key').on(sql`lower(${t.email})`)],
);

export const buyerSessions = pgTable(
  'buyer_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    buyerId: text('buyer_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('buyer_sessions_buyer_idx').on(t.buyerId)],
);

/** One-time sign-in links issued by the storefront (marketplace API); only the hash is stored. */
export const buyerSignInTokens = pgTable('buyer_sign_in_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  buyerId: text('buyer_id').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
