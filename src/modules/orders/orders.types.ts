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
