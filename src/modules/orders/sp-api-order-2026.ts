// Orders API 2026-01-01 wire shapes (model orders_2026-01-01.json), field for field. Pure: rows
// in, JSON out. Each `includedData` value adds its blocks; the core (ids, times, sales channel,
// items with their product) is always there. Blocks Mercato has no data for are left out rather
// than invented: EXPENSE appears only with granted points; PROMOTION (promotion ids), TAX (tax
// registrations, tax collection) and FULFILLMENT_ORDERS (Easy Ship) never do.
// ORD-15: no PAYMENT for pay-later (CVS) orders. ORD-16: the phone rule of v0 applies here too.
import { formatAmount } from '../../platform/money.ts';
import type { OrderItemRow, OrderRow, ShipmentItemRow, ShipmentRow } from './orders.repository.ts';
import type { IncludedData } from './search-orders-query.ts';
import { buyerRequestedCancel, dropEmpty, showsAddress, showsPhone } from './sp-api-order.ts';

export type Money2026 = { amount: string; currencyCode: string };
export type Shipment2026 = ShipmentRow & { items: ShipmentItemRow[] };

export type Order2026Input = {
  order: OrderRow;
  items: OrderItemRow[];
  /** Needed only with PACKAGES. */
  shipments?: Shipment2026[];
  marketplaceName: string;
  included: ReadonlySet<IncludedData>;
  now: Date;
};

const money = (minor: bigint, currency: string): Money2026 => ({
  amount: formatAmount(minor, currency),
  currencyCode: currency,
});

/** OrderStatus (v0) → FulfillmentStatus (2026). */
export const FULFILLMENT_STATUS: Readonly<Record<string, string>> = {
  PendingAvailability: 'PENDING_AVAILABILITY',
  Pending: 'PENDING',
  Unshipped: 'UNSHIPPED',
  PartiallyShipped: 'PARTIALLY_SHIPPED',
  Shipped: 'SHIPPED',
  InvoiceUnconfirmed: 'SHIPPED',
  Canceled: 'CANCELLED',
  Unfulfillable: 'UNFULFILLABLE',
};

/** ShipmentServiceLevelCategory (v0) → fulfillmentServiceLevel (2026). */
const SERVICE_LEVEL: Readonly<Record<string, string>> = {
  Expedited: 'EXPEDITED',
  FreeEconomy: 'FREE_ECONOMY',
  NextDay: 'NEXT_DAY',
  Priority: 'PRIORITY',
  SameDay: 'SAME_DAY',
  SecondDay: 'SECOND_DAY',
  Scheduled: 'SCHEDULED',
  Standard: 'STANDARD',
};

/** ORD-13 / PERF-3 cancellation kind → who executed the cancellation. */
const CANCELLED_BY: Readonly<Record<string, string>> = {
  seller: 'MERCHANT',
  buyer_requested: 'BUYER',
  // The ORD-8 auto-cancel and the cancellation of an unpaid pay-later order are the marketplace's.
  auto: 'AMAZON',
  marketplace: 'AMAZON',
};

/**
 * Carrier scans (tracking_status) and store-pickup updates (pickup_status) → packageStatus. A
 * confirmed shipment without scans is SHIPPED: it was handed over to the carrier.
 */
export function packageStatus(s: Pick<ShipmentRow, 'trackingStatus' | 'pickupStatus'>): {
  status: string;
  detailedStatus?: string;
} {
  switch (s.trackingStatus) {
    case 'InTransit':
      return { status: 'IN_TRANSIT' };
    case 'OutForDelivery':
      return { status: 'IN_TRANSIT', detailedStatus: 'OUT_FOR_DELIVERY' };
    case 'Delivered':
      return { status: 'DELIVERED', detailedStatus: 'DELIVERED' };
    case 'Undeliverable':
      return { status: 'UNDELIVERABLE', detailedStatus: 'UNDELIVERABLE' };
    case 'ReturnedToSender':
      return { status: 'UNDELIVERABLE', detailedStatus: 'RETURNED_TO_SELLER' };
    default:
      break;
  }
  const pickup: Record<string, string> = {
    ReadyForPickup: 'PENDING_PICK_UP',
    PickedUp: 'PICKED_UP',
    RefusedPickup: 'REJECTED_BY_BUYER',
  };
  const detailed = s.pickupStatus ? pickup[s.pickupStatus] : undefined;
  return detailed ? { status: 'SHIPPED', detailedStatus: detailed } : { status: 'SHIPPED' };
}

const UNPRICED = new Set(['Pending', 'PendingAvailability', 'Canceled']);

function itemProceeds(i: OrderItemRow, currency: string) {
  const tax = i.itemTax + i.shippingTax;
  const discount = i.promotionDiscount + i.shippingDiscount;
  const total = i.itemPrice + i.shippingPrice + tax - discount;
  const breakdowns: Record<string, unknown>[] = [{ type: 'ITEM', subtotal: money(i.itemPrice, currency) }];
  if (i.shippingPrice > 0n) breakdowns.push({ type: 'SHIPPING', subtotal: money(i.shippingPrice, currency) });
  if (tax > 0n)
    breakdowns.push({
      type: 'TAX',
      subtotal: money(tax, currency),
      detailedBreakdowns: [
        { subtype: 'ITEM', value: money(i.itemTax, currency) },
        { subtype: 'SHIPPING', value: money(i.shippingTax, currency) },
      ],
    });
  // Discounts reduce the proceeds: negative, so the breakdowns add up to proceedsTotal.
  if (discount > 0n)
    breakdowns.push({
      type: 'DISCOUNT',
      subtotal: money(-discount, currency),
      detailedBreakdowns: [
        { subtype: 'ITEM', value: money(-i.promotionDiscount, currency) },
        { subtype: 'SHIPPING', value: money(-i.shippingDiscount, currency) },
      ],
    });
  return { proceedsTotal: money(total, currency), breakdowns };
}

function orderProceeds(order: OrderRow, items: OrderItemRow[]) {
  const c = order.currency;
  const sum = (f: (i: OrderItemRow) => bigint) => items.reduce((a, i) => a + f(i), 0n);
  const parts: [string, bigint][] = [
    ['ITEM', sum((i) => i.itemPrice)],
    ['SHIPPING', sum((i) => i.shippingPrice)],
    ['TAX', sum((i) => i.itemTax + i.shippingTax)],
    ['DISCOUNT', -sum((i) => i.promotionDiscount + i.shippingDiscount)],
  ];
  return {
    grandTotal: money(order.orderTotal, c),
    breakdowns: parts
      .filter(([t, v]) => t === 'ITEM' || v !== 0n)
      .map(([type, v]) => ({ type, subtotal: money(v, c) })),
  };
}

function deliveryAddress(order: OrderRow, now: Date) {
  const a = order.shippingAddress;
  return dropEmpty({
    name: a.name,
    addressLine1: a.addressLine1,
    addressLine2: a.addressLine2,
    addressLine3: a.addressLine3,
    city: a.city,
    districtOrCounty: a.district ?? a.county,
    stateOrRegion: a.stateOrRegion,
    postalCode: a.postalCode,
    countryCode: a.countryCode,
    phone: showsPhone(order, now) ? a.phone : undefined,
    addressType: a.addressType ? a.addressType.toUpperCase() : undefined,
  });
}

function window(earliest: Date | null, latest: Date | null) {
  if (!earliest && !latest) return undefined;
  return dropEmpty({ earliestDateTime: earliest?.toISOString(), latestDateTime: latest?.toISOString() });
}

function item2026(i: OrderItemRow, input: Order2026Input) {
  const { order, included } = input;
  const c = order.currency;
  const priced = !UNPRICED.has(order.status);
  const canceledUnits =
    order.status === 'Canceled' ? i.quantityOrdered - i.quantityShipped : i.quantityCanceled;
  const request = buyerRequestedCancel(order);
  const cancellation =
    included.has('CANCELLATION') && (request.requested || canceledUnits > 0)
      ? dropEmpty({
          cancellationRequest: request.requested
            ? dropEmpty({ requester: 'BUYER', cancelReason: request.reason || undefined })
            : undefined,
          cancellationExecution:
            canceledUnits > 0
              ? dropEmpty({
                  cancelledBy:
                    order.status === 'Canceled'
                      ? (CANCELLED_BY[order.cancellationKind ?? 'seller'] ?? 'MERCHANT')
                      : // ORD-11: units the seller could not ship and refunded.
                        'MERCHANT',
                  cancelReason:
                    order.status === 'Canceled' ? (order.cancellationReason ?? undefined) : undefined,
                })
              : undefined,
        })
      : undefined;
  const gift =
    i.giftMessageText || i.giftWrapLevel
      ? dropEmpty({
          giftMessage: i.giftMessageText ?? undefined,
          giftWrapLevel: i.giftWrapLevel ?? undefined,
        })
      : undefined;
  return dropEmpty({
    orderItemId: i.orderItemId,
    quantityOrdered: i.quantityOrdered,
    product: {
      asin: i.asin,
      title: i.title,
      sellerSku: i.sku,
      condition: {
        conditionType: i.conditionId.toUpperCase(),
        conditionSubtype: i.conditionId.toUpperCase(),
      },
      price: { unitPrice: money(i.unitPrice, c) },
    },
    proceeds: included.has('PROCEEDS') && priced ? itemProceeds(i, c) : undefined,
    expense:
      included.has('EXPENSE') && i.pointsGranted > 0
        ? {
            pointsCost: {
              // One point is worth one minor unit of the currency (¥1 in Japan), as in v0.
              pointsGranted: {
                pointsNumber: i.pointsGranted,
                pointsMonetaryValue: money(BigInt(i.pointsGranted), c),
              },
            },
          }
        : undefined,
    cancellation,
    fulfillment: included.has('FULFILLMENT')
      ? dropEmpty({
          quantityFulfilled: i.quantityShipped,
          quantityUnfulfilled: Math.max(
            0,
            i.quantityOrdered - i.quantityShipped - Math.max(0, canceledUnits),
          ),
          packing: gift ? { giftOption: gift } : undefined,
        })
      : undefined,
  });
}

function packages(shipments: Shipment2026[]) {
  return shipments.map((s) =>
    dropEmpty({
      packageReferenceId: s.packageReferenceId,
      createdTime: s.confirmedAt.toISOString(),
      packageStatus: packageStatus(s),
      carrier: s.carrierName ?? s.carrierCode,
      shipTime: s.shipDate.toISOString(),
      shippingService: s.shippingMethod ?? undefined,
      trackingNumber: s.trackingNumber,
      packageItems: s.items.map((l) => ({ orderItemId: l.orderItemId, quantity: l.quantity })),
    }),
  );
}

export function toOrder2026(input: Order2026Input) {
  const { order, items, included, now } = input;
  const c = order.currency;
  const mfn = order.fulfillmentChannel === 'MFN';
  const priced = !UNPRICED.has(order.status);
  return dropEmpty({
    orderId: order.amazonOrderId,
    orderAliases: order.sellerOrderId
      ? [{ aliasId: order.sellerOrderId, aliasType: 'SELLER_ORDER_ID' }]
      : undefined,
    createdTime: order.purchaseDate.toISOString(),
    lastUpdatedTime: order.lastUpdateDate.toISOString(),
    programs: order.isBusinessOrder ? ['AMAZON_BUSINESS'] : undefined,
    // The marketplace is the sales channel; Mercato marketplaces stand where Amazon's would.
    salesChannel: {
      channelName: 'AMAZON',
      marketplaceId: order.marketplaceId,
      marketplaceName: input.marketplaceName,
    },
    buyer: included.has('BUYER')
      ? dropEmpty({
          buyerName: order.buyerName,
          // The model: the (anonymised) email is only available for merchant-fulfilled orders.
          buyerEmail: mfn ? order.buyerRelayEmail : undefined,
          buyerPurchaseOrderNumber: order.purchaseOrderNumber ?? undefined,
        })
      : undefined,
    recipient:
      included.has('RECIPIENT') && showsAddress(order)
        ? { deliveryAddress: deliveryAddress(order, now) }
        : undefined,
    proceeds: included.has('PROCEEDS') && priced ? orderProceeds(order, items) : undefined,
    payment:
      included.has('PAYMENT') && priced && order.paymentMethod !== 'CVS'
        ? {
            paymentExecutions: [
              {
                paymentMethod: order.paymentMethod === 'COD' ? 'CashOnDelivery' : 'Other',
                paymentAmount: money(order.orderTotal, c),
              },
            ],
          }
        : undefined,
    fulfillment: included.has('FULFILLMENT')
      ? dropEmpty({
          fulfillmentStatus: FULFILLMENT_STATUS[order.status] ?? order.status,
          fulfilledBy: mfn ? 'MERCHANT' : 'AMAZON',
          fulfillmentServiceLevel: SERVICE_LEVEL[order.shipmentServiceLevelCategory],
          shipByWindow: mfn ? window(order.earliestShipDate, order.latestShipDate) : undefined,
          // As v0's LatestDeliveryDate: no delivery promise for unpaid or cancelled orders.
          deliverByWindow:
            mfn && priced ? window(order.earliestDeliveryDate, order.latestDeliveryDate) : undefined,
        })
      : undefined,
    orderItems: items.map((i) => item2026(i, input)),
    // The model: packages only exist for merchant-fulfilled orders.
    packages: included.has('PACKAGES') && mfn && input.shipments ? packages(input.shipments) : undefined,
  });
}
