// A minimal listings model (NTF-2 Listings created/closed, NTF-5 out-of-stock): SKU, title, price,
// quantity, status, managed through the marketplace API and a seller page.
import { bigint, date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const listings = pgTable(
  'listings',
  {
    sellerId: text('seller_id').notNull(),
    sku: text('sku').notNull(),
    marketplaceId: text('marketplace_id').notNull(),
    asin: text('asin'),
    title: text('title').notNull(),
    price: bigint('price', { mode: 'bigint' }).notNull(),
    currency: text('currency').notNull(),
    quantity: integer('quantity').notNull(),
    status: text('status').$type<'active' | 'inactive' | 'closed'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.sku] })],
);

/** NTF-5: detail-page views reported by the storefront, per listing and local day. */
export const listingViews = pgTable(
  'listing_views',
  {
    sellerId: text('seller_id').notNull(),
    sku: text('sku').notNull(),
    day: date('day').notNull(),
    views: integer('views').notNull(),
    /** Views while the listing had no stock: "out-of-stock products that buyers looked for". */
    outOfStockViews: integer('out_of_stock_views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.sku, t.day] })],
);
