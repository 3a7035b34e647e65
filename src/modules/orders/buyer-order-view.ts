// What a buyer sees of their orders in "Your Account" (issue 3 item 9). Pure presenters over rows.
// Buyers see their own address, items, money, shipments with tracking, refunds and a timeline of
// buyer-visible events only; never the seller's private data (seller order id, internal notes,
// the actual shipping cost the seller paid, who on the seller side acted, relay addresses).
import { formatAmount } from '../../platform/money.ts';
import { buyerEditRefusal, editWindowClosesAt } from './buyer-edit.ts';
import type { RefundRow, ShipmentEventRow } from './buyer-orders.repository.ts';
import { nextStatus, type Refusal } from './order-lifecycle.ts';
import type { ReceiptLanguage } from './receipt-labels.ts';
import type {
  ChargeRow,
  OrderEventRow,
  OrderItemRow,
  OrderRow,
  ShipmentItemRow,
  ShipmentRow,
} from './orders.repository.ts';

const money = (minor: bigint, currency: string) => ({
  amount: formatAmount(minor, currency),
  currencyCode: currency,
});

export type BuyerOrderFacts = {
  order: OrderRow;
  items: OrderItemRow[];
  shipments: (ShipmentRow & { items: ShipmentItemRow[] })[];
  charge: ChargeRow | undefined;
  events: OrderEventRow[];
  refunds: RefundRow[];
  scans: ShipmentEventRow[];
  sellerName: string;
  marketplace: {
    id: string;
    salesChannel: string;
    timeZone: string;
    language: ReceiptLanguage;
    editWindowMinutes: number;
  };
};

/** One line of the order list: enough to recognise the order and open it. */
export function buyerOrderRow(o: OrderRow, items: OrderItemRow[], sellerName: string) {
  return {
    amazonOrderId: o.amazonOrderId,
    purchaseDate: o.purchaseDate.toISOString(),
    status: o.status,
    sellerName,
    marketplaceId: o.marketplaceId,
    orderTotal: money(o.orderTotal, o.currency),
    items: items.map((i) => ({ title: i.title, quantity: i.quantityOrdered })),
    buyerCancelRequested: o.buyerCancelRequestedAt !== null,
  };
}

type Params = Record<string, string | number | boolean | null>;
export type BuyerTimelineEntry = { at: string; kind: string; params: Params };

/**
 * The buyer's timeline, from the facts themselves (charges, shipments, scans, refunds) plus the
 * events only the log knows (payment completed, edits, cancellation requests). Seller-side
 * events (emails sent, warnings, internal notes) are left out on purpose.
 */
export function buyerTimeline(f: BuyerOrderFacts): BuyerTimelineEntry[] {
  const { order: o } = f;
  const entries: (BuyerTimelineEntry & { ms: number; rank: number })[] = [];
  const push = (at: Date, kind: string, params: Params, rank: number) =>
    entries.push({ at: at.toISOString(), kind, params, ms: at.getTime(), rank });
  push(
    o.purchaseDate,
    'placed',
    { total: formatAmount(o.orderTotal, o.currency), currencyCode: o.currency },
    0,
  );
  for (const e of f.events) {
    if (e.kind === 'payment_completed') push(e.at, 'paid', {}, 1);
    if (e.kind === 'buyer_edited') {
      push(e.at, 'edited', { address: e.data.address === true, quantities: Array.isArray(e.data.items) }, 2);
    }
    if (e.kind === 'buyer_cancel_requested') {
      push(e.at, 'cancel_requested', { reason: typeof e.data.reason === 'string' ? e.data.reason : null }, 3);
    }
  }
  if (f.charge) {
    push(
      f.charge.chargedAt,
      'charged',
      { amount: formatAmount(f.charge.amount, f.charge.currency), currencyCode: f.charge.currency },
      5,
    );
  }
  for (const s of f.shipments) {
    push(
      s.confirmedAt,
      'shipped',
      { carrier: s.carrierName ?? s.carrierCode, trackingNumber: s.trackingNumber },
      4,
    );
  }
  for (const scan of f.scans) {
    const s = f.shipments.find((x) => x.id === scan.shipmentId);
    push(
      scan.at,
      'scan',
      { status: scan.status, location: scan.location, trackingNumber: s?.trackingNumber ?? null },
      6,
    );
  }
  for (const r of f.refunds) {
    push(
      r.createdAt,
      'refunded',
      { amount: formatAmount(r.total, r.currency), currencyCode: r.currency, reason: r.reason },
      7,
    );
  }
  if (o.canceledAt)
    push(o.canceledAt, 'canceled', { by: o.cancellationKind, reason: o.cancellationReason }, 8);
  return entries
    .sort((a, b) => a.ms - b.ms || a.rank - b.rank)
    .map(({ at, kind, params }) => ({ at, kind, params }));
}

/** ORD-13: whether the buyer may still ask to cancel, and why not. */
export function cancellationRequestRefusal(o: OrderRow): Refusal | null {
  const move = nextStatus(o.status, 'buyer_cancel_request');
  if (!move.ok) return move.refusal;
  return null;
}

export function buyerOrderDetail(f: BuyerOrderFacts, now: Date) {
  const { order: o, items } = f;
  const c = o.currency;
  const editRefusal = buyerEditRefusal(o, f.marketplace.editWindowMinutes, now);
  const cancelRefusal = o.buyerCancelRequestedAt ? null : cancellationRequestRefusal(o);
  const refunded = f.refunds.reduce((a, r) => a + r.total, 0n);
  const sum = (pick: (i: OrderItemRow) => bigint) => items.reduce((a, i) => a + pick(i), 0n);
  return {
    amazonOrderId: o.amazonOrderId,
    purchaseDate: o.purchaseDate.toISOString(),
    status: o.status,
    // The seller's public profile id (MSG-1: "Contact seller" on the order opens it).
    seller: { id: o.sellerId, name: f.sellerName },
    marketplace: { id: f.marketplace.id, name: f.marketplace.salesChannel, timeZone: f.marketplace.timeZone },
    paymentMethod: o.paymentMethod,
    isBusinessOrder: o.isBusinessOrder,
    purchaseOrderNumber: o.purchaseOrderNumber,
    // The buyer's own address, as they gave it (phone included: it is theirs).
    shippingAddress: o.shippingAddress,
    shipServiceLevel: o.shipServiceLevel,
    deliveryWindow:
      o.earliestDeliveryDate && o.latestDeliveryDate
        ? { from: o.earliestDeliveryDate.toISOString(), to: o.latestDeliveryDate.toISOString() }
        : null,
    items: items.map((i) => ({
      orderItemId: i.orderItemId,
      title: i.title,
      asin: i.asin,
      quantityOrdered: i.quantityOrdered,
      quantityShipped: i.quantityShipped,
      quantityCanceled: i.quantityCanceled,
      unitPrice: money(i.unitPrice, c),
      itemPrice: money(i.itemPrice, c),
      shippingPrice: money(i.shippingPrice, c),
      itemTax: money(i.itemTax, c),
      shippingTax: money(i.shippingTax, c),
      promotionDiscount: money(i.promotionDiscount + i.shippingDiscount, c),
    })),
    totals: {
      items: money(
        sum((i) => i.itemPrice),
        c,
      ),
      shipping: money(
        sum((i) => i.shippingPrice),
        c,
      ),
      tax: money(
        sum((i) => i.itemTax + i.shippingTax),
        c,
      ),
      discounts: money(
        sum((i) => i.promotionDiscount + i.shippingDiscount),
        c,
      ),
      total: money(o.orderTotal, c),
      refunded: money(refunded, c),
      // What the buyer paid in the end: nothing until the first shipment captured the order (ORD-7).
      net: money(f.charge ? f.charge.amount - refunded : 0n, c),
    },
    charge: f.charge
      ? { amount: money(f.charge.amount, f.charge.currency), chargedAt: f.charge.chargedAt.toISOString() }
      : null,
    shipments: f.shipments.map((s) => ({
      id: s.id,
      carrier: s.carrierName ?? s.carrierCode,
      carrierCode: s.carrierCode,
      shippingMethod: s.shippingMethod,
      trackingNumber: s.trackingNumber,
      shipDate: s.shipDate.toISOString(),
      trackingStatus: s.trackingStatus,
      deliveredAt: s.deliveredAt?.toISOString() ?? null,
      returnedAt: s.returnedAt?.toISOString() ?? null,
      returnReason: s.returnReason,
      items: s.items.map((l) => ({
        orderItemId: l.orderItemId,
        title: items.find((i) => i.orderItemId === l.orderItemId)?.title ?? l.orderItemId,
        quantity: l.quantity,
      })),
      scans: f.scans
        .filter((e) => e.shipmentId === s.id)
        .map((e) => ({ at: e.at.toISOString(), status: e.status, location: e.location })),
    })),
    refunds: f.refunds.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      reason: r.reason,
      kind: r.kind,
      total: money(r.total, r.currency),
      deductedShipping: r.deductedShipping > 0n ? money(r.deductedShipping, r.currency) : null,
      lines: r.lines.map((l) => ({
        orderItemId: l.orderItemId,
        title: items.find((i) => i.orderItemId === l.orderItemId)?.title ?? l.orderItemId,
        quantity: l.quantity,
        amount: money(
          BigInt(l.itemPrice) + BigInt(l.shippingPrice) + BigInt(l.itemTax) + BigInt(l.shippingTax),
          r.currency,
        ),
      })),
    })),
    cancellation: o.canceledAt
      ? { by: o.cancellationKind, reason: o.cancellationReason, at: o.canceledAt.toISOString() }
      : null,
    cancelRequest: o.buyerCancelRequestedAt
      ? { reason: o.buyerCancelReason, requestedAt: o.buyerCancelRequestedAt.toISOString() }
      : null,
    edit: {
      allowed: editRefusal === null,
      closesAt: editWindowClosesAt(o.purchaseDate, f.marketplace.editWindowMinutes).toISOString(),
      refusal: editRefusal,
    },
    cancel: {
      allowed: cancelRefusal === null && o.buyerCancelRequestedAt === null,
      refusal: cancelRefusal,
    },
    receipt: { available: f.charge !== undefined },
    timeline: buyerTimeline(f),
  };
}

export type BuyerOrderDetail = ReturnType<typeof buyerOrderDetail>;
