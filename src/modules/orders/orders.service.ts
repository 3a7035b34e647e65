// Orders: creation from the storefront, payment completion (ORD-2), shipment confirmation with
// the one capture (ORD-7), and the seller's views. State changes and the jobs they cause commit
// together.
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { AppError, invalid, notFound, ruleViolation } from '../../platform/errors.ts';
import { runIdempotent } from '../../platform/http/idempotency.ts';
import type { Ids } from '../../platform/ids.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { formatAmount, parseAmount } from '../../platform/money.ts';
import type { Marketplace, MarketplacesService } from '../marketplaces/index.ts';
import { createBuyerOrders } from './buyer-orders.service.ts';
import { createOrderChanges } from './order-changes.service.ts';
import { createDeadlineSweeps } from './order-deadlines.service.ts';
import { nextStatus, shipmentRefusal } from './order-lifecycle.ts';
import type { CreateOrderInput } from './orders.schemas.ts';
import { createOrdersRepository, type OrderRow, type OrderSearch } from './orders.repository.ts';
import type { Actor, OrderStatus } from './orders.types.ts';
import { relayAddress } from './relay-address.ts';
import { createRefunds } from './refunds.service.ts';
import { createShipmentStatusUpdates } from './shipment-status.service.ts';
import { planShipment } from './shipment-plan.ts';
import { publishOrderNew, publishShipmentConfirmed } from './order-notifications.service.ts';
import { computeShipByWindow } from './ship-by.ts';

export const SHIPMENT_EMAIL_QUEUE = 'orders.buyer-shipment-email';

export type ConfirmShipmentInput = {
  sellerId: string;
  amazonOrderId: string;
  /** SP-API packageReferenceId; a repeat of the same package with the same content is a no-op. */
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

export type CreatedOrder = {
  amazonOrderId: string;
  orderId: string;
  status: OrderStatus;
  purchaseDate: string;
  latestShipDate: string | null;
  orderTotal: { amount: string; currencyCode: string };
};

export function createOrdersService(o: {
  db: Db;
  ids: Ids;
  clock: Clock;
  jobs: JobQueue;
  marketplaces: MarketplacesService;
  /** Keys the anonymised buyer addresses (MSG-4). */
  relaySecret: string;
  /** "Your Account": the buyer of the order's email, created at checkout (buyers module). */
  buyers?: { ensureBuyer(tx: Tx, input: { email: string; name: string; language: string }): Promise<string> };
}) {
  const repo = createOrdersRepository(o.db);

  function shipBy(m: Marketplace, from: Date, handlingDays: number) {
    const p = m.policy.orders;
    return computeShipByWindow({
      purchaseDate: from,
      handlingDays,
      calendar: { timeZone: m.timeZone, businessWeekdays: p.businessWeekdays, holidays: p.holidays },
      sameDayCutoffLocalTime: p.sameDayCutoffLocalTime,
      transitDays: p.transitDays,
    });
  }

  function money(
    value: { amount: string; currencyCode: string } | undefined,
    field: string,
    m: Marketplace,
  ): bigint {
    if (!value) return 0n;
    if (value.currencyCode !== m.currency) {
      throw invalid(
        'CURRENCY_MISMATCH',
        `${field}: currency ${value.currencyCode} does not match the marketplace currency ${m.currency}.`,
        { field },
      );
    }
    const minor = parseAmount(value.amount, value.currencyCode);
    if (typeof minor !== 'bigint') {
      const why =
        minor === 'TOO_MANY_DECIMALS'
          ? `${m.currency} amounts have at most the currency's decimals`
          : 'not a valid amount';
      throw invalid('INVALID_AMOUNT', `${field}: ${value.amount} is ${why}.`, { field });
    }
    if (minor < 0n) throw invalid('INVALID_AMOUNT', `${field}: amounts cannot be negative.`, { field });
    return minor;
  }

  async function insertOrder(tx: Tx, input: CreateOrderInput, m: Marketplace): Promise<CreatedOrder> {
    const now = o.clock.now();
    const purchaseDate = input.purchaseDate ? new Date(input.purchaseDate) : now;
    const id = o.ids.next('ord');
    const amazonOrderId = o.ids.amazonOrderId();
    const items = input.items.map((it, position) => {
      const unit = money(it.unitPrice, `items.${position}.unitPrice`, m);
      return {
        sellerId: input.sellerId,
        orderId: id,
        orderItemId: o.ids.orderItemId(),
        position,
        asin: it.asin ?? asinFor(it.sku),
        sku: it.sku,
        title: it.title,
        quantityOrdered: it.quantity,
        quantityShipped: 0,
        unitPrice: unit,
        itemPrice: unit * BigInt(it.quantity),
        shippingPrice: money(it.shippingPrice, `items.${position}.shippingPrice`, m),
        itemTax: money(it.itemTax, `items.${position}.itemTax`, m),
        shippingTax: money(it.shippingTax, `items.${position}.shippingTax`, m),
        promotionDiscount: money(it.promotionDiscount, `items.${position}.promotionDiscount`, m),
        shippingDiscount: 0n,
        isGift: it.isGift ?? Boolean(it.giftMessageText || it.giftWrapLevel),
        conditionId: 'New',
        giftMessageText: it.giftMessageText ?? null,
        giftWrapLevel: it.giftWrapLevel ?? null,
        giftWrapPrice: money(it.giftWrapPrice, `items.${position}.giftWrapPrice`, m),
        pointsGranted: it.pointsGranted ?? 0,
      };
    });
    const total = items.reduce(
      (a, i) =>
        a +
        i.itemPrice +
        i.shippingPrice +
        i.itemTax +
        i.shippingTax -
        i.promotionDiscount -
        i.shippingDiscount,
      0n,
    );
    const status: OrderStatus = input.paymentVerified ? 'Unshipped' : 'Pending';
    const handlingDays = input.handlingDays ?? m.policy.orders.defaultHandlingDays;
    const window = input.fulfillmentChannel === 'MFN' ? shipBy(m, purchaseDate, handlingDays) : null;
    const quantity = items.reduce((a, i) => a + i.quantityOrdered, 0);
    const buyerId = o.buyers
      ? await o.buyers.ensureBuyer(tx, {
          email: input.buyer.email,
          name: input.buyer.name,
          language: m.language,
        })
      : null;
    await repo.insertOrder(
      tx,
      {
        sellerId: input.sellerId,
        id,
        amazonOrderId,
        marketplaceId: m.id,
        sellerOrderId: input.sellerOrderId ?? null,
        status,
        fulfillmentChannel: input.fulfillmentChannel,
        paymentMethod: input.paymentMethod,
        paymentVerifiedAt: input.paymentVerified ? now : null,
        isBusinessOrder: input.isBusinessOrder,
        purchaseOrderNumber: input.purchaseOrderNumber ?? null,
        buyerName: input.buyer.name,
        buyerEmail: input.buyer.email,
        buyerId,
        buyerRelayEmail: relayAddress(o.relaySecret, input.sellerId, input.buyer.email, m.domain),
        shippingAddress: input.shippingAddress,
        shipServiceLevel: input.shipServiceLevel,
        shipmentServiceLevelCategory: input.shipmentServiceLevelCategory,
        handlingDays,
        currency: m.currency,
        orderTotal: total,
        itemsShipped: 0,
        itemsUnshipped: quantity,
        purchaseDate,
        lastUpdateDate: now,
        earliestShipDate: window?.earliestShipDate ?? null,
        latestShipDate: window?.latestShipDate ?? null,
        earliestDeliveryDate: window?.earliestDeliveryDate ?? null,
        latestDeliveryDate: window?.latestDeliveryDate ?? null,
        chargedAt: null,
      },
      items,
    );
    await repo.insertEvents(tx, [
      {
        sellerId: input.sellerId,
        id: o.ids.next('oev'),
        orderId: id,
        at: now,
        kind: 'order_placed',
        actor: 'marketplace',
        data: { status, paymentMethod: input.paymentMethod },
      },
    ]);
    // NTF-4: an order created paid is Unshipped at once: its Order notification, same transaction.
    if (status === 'Unshipped') {
      await publishOrderNew(
        tx,
        {
          sellerId: input.sellerId,
          id,
          amazonOrderId,
          marketplaceId: m.id,
          fulfillmentChannel: input.fulfillmentChannel,
          shipServiceLevel: input.shipServiceLevel,
          purchaseDate,
          status,
        },
        items,
        now,
      );
    }
    return {
      amazonOrderId,
      orderId: id,
      status,
      purchaseDate: purchaseDate.toISOString(),
      latestShipDate: window?.latestShipDate.toISOString() ?? null,
      orderTotal: { amount: formatAmount(total, m.currency), currencyCode: m.currency },
    };
  }

  /** ORD-7's ship date rules, shared by every confirmation flow (ORD-7, ORD-10, ORD-11). */
  function checkShipDate(shipDate: Date) {
    if (Number.isNaN(shipDate.getTime()))
      throw invalid('INVALID_SHIP_DATE', 'shipDate is not a valid date-time.');
    if (shipDate.getTime() > o.clock.now().getTime() + 24 * 3600_000) {
      throw invalid('SHIP_DATE_IN_FUTURE', 'The ship date cannot be more than one day in the future.');
    }
  }

  /**
   * ORD-7 inside the caller's transaction, the order row already locked (FOR UPDATE): combined
   * shipments (ORD-10) and "ship what is available" (ORD-11) confirm and refund in one transaction.
   */
  async function confirmLocked(
    tx: Tx,
    order: OrderRow,
    input: ConfirmShipmentInput,
    opts: { combinedShipmentId?: string } = {},
  ): Promise<{ shipmentId: string; status: OrderStatus; replayed: boolean }> {
    const now = o.clock.now();
    const shipmentsSoFar = await repo.shipmentsOf(order.sellerId, order.id, tx);
    // Web confirmations number their packages; SP-API callers name them (packageReferenceId).
    const packageReferenceId = input.packageReferenceId ?? String(shipmentsSoFar.length + 1);
    const existing = shipmentsSoFar.find((s) => s.packageReferenceId === packageReferenceId);
    if (existing) {
      if (existing.trackingNumber === input.trackingNumber && existing.carrierCode === input.carrierCode) {
        return { shipmentId: existing.id, status: order.status, replayed: true };
      }
      throw new AppError(
        'conflict',
        'PACKAGE_ALREADY_CONFIRMED',
        `Package ${packageReferenceId} of this order was already confirmed with other details.`,
      );
    }
    const refusal = shipmentRefusal(order.status);
    if (refusal) throw ruleViolation(refusal.code, refusal.message);
    if (input.shipDate < order.purchaseDate) {
      throw invalid('SHIP_DATE_BEFORE_PURCHASE', 'The ship date cannot be before the order was placed.');
    }
    const items = await repo.itemsOf(order.sellerId, [order.id], tx);
    // Units cancelled by a refund (ORD-11/12) will never ship: they are not left to confirm.
    const planned = planShipment(
      items.map((i) => ({ ...i, quantityOrdered: i.quantityOrdered - i.quantityCanceled })),
      input.items,
    );
    if (!planned.ok) throw ruleViolation(planned.refusal.code, planned.refusal.message);
    const { plan } = planned;
    const move = nextStatus(order.status, plan.complete ? 'ship_fully' : 'ship_partially');
    if (!move.ok) throw ruleViolation(move.refusal.code, move.refusal.message);

    const shipmentId = o.ids.next('shp');
    await repo.insertShipment(
      tx,
      {
        sellerId: order.sellerId,
        id: shipmentId,
        orderId: order.id,
        packageReferenceId,
        carrierCode: input.carrierCode,
        carrierName: input.carrierName ?? null,
        shippingMethod: input.shippingMethod ?? null,
        trackingNumber: input.trackingNumber,
        shipDate: input.shipDate,
        source: input.source,
        confirmedAt: now,
        confirmedBy: `${input.actor.kind}:${input.actor.id}`,
        combinedShipmentId: opts.combinedShipmentId ?? null,
      },
      plan.lines.map((l) => ({ sellerId: order.sellerId, shipmentId, orderId: order.id, ...l })),
    );
    for (const l of plan.lines) {
      await repo.setItemShipped(
        tx,
        order.sellerId,
        order.id,
        l.orderItemId,
        plan.shippedAfter.get(l.orderItemId) ?? 0,
      );
    }
    const charged = await repo.insertChargeOnce(tx, {
      sellerId: order.sellerId,
      orderId: order.id,
      amount: order.orderTotal,
      currency: order.currency,
      shipmentId,
      chargedAt: now,
    });
    await repo.updateOrder(tx, order.sellerId, order.id, {
      status: move.status,
      itemsShipped: plan.itemsShipped,
      itemsUnshipped: plan.itemsUnshipped,
      lastUpdateDate: now,
      ...(charged ? { chargedAt: now } : {}),
      // ORD-13: shipping is the seller's answer to an open buyer cancellation request.
      ...(order.buyerCancelRequestedAt ? { buyerCancelRequestedAt: null } : {}),
    });
    const actor = `${input.actor.kind}:${input.actor.id}`;
    await repo.insertEvents(tx, [
      {
        sellerId: order.sellerId,
        id: o.ids.next('oev'),
        orderId: order.id,
        at: now,
        kind: 'shipment_confirmed',
        actor,
        data: {
          shipmentId,
          carrierCode: input.carrierCode,
          trackingNumber: input.trackingNumber,
          lines: plan.lines,
          late: order.latestShipDate ? now > order.latestShipDate : false,
          source: input.source,
        },
      },
      ...(charged
        ? [
            {
              sellerId: order.sellerId,
              id: o.ids.next('oev'),
              orderId: order.id,
              at: now,
              kind: 'payment_captured',
              actor: 'system',
              data: { amount: order.orderTotal.toString(), currency: order.currency },
            },
          ]
        : []),
    ]);
    await publishShipmentConfirmed(tx, order, shipmentId, now, move.status);
    await o.jobs.send(
      tx,
      SHIPMENT_EMAIL_QUEUE,
      { sellerId: order.sellerId, shipmentId },
      { singletonKey: shipmentId },
    );
    return { shipmentId, status: move.status, replayed: false };
  }

  return {
    repo,
    // "Your Account": the buyer's orders, detail and receipts (buyer-orders.service.ts, ORD-14).
    ...createBuyerOrders({ db: o.db, clock: o.clock, marketplaces: o.marketplaces, repo }),
    // ORD-5, ORD-13, carrier scans (order-changes.service.ts); ORD-8 sweeps (order-deadlines.service.ts).
    ...createOrderChanges({
      db: o.db,
      ids: o.ids,
      clock: o.clock,
      jobs: o.jobs,
      marketplaces: o.marketplaces,
      repo,
    }),
    ...createDeadlineSweeps({
      db: o.db,
      ids: o.ids,
      clock: o.clock,
      jobs: o.jobs,
      marketplaces: o.marketplaces,
    }),
    // ORD-10, ORD-11, ORD-12: refunds, partial unavailability, combined shipments (refunds.service.ts).
    ...createRefunds({
      db: o.db,
      ids: o.ids,
      clock: o.clock,
      jobs: o.jobs,
      repo,
      confirmLocked,
      checkShipDate,
    }),
    // SP-API updateShipmentStatus: store-pickup status of shipments (shipment-status.service.ts).
    ...createShipmentStatusUpdates({ db: o.db, ids: o.ids, clock: o.clock, repo }),

    /** Marketplace API: a storefront places an order. Idempotent per Idempotency-Key. */
    async createOrder(input: CreateOrderInput, idempotencyKey?: string) {
      const m = await o.marketplaces.findMarketplace(input.marketplaceId);
      if (!m)
        throw invalid('MARKETPLACE_NOT_FOUND', `Unknown marketplace id ${input.marketplaceId}.`, {
          field: 'marketplaceId',
        });
      const seller = await o.marketplaces.findSeller(input.sellerId);
      if (!seller)
        throw invalid('SELLER_NOT_FOUND', `Unknown seller id ${input.sellerId}.`, { field: 'sellerId' });
      if (seller.marketplaceId !== m.id) {
        throw invalid(
          'SELLER_NOT_IN_MARKETPLACE',
          `Seller ${seller.id} does not sell on marketplace ${m.id}.`,
          { field: 'sellerId' },
        );
      }
      if (input.purchaseOrderNumber && !input.isBusinessOrder) {
        throw invalid(
          'PO_NUMBER_REQUIRES_BUSINESS_ORDER',
          'A purchase order number is only allowed on business orders.',
          {
            field: 'purchaseOrderNumber',
          },
        );
      }
      if (
        input.purchaseDate &&
        new Date(input.purchaseDate).getTime() > o.clock.now().getTime() + 5 * 60_000
      ) {
        throw invalid('PURCHASE_DATE_IN_FUTURE', 'purchaseDate cannot be in the future.', {
          field: 'purchaseDate',
        });
      }
      // Validate money before opening a transaction (cheap, and nothing is written on failure).
      input.items.forEach((it, i) => {
        for (const k of [
          'unitPrice',
          'shippingPrice',
          'itemTax',
          'shippingTax',
          'promotionDiscount',
          'giftWrapPrice',
        ] as const) {
          money(it[k], `items.${i}.${k}`, m);
        }
      });
      for (let attempt = 0; ; attempt++) {
        try {
          return await runIdempotent<CreatedOrder>(
            o.db,
            `orders.create:${input.sellerId}`,
            idempotencyKey,
            input,
            async (tx) => ({
              status: 201,
              body: await insertOrder(tx, input, m),
            }),
          );
        } catch (err) {
          // A random order id collided with an existing one: try again with a new id.
          if (attempt < 3 && isUniqueViolation(err, 'orders_amazon_order_id_key')) continue;
          throw err;
        }
      }
    },

    /** ORD-2: payment verified or pay-later completed; the order becomes Unshipped. */
    async completePayment(amazonOrderId: string, completedAt?: Date) {
      return o.db.transaction(async (tx) => {
        const order = await repo.lockByAmazonId(tx, amazonOrderId);
        if (!order) throw notFound('ORDER_NOT_FOUND', `No order ${amazonOrderId}.`);
        if (order.status === 'Unshipped' && order.paymentVerifiedAt) {
          return { amazonOrderId, status: order.status, alreadyCompleted: true };
        }
        const move = nextStatus(order.status, 'payment_completed');
        if (!move.ok) throw ruleViolation(move.refusal.code, move.refusal.message);
        const now = o.clock.now();
        const paidAt = completedAt && completedAt < now ? completedAt : now;
        const m = await o.marketplaces.getMarketplace(order.marketplaceId);
        // Handling time counts from payment: the seller could not ship before it.
        const window = order.fulfillmentChannel === 'MFN' ? shipBy(m, paidAt, order.handlingDays) : null;
        await repo.updateOrder(tx, order.sellerId, order.id, {
          status: move.status,
          paymentVerifiedAt: paidAt,
          lastUpdateDate: now,
          ...(window
            ? {
                latestShipDate: window.latestShipDate,
                earliestDeliveryDate: window.earliestDeliveryDate,
                latestDeliveryDate: window.latestDeliveryDate,
              }
            : {}),
        });
        await repo.insertEvents(tx, [
          {
            sellerId: order.sellerId,
            id: o.ids.next('oev'),
            orderId: order.id,
            at: now,
            kind: 'payment_completed',
            actor: 'marketplace',
            data: { paymentMethod: order.paymentMethod },
          },
        ]);
        // NTF-4: the order just became Unshipped.
        await publishOrderNew(tx, order, await repo.itemsOf(order.sellerId, [order.id], tx), now);
        return { amazonOrderId, status: move.status, alreadyCompleted: false };
      });
    },

    /** ORD-7: confirm shipment of items; the first confirmation captures the whole order once. */
    async confirmShipment(
      input: ConfirmShipmentInput,
    ): Promise<{ shipmentId: string; status: OrderStatus; replayed: boolean }> {
      checkShipDate(input.shipDate);
      return o.db.transaction(async (tx) => {
        const order = await repo.lockByAmazonId(tx, input.amazonOrderId, input.sellerId);
        if (!order) throw notFound('ORDER_NOT_FOUND', `No order ${input.amazonOrderId} for this seller.`);
        return confirmLocked(tx, order, input);
      });
    },

    async getOrder(sellerId: string, amazonOrderId: string): Promise<OrderRow> {
      const order = await repo.findByAmazonId(amazonOrderId, sellerId);
      if (!order) throw notFound('ORDER_NOT_FOUND', `No order ${amazonOrderId} for this seller.`);
      return order;
    },

    async findOrderForOperator(amazonOrderId: string): Promise<OrderRow> {
      const order = await repo.findByAmazonId(amazonOrderId);
      if (!order) throw notFound('ORDER_NOT_FOUND', `No order ${amazonOrderId}.`);
      return order;
    },

    search(s: OrderSearch) {
      return repo.search(s);
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;

/** A stable pseudo-ASIN for a SKU when the storefront sends none. */
function asinFor(sku: string): string {
  let h = 0;
  for (const ch of sku) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `B0${h.toString(36).toUpperCase().padStart(8, '0').slice(0, 8)}`;
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = e.cause ?? e;
  return (
    c.code === '23505' &&
    (c.constraint === constraint || String((c as Error).message ?? '').includes(constraint))
  );
}
