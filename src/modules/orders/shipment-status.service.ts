// SP-API updateShipmentStatus (reference/sp-api.md §2.5): the store-pickup status of confirmed
// shipments (ReadyForPickup, PickedUp, RefusedPickup). Mercato stores it on the shipments that
// hold the named items and records it in the order's timeline (ORD-4).
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid, notFound, ruleViolation } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import type { OrdersRepository } from './orders.repository.ts';
import type { Actor } from './orders.types.ts';

export const SHIPMENT_STATUSES = ['ReadyForPickup', 'PickedUp', 'RefusedPickup'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export type UpdateShipmentStatusInput = {
  sellerId: string;
  amazonOrderId: string;
  marketplaceId: string;
  shipmentStatus: ShipmentStatus;
  /** Absent: every shipment of the order. */
  orderItems?: { orderItemId: string; quantity?: number }[];
  actor: Actor;
};

export function createShipmentStatusUpdates(o: { db: Db; ids: Ids; clock: Clock; repo: OrdersRepository }) {
  const { repo } = o;
  return {
    /** Sets the pickup status of the shipments containing the items; returns their ids. */
    async updateShipmentStatus(input: UpdateShipmentStatusInput): Promise<{ shipmentIds: string[] }> {
      return o.db.transaction(async (tx) => {
        const order = await repo.lockByAmazonId(tx, input.amazonOrderId, input.sellerId);
        if (!order) throw notFound('ORDER_NOT_FOUND', `No order ${input.amazonOrderId} for this seller.`);
        if (input.marketplaceId !== order.marketplaceId) {
          throw invalid(
            'MARKETPLACE_MISMATCH',
            `marketplaceId ${input.marketplaceId} is not the marketplace of order ${order.amazonOrderId}.`,
          );
        }
        if (order.status === 'Pending' || order.status === 'PendingAvailability') {
          throw ruleViolation(
            'SHIPMENT_STATUS_ORDER_PENDING',
            `Order ${order.amazonOrderId} is Pending: its payment is not complete, so nothing of it was shipped.`,
          );
        }
        if (order.status === 'Canceled') {
          throw ruleViolation(
            'SHIPMENT_STATUS_ORDER_CANCELED',
            `Order ${order.amazonOrderId} was cancelled; its shipment status cannot change.`,
          );
        }
        const items = await repo.itemsOf(order.sellerId, [order.id], tx);
        for (const line of input.orderItems ?? []) {
          const item = items.find((i) => i.orderItemId === line.orderItemId);
          if (!item) {
            throw invalid(
              'ORDER_ITEM_NOT_FOUND',
              `Order item ${line.orderItemId} is not part of order ${order.amazonOrderId}.`,
            );
          }
          if (line.quantity !== undefined && (line.quantity < 1 || line.quantity > item.quantityOrdered)) {
            throw invalid(
              'INVALID_QUANTITY',
              `Quantity ${line.quantity} of order item ${line.orderItemId} must be between 1 and ${item.quantityOrdered}.`,
            );
          }
        }
        const wanted = input.orderItems?.length ? new Set(input.orderItems.map((l) => l.orderItemId)) : null;
        const shipments = (await repo.shipmentsOf(order.sellerId, order.id, tx)).filter(
          (s) => !wanted || s.items.some((l) => wanted.has(l.orderItemId)),
        );
        if (shipments.length === 0) {
          throw ruleViolation(
            'NO_SHIPMENT_FOR_ITEMS',
            `No confirmed shipment of order ${order.amazonOrderId} contains these items: confirm the shipment first (confirmShipment).`,
          );
        }
        const now = o.clock.now();
        const shipmentIds = shipments.map((s) => s.id);
        await repo.setPickupStatus(tx, order.sellerId, shipmentIds, input.shipmentStatus);
        await repo.updateOrder(tx, order.sellerId, order.id, { lastUpdateDate: now });
        await repo.insertEvents(tx, [
          {
            sellerId: order.sellerId,
            id: o.ids.next('oev'),
            orderId: order.id,
            at: now,
            kind: 'shipment_status_updated',
            actor: `${input.actor.kind}:${input.actor.id}`,
            data: {
              shipmentStatus: input.shipmentStatus,
              shipmentIds,
              ...(input.orderItems?.length ? { orderItems: input.orderItems } : {}),
            },
          },
        ]);
        return { shipmentIds };
      });
    },
  };
}
