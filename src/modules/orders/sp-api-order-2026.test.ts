import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderItemRow, OrderRow } from './orders.repository.ts';
import { INCLUDED_DATA, type IncludedData } from './search-orders-query.ts';
import { packageStatus, type Shipment2026, toOrder2026 } from './sp-api-order-2026.ts';

const now = new Date('2026-11-22T12:00:00Z');

const order = (over: Partial<OrderRow> = {}): OrderRow => ({
  sellerId: 'sel_1',
  id: 'ord_1',
  amazonOrderId: '503-1234567-1234567',
  marketplaceId: 'A1VC38T7YXB528',
  sellerOrderId: null,
  status: 'Unshipped',
  fulfillmentChannel: 'MFN',
  paymentMethod: 'Other',
  paymentVerifiedAt: new Date('2026-11-20T01:00:00Z'),
  isBusinessOrder: false,
  purchaseOrderNumber: null,
  buyerName: '山田 太郎',
  buyerEmail: 'taro@example.com',
  buyerRelayEmail: 'abc@relay.mercato.jp',
  shippingAddress: {
    name: '山田 太郎',
    addressLine1: '1-2-3 Shibuya',
    city: 'Shibuya-ku',
    postalCode: '150-0002',
    countryCode: 'JP',
    phone: '090-1234-5678',
    addressType: 'Residential',
  },
  shipServiceLevel: 'Std JP D2D Dom',
  shipmentServiceLevelCategory: 'Standard',
  handlingDays: 2,
  currency: 'JPY',
  orderTotal: 5350n,
  itemsShipped: 0,
  itemsUnshipped: 3,
  purchaseDate: new Date('2026-11-20T01:00:00Z'),
  lastUpdateDate: new Date('2026-11-20T01:00:00Z'),
  earliestShipDate: new Date('2026-11-20T01:00:00Z'),
  latestShipDate: new Date('2026-11-24T14:59:59Z'),
  earliestDeliveryDate: new Date('2026-11-25T15:00:00Z'),
  latestDeliveryDate: new Date('2026-11-27T14:59:59Z'),
  chargedAt: null,
  buyerId: null,
  cancellationKind: null,
  cancellationReason: null,
  canceledAt: null,
  buyerCancelRequestedAt: null,
  buyerCancelReason: null,
  shipByWarningAt: null,
  buyerEditedAt: null,
  ...over,
});

const item = (over: Partial<OrderItemRow> = {}): OrderItemRow => ({
  sellerId: 'sel_1',
  orderId: 'ord_1',
  orderItemId: '11111111111111',
  position: 0,
  asin: 'B000000001',
  sku: 'SKU-A',
  title: 'Green tea 100g',
  quantityOrdered: 2,
  quantityShipped: 0,
  unitPrice: 1500n,
  itemPrice: 3000n,
  shippingPrice: 350n,
  itemTax: 0n,
  shippingTax: 0n,
  promotionDiscount: 0n,
  shippingDiscount: 0n,
  isGift: false,
  conditionId: 'New',
  quantityCanceled: 0,
  pointsGranted: 0,
  giftMessageText: null,
  giftWrapLevel: null,
  giftWrapPrice: 0n,
  ...over,
});

const all = new Set<IncludedData>(INCLUDED_DATA);
// biome-ignore lint/suspicious/noExplicitAny: wire JSON, read field by field in assertions
type Wire = any;
const map = (
  o: OrderRow,
  items: OrderItemRow[],
  included: Set<IncludedData>,
  shipments?: Shipment2026[],
): Wire => toOrder2026({ order: o, items, shipments, marketplaceName: 'Mercato.jp', included, now });

describe('Orders 2026-01-01 order shape', () => {
  it('always has the core, and nothing else without includedData', () => {
    const o = map(order({ sellerOrderId: 'S-1' }), [item()], new Set());
    expect(o).toEqual({
      orderId: '503-1234567-1234567',
      orderAliases: [{ aliasId: 'S-1', aliasType: 'SELLER_ORDER_ID' }],
      createdTime: '2026-11-20T01:00:00.000Z',
      lastUpdatedTime: '2026-11-20T01:00:00.000Z',
      salesChannel: { channelName: 'AMAZON', marketplaceId: 'A1VC38T7YXB528', marketplaceName: 'Mercato.jp' },
      orderItems: [
        {
          orderItemId: '11111111111111',
          quantityOrdered: 2,
          product: {
            asin: 'B000000001',
            title: 'Green tea 100g',
            sellerSku: 'SKU-A',
            condition: { conditionType: 'NEW', conditionSubtype: 'NEW' },
            price: { unitPrice: { amount: '1500', currencyCode: 'JPY' } },
          },
        },
      ],
    });
  });

  it('adds buyer, recipient (with the phone during the fulfilment period), fulfillment and payment', () => {
    const o = map(order({ isBusinessOrder: true, purchaseOrderNumber: 'PO-7' }), [item()], all);
    expect(o.programs).toEqual(['AMAZON_BUSINESS']);
    expect(o.buyer).toEqual({
      buyerName: '山田 太郎',
      buyerEmail: 'abc@relay.mercato.jp',
      buyerPurchaseOrderNumber: 'PO-7',
    });
    expect(o.recipient?.deliveryAddress).toMatchObject({
      phone: '090-1234-5678',
      addressType: 'RESIDENTIAL',
    });
    expect(o.fulfillment).toEqual({
      fulfillmentStatus: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      fulfillmentServiceLevel: 'STANDARD',
      shipByWindow: {
        earliestDateTime: '2026-11-20T01:00:00.000Z',
        latestDateTime: '2026-11-24T14:59:59.000Z',
      },
      deliverByWindow: {
        earliestDateTime: '2026-11-25T15:00:00.000Z',
        latestDateTime: '2026-11-27T14:59:59.000Z',
      },
    });
    expect(o.payment).toEqual({
      paymentExecutions: [{ paymentMethod: 'Other', paymentAmount: { amount: '5350', currencyCode: 'JPY' } }],
    });
    expect(o.orderItems[0]?.fulfillment).toEqual({ quantityFulfilled: 0, quantityUnfulfilled: 2 });
  });

  it('hides the phone after the deliver-by date and for AFN orders (ORD-16)', () => {
    const late: Wire = toOrder2026({
      order: order({ status: 'Shipped' }),
      items: [item()],
      marketplaceName: 'Mercato.jp',
      included: all,
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(late.recipient?.deliveryAddress).not.toHaveProperty('phone');
    const afn = map(order({ fulfillmentChannel: 'AFN' }), [item()], all);
    expect(afn.recipient?.deliveryAddress).not.toHaveProperty('phone');
    expect(afn.buyer).not.toHaveProperty('buyerEmail');
  });

  it('never shows payment details of a convenience-store order (ORD-15)', () => {
    const o = map(order({ paymentMethod: 'CVS' }), [item()], all);
    expect(o).not.toHaveProperty('payment');
    const cod = map(order({ paymentMethod: 'COD' }), [item()], all);
    expect(cod.payment?.paymentExecutions[0]?.paymentMethod).toBe('CashOnDelivery');
  });

  it('shows no address, money or delivery promise on a Pending order (ORD-2)', () => {
    const o = map(order({ status: 'Pending', paymentMethod: 'CVS' }), [item()], all);
    expect(o).not.toHaveProperty('recipient');
    expect(o).not.toHaveProperty('proceeds');
    expect(o.fulfillment).not.toHaveProperty('deliverByWindow');
    expect(o.fulfillment?.fulfillmentStatus).toBe('PENDING');
  });

  it('tells who cancelled, and why, on the items (CANCELLATION)', () => {
    const seller = map(
      order({ status: 'Canceled', cancellationKind: 'seller', cancellationReason: 'NoInventory' }),
      [item()],
      all,
    );
    expect(seller.orderItems[0]?.cancellation).toEqual({
      cancellationExecution: { cancelledBy: 'MERCHANT', cancelReason: 'NoInventory' },
    });
    expect(seller.fulfillment?.fulfillmentStatus).toBe('CANCELLED');
    const open = map(
      order({
        buyerCancelRequestedAt: new Date('2026-11-21T00:00:00Z'),
        buyerCancelReason: 'Found it cheaper',
      }),
      [item()],
      all,
    );
    expect(open.orderItems[0]?.cancellation).toEqual({
      cancellationRequest: { requester: 'BUYER', cancelReason: 'Found it cheaper' },
    });
    const auto = map(order({ status: 'Canceled', cancellationKind: 'auto' }), [item()], all);
    expect(auto.orderItems[0]?.cancellation?.cancellationExecution?.cancelledBy).toBe('AMAZON');
    expect(map(order(), [item()], all).orderItems[0]).not.toHaveProperty('cancellation');
  });

  it('shows granted points as the item expense, and gift options in packing', () => {
    const o = map(
      order(),
      [item({ pointsGranted: 30, giftMessageText: 'おめでとう', giftWrapLevel: 'Classic' })],
      all,
    );
    expect(o.orderItems[0]?.expense).toEqual({
      pointsCost: {
        pointsGranted: { pointsNumber: 30, pointsMonetaryValue: { amount: '30', currencyCode: 'JPY' } },
      },
    });
    expect(o.orderItems[0]?.fulfillment?.packing).toEqual({
      giftOption: { giftMessage: 'おめでとう', giftWrapLevel: 'Classic' },
    });
  });

  it('lists the packages with their tracking status (PACKAGES)', () => {
    const shipment: Shipment2026 = {
      sellerId: 'sel_1',
      id: 'shp_1',
      orderId: 'ord_1',
      packageReferenceId: '1',
      carrierCode: 'Yamato Transport',
      carrierName: null,
      shippingMethod: 'TA-Q-BIN',
      trackingNumber: 'TRK-1',
      shipDate: new Date('2026-11-21T00:00:00Z'),
      source: 'sp-api',
      confirmedAt: new Date('2026-11-21T01:00:00Z'),
      confirmedBy: 'app:app_1',
      combinedShipmentId: null,
      pickupStatus: null,
      trackingStatus: 'OutForDelivery',
      deliveredAt: null,
      returnedAt: null,
      returnReason: null,
      actualShippingCost: null,
      items: [
        {
          sellerId: 'sel_1',
          shipmentId: 'shp_1',
          orderId: 'ord_1',
          orderItemId: '11111111111111',
          quantity: 2,
        },
      ],
    };
    const o = map(order({ status: 'Shipped' }), [item({ quantityShipped: 2 })], all, [shipment]);
    expect(o.packages).toEqual([
      {
        packageReferenceId: '1',
        createdTime: '2026-11-21T01:00:00.000Z',
        packageStatus: { status: 'IN_TRANSIT', detailedStatus: 'OUT_FOR_DELIVERY' },
        carrier: 'Yamato Transport',
        shipTime: '2026-11-21T00:00:00.000Z',
        shippingService: 'TA-Q-BIN',
        trackingNumber: 'TRK-1',
        packageItems: [{ orderItemId: '11111111111111', quantity: 2 }],
      },
    ]);
    expect(map(order({ status: 'Shipped' }), [item()], new Set(['BUYER']), [shipment])).not.toHaveProperty(
      'packages',
    );
  });

  it.each([
    [null, null, 'SHIPPED', undefined],
    ['InTransit', null, 'IN_TRANSIT', undefined],
    ['Delivered', null, 'DELIVERED', 'DELIVERED'],
    ['Undeliverable', null, 'UNDELIVERABLE', 'UNDELIVERABLE'],
    ['ReturnedToSender', null, 'UNDELIVERABLE', 'RETURNED_TO_SELLER'],
    [null, 'ReadyForPickup', 'SHIPPED', 'PENDING_PICK_UP'],
    [null, 'PickedUp', 'SHIPPED', 'PICKED_UP'],
  ] as const)('maps tracking %s / pickup %s to %s %s', (trackingStatus, pickupStatus, status, detailed) => {
    expect(packageStatus({ trackingStatus, pickupStatus })).toEqual(
      detailed ? { status, detailedStatus: detailed } : { status },
    );
  });

  it('has order and item proceeds whose breakdowns add up to their totals', () => {
    const amount = fc.bigInt({ min: 0n, max: 1_000_000n });
    fc.assert(
      fc.property(
        fc.array(fc.record({ price: amount, ship: amount, tax: amount, stax: amount, promo: amount }), {
          minLength: 1,
          maxLength: 5,
        }),
        (lines) => {
          const items = lines.map((l, i) =>
            item({
              orderItemId: String(i),
              itemPrice: l.price + l.promo, // a discount never exceeds the price
              shippingPrice: l.ship,
              itemTax: l.tax,
              shippingTax: l.stax,
              promotionDiscount: l.promo,
            }),
          );
          const total = lines.reduce((a, l) => a + l.price + l.ship + l.tax + l.stax, 0n);
          const o = map(order({ orderTotal: total }), items, all);
          const sum = (xs: { subtotal: { amount: string } }[]) =>
            xs.reduce((a, b) => a + BigInt(b.subtotal.amount), 0n);
          expect(BigInt(o.proceeds?.grandTotal.amount ?? '')).toBe(total);
          expect(sum(o.proceeds?.breakdowns ?? [])).toBe(total);
          for (const it of o.orderItems) {
            expect(sum(it.proceeds?.breakdowns ?? [])).toBe(BigInt(it.proceeds?.proceedsTotal.amount ?? ''));
          }
        },
      ),
    );
  });
});
