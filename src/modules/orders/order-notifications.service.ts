// Issue 4 triggers (NTF-2 Orders, NTF-4, ORD-8): each order fact publishes its notification event
// in the SAME transaction as the fact (NTF-9), through the notifications module's index. The
// dedupe key makes a repeat (a retried request, a sweep run twice) one event.
import type { DbOrTx } from '../../platform/db/database.ts';
import { publishEvent, publishEvents } from '../notifications/index.ts';
import type { OrderItemRow, OrderRow } from './orders.repository.ts';

type OrderFacts = Pick<
  OrderRow,
  | 'sellerId'
  | 'id'
  | 'amazonOrderId'
  | 'marketplaceId'
  | 'fulfillmentChannel'
  | 'shipServiceLevel'
  | 'purchaseDate'
  | 'status'
>;

/** NTF-4: the Order notification, once the order is Unshipped (created paid, or payment completed). */
export async function publishOrderNew(
  tx: DbOrTx,
  order: OrderFacts,
  items: Pick<OrderItemRow, 'sku' | 'title' | 'quantityOrdered'>[],
  at: Date,
) {
  const type = order.fulfillmentChannel === 'AFN' ? 'order.new_afn' : 'order.new';
  await publishEvent(tx, {
    sellerId: order.sellerId,
    type,
    dedupeKey: `${type}:${order.id}`,
    occurredAt: at,
    payload: {
      ...base(order),
      // SP-API ORDER_CHANGE (sp-api-notifications-payloads.ts) reads these.
      orderStatus: 'Unshipped',
      fulfillmentChannel: order.fulfillmentChannel,
      purchaseDate: order.purchaseDate.toISOString(),
      shippingMethod: order.shipServiceLevel,
      items: items.map((i) => ({ sku: i.sku, title: i.title, quantity: i.quantityOrdered })),
    },
  });
}

export async function publishOrderCanceled(tx: DbOrTx, order: OrderFacts, at: Date, reason: string | null) {
  await publishEvent(tx, {
    sellerId: order.sellerId,
    type: 'order.canceled',
    dedupeKey: `order.canceled:${order.id}`,
    occurredAt: at,
    payload: {
      ...base(order),
      reason,
      orderStatus: 'Canceled',
      fulfillmentChannel: order.fulfillmentChannel,
      purchaseDate: order.purchaseDate.toISOString(),
    },
  });
}

export async function publishShipmentConfirmed(
  tx: DbOrTx,
  order: OrderFacts,
  shipmentId: string,
  at: Date,
  /** The status the confirmation moved the order to (PartiallyShipped or Shipped). */
  orderStatus: string = order.status,
) {
  await publishEvent(tx, {
    sellerId: order.sellerId,
    type: 'order.shipment_confirmed',
    dedupeKey: `order.shipment_confirmed:${shipmentId}`,
    occurredAt: at,
    payload: {
      ...base(order),
      shipmentId,
      orderStatus,
      fulfillmentChannel: order.fulfillmentChannel,
      purchaseDate: order.purchaseDate.toISOString(),
    },
  });
}

export async function publishRefundIssued(tx: DbOrTx, order: OrderFacts, refundId: string, at: Date) {
  await publishEvent(tx, {
    sellerId: order.sellerId,
    type: 'order.refund_issued',
    dedupeKey: `order.refund_issued:${refundId}`,
    occurredAt: at,
    payload: {
      ...base(order),
      refundId,
      orderStatus: order.status,
      fulfillmentChannel: order.fulfillmentChannel,
      purchaseDate: order.purchaseDate.toISOString(),
    },
  });
}

/** ORD-8: one warning per order (the sweep marks ship_by_warning_at in the same transaction). */
export async function publishShipByWarnings(
  tx: DbOrTx,
  orders: { sellerId: string; id: string; amazonOrderId: string; latestShipDate: Date; cancelAt: Date }[],
  marketplaceId: string,
  at: Date,
  /** The marketplace's zone: the email states the cutoff in local time. */
  timeZone?: string,
) {
  await publishEvents(
    tx,
    orders.map((o) => ({
      sellerId: o.sellerId,
      type: 'order.ship_by_warning',
      dedupeKey: `order.ship_by_warning:${o.id}`,
      occurredAt: at,
      payload: {
        ...base({ amazonOrderId: o.amazonOrderId, id: o.id, marketplaceId }),
        shipBy: o.latestShipDate.toISOString(),
        cancelAt: o.cancelAt.toISOString(),
        timeZone: timeZone ?? null,
      },
    })),
  );
}

/** Auto-cancellations of a sweep batch (ORD-8), one event per order. */
export async function publishOrdersCanceled(
  tx: DbOrTx,
  orders: { sellerId: string; id: string; amazonOrderId: string }[],
  marketplaceId: string,
  at: Date,
  reason: string,
) {
  await publishEvents(
    tx,
    orders.map((o) => ({
      sellerId: o.sellerId,
      type: 'order.canceled',
      dedupeKey: `order.canceled:${o.id}`,
      occurredAt: at,
      payload: { ...base({ amazonOrderId: o.amazonOrderId, id: o.id, marketplaceId }), reason },
    })),
  );
}

function base(order: Pick<OrderFacts, 'amazonOrderId' | 'id' | 'marketplaceId'>) {
  return {
    orderId: order.amazonOrderId,
    amazonOrderId: order.amazonOrderId,
    internalOrderId: order.id,
    marketplaceId: order.marketplaceId,
  };
}
