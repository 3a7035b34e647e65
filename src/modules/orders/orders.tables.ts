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
import type {
  CancellationKind,
  OrderStatus,
  PostalAddress,
  RefundKind,
  RefundLine,
  TrackingStatus,
} from './orders.types.ts';

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
    /** The buyer account of "Your Account" (created from the buyer's email at checkout). */
    buyerId: text('buyer_id'),
    /** ORD-13 / PERF-3: who cancelled — seller, buyer_requested, auto (ORD-8) or marketplace. */
    cancellationKind: text('cancellation_kind').$type<CancellationKind>(),
    cancellationReason: text('cancellation_reason'),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    /** ORD-13: BuyerRequestedCancel on the items while the request is open. */
    buyerCancelRequestedAt: timestamp('buyer_cancel_requested_at', { withTimezone: true }),
    buyerCancelReason: text('buyer_cancel_reason'),
    /** ORD-8: the ship-by warning was raised (once) at this time. */
    shipByWarningAt: timestamp('ship_by_warning_at', { withTimezone: true }),
    /** ORD-5: the last buyer edit (address or quantity) inside the edit window. */
    buyerEditedAt: timestamp('buyer_edited_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.id] }),
    // Global: the marketplace API addresses orders by their public id alone. On a sharded
    // deployment this becomes a small reference table (amazon_order_id → seller_id).
    uniqueIndex('orders_amazon_order_id_key').on(t.amazonOrderId),
    index('orders_seller_purchase_idx').on(t.sellerId, t.purchaseDate, t.id),
    index('orders_seller_updated_idx').on(t.sellerId, t.lastUpdateDate, t.id),
    index('orders_seller_buyer_email_idx').on(t.sellerId, sql`lower(${t.buyerEmail})`),
    index('orders_seller_buyer_relay_idx').on(t.sellerId, t.buyerRelayEmail),
    // MSG-4: inbound mail to a relay address finds its buyer and seller without knowing the seller.
    index('orders_buyer_relay_idx').on(t.buyerRelayEmail),
    // Keyset pages of getOrders/searchOrders/Manage Orders per status tab.
    index('orders_seller_status_purchase_id_idx').on(t.sellerId, t.status, t.purchaseDate, t.id),
    index('orders_seller_status_updated_id_idx').on(t.sellerId, t.status, t.lastUpdateDate, t.id),
    // Manage Orders "sort by ship-by".
    index('orders_seller_status_ship_by_idx').on(t.sellerId, t.status, t.latestShipDate, t.id),
    // ORD-8 sweeps read only open MFN orders; the partial index stays small.
    index('orders_open_mfn_ship_by_idx')
      .on(t.marketplaceId, t.latestShipDate)
      .where(sql`status in ('Unshipped', 'PartiallyShipped') and fulfillment_channel = 'MFN'`),
    index('orders_buyer_idx').on(t.buyerId, t.purchaseDate),
    // Manage Orders' MFN/AFN filter: without it a rare channel scans the seller's orders (2 s at 1M).
    index('orders_seller_channel_status_purchase_idx').on(
      t.sellerId,
      t.fulfillmentChannel,
      t.status,
      t.purchaseDate,
      t.id,
    ),
    // SP-API getOrders SellerOrderId and the Manage Orders search by the seller's own order id.
    index('orders_seller_order_id_idx')
      .on(t.sellerId, t.sellerOrderId)
      .where(sql`seller_order_id is not null`),
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
    /** ORD-11/12: units that will never ship (refunded as unavailable or cancelled). */
    quantityCanceled: integer('quantity_canceled').notNull().default(0),
    pointsGranted: integer('points_granted').notNull().default(0),
    giftMessageText: text('gift_message_text'),
    giftWrapLevel: text('gift_wrap_level'),
    giftWrapPrice: bigint('gift_wrap_price', { mode: 'bigint' }).notNull().default(sql`0`),
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
    /** ORD-10: shipments of one combined parcel share this id (and usually the tracking number). */
    combinedShipmentId: text('combined_shipment_id'),
    /** SP-API updateShipmentStatus (store pickup): ReadyForPickup, PickedUp, RefusedPickup. */
    pickupStatus: text('pickup_status'),
    /** Latest carrier scan: InTransit, OutForDelivery, Delivered, Undeliverable, ReturnedToSender. */
    trackingStatus: text('tracking_status').$type<TrackingStatus>(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    /** ORD-12: why an undeliverable parcel came back (Undeliverable, Rejected, InvalidAddress). */
    returnReason: text('return_reason'),
    /** ORD-12: what the seller paid the carrier, deducted from an undeliverable refund. */
    actualShippingCost: bigint('actual_shipping_cost', { mode: 'bigint' }),
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

/** Carrier scans reported by the marketplace (tracking page of Your Account, on-time delivery). */
export const shipmentEvents = pgTable(
  'shipment_events',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    shipmentId: text('shipment_id').notNull(),
    orderId: text('order_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    status: text('status').$type<TrackingStatus>().notNull(),
    location: text('location'),
    /** The marketplace's own id of the scan: a repeated report is a no-op. */
    externalId: text('external_id'),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.id] }),
    index('shipment_events_shipment_idx').on(t.sellerId, t.shipmentId, t.at),
    uniqueIndex('shipment_events_external_key').on(t.sellerId, t.shipmentId, t.externalId),
  ],
);

/**
 * ORD-12: refunds and adjustments. `lines` holds per-item amounts (minor units as strings);
 * the order row is locked while one is written, so the "never more than charged" check holds.
 */
export const orderRefunds = pgTable(
  'order_refunds',
  {
    sellerId: text('seller_id').notNull(),
    id: text('id').notNull(),
    orderId: text('order_id').notNull(),
    reason: text('reason').notNull(),
    /** refund (seller), unavailable (ORD-11), combined_shipping (ORD-10), undeliverable (ORD-12). */
    kind: text('kind').$type<RefundKind>().notNull(),
    total: bigint('total', { mode: 'bigint' }).notNull(),
    currency: text('currency').notNull(),
    lines: jsonb('lines').$type<RefundLine[]>().notNull(),
    /** Undeliverable returns: the actual shipping cost kept back. */
    deductedShipping: bigint('deducted_shipping', { mode: 'bigint' }).notNull().default(sql`0`),
    note: text('note'),
    source: text('source').$type<'web' | 'sp-api' | 'feed' | 'marketplace' | 'system'>().notNull(),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Idempotency of API/feed callers (adjustment id); a repeat returns the first refund. */
    requestKey: text('request_key'),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.id] }),
    index('order_refunds_order_idx').on(t.sellerId, t.orderId, t.createdAt),
    uniqueIndex('order_refunds_request_key').on(t.sellerId, t.orderId, t.requestKey),
  ],
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
