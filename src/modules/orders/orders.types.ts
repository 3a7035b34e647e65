/** SP-API OrderStatus values (ORD-1). */
export const ORDER_STATUSES = [
  'PendingAvailability',
  'Pending',
  'Unshipped',
  'PartiallyShipped',
  'Shipped',
  'Canceled',
  'InvoiceUnconfirmed',
  'Unfulfillable',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_METHODS = ['Other', 'CVS', 'COD'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export type PostalAddress = {
  name: string;
  addressLine1: string;
  addressLine2?: string | null;
  addressLine3?: string | null;
  city: string;
  county?: string | null;
  district?: string | null;
  stateOrRegion?: string | null;
  postalCode: string;
  countryCode: string;
  phone?: string | null;
  addressType?: 'Residential' | 'Commercial' | null;
};

export type Actor = { kind: 'seller' | 'operator' | 'buyer' | 'system' | 'app'; id: string };

export type CancellationKind = 'seller' | 'buyer_requested' | 'auto' | 'marketplace';

export const TRACKING_STATUSES = [
  'InTransit',
  'OutForDelivery',
  'Delivered',
  'Undeliverable',
  'ReturnedToSender',
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export type RefundKind = 'refund' | 'unavailable' | 'combined_shipping' | 'undeliverable';

/** One item's part of a refund, in minor units (strings: jsonb has no bigint). */
export type RefundLine = {
  orderItemId: string;
  /** Units refunded (0 for a money-only adjustment such as shipping). */
  quantity: number;
  itemPrice: string;
  shippingPrice: string;
  itemTax: string;
  shippingTax: string;
};
