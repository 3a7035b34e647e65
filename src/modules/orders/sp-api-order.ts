// Orders v0 wire shapes (reference/sp-api.md §2.3–2.4), field for field. Pure: row in, JSON out.
// ORD-15: pay-later payment details are the marketplace's and never shown. ORD-16: the phone
// number is hidden for AFN orders, and for MFN orders once past the deliver-by date.
import { toWire } from '../../platform/money.ts';
import type { OrderItemRow, OrderRow } from './orders.repository.ts';

type Ctx = { salesChannel: string; now: Date };

const ADDRESS_STATUSES = new Set(['Unshipped', 'PartiallyShipped', 'Shipped', 'InvoiceUnconfirmed']);

export function showsPhone(
  order: Pick<OrderRow, 'fulfillmentChannel' | 'latestDeliveryDate'>,
  now: Date,
): boolean {
  if (order.fulfillmentChannel === 'AFN') return false;
  return !order.latestDeliveryDate || now <= order.latestDeliveryDate;
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

export function toV0Order(order: OrderRow, ctx: Ctx) {
  const iso = (d: Date | null) => d?.toISOString();
  const pendingOrCanceled = ['Pending', 'PendingAvailability', 'Canceled'].includes(order.status);
  return dropEmpty({
    AmazonOrderId: order.amazonOrderId,
    SellerOrderId: order.sellerOrderId ?? undefined,
    PurchaseDate: order.purchaseDate.toISOString(),
    LastUpdateDate: order.lastUpdateDate.toISOString(),
    OrderStatus: order.status,
    FulfillmentChannel: order.fulfillmentChannel,
    SalesChannel: ctx.salesChannel,
    ShipServiceLevel: order.shipServiceLevel,
    OrderTotal: toWire(order.orderTotal, order.currency),
    NumberOfItemsShipped: order.itemsShipped,
    NumberOfItemsUnshipped: order.itemsUnshipped,
    PaymentMethod: order.paymentMethod,
    PaymentMethodDetails: [order.paymentMethod === 'COD' ? 'COD' : 'Standard'],
    MarketplaceId: order.marketplaceId,
    ShipmentServiceLevelCategory: order.shipmentServiceLevelCategory,
    OrderType: 'StandardOrder',
    EarliestShipDate: iso(order.earliestShipDate),
    LatestShipDate: iso(order.latestShipDate),
    EarliestDeliveryDate: iso(order.earliestDeliveryDate),
    LatestDeliveryDate: pendingOrCanceled ? undefined : iso(order.latestDeliveryDate),
    IsBusinessOrder: order.isBusinessOrder,
    IsPrime: false,
    IsPremiumOrder: false,
    IsGlobalExpressEnabled: false,
    IsReplacementOrder: false,
    IsSoldByAB: false,
    IsISPU: false,
    IsAccessPointOrder: false,
    HasRegulatedItems: false,
    ShippingAddress: ADDRESS_STATUSES.has(order.status) ? toV0Address(order, ctx.now) : undefined,
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

export function toV0OrderItem(item: OrderItemRow, currency: string) {
  const m = (v: bigint) => toWire(v, currency);
  return {
    ASIN: item.asin,
    SellerSKU: item.sku,
    OrderItemId: item.orderItemId,
    Title: item.title,
    QuantityOrdered: item.quantityOrdered,
    QuantityShipped: item.quantityShipped,
    ProductInfo: { NumberOfItems: '1' },
    ItemPrice: m(item.itemPrice),
    ShippingPrice: m(item.shippingPrice),
    ItemTax: m(item.itemTax),
    ShippingTax: m(item.shippingTax),
    ShippingDiscount: m(item.shippingDiscount),
    ShippingDiscountTax: m(0n),
    PromotionDiscount: m(item.promotionDiscount),
    PromotionDiscountTax: m(0n),
    PromotionIds: [],
    IsGift: item.isGift ? 'true' : 'false',
    ConditionId: item.conditionId,
    ConditionSubtypeId: item.conditionId,
    IsTransparency: false,
    SerialNumberRequired: false,
    BuyerRequestedCancel: { IsBuyerRequestedCancel: 'false', BuyerCancelReason: '' },
  };
}

function dropEmpty<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
