// Orders v0 wire shapes (reference/sp-api.md §2.3–2.4; model ordersV0.json), field for field.
// Pure: rows in, JSON out. ORD-15: the payment details of pay-later (CVS) orders are the
// marketplace's and never shown. ORD-16: the phone number is hidden for AFN orders, and for MFN
// orders once past the deliver-by date.
import { toWire } from '../../platform/money.ts';
import type { OrderItemRow, OrderRow } from './orders.repository.ts';

type Ctx = { salesChannel: string; now: Date };

const ADDRESS_STATUSES = new Set(['Unshipped', 'PartiallyShipped', 'Shipped', 'InvoiceUnconfirmed']);
/**
 * Amazon shows no money on orders whose payment is not authorised (Pending) or that were
 * cancelled: no OrderTotal on the order, no prices on its items.
 */
const UNPRICED_STATUSES = new Set(['Pending', 'PendingAvailability', 'Canceled']);

export function showsPhone(
  order: Pick<OrderRow, 'fulfillmentChannel' | 'latestDeliveryDate'>,
  now: Date,
): boolean {
  if (order.fulfillmentChannel === 'AFN') return false;
  return !order.latestDeliveryDate || now <= order.latestDeliveryDate;
}

/** The shipping address is only given for orders that are to be, or were, shipped (ORD-2). */
export function showsAddress(order: Pick<OrderRow, 'status'>): boolean {
  return ADDRESS_STATUSES.has(order.status);
}

export function toV0Address(order: OrderRow, now: Date) {
  const a = order.shippingAddress;
  return dropEmpty({
    Name: a.name,
    AddressLine1: a.addressLine1,
    AddressLine2: a.addressLine2,
    AddressLine3: a.addressLine3,
    City: a.city,
    County: a.county,
    District: a.district,
    StateOrRegion: a.stateOrRegion,
    PostalCode: a.postalCode,
    CountryCode: a.countryCode,
    Phone: showsPhone(order, now) ? a.phone : undefined,
    AddressType: a.addressType,
  });
}

/** PaymentMethodDetails: hidden for CVS (ORD-15). */
function paymentMethodDetails(order: OrderRow): string[] | undefined {
  if (order.paymentMethod === 'CVS') return undefined;
  return [order.paymentMethod === 'COD' ? 'COD' : 'Standard'];
}

export function toV0Order(order: OrderRow, ctx: Ctx) {
  const iso = (d: Date | null) => d?.toISOString();
  const unpriced = UNPRICED_STATUSES.has(order.status);
  const canceled = order.status === 'Canceled';
  const mfn = order.fulfillmentChannel === 'MFN';
  const total = toWire(order.orderTotal, order.currency);
  return dropEmpty({
    AmazonOrderId: order.amazonOrderId,
    SellerOrderId: order.sellerOrderId ?? undefined,
    PurchaseDate: order.purchaseDate.toISOString(),
    LastUpdateDate: order.lastUpdateDate.toISOString(),
    OrderStatus: order.status,
    FulfillmentChannel: order.fulfillmentChannel,
    SalesChannel: ctx.salesChannel,
    ShipServiceLevel: order.shipServiceLevel,
    OrderTotal: unpriced ? undefined : total,
    NumberOfItemsShipped: order.itemsShipped,
    // A cancelled order has nothing left to ship.
    NumberOfItemsUnshipped: canceled ? 0 : order.itemsUnshipped,
    // COD sub-payments (the model: "sub-payment method used to pay for a COD order").
    PaymentExecutionDetail:
      order.paymentMethod === 'COD' && !unpriced ? [{ Payment: total, PaymentMethod: 'COD' }] : undefined,
    PaymentMethod: order.paymentMethod,
    PaymentMethodDetails: paymentMethodDetails(order),
    IsReplacementOrder: false,
    MarketplaceId: order.marketplaceId,
    ShipmentServiceLevelCategory: order.shipmentServiceLevelCategory,
    OrderType: 'StandardOrder',
    EarliestShipDate: mfn ? iso(order.earliestShipDate) : undefined,
    LatestShipDate: mfn ? iso(order.latestShipDate) : undefined,
    EarliestDeliveryDate: mfn ? iso(order.earliestDeliveryDate) : undefined,
    // The model: not returned for Pending, PendingAvailability or Canceled orders.
    LatestDeliveryDate: mfn && !unpriced ? iso(order.latestDeliveryDate) : undefined,
    IsBusinessOrder: order.isBusinessOrder,
    IsPrime: false,
    IsPremiumOrder: false,
    IsGlobalExpressEnabled: false,
    IsSoldByAB: false,
    IsIBA: false,
    IsISPU: false,
    IsAccessPointOrder: false,
    HasRegulatedItems: false,
    AutomatedShippingSettings: { HasAutomatedShippingSettings: false },
    // No Mercato marketplace requires electronic invoices (getOrders ElectronicInvoiceStatuses).
    ElectronicInvoiceStatus: 'NotRequired',
    ShippingAddress: showsAddress(order) ? toV0Address(order, ctx.now) : undefined,
    BuyerInfo: toV0BuyerInfo(order),
  });
}

export function toV0BuyerInfo(order: OrderRow) {
  return dropEmpty({
    BuyerEmail: order.buyerRelayEmail,
    BuyerName: order.buyerName,
    PurchaseOrderNumber: order.purchaseOrderNumber ?? undefined,
  });
}

type ItemOrder = Pick<
  OrderRow,
  | 'currency'
  | 'status'
  | 'buyerCancelRequestedAt'
  | 'buyerCancelReason'
  | 'cancellationKind'
  | 'cancellationReason'
>;

/** ORD-13: open buyer requests, and orders cancelled at the buyer's request, carry it on every item. */
export function buyerRequestedCancel(order: ItemOrder): { requested: boolean; reason: string } {
  const accepted = order.cancellationKind === 'buyer_requested';
  return {
    requested: !!order.buyerCancelRequestedAt || accepted,
    reason: order.buyerCancelReason ?? (accepted ? (order.cancellationReason ?? '') : ''),
  };
}

export function toV0OrderItem(item: OrderItemRow, order: ItemOrder) {
  const m = (v: bigint) => toWire(v, order.currency);
  const unpriced = UNPRICED_STATUSES.has(order.status);
  const cancel = buyerRequestedCancel(order);
  return dropEmpty({
    ASIN: item.asin,
    SellerSKU: item.sku,
    OrderItemId: item.orderItemId,
    Title: item.title,
    // Amazon reports the items of a cancelled order with QuantityOrdered 0.
    QuantityOrdered: order.status === 'Canceled' ? 0 : item.quantityOrdered,
    QuantityShipped: item.quantityShipped,
    ProductInfo: { NumberOfItems: '1' },
    PointsGranted:
      item.pointsGranted > 0
        ? {
            PointsNumber: item.pointsGranted,
            PointsMonetaryValue: pointsValue(item.pointsGranted, order.currency),
          }
        : undefined,
    ...(unpriced
      ? {}
      : {
          ItemPrice: m(item.itemPrice),
          ShippingPrice: m(item.shippingPrice),
          ItemTax: m(item.itemTax),
          ShippingTax: m(item.shippingTax),
          ShippingDiscount: m(item.shippingDiscount),
          ShippingDiscountTax: m(0n),
          PromotionDiscount: m(item.promotionDiscount),
          PromotionDiscountTax: m(0n),
        }),
    PromotionIds: [],
    IsGift: item.isGift ? 'true' : 'false',
    ConditionId: item.conditionId,
    ConditionSubtypeId: item.conditionId,
    IsTransparency: false,
    SerialNumberRequired: false,
    BuyerRequestedCancel: {
      IsBuyerRequestedCancel: cancel.requested ? 'true' : 'false',
      BuyerCancelReason: cancel.reason,
    },
  });
}

/**
 * One point is worth one minor unit of the marketplace currency (1 point = ¥1 in Japan, where
 * points exist). ORD-15 hides how the buyer paid with points, not the points the seller grants.
 */
export function pointsValue(points: number, currency: string) {
  return toWire(BigInt(points), currency);
}

/** getOrderItemsBuyerInfo: gift options per item (no Amazon Custom data in Mercato). */
export function toV0OrderItemBuyerInfo(item: OrderItemRow, currency: string) {
  const wrapped = item.giftWrapLevel !== null || item.giftWrapPrice > 0n;
  return dropEmpty({
    OrderItemId: item.orderItemId,
    GiftWrapPrice: wrapped ? toWire(item.giftWrapPrice, currency) : undefined,
    GiftMessageText: item.giftMessageText ?? undefined,
    GiftWrapLevel: item.giftWrapLevel ?? undefined,
  });
}

export function dropEmpty<T extends Record<string, unknown>>(o: T): Partial<T> {
  // A plain loop, not Object.fromEntries(Object.entries(o).filter(...)): getOrders maps 100
  // orders of ~40 fields per page, and the intermediate arrays made this function half of the
  // mapping's CPU (docs/benchmarks.md, getOrders profile).
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = o[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out as Partial<T>;
}
