// Changes to an order after checkout: seller and marketplace cancellation and the buyer's
// cancellation request (ORD-13), buyer edits inside the window (ORD-5), carrier scans reported by
// the marketplace (tracking, delivery, parcels returned to the seller — ORD-12's precondition).
// Each change locks the order row, writes its timeline event and its jobs in one transaction.
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { invalid, notFound, ruleViolation } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { applyQuantityChanges, buyerEditRefusal } from './buyer-edit.ts';
import { createOrderChangesRepository } from './order-changes.repository.ts';
import { nextStatus } from './order-lifecycle.ts';
import { publishOrderCanceled } from './order-notifications.service.ts';
import type { OrderRow, OrdersRepository } from './orders.repository.ts';
import type { Actor, CancellationKind, PostalAddress, TrackingStatus } from './orders.types.ts';

export const CANCELLATION_EMAIL_QUEUE = 'orders.buyer-cancellation-email';

/** ORD-13: the seller's cancellation reasons (those of SP-API's order acknowledgement feed). */
export const SELLER_CANCEL_REASONS = [
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
export type SellerCancelReason = (typeof SELLER_CANCEL_REASONS)[number];

export const RETURN_REASONS = ['Undeliverable', 'Rejected', 'InvalidAddress'] as const;

type Deps = {
  db: Db;
  ids: Ids;
  clock: Clock;
  jobs: JobQueue;
  marketplaces: Pick<MarketplacesService, 'getMarketplace' | 'listMarketplaces'>;
  repo: OrdersRepository;
};

const actorText = (a: Actor) => `${a.kind}:${a.id}`;

export function createOrderChanges(d: Deps) {
  const changes = createOrderChangesRepository();

  async function lockOrder(tx: Tx, amazonOrderId: string, sellerId?: string): Promise<OrderRow> {
    const order = await d.repo.lockByAmazonId(tx, amazonOrderId, sellerId);
    if (!order)
      throw notFound('ORDER_NOT_FOUND', `No order ${amazonOrderId}${sellerId ? ' for this seller' : ''}.`);
    return order;
  }

  /** Buyers act on their own orders only; another buyer's order does not exist for them. */
  function checkBuyer(order: OrderRow, buyerId: string | undefined, amazonOrderId: string) {
    if (buyerId !== undefined && order.buyerId !== buyerId) {
      throw notFound('ORDER_NOT_FOUND', `No order ${amazonOrderId}.`);
    }
  }

  async function event(tx: Tx, order: OrderRow, kind: string, actor: string, data: Record<string, unknown>) {
    await d.repo.insertEvents(tx, [
      {
        sellerId: order.sellerId,
        id: d.ids.next('oev'),
        orderId: order.id,
        at: d.clock.now(),
        kind,
        actor,
        data,
      },
    ]);
  }

  async function cancel(
    tx: Tx,
    order: OrderRow,
    kind: CancellationKind,
    reason: string,
    actor: string,
    note?: string | null,
  ) {
    const move = nextStatus(order.status, 'cancel');
    if (!move.ok) throw ruleViolation(move.refusal.code, move.refusal.message);
    const now = d.clock.now();
    await d.repo.updateOrder(tx, order.sellerId, order.id, {
      status: move.status,
      cancellationKind: kind,
      cancellationReason: reason,
      canceledAt: now,
      lastUpdateDate: now,
    });
    await event(tx, order, 'order_canceled', actor, { kind, reason, note: note ?? null, from: order.status });
    await publishOrderCanceled(tx, order, now, reason);
    await d.jobs.send(
      tx,
      CANCELLATION_EMAIL_QUEUE,
      { sellerId: order.sellerId, orderIds: [order.id] },
      { singletonKey: `cancel:${order.id}` },
    );
    return { amazonOrderId: order.amazonOrderId, status: move.status, cancellationKind: kind };
  }

  return {
    /**
     * ORD-13: the seller cancels with a reason. Nothing was charged yet (ORD-7), so there is no
     * refund. With an open buyer request it is the buyer's cancellation (not counted, PERF-3).
     */
    async cancelBySeller(input: {
      sellerId: string;
      amazonOrderId: string;
      reason: SellerCancelReason;
      note?: string | null;
      actor: Actor;
    }) {
      return d.db.transaction(async (tx) => {
        const order = await lockOrder(tx, input.amazonOrderId, input.sellerId);
        const kind: CancellationKind =
          order.buyerCancelRequestedAt || input.reason === 'BuyerCanceled' ? 'buyer_requested' : 'seller';
        if (input.reason === 'BuyerCanceled' && !order.buyerCancelRequestedAt) {
          throw ruleViolation(
            'NO_BUYER_CANCEL_REQUEST',
            'The buyer has not asked to cancel this order. Choose the reason that applies; a cancellation you decide counts as a seller cancellation.',
          );
        }
        return cancel(tx, order, kind, input.reason, actorText(input.actor), input.note);
      });
    },

    /** The marketplace cancels (e.g. a convenience-store payment never completed, ORD-2). */
    async cancelByMarketplace(input: { amazonOrderId: string; reason: string; actor: Actor }) {
      return d.db.transaction(async (tx) => {
        const order = await lockOrder(tx, input.amazonOrderId);
        return cancel(tx, order, 'marketplace', input.reason, actorText(input.actor));
      });
    },

    /** ORD-13: the buyer asks to cancel; the items carry BuyerRequestedCancel until the seller acts. */
    async requestCancellation(input: {
      amazonOrderId: string;
      buyerId?: string;
      reason: string;
      actor: Actor;
    }) {
      return d.db.transaction(async (tx) => {
        const order = await lockOrder(tx, input.amazonOrderId);
        checkBuyer(order, input.buyerId, input.amazonOrderId);
        const move = nextStatus(order.status, 'buyer_cancel_request');
        if (!move.ok) throw ruleViolation(move.refusal.code, move.refusal.message);
        if (order.buyerCancelRequestedAt) {
          return {
            amazonOrderId: order.amazonOrderId,
            requestedAt: order.buyerCancelRequestedAt.toISOString(),
            alreadyRequested: true,
          };
        }
        const now = d.clock.now();
        await d.repo.updateOrder(tx, order.sellerId, order.id, {
          buyerCancelRequestedAt: now,
          buyerCancelReason: input.reason,
          lastUpdateDate: now,
        });
        await event(tx, order, 'buyer_cancel_requested', actorText(input.actor), { reason: input.reason });
        return {
          amazonOrderId: order.amazonOrderId,
          requestedAt: now.toISOString(),
          alreadyRequested: false,
        };
      });
    },

    /** ORD-5: the buyer changes the address or quantities inside the edit window. */
    async editByBuyer(input: {
      amazonOrderId: string;
      buyerId?: string;
      shippingAddress?: PostalAddress;
      items?: { orderItemId: string; quantity: number }[];
      actor: Actor;
    }) {
      if (!input.shippingAddress && !input.items?.length) {
        throw invalid('NOTHING_TO_CHANGE', 'Send a new shippingAddress, new item quantities, or both.');
      }
      // Read before the transaction: on PGlite (one connection) a marketplace cache miss queried
      // from inside it would wait for the transaction to end, forever.
      const all = await d.marketplaces.listMarketplaces();
      return d.db.transaction(async (tx) => {
        const order = await lockOrder(tx, input.amazonOrderId);
        checkBuyer(order, input.buyerId, input.amazonOrderId);
        const m =
          all.find((x) => x.id === order.marketplaceId) ??
          (await d.marketplaces.getMarketplace(order.marketplaceId));
        const now = d.clock.now();
        const refusal = buyerEditRefusal(order, m.policy.orders.editWindowMinutes, now);
        if (refusal) throw ruleViolation(refusal.code, refusal.message);
        const patch: Partial<OrderRow> = { buyerEditedAt: now, lastUpdateDate: now };
        const changed: Record<string, unknown> = {};
        if (input.items?.length) {
          const items = await d.repo.itemsOf(order.sellerId, [order.id], tx);
          const priced = applyQuantityChanges(items, input.items);
          if (!priced.ok) throw ruleViolation(priced.refusal.code, priced.refusal.message);
          for (const it of priced.items) {
            const before = items.find((i) => i.orderItemId === it.orderItemId);
            if (before?.quantityOrdered === it.quantityOrdered) continue;
            await changes.updateItem(tx, order.sellerId, order.id, it.orderItemId, {
              quantityOrdered: it.quantityOrdered,
              itemPrice: it.itemPrice,
              itemTax: it.itemTax,
              promotionDiscount: it.promotionDiscount,
            });
          }
          patch.orderTotal = priced.total;
          patch.itemsUnshipped = priced.quantity;
          changed.items = input.items.map((c) => ({
            orderItemId: c.orderItemId,
            from: items.find((i) => i.orderItemId === c.orderItemId)?.quantityOrdered ?? null,
            to: c.quantity,
          }));
        }
        if (input.shippingAddress) {
          if (input.shippingAddress.countryCode !== order.shippingAddress.countryCode) {
            throw ruleViolation(
              'ADDRESS_COUNTRY_CHANGE',
              'The new address must be in the same country as the original one. Cancel the order and place a new one instead.',
            );
          }
          await changes.setShippingAddress(tx, order.sellerId, order.id, input.shippingAddress);
          changed.address = true;
        }
        await d.repo.updateOrder(tx, order.sellerId, order.id, patch);
        await event(tx, order, 'buyer_edited', actorText(input.actor), changed);
        return { amazonOrderId: order.amazonOrderId, editedAt: now.toISOString(), ...changed };
      });
    },

    /**
     * A carrier scan reported by the marketplace. A parcel may carry several orders (ORD-10), so
     * every shipment with the tracking number moves. A repeat of the same scan (same externalId)
     * changes nothing.
     */
    async recordCarrierScan(input: {
      carrierCode?: string;
      trackingNumber: string;
      status: TrackingStatus;
      at?: Date;
      location?: string | null;
      externalId?: string | null;
      returnReason?: (typeof RETURN_REASONS)[number] | null;
    }) {
      if (input.status === 'ReturnedToSender' && !input.returnReason) {
        throw invalid(
          'RETURN_REASON_REQUIRED',
          'A parcel returned to the seller needs returnReason: Undeliverable, Rejected or InvalidAddress.',
          { field: 'returnReason' },
        );
      }
      const now = d.clock.now();
      const at = input.at && input.at < now ? input.at : now;
      return d.db.transaction(async (tx) => {
        const found = await changes.lockShipmentsByTracking(tx, input.trackingNumber, input.carrierCode);
        if (!found.length) {
          throw notFound(
            'TRACKING_NUMBER_NOT_FOUND',
            `No confirmed shipment has tracking number ${input.trackingNumber}.`,
          );
        }
        const applied: { amazonOrderId: string; shipmentId: string; recorded: boolean }[] = [];
        for (const s of found) {
          if (at < s.shipDate) {
            throw invalid(
              'SCAN_BEFORE_SHIP_DATE',
              `The scan time is before the parcel's ship date (${s.shipDate.toISOString()}).`,
            );
          }
          const recorded = await changes.insertShipmentEvent(tx, {
            sellerId: s.sellerId,
            id: d.ids.next('sev'),
            shipmentId: s.id,
            orderId: s.orderId,
            at,
            status: input.status,
            location: input.location ?? null,
            externalId: input.externalId ?? null,
          });
          const order = await changes.orderById(tx, s.sellerId, s.orderId);
          if (!order) continue;
          applied.push({ amazonOrderId: order.amazonOrderId, shipmentId: s.id, recorded });
          if (!recorded) continue;
          await changes.updateShipment(tx, s.sellerId, s.id, {
            trackingStatus: input.status,
            ...(input.status === 'Delivered' ? { deliveredAt: at } : {}),
            ...(input.status === 'ReturnedToSender'
              ? { returnedAt: at, returnReason: input.returnReason }
              : {}),
          });
          await d.repo.updateOrder(tx, s.sellerId, s.orderId, { lastUpdateDate: now });
          await event(tx, order, 'carrier_scan', 'marketplace', {
            shipmentId: s.id,
            status: input.status,
            location: input.location ?? null,
            trackingNumber: s.trackingNumber,
            returnReason: input.returnReason ?? null,
          });
        }
        return {
          trackingNumber: input.trackingNumber,
          status: input.status,
          at: at.toISOString(),
          shipments: applied,
        };
      });
    },

    shipmentEventsOf(sellerId: string, orderId: string) {
      return changes.shipmentEventsOf(d.db, sellerId, orderId);
    },
  };
}
