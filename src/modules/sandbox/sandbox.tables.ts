import { bigint, pgTable, smallint, timestamp } from 'drizzle-orm/pg-core';

/** The sandbox clock offset: one row, read by every process (API-4). */
export const sandboxClock = pgTable('sandbox_clock', {
  id: smallint('id').primaryKey(),
  offsetMs: bigint('offset_ms', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
