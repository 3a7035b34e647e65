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
  /** ORD-13: an open buyer cancellation request ("Buyer requested cancel"). */
  buyerCancelRequested?: boolean;
}

export interface OrderList {
  orders: OrderRow[];
  /** Orders of the current tab and filters, at most `countCap` (then `totalCapped`). */
  total: number;
  totalCapped?: boolean;
  pageSize: number;
  nextCursor: string | null;
  prevCursor: string | null;
  counts: Record<StatusTab, number>;
  /** Tabs whose count stopped at `countCap` ("10,000+"). */
  cappedCounts?: StatusTab[];
  countCap?: number;
}

/** Alert filters of Manage Orders (the home page links to them). */
export const orderViews = ['late', 'shipByWarning', 'cancelRequested'] as const;
export type OrderView = (typeof orderViews)[number];
export type OrderSort = 'purchaseDate' | 'shipBy';

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
  pointsGranted?: number;
  /** ORD-11/12: units that will never ship. */
  quantityCanceled?: number;
  /** ORD-12: what is left to refund (zero before the buyer is charged). */
  refundable?: {
    quantity: number;
    itemPrice: Money;
    shippingPrice: Money;
    itemTax: Money;
    shippingTax: Money;
    total: Money;
  };
}

export interface Shipment {
  id: string;
  carrierCode: string;
  carrierName: string | null;
  shippingMethod: string | null;
  trackingNumber: string;
  shipDate: string;
  items: Array<{ orderItemId: string; quantity: number }>;
  combinedShipmentId?: string | null;
  trackingStatus?: TrackingStatus | null;
  deliveredAt?: string | null;
  returnedAt?: string | null;
  returnReason?: string | null;
}

export type TrackingStatus =
  | 'InTransit'
  | 'OutForDelivery'
  | 'Delivered'
  | 'Undeliverable'
  | 'ReturnedToSender';

export interface RefundLine {
  orderItemId: string;
  quantity: number;
  itemPrice: Money;
  shippingPrice: Money;
  itemTax: Money;
  shippingTax: Money;
}

export interface Refund {
  id: string;
  reason: string;
  /** refund, unavailable (ORD-11), combined_shipping (ORD-10), undeliverable (ORD-12). */
  kind: string;
  total: Money;
  lines: RefundLine[];
  deductedShipping: Money;
  note: string | null;
  source?: string;
  actor: string;
  createdAt: string;
}

/** What the seller may do now; each action is shown only when its flag allows it. */
export interface OrderActions {
  canCancel: boolean;
  canRefund: boolean;
  canConfirm: boolean;
  canShipAvailable: boolean;
  canRefundUndeliverable: boolean;
  canCombine: boolean;
  canPrintSlip?: boolean;
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
  refunds?: Refund[];
  cancellation?: { kind: string | null; reason: string | null; at: string | null } | null;
  buyerCancelRequest?: { reason: string | null; requestedAt: string | null } | null;
  actions?: OrderActions;
}

/** The seller's reasons to cancel (ORD-13), as SP-API names them. */
export const cancelReasons = [
  'NoInventory',
  'ShippingAddressUndeliverable',
  'CustomerExchange',
  'BuyerCanceled',
  'GeneralAdjustment',
  'CarrierCreditDecision',
  'RiskAssessmentInformationNotValid',
  'CarrierCoverageFailure',
  'CustomerReturn',
  'MerchandiseNotReceived',
] as const;

/** Refund reasons a seller picks by hand (ORD-12); the others are set by the flows themselves. */
export const refundReasons = [
  'NoInventory',
  'CouldNotShip',
  'CustomerReturn',
  'CustomerCancel',
  'GeneralAdjustment',
  'BuyerCanceled',
  'ShippingAddressUndeliverable',
  'PriceDiscrepancy',
  'CarrierCreditDecision',
  'RiskAssessmentInformationNotValid',
  'CarrierCoverageFailure',
] as const;

export interface CombinableOrder {
  amazonOrderId: string;
  purchaseDate: string;
  status: OrderStatus;
  latestShipDate: string | null;
  itemsUnshipped: number;
  orderTotal: Money;
}

export interface CsvRowResult {
  row: number;
  orderId: string | null;
  orderItemId: string | null;
  quantity: number | null;
  trackingNumber: string | null;
  result: 'applied' | 'unchanged' | 'refused';
  code?: string;
  message?: string;
  orderStatus?: string;
}

export interface CsvReport {
  rows: number;
  applied: number;
  unchanged: number;
  refused: number;
  results: CsvRowResult[];
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
