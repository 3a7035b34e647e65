// Every seller-owned table carries seller_id and leads its keys with it (DESIGN: ready for
// sharding by seller).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { OrderStatus, PostalAddress } from './orders.types.ts';

export const orders = pgTable(
  'orders',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    amazonOrderId: text('amazon_order_id').notNull(),
    marketplaceId: text('marketplace_id').notNull(),
    sellerOrderId: text('seller_order_id'),
    status: text('status').$type<OrderStatus>().notNull(),
    fulfillmentChannel: text('fulfillment_channel').$type<'MFN' | 'AFN'>().notNull(),
    paymentMethod: text('payment_method').$type<'Other' | 'CVS' | 'COD'>().notNull(),
    paymentVerifiedAt: timestamp('payment_verified_at', { withTimezone: true }),
    isBusinessOrder: boolean('is_business_order').notNull().default(false),
    purchaseOrderNumber: text('purchase_order_number'),
    buyerName: text('buyer_name').notNull(),
    buyerEmail: text('buyer_email').notNull(),
    /** MSG-4: the anonymised relay address sellers see instead of the real one. */
    buyerRelayEmail: text('buyer_relay_email').notNull(),
    shippingAddress: jsonb('shipping_address').$type<PostalAddress>().notNull(),
    shipServiceLevel: text('ship_service_level').notNull(),
    shipmentServiceLevelCategory: text('shipment_service_level_category').notNull(),
    handlingDays: integer('handling_days').notNull(),
    currency: text('currency').notNull(),
    orderTotal: bigint('order_total', { mode: 'bigint' }).notNull(),
    itemsShipped: integer('items_shipped').notNull().default(0),
    itemsUnshipped: integer('items_unshipped').notNull(),
    purchaseDate: timestamp('purchase_date', { withTimezone: true }).notNull(),
    lastUpdateDate: timestamp('last_update_date', { withTimezone: true }).notNull(),
    earliestShipDate: timestamp('earliest_ship_date', { withTimezone: true }),
    latestShipDate: timestamp('latest_ship_date', { withTimezone: true }),
    earliestDeliveryDate: timestamp('earliest_delivery_date', { withTimezone: true }),
    latestDeliveryDate: timestamp('latest_delivery_date', { withTimezone: true }),
    chargedAt: timestamp('charged_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.id] }),
    // Global: the marketplace API addresses orders by their public id alone. On a sharded
    // deployment this becomes a small reference table (amazon_order_id → seller_id).
    uniqueIndex('orders_amazon_order_id_key').on(t.amazonOrderId),
    index('orders_seller_purchase_idx').on(t.sellerId, t.purchaseDate, t.id),
    index('orders_seller_updated_idx').on(t.sellerId, t.lastUpdateDate, t.id),
    index('orders_seller_status_purchase_idx').on(t.sellerId, t.status, t.purchaseDate),
    index('orders_seller_buyer_email_idx').on(t.sellerId, sql`lower(${t.buyerEmail})`),
    index('orders_seller_buyer_relay_idx').on(t.sellerId, t.buyerRelayEmail),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    sellerId: text('seller_id').notNull(),
    orderId: text('order_id').notNull(),
    orderItemId: text('order_item_id').notNull(),
    position: integer('position').notNull(),
    asin: text('asin').notNull(),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
    quantityOrdered: integer('quantity_ordered').notNull(),
    quantityShipped: integer('quantity_shipped').notNull().default(0),
    unitPrice: bigint('unit_price', { mode: 'bigint' }).notNull(),
    itemPrice: bigint('item_price', { mode: 'bigint' }).notNull(),
    shippingPrice: bigint('shipping_price', { mode: 'bigint' }).notNull(),
    itemTax: bigint('item_tax', { mode: 'bigint' }).notNull().default(sql`0`),
    shippingTax: bigint('shipping_tax', { mode: 'bigint' }).notNull().default(sql`0`),
    promotionDiscount: bigint('promotion_discount', { mode: 'bigint' }).notNull().default(sql`0`),
    shippingDiscount: bigint('shipping_discount', { mode: 'bigint' }).notNull().default(sql`0`),
    isGift: boolean('is_gift').notNull().default(false),
    conditionId: text('condition_id').notNull().default('New'),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.orderId, t.orderItemId] }),
    index('order_items_seller_sku_idx').on(t.sellerId, t.sku),
  ],
);

export const shipments = pgTable(
  'shipments',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    orderId: text('order_id').notNull(),
    packageReferenceId: text('package_reference_id').notNull(),
    carrierCode: text('carrier_code').notNull(),
    carrierName: text('carrier_name'),
    shippingMethod: text('shipping_method'),
    trackingNumber: text('tracking_number').notNull(),
    shipDate: timestamp('ship_date', { withTimezone: true }).notNull(),
    source: text('source').$type<'web' | 'sp-api' | 'feed'>().notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
    confirmedBy: text('confirmed_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.id] }),
    uniqueIndex('shipments_package_key').on(t.sellerId, t.orderId, t.packageReferenceId),
  ],
);

export const shipmentItems = pgTable(
  'shipment_items',
  {
    sellerId: text('seller_id').notNull(),
    shipmentId: text('shipment_id').notNull(),
    orderId: text('order_id').notNull(),
    orderItemId: text('order_item_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.shipmentId, t.orderItemId] })],
);

/** The one capture of an order (ORD-7): the primary key makes a second capture impossible. */
export const orderCharges = pgTable(
  'order_charges',
  {
    sellerId: text('seller_id').notNull(),
    orderId: text('order_id').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    currency: text('currency').notNull(),
    shipmentId: text('shipment_id').notNull(),
    chargedAt: timestamp('charged_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.orderId] })],
);

/** Everything that happened to an order, for its timeline (ORD-4). */
export const orderEvents = pgTable(
  'order_events',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    orderId: text('order_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    actor: text('actor').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.id] }),
    index('order_events_order_idx').on(t.sellerId, t.orderId, t.at),
  ],
);
