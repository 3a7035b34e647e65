// The web API's order shapes (docs/web-api.md). Pure presenters over rows.
import { formatAmount } from '../../platform/money.ts';
import { shipmentRefusal } from './order-lifecycle.ts';
import type {
  ChargeRow,
  OrderEventRow,
  OrderItemRow,
  OrderRow,
  ShipmentItemRow,
  ShipmentRow,
} from './orders.repository.ts';
import { showsPhone } from './sp-api-order.ts';

const money = (minor: bigint, currency: string) => ({
  amount: formatAmount(minor, currency),
  currencyCode: currency,
});

export function orderRow(o: OrderRow, itemCount: number) {
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
  };
}

const EVENT_MESSAGES: Record<string, (d: Record<string, unknown>) => string> = {
  order_placed: (d) => `Order placed (${d.status === 'Pending' ? 'payment pending' : 'payment verified'})`,
  payment_completed: () => 'Payment completed: the order can be shipped',
  shipment_confirmed: (d) =>
    `Shipment confirmed: ${d.carrierCode} ${d.trackingNumber}${d.late ? ' (after the ship-by date)' : ''}`,
  payment_captured: () => 'Buyer charged for the whole order',
};

export function orderDetail(
  o: OrderRow,
  items: OrderItemRow[],
  shipments: (ShipmentRow & { items: ShipmentItemRow[] })[],
  charge: ChargeRow | undefined,
  events: OrderEventRow[],
  now: Date,
) {
  const refusal = shipmentRefusal(o.status);
  const addressVisible = !['Pending', 'PendingAvailability'].includes(o.status);
  const a = o.shippingAddress;
  return {
    ...orderRow(
      o,
      items.reduce((n, i) => n + i.quantityOrdered, 0),
    ),
    purchaseOrderNumber: o.purchaseOrderNumber,
    shippingAddress: addressVisible
      ? {
          name: a.name,
          addressLine1: a.addressLine1,
          addressLine2: a.addressLine2 ?? null,
          city: a.city,
          stateOrRegion: a.stateOrRegion ?? null,
          postalCode: a.postalCode,
          countryCode: a.countryCode,
          phone: showsPhone(o, now) ? (a.phone ?? null) : null,
        }
      : null,
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
    })),
    shipments: shipments.map((s) => ({
      id: s.id,
      carrierCode: s.carrierCode,
      carrierName: s.carrierName,
      shippingMethod: s.shippingMethod,
      trackingNumber: s.trackingNumber,
      shipDate: s.shipDate.toISOString(),
      items: s.items.map((l) => ({ orderItemId: l.orderItemId, quantity: l.quantity })),
    })),
    charge: charge
      ? { amount: money(charge.amount, charge.currency), chargedAt: charge.chargedAt.toISOString() }
      : null,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      actor: e.actor,
      message: (EVENT_MESSAGES[e.kind] ?? (() => e.kind))(e.data),
    })),
    confirmShipment: { allowed: refusal === null, refusal },
  };
}
