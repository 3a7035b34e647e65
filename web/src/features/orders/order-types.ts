import type { Money } from '../../i18n/format';

export type OrderStatus =
  | 'PendingAvailability'
  | 'Pending'
  | 'Unshipped'
  | 'PartiallyShipped'
  | 'Shipped'
  | 'Canceled'
  | 'InvoiceUnconfirmed'
  | 'Unfulfillable';

/** The statuses Manage Orders has a tab for, in tab order. */
export const statusTabs = ['Pending', 'Unshipped', 'PartiallyShipped', 'Shipped', 'Canceled', 'All'] as const;
export type StatusTab = (typeof statusTabs)[number];
export type CountedStatus = Exclude<StatusTab, 'All'>;

export interface OrderRow {
  amazonOrderId: string;
  purchaseDate: string;
  status: OrderStatus;
  fulfillmentChannel: 'MFN' | 'AFN';
  paymentMethod: 'Other' | 'CVS' | 'COD';
  isBusinessOrder: boolean;
  buyerName: string;
  buyerEmail: string;
  itemCount: number;
  orderTotal: Money;
  latestShipDate: string | null;
  shipServiceLevel: string;
  marketplaceId: string;
  // The server's ship-by verdicts (ORD-7, ORD-8); the app computes late itself when absent.
  shipmentLate?: boolean;
  autoCancelAt?: string | null;
}

export interface OrderList {
  orders: OrderRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<StatusTab, number>;
}

export interface Address {
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  stateOrRegion: string | null;
  postalCode: string;
  countryCode: string;
  phone: string | null;
}

export interface OrderItem {
  orderItemId: string;
  sku: string;
  title: string;
  quantityOrdered: number;
  quantityShipped: number;
  unitPrice: Money;
  itemPrice: Money;
  shippingPrice: Money;
  // Shown (as columns) when some item has a non-zero value.
  itemTax?: Money;
  promotionDiscount?: Money;
}

export interface Shipment {
  id: string;
  carrierCode: string;
  carrierName: string | null;
  shippingMethod: string | null;
  trackingNumber: string;
  shipDate: string;
  items: Array<{ orderItemId: string; quantity: number }>;
}

export type TimelineParams = Record<string, string | number | boolean | null>;

export interface TimelineEntry {
  at: string;
  /** Stable kind (`order_placed`, `shipment_confirmed`, `buyer_notified_shipment`…) the app localizes. */
  kind: string;
  actor: string;
  /** English, shown for kinds the app has no text for. */
  message: string;
  params?: TimelineParams;
}

export interface Refusal {
  code: string;
  message: string;
}

export interface OrderDetail extends OrderRow {
  purchaseOrderNumber: string | null;
  shippingAddress: Address | null;
  earliestShipDate: string | null;
  latestShipDate: string | null;
  earliestDeliveryDate: string | null;
  latestDeliveryDate: string | null;
  items: OrderItem[];
  shipments: Shipment[];
  charge: { amount: Money; chargedAt: string } | null;
  timeline: TimelineEntry[];
  confirmShipment: { allowed: boolean; refusal: Refusal | null };
}

export interface ShipmentInput {
  carrierCode: string;
  carrierName?: string;
  shippingMethod?: string;
  trackingNumber: string;
  shipDate: string;
  items: Array<{ orderItemId: string; quantity: number }>;
}

/** Unshipped or partially shipped orders past their ship-by date are late (ORD-7). */
export function isShipmentLate(
  order: Pick<OrderRow, 'status' | 'latestShipDate' | 'shipmentLate'>,
  now: Date,
): boolean {
  if (order.shipmentLate !== undefined) return order.shipmentLate;
  if (order.status !== 'Unshipped' && order.status !== 'PartiallyShipped') return false;
  return order.latestShipDate !== null && new Date(order.latestShipDate).getTime() < now.getTime();
}
