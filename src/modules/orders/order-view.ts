// The web API's order shapes (docs/web-api.md). Pure presenters over rows.
import { formatAmount } from '../../platform/money.ts';
import { autoCancelCutoff, type DeadlineRules, warningStartsAt } from './order-deadlines.ts';
import { shipmentRefusal } from './order-lifecycle.ts';
import type {
  ChargeRow,
  OrderEventRow,
  OrderItemRow,
  OrderRow,
  ShipmentItemRow,
  ShipmentRow,
} from './orders.repository.ts';
import { itemRefundables, type RefundFacts, refundView } from './refund-view.ts';
import { showsPhone } from './sp-api-order.ts';

const money = (minor: bigint, currency: string) => ({
  amount: formatAmount(minor, currency),
  currencyCode: currency,
});

/** What the ship-by verdicts need from the order's marketplace (its zone and ORD-8 setting). */
export type ShipByRules = DeadlineRules;
export { autoCancelCutoff };

/** "Now" and the rules of the order's marketplace: the verdicts of a row depend on both. */
export type RowContext = { now: Date; rules: ShipByRules };

type ShipByFacts = Pick<OrderRow, 'status' | 'latestShipDate'>;

/** ORD-7: an order with items left to ship is late once its ship-by date has passed. */
export function isShipmentLate(o: ShipByFacts, now: Date): boolean {
  const open = o.status === 'Unshipped' || o.status === 'PartiallyShipped';
  return open && o.latestShipDate !== null && now > o.latestShipDate;
}

/**
 * ORD-8: the cutoff Manage Orders warns about, from the (local) ship-by date on; null before it
 * and for orders it does not apply to. Only Unshipped orders are auto-cancelled: a partially
 * shipped order is already charged and shows "Shipment is late" instead.
 */
export function autoCancelAt(o: ShipByFacts, rules: ShipByRules, now: Date): Date | null {
  if (o.status !== 'Unshipped' || !o.latestShipDate) return null;
  if (now < warningStartsAt(o.latestShipDate, rules.timeZone)) return null;
  return autoCancelCutoff(o.latestShipDate, rules);
}

export function orderRow(o: OrderRow, itemCount: number, ctx: RowContext) {
  return {
    amazonOrderId: o.amazonOrderId,
    purchaseDate: o.purchaseDate.toISOString(),
    status: o.status,
    fulfillmentChannel: o.fulfillmentChannel,
    paymentMethod: o.paymentMethod,
    isBusinessOrder: o.isBusinessOrder,
    buyerName: o.buyerName,
    // Sellers see the anonymised relay address only (MSG-4).
    buyerEmail: o.buyerRelayEmail,
    itemCount,
    orderTotal: money(o.orderTotal, o.currency),
    latestShipDate: o.latestShipDate?.toISOString() ?? null,
    shipServiceLevel: o.shipServiceLevel,
    marketplaceId: o.marketplaceId,
    shipmentLate: isShipmentLate(o, ctx.now),
    autoCancelAt: autoCancelAt(o, ctx.rules, ctx.now)?.toISOString() ?? null,
    // ORD-13: the "Buyer requested cancel" badge, while the request is open.
    buyerCancelRequested: hasOpenCancelRequest(o),
  };
}

/** ORD-13: a buyer's cancellation request stays open until the order is cancelled or shipped. */
export function hasOpenCancelRequest(o: Pick<OrderRow, 'status' | 'buyerCancelRequestedAt'>): boolean {
  return o.buyerCancelRequestedAt !== null && ['Pending', 'Unshipped', 'PartiallyShipped'].includes(o.status);
}

type Params = Record<string, string | number | boolean | null>;
type Shipments = (ShipmentRow & { items: ShipmentItemRow[] })[];

/** The values of a timeline entry the web puts in its own (localized) sentence for the kind. */
export function timelineParams(e: Pick<OrderEventRow, 'kind' | 'data'>, shipments: Shipments): Params {
  const d = e.data;
  const shipment = shipments.find((s) => s.id === d.shipmentId);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  switch (e.kind) {
    case 'order_placed':
      return { status: str(d.status), paymentMethod: str(d.paymentMethod) };
    case 'payment_completed':
      return { paymentMethod: str(d.paymentMethod) };
    case 'shipment_confirmed':
      return {
        carrierCode: str(d.carrierCode),
        carrierName: shipment?.carrierName ?? null,
        trackingNumber: str(d.trackingNumber),
        late: d.late === true,
      };
    case 'payment_captured':
      return capturedParams(d);
    case 'buyer_notified_shipment':
      return { trackingNumber: shipment?.trackingNumber ?? null };
    case 'order_canceled':
      return { kind: str(d.kind), reason: str(d.reason), cutoff: str(d.cutoff) };
    case 'buyer_cancel_requested':
      return { reason: str(d.reason) };
    case 'buyer_edited':
      return { address: d.address === true, items: Array.isArray(d.items) ? d.items.length : 0 };
    case 'carrier_scan':
      return {
        status: str(d.status),
        location: str(d.location),
        trackingNumber: str(d.trackingNumber),
        returnReason: str(d.returnReason),
      };
    case 'ship_by_warning':
      return { cutoff: str(d.cutoff) };
    case 'refund_issued':
      // ORD-12: who (the entry's actor), when (its time), why (reason) and how much.
      return {
        ...capturedParams(d),
        reason: str(d.reason),
        refundKind: str(d.refundKind),
        deductedShipping: capturedParams({ amount: d.deductedShipping, currency: d.currency }).amount ?? null,
      };
    case 'buyer_email_failed':
      return {
        trackingNumber: shipment?.trackingNumber ?? null,
        responseCode: typeof d.responseCode === 'number' ? d.responseCode : null,
      };
    default:
      return {};
  }
}

function capturedParams(d: Record<string, unknown>): Params {
  const currency = typeof d.currency === 'string' ? d.currency : null;
  const minor = typeof d.amount === 'string' && /^-?\d+$/.test(d.amount) ? BigInt(d.amount) : null;
  return {
    amount: currency && minor !== null ? formatAmount(minor, currency) : null,
    currencyCode: currency,
  };
}

const EVENT_MESSAGES: Record<string, (p: Params) => string> = {
  order_placed: (p) => `Order placed (${p.status === 'Pending' ? 'payment pending' : 'payment verified'})`,
  payment_completed: () => 'Payment completed: the order can be shipped',
  shipment_confirmed: (p) =>
    `Shipment confirmed: ${p.carrierName ?? p.carrierCode} ${p.trackingNumber}${p.late ? ' (after the ship-by date)' : ''}`,
  payment_captured: (p) =>
    p.amount
      ? `Buyer charged ${p.amount} ${p.currencyCode} for the whole order`
      : 'Buyer charged for the whole order',
  order_canceled: (p) =>
    p.kind === 'auto'
      ? 'Cancelled automatically: shipment was not confirmed within the deadline'
      : p.kind === 'buyer_requested'
        ? `Cancelled at the buyer's request (${p.reason})`
        : p.kind === 'marketplace'
          ? `Cancelled by the marketplace (${p.reason})`
          : `Cancelled by the seller (${p.reason})`,
  buyer_cancel_requested: (p) => `The buyer asked to cancel: ${p.reason}`,
  buyer_edited: (p) =>
    `The buyer changed the ${p.address && p.items ? 'address and quantities' : p.address ? 'shipping address' : 'quantities'}`,
  carrier_scan: (p) =>
    `Carrier scan: ${p.status}${p.location ? ` at ${p.location}` : ''}${p.returnReason ? ` (${p.returnReason})` : ''}`,
  ship_by_warning: (p) => `Ship-by date reached: confirm shipment by ${p.cutoff} to avoid cancellation`,
  buyer_notified_cancellation: () => 'Cancellation email sent to the buyer',
  refund_issued: (p) =>
    `Refunded ${p.amount} ${p.currencyCode} (${p.reason})${p.deductedShipping && p.deductedShipping !== formatAmount(0n, String(p.currencyCode)) ? `, less ${p.deductedShipping} ${p.currencyCode} actual shipping cost` : ''}`,
  buyer_notified_refund: () => 'Refund email sent to the buyer',
  buyer_notified_shipment: (p) =>
    `Shipment email sent to the buyer${p.trackingNumber ? ` (tracking ${p.trackingNumber})` : ''}`,
  buyer_email_failed: (p) =>
    `The shipment email could not be delivered to the buyer${p.responseCode ? ` (SMTP ${p.responseCode})` : ''}`,
};

/** The English sentence of an entry (kinds without one read as their words: `some_kind` → "Some kind"). */
export function timelineMessage(kind: string, params: Params): string {
  const message = EVENT_MESSAGES[kind];
  if (message) return message(params);
  const words = kind.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function timelineEntry(e: OrderEventRow, shipments: Shipments) {
  const params = timelineParams(e, shipments);
  return {
    at: e.at.toISOString(),
    kind: e.kind,
    actor: e.actor,
    message: timelineMessage(e.kind, params),
    params,
  };
}

export type OrderDetailFacts = {
  order: OrderRow;
  items: OrderItemRow[];
  shipments: Shipments;
  charge: ChargeRow | undefined;
  events: OrderEventRow[];
  /** ORD-12: the order's refunds, oldest first. */
  refunds?: RefundFacts[];
};

export function orderDetail(f: OrderDetailFacts, ctx: RowContext) {
  const { order: o, items, shipments, charge } = f;
  const refusal = shipmentRefusal(o.status);
  const refundables = itemRefundables(items, f.refunds ?? [], charge !== undefined, o.currency);
  return {
    ...orderRow(
      o,
      items.reduce((n, i) => n + i.quantityOrdered, 0),
      ctx,
    ),
    purchaseOrderNumber: o.purchaseOrderNumber,
    shippingAddress: shippingAddress(o, ctx.now),
    earliestShipDate: o.earliestShipDate?.toISOString() ?? null,
    earliestDeliveryDate: o.earliestDeliveryDate?.toISOString() ?? null,
    latestDeliveryDate: o.latestDeliveryDate?.toISOString() ?? null,
    items: items.map((i) => ({
      orderItemId: i.orderItemId,
      sku: i.sku,
      title: i.title,
      quantityOrdered: i.quantityOrdered,
      quantityShipped: i.quantityShipped,
      unitPrice: money(i.unitPrice, o.currency),
      itemPrice: money(i.itemPrice, o.currency),
      shippingPrice: money(i.shippingPrice, o.currency),
      itemTax: money(i.itemTax, o.currency),
      promotionDiscount: money(i.promotionDiscount, o.currency),
      // ORD-4: points the marketplace grants the buyer (JP); the seller does not pay them.
      pointsGranted: i.pointsGranted,
      // ORD-11/12: units that will never ship, and what can still be refunded.
      ...refundables.get(i.orderItemId),
    })),
    shipments: shipments.map((s) => ({
      id: s.id,
      carrierCode: s.carrierCode,
      carrierName: s.carrierName,
      shippingMethod: s.shippingMethod,
      trackingNumber: s.trackingNumber,
      shipDate: s.shipDate.toISOString(),
      items: s.items.map((l) => ({ orderItemId: l.orderItemId, quantity: l.quantity })),
      combinedShipmentId: s.combinedShipmentId,
      pickupStatus: s.pickupStatus,
      trackingStatus: s.trackingStatus,
      deliveredAt: s.deliveredAt?.toISOString() ?? null,
      returnedAt: s.returnedAt?.toISOString() ?? null,
      returnReason: s.returnReason,
    })),
    charge: charge
      ? { amount: money(charge.amount, charge.currency), chargedAt: charge.chargedAt.toISOString() }
      : null,
    timeline: f.events.map((e) => timelineEntry(e, shipments)),
    refunds: (f.refunds ?? []).map(refundView),
    confirmShipment: { allowed: refusal === null, refusal },
    // ORD-13
    cancellation:
      o.status === 'Canceled'
        ? { kind: o.cancellationKind, reason: o.cancellationReason, at: o.canceledAt?.toISOString() ?? null }
        : null,
    buyerCancelRequest: hasOpenCancelRequest(o)
      ? { reason: o.buyerCancelReason, requestedAt: o.buyerCancelRequestedAt?.toISOString() ?? null }
      : null,
    actions: orderActions(o, shipments, charge !== undefined),
  };
}

/**
 * Which actions the detail page offers (the services still decide; these only hide buttons that
 * would certainly be refused).
 */
export function orderActions(
  o: Pick<OrderRow, 'status' | 'fulfillmentChannel'>,
  shipments: Pick<ShipmentRow, 'returnedAt' | 'actualShippingCost'>[],
  charged: boolean,
) {
  const open = o.status === 'Unshipped' || o.status === 'PartiallyShipped';
  const mfn = o.fulfillmentChannel === 'MFN';
  return {
    canCancel: o.status === 'Pending' || o.status === 'Unshipped' || o.status === 'PendingAvailability',
    canConfirm: mfn && shipmentRefusal(o.status) === null,
    canShipAvailable: mfn && open,
    canCombine: mfn && open,
    canRefund: charged && o.status !== 'Canceled',
    // A returned parcel not refunded yet (its actual shipping cost is recorded by that refund).
    canRefundUndeliverable:
      charged && shipments.some((s) => s.returnedAt !== null && s.actualShippingCost === null),
    canPrintSlip:
      mfn && o.status !== 'Pending' && o.status !== 'PendingAvailability' && o.status !== 'Canceled',
  };
}

/** ORD-2: no address while payment is pending; the phone only while the order needs it. */
function shippingAddress(o: OrderRow, now: Date) {
  if (['Pending', 'PendingAvailability'].includes(o.status)) return null;
  const a = o.shippingAddress;
  return {
    name: a.name,
    addressLine1: a.addressLine1,
    addressLine2: a.addressLine2 ?? null,
    city: a.city,
    stateOrRegion: a.stateOrRegion ?? null,
    postalCode: a.postalCode,
    countryCode: a.countryCode,
    phone: showsPhone(o, now) ? (a.phone ?? null) : null,
  };
}

export type HomeAlert = {
  severity: 'critical' | 'warning' | 'info';
  code: string;
  /** English; the web shows its own text for the code, filled with `params`. */
  message: string;
  params: Record<string, number | string>;
  /** Manage Orders filtered to exactly the orders the alert counts. */
  link: string;
};

/** The counts behind the home page's order alerts (each bounded; see countManageOrders). */
export type HomeAlertCounts = {
  /** ORD-7: Unshipped or PartiallyShipped orders past their ship-by date. */
  late: number;
  /** ORD-8: Unshipped orders from their ship-by date on, i.e. heading for auto-cancel. */
  shipByWarning: number;
  /** ORD-13: open buyer cancellation requests. */
  cancelRequests: number;
  /** ORD-2: orders waiting for payment. */
  pending: number;
};

/** The home page's order alerts (ORD-2, ORD-7, ORD-8, ORD-13), most urgent first. */
export function homeAlerts(n: HomeAlertCounts): HomeAlert[] {
  const alerts: HomeAlert[] = [];
  if (n.late > 0) {
    alerts.push({
      severity: 'critical',
      code: 'SHIPMENT_IS_LATE',
      message: `Shipment is late: ${n.late} order(s) with items left to ship are past their ship-by date.`,
      params: { count: n.late },
      link: '/orders?status=All&view=late&sort=shipBy',
    });
  }
  if (n.shipByWarning > 0) {
    alerts.push({
      severity: 'warning',
      code: 'AUTO_CANCEL_WARNING',
      message: `${n.shipByWarning} order(s) will be cancelled automatically unless you confirm them as shipped by the date shown.`,
      params: { count: n.shipByWarning },
      link: '/orders?status=Unshipped&view=shipByWarning&sort=shipBy',
    });
  }
  if (n.cancelRequests > 0) {
    alerts.push({
      severity: 'warning',
      code: 'BUYER_CANCEL_REQUESTS',
      message: `${n.cancelRequests} buyer(s) asked to cancel their order. Cancel it, or ship it to close the request.`,
      params: { count: n.cancelRequests },
      link: '/orders?status=All&view=cancelRequested',
    });
  }
  if (n.pending > 0) {
    alerts.push({
      severity: 'info',
      code: 'ORDERS_PENDING_PAYMENT',
      message: `${n.pending} order(s) are Pending payment. Do not ship them until they become Unshipped.`,
      params: { count: n.pending },
      link: '/orders?status=Pending',
    });
  }
  return alerts;
}
