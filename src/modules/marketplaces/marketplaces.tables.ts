import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { MarketplacePolicy } from './marketplace-policy.ts';

export const marketplaces = pgTable('marketplaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  countryCode: text('country_code').notNull(),
  currency: text('currency').notNull(),
  language: text('language').notNull(),
  timeZone: text('time_zone').notNull(),
  domain: text('domain').notNull(),
  salesChannel: text('sales_channel').notNull(),
  policy: jsonb('policy').$type<MarketplacePolicy>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sellers = pgTable('sellers', {
  id: text('id').primaryKey(),
  marketplaceId: text('marketplace_id')
    .notNull()
    .references(() => marketplaces.id),
  name: text('name').notNull(),
  sellingPlan: text('selling_plan').$type<'Individual' | 'Professional'>().notNull(),
  timeZone: text('time_zone').notNull(),
  language: text('language').notNull(),
  customerServiceEmail: text('customer_service_email'),
  customerServiceEmailVerifiedAt: timestamp('customer_service_email_verified_at', { withTimezone: true }),
  emergencyPhone: text('emergency_phone'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
