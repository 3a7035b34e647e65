// Refunds and adjustments (ORD-12), partial unavailability (ORD-11), combined shipments (ORD-10)
// and undeliverable returns (ORD-12). Every change locks the order row(s) FOR UPDATE, so
// concurrent refunds queue and can never together exceed the one capture (ORD-7); the refund, its
// timeline event, the order's lastUpdateDate and the buyer's email job commit together or not at
// all.
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { conflict, invalid, notFound, ruleViolation } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { formatAmount, parseAmount } from '../../platform/money.ts';
import {
  combinationRefusal,
  planCombinedShippingRefunds,
  sameAddress,
  sameBuyer,
} from './combined-shipping.ts';
import { nextStatus, shipmentRefusal } from './order-lifecycle.ts';
import { publishRefundIssued } from './order-notifications.service.ts';
import type { OrderRow, OrdersRepository } from './orders.repository.ts';
import type { Actor, OrderStatus, RefundKind } from './orders.types.ts';
import { refundView } from './refund-view.ts';
import {
  COMPONENTS,
  isRefundReason,
  planRefund,
  planUndeliverableRefund,
  REFUND_REASONS,
  type RefundPlan,
  type RefundReason,
  type RefundRequestLine,
  toStoredLine,
} from './refund-rules.ts';
import { createRefundsRepository, type OrderRefundRow } from './refunds.repository.ts';

export const REFUND_EMAIL_QUEUE = 'orders.buyer-refund-email';

export type RefundSource = 'web' | 'sp-api' | 'feed' | 'marketplace' | 'system';

/** The fields of a shipment confirmation (orders.service.ts ConfirmShipmentInput). */
export type ShipmentConfirmation = {
  sellerId: string;
  amazonOrderId: string;
  packageReferenceId?: string;
  carrierCode: string;
  carrierName?: string | null;
  shippingMethod?: string | null;
  trackingNumber: string;
  shipDate: Date;
  items: { orderItemId: string; quantity: number }[];
  source: 'web' | 'sp-api' | 'feed';
  actor: Actor;
};

/** ORD-7 confirmation inside the caller's transaction, the order row already locked. */
export type ConfirmLocked = (
  tx: Tx,
  order: OrderRow,
  input: ShipmentConfirmation,
  opts?: { combinedShipmentId?: string },
) => Promise<{ shipmentId: string; status: OrderStatus; replayed: boolean }>;

/** Amounts are decimal strings in the order's currency (SP-API Money style). */
export type RefundLineInput = {
  orderItemId: string;
  quantity?: number;
  itemPrice?: string;
  shippingPrice?: string;
  itemTax?: string;
  shippingTax?: string;
};

export type RefundInput = {
  sellerId: string;
  amazonOrderId: string;
  reason: string;
  note?: string | null;
  lines: RefundLineInput[];
  /** Idempotency of API/feed callers: a repeat returns the first refund. */
  requestKey?: string;
  source: RefundSource;
  actor: Actor;
};

export type RefundResult = { refund: ReturnType<typeof refundView>; replayed: boolean };

const INVALID_CODES = new Set([
  'INVALID_QUANTITY',
  'NEGATIVE_AMOUNT',
  'DUPLICATE_REFUND_LINE',
  'REFUND_HAS_NO_LINES',
]);

type Deps = {
  db: Db;
  ids: Ids;
  clock: Clock;
  jobs: JobQueue;
  repo: OrdersRepository;
  confirmLocked: ConfirmLocked;
  /** ORD-7's ship date rules (valid, not in the future), shared with confirmShipment. */
  checkShipDate: (shipDate: Date) => void;
};

const actorText = (a: Actor) => `${a.kind}:${a.id}`;

export function createRefunds(d: Deps) {
  const refunds = createRefundsRepository(d.db);

  async function lockOrder(tx: Tx, sellerId: string, amazonOrderId: string): Promise<OrderRow> {
    const order = await d.repo.lockByAmazonId(tx, amazonOrderId, sellerId);
    if (!order) throw notFound('ORDER_NOT_FOUND', `No order ${amazonOrderId} for this seller.`);
    return order;
  }

  /** A decimal string in the order's currency → minor units, or a refusal a seller understands. */
  function amount(value: string, currency: string, field: string): bigint {
    const minor = parseAmount(value, currency);
    if (minor === 'TOO_MANY_DECIMALS') {
      throw invalid(
        'AMOUNT_TOO_MANY_DECIMALS',
        `${field}: ${value} has more decimals than ${currency} allows (${formatAmount(0n, currency).split('.')[1]?.length ?? 0}).`,
        { field },
      );
    }
    if (typeof minor !== 'bigint') {
      throw invalid(
        'INVALID_AMOUNT',
        `${field}: "${value}" is not an amount such as ${formatAmount(1250n, currency)}.`,
        {
          field,
        },
      );
    }
    if (minor < 0n)
      throw invalid('NEGATIVE_AMOUNT', `${field}: refund amounts cannot be negative.`, { field });
    return minor;
  }

  function reasonOf(reason: string): RefundReason {
    if (!isRefundReason(reason)) {
      throw invalid(
        'REFUND_REASON_UNKNOWN',
        `Unknown refund reason "${reason}". Use one of: ${REFUND_REASONS.join(', ')}.`,
        {
          field: 'reason',
        },
      );
    }
    return reason;
  }

  async function requireCharge(tx: Tx, order: OrderRow) {
    const charge = await d.repo.chargeOf(order.sellerId, order.id, tx);
    if (!charge) {
      throw ruleViolation(
        'ORDER_NOT_CHARGED',
        order.status === 'Canceled'
          ? `Order ${order.amazonOrderId} was cancelled before anything was charged: there is nothing to refund.`
          : `Nothing has been charged for order ${order.amazonOrderId} yet: the buyer pays when you confirm the first shipment. Cancel the order instead of refunding it.`,
      );
    }
    return charge;
  }

  function refuse(r: { code: string; message: string }): never {
    throw INVALID_CODES.has(r.code) ? invalid(r.code, r.message) : ruleViolation(r.code, r.message);
  }

  /** Writes a planned refund with everything it causes, inside the caller's transaction. */
  async function record(
    tx: Tx,
    order: OrderRow,
    plan: RefundPlan,
    meta: {
      reason: RefundReason;
      kind: RefundKind;
      note?: string | null;
      source: RefundSource;
      actor: string;
      requestKey?: string;
      deductedShipping?: bigint;
      status?: OrderStatus;
    },
  ): Promise<OrderRefundRow> {
    const now = d.clock.now();
    const row: OrderRefundRow = {
      sellerId: order.sellerId,
      id: d.ids.next('rfd'),
      orderId: order.id,
      reason: meta.reason,
      kind: meta.kind,
      total: plan.total,
      currency: order.currency,
      lines: plan.lines.map(toStoredLine),
      deductedShipping: meta.deductedShipping ?? 0n,
      note: meta.note ?? null,
      source: meta.source,
      actor: meta.actor,
      createdAt: now,
      requestKey: meta.requestKey ?? null,
    };
    await refunds.insertRefund(tx, row);
    for (const [orderItemId, canceled] of plan.canceledAfter) {
      await refunds.setItemCanceled(tx, order.sellerId, order.id, orderItemId, canceled);
    }
    // lastUpdateDate moves so SP-API LastUpdatedAfter sees the refund.
    await d.repo.updateOrder(tx, order.sellerId, order.id, {
      lastUpdateDate: now,
      ...(plan.unitsCanceled > 0
        ? { itemsUnshipped: Math.max(0, order.itemsUnshipped - plan.unitsCanceled) }
        : {}),
      ...(meta.status ? { status: meta.status } : {}),
    });
    await d.repo.insertEvents(tx, [
      {
        sellerId: order.sellerId,
        id: d.ids.next('oev'),
        orderId: order.id,
        at: now,
        kind: 'refund_issued',
        actor: meta.actor,
        data: {
          refundId: row.id,
          reason: meta.reason,
          refundKind: meta.kind,
          amount: plan.total.toString(),
          currency: order.currency,
          deductedShipping: (meta.deductedShipping ?? 0n).toString(),
          unitsCanceled: plan.unitsCanceled,
          source: meta.source,
          ...(meta.note ? { note: meta.note } : {}),
        },
      },
    ]);
    await publishRefundIssued(tx, order, row.id, now);
    await d.jobs.send(
      tx,
      REFUND_EMAIL_QUEUE,
      { sellerId: order.sellerId, refundId: row.id },
      { singletonKey: row.id },
    );
    return row;
  }

  const formatter = (currency: string) => (minor: bigint) => `${formatAmount(minor, currency)} ${currency}`;

  function remainingLines(items: Awaited<ReturnType<OrdersRepository['itemsOf']>>) {
    return items
      .map((i) => ({
        orderItemId: i.orderItemId,
        quantity: i.quantityOrdered - i.quantityShipped - i.quantityCanceled,
      }))
      .filter((l) => l.quantity > 0);
  }

  return {
    /** ORD-12: an item-level refund or adjustment with a reason code. */
    async refund(input: RefundInput): Promise<RefundResult> {
      const reason = reasonOf(input.reason);
      return d.db.transaction(async (tx) => {
        const order = await lockOrder(tx, input.sellerId, input.amazonOrderId);
        if (input.requestKey) {
          const first = await refunds.refundByRequestKey(tx, order.sellerId, order.id, input.requestKey);
          if (first) return { refund: refundView(first), replayed: true };
        }
        const charge = await requireCharge(tx, order);
        const lines: RefundRequestLine[] = input.lines.map((l, i) => {
          const out: RefundRequestLine = { orderItemId: l.orderItemId, quantity: l.quantity };
          for (const c of COMPONENTS) {
            const v = l[c];
            if (v !== undefined) out[c] = amount(v, order.currency, `lines.${i}.${c}`);
          }
          return out;
        });
        // Sequential: queries of one transaction share one connection.
        const items = await d.repo.itemsOf(order.sellerId, [order.id], tx);
        const prior = await refunds.refundsOf(order.sellerId, [order.id], tx);
        const v = planRefund({
          items,
          prior: prior.flatMap((r) => r.lines),
          lines,
          reason,
          charged: charge.amount,
          format: formatter(order.currency),
        });
        if (!v.ok) refuse(v.refusal);
        const row = await record(tx, order, v.plan, {
          reason,
          kind: 'refund',
          note: input.note,
          source: input.source,
          actor: actorText(input.actor),
          requestKey: input.requestKey,
        });
        return { refund: refundView(row), replayed: false };
      });
    },

    /**
     * ORD-12: a parcel the marketplace reported ReturnedToSender (undeliverable, rejected or an
     * invalid address) is refunded less the actual shipping cost: everything still refundable for
     * the parcel's units (the whole order when it went in one parcel). Once per parcel.
     */
    async refundUndeliverable(input: {
      sellerId: string;
      amazonOrderId: string;
      shipmentId?: string;
      actualShippingCost: string;
      note?: string | null;
      actor: Actor;
      source?: RefundSource;
    }): Promise<RefundResult> {
      return d.db.transaction(async (tx) => {
        const order = await lockOrder(tx, input.sellerId, input.amazonOrderId);
        const charge = await requireCharge(tx, order);
        const cost = amount(input.actualShippingCost, order.currency, 'actualShippingCost');
        const shipments = await d.repo.shipmentsOf(order.sellerId, order.id, tx);
        let target = input.shipmentId ? shipments.find((s) => s.id === input.shipmentId) : undefined;
        if (input.shipmentId && !target) {
          throw notFound(
            'SHIPMENT_NOT_FOUND',
            `Order ${order.amazonOrderId} has no shipment ${input.shipmentId}.`,
          );
        }
        if (!target) {
          const returned = shipments.filter((s) => s.returnedAt && s.actualShippingCost === null);
          if (returned.length > 1) {
            throw invalid(
              'SHIPMENT_REQUIRED',
              'Several parcels of this order came back: choose the parcel (shipmentId) to refund.',
              { field: 'shipmentId' },
            );
          }
          target = returned[0] ?? shipments.find((s) => s.returnedAt);
        }
        if (!target?.returnedAt) {
          throw ruleViolation(
            'PARCEL_NOT_RETURNED',
            'The marketplace has not reported this parcel as returned to you (ReturnedToSender). An undeliverable parcel is refunded less the shipping cost only once it has come back.',
          );
        }
        if (target.actualShippingCost !== null) {
          throw conflict(
            'UNDELIVERABLE_ALREADY_REFUNDED',
            `The returned parcel ${target.trackingNumber} was already refunded (less ${formatAmount(target.actualShippingCost, order.currency)} ${order.currency} shipping).`,
          );
        }
        // Sequential: queries of one transaction share one connection.
        const items = await d.repo.itemsOf(order.sellerId, [order.id], tx);
        const prior = await refunds.refundsOf(order.sellerId, [order.id], tx);
        const v = planUndeliverableRefund({
          items,
          prior: prior.flatMap((r) => r.lines),
          parcel: target.items.map((l) => ({ orderItemId: l.orderItemId, quantity: l.quantity })),
          actualShippingCost: cost,
          charged: charge.amount,
          format: formatter(order.currency),
        });
        if (!v.ok) refuse(v.refusal);
        const row = await record(tx, order, v.plan, {
          reason: 'Undeliverable',
          kind: 'undeliverable',
          note: input.note ?? (target.returnReason ? `Returned to sender: ${target.returnReason}` : null),
          source: input.source ?? 'web',
          actor: actorText(input.actor),
          deductedShipping: cost,
        });
        await refunds.setActualShippingCost(tx, order.sellerId, target.id, cost);
        return { refund: refundView(row), replayed: false };
      });
    },

    /**
     * ORD-11: with the buyer's consent, ship what is available and refund the rest (units that
     * will never ship). The confirmation (with the one capture) and the refund are one
     * transaction; the order ends Shipped.
     */
    async shipAvailable(
      input: ShipmentConfirmation & { buyerConsent: boolean; refundReason?: string; note?: string | null },
    ) {
      if (input.buyerConsent !== true) {
        throw invalid(
          'BUYER_CONSENT_REQUIRED',
          "Shipping only part of an order needs the buyer's consent. Ask the buyer first; without it the buyer may cancel the whole order instead.",
          { field: 'buyerConsent' },
        );
      }
      const reason = reasonOf(input.refundReason ?? 'NoInventory');
      d.checkShipDate(input.shipDate);
      if (input.items.filter((l) => l.quantity > 0).length === 0) {
        throw ruleViolation(
          'NOTHING_TO_SHIP',
          'Nothing is available to ship: cancel the order instead (reason NoInventory), or let the buyer cancel it.',
        );
      }
      return d.db.transaction(async (tx) => {
        const order = await lockOrder(tx, input.sellerId, input.amazonOrderId);
        const refusal = shipmentRefusal(order.status);
        if (refusal) throw ruleViolation(refusal.code, refusal.message);
        const before = await d.repo.itemsOf(order.sellerId, [order.id], tx);
        const shipping = new Map<string, number>();
        for (const l of input.items)
          shipping.set(l.orderItemId, (shipping.get(l.orderItemId) ?? 0) + l.quantity);
        const missing = remainingLines(before)
          .map((l) => ({
            orderItemId: l.orderItemId,
            quantity: l.quantity - (shipping.get(l.orderItemId) ?? 0),
          }))
          .filter((l) => l.quantity > 0);
        if (missing.length === 0) {
          throw ruleViolation(
            'NOTHING_UNAVAILABLE',
            'Every remaining item is in this shipment: confirm the shipment instead.',
          );
        }
        const shipped = await d.confirmLocked(tx, order, input);
        const after = await d.repo.findByAmazonId(order.amazonOrderId, order.sellerId, tx);
        const items = await d.repo.itemsOf(order.sellerId, [order.id], tx);
        const prior = await refunds.refundsOf(order.sellerId, [order.id], tx);
        const charge = await requireCharge(tx, order);
        if (!after) throw notFound('ORDER_NOT_FOUND', `No order ${order.amazonOrderId} for this seller.`);
        const v = planRefund({
          items,
          prior: prior.flatMap((r) => r.lines),
          lines: missing,
          reason,
          charged: charge.amount,
          format: formatter(order.currency),
        });
        if (!v.ok) refuse(v.refusal);
        // The order is closed as Shipped: nothing remains to ship (ORD-11), unlike a plain refund
        // of the remaining units, which leaves it PartiallyShipped (ORD-7).
        const close = nextStatus(after.status, 'ship_fully');
        if (!close.ok) throw ruleViolation(close.refusal.code, close.refusal.message);
        const row = await record(tx, after, v.plan, {
          reason,
          kind: 'unavailable',
          note: input.note ?? null,
          source: input.source,
          actor: actorText(input.actor),
          status: close.status,
        });
        return { shipmentId: shipped.shipmentId, status: close.status, refund: refundView(row) };
      });
    },

    /**
     * ORD-10: several orders of one buyer to one address in one parcel. Each order is confirmed
     * on its own (every remaining item, one tracking number, one combined_shipment_id), and the
     * shipping of every order but the one with the highest shipping is refunded.
     */
    async confirmCombinedShipment(input: {
      sellerId: string;
      amazonOrderIds: string[];
      carrierCode: string;
      carrierName?: string | null;
      shippingMethod?: string | null;
      trackingNumber: string;
      shipDate: Date;
      source?: 'web' | 'sp-api' | 'feed';
      actor: Actor;
    }) {
      d.checkShipDate(input.shipDate);
      const source = input.source ?? 'web';
      return d.db.transaction(async (tx) => {
        // Lock in one global order so two combined shipments over the same orders cannot deadlock.
        const locked = new Map<string, OrderRow>();
        for (const id of [...new Set(input.amazonOrderIds)].sort()) {
          locked.set(id, await lockOrder(tx, input.sellerId, id));
        }
        const orders = input.amazonOrderIds.map((id) => locked.get(id) as OrderRow);
        const refusal = combinationRefusal(
          orders.map((o) => ({
            amazonOrderId: o.amazonOrderId,
            buyerEmail: o.buyerEmail,
            shippingAddress: o.shippingAddress,
            shipRefusal: shipmentRefusal(o.status),
          })),
        );
        if (refusal) throw ruleViolation(refusal.code, refusal.message);
        const combinedShipmentId = d.ids.next('cmb');
        const confirmed: { order: OrderRow; shipmentId: string; status: OrderStatus }[] = [];
        for (const order of orders) {
          const lines = remainingLines(await d.repo.itemsOf(order.sellerId, [order.id], tx));
          if (lines.length === 0) {
            throw ruleViolation(
              'NOTHING_LEFT_TO_SHIP',
              `Order ${order.amazonOrderId} has nothing left to ship.`,
            );
          }
          const r = await d.confirmLocked(
            tx,
            order,
            {
              sellerId: order.sellerId,
              amazonOrderId: order.amazonOrderId,
              carrierCode: input.carrierCode,
              carrierName: input.carrierName ?? null,
              shippingMethod: input.shippingMethod ?? null,
              trackingNumber: input.trackingNumber,
              shipDate: input.shipDate,
              items: lines,
              source,
              actor: input.actor,
            },
            { combinedShipmentId },
          );
          confirmed.push({ order, shipmentId: r.shipmentId, status: r.status });
        }
        const facts = [];
        for (const o of orders) {
          facts.push({
            amazonOrderId: o.amazonOrderId,
            items: await d.repo.itemsOf(o.sellerId, [o.id], tx),
            prior: (await refunds.refundsOf(o.sellerId, [o.id], tx)).flatMap((r) => r.lines),
          });
        }
        const saved = planCombinedShippingRefunds(facts);
        const refunded = new Map<string, ReturnType<typeof refundView>>();
        for (const s of saved.refunds) {
          const order = locked.get(s.amazonOrderId) as OrderRow;
          const f = facts.find((x) => x.amazonOrderId === s.amazonOrderId);
          const after = await d.repo.findByAmazonId(order.amazonOrderId, order.sellerId, tx);
          const charge = await requireCharge(tx, order);
          // The same rules as every refund: never more than was charged.
          const v = planRefund({
            items: f?.items ?? [],
            prior: f?.prior ?? [],
            lines: s.lines.map((l) => ({
              orderItemId: l.orderItemId,
              shippingPrice: l.amounts.shippingPrice,
              shippingTax: l.amounts.shippingTax,
            })),
            reason: 'ShippingCombined',
            charged: charge.amount,
            format: formatter(order.currency),
          });
          if (!v.ok) refuse(v.refusal);
          const row = await record(tx, after ?? order, v.plan, {
            reason: 'ShippingCombined',
            kind: 'combined_shipping',
            note: `Shipped together with ${input.amazonOrderIds.filter((id) => id !== s.amazonOrderId).join(', ')} (tracking ${input.trackingNumber}).`,
            source,
            actor: actorText(input.actor),
          });
          refunded.set(s.amazonOrderId, refundView(row));
        }
        return {
          combinedShipmentId,
          trackingNumber: input.trackingNumber,
          keepsShipping: saved.keeper,
          orders: confirmed.map((c) => ({
            amazonOrderId: c.order.amazonOrderId,
            shipmentId: c.shipmentId,
            status: c.status,
            shippingRefund: refunded.get(c.order.amazonOrderId) ?? null,
          })),
        };
      });
    },

    /** ORD-10: the buyer's other open orders to the same address, which may share a parcel. */
    async combinableOrders(sellerId: string, amazonOrderId: string) {
      const order = await d.repo.findByAmazonId(amazonOrderId, sellerId);
      if (!order) throw notFound('ORDER_NOT_FOUND', `No order ${amazonOrderId} for this seller.`);
      if (shipmentRefusal(order.status)) return { order, candidates: [] as OrderRow[] };
      const others = await refunds.openOrdersOfBuyer(sellerId, order.buyerEmail, order.id);
      const candidates = others.filter(
        (o) =>
          sameBuyer(o.buyerEmail, order.buyerEmail) &&
          sameAddress(o.shippingAddress, order.shippingAddress) &&
          shipmentRefusal(o.status) === null,
      );
      return { order, candidates };
    },

    /** The refunds of an order, oldest first (order detail, ORD-4). */
    refundsOf(sellerId: string, orderId: string): Promise<OrderRefundRow[]> {
      return refunds.refundsOf(sellerId, [orderId]);
    },

    refundById(sellerId: string, refundId: string): Promise<OrderRefundRow | undefined> {
      return refunds.refundById(sellerId, refundId);
    },
  };
}
