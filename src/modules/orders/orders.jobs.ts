// Workers of the orders module. The buyer's shipment email (ORD-7) is sent by a job enqueued in
// the confirmation's transaction; a temporary SMTP failure retries it with backoff.
import type { Clock } from '../../platform/clock.ts';
import type { Ids } from '../../platform/ids.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { mailBuyer } from './buyer-mail.jobs.ts';
import { cancellationEmail } from './cancellation-email.ts';
import { CANCELLATION_EMAIL_QUEUE } from './order-changes.service.ts';
import { SHIPMENT_EMAIL_QUEUE, type OrdersService } from './orders.service.ts';
import { defineRefundsQueues, startRefundsWorkers } from './refunds.jobs.ts';
import { shipmentEmail } from './shipment-email.ts';

export function defineOrdersQueues(jobs: JobQueue): void {
  defineRefundsQueues(jobs); // ORD-12 buyer refund emails
  jobs.define({
    name: SHIPMENT_EMAIL_QUEUE,
    retryLimit: 8,
    retryDelaySeconds: 5,
    retryDelayMaxSeconds: 1800,
  });
  for (const name of [CANCELLATION_EMAIL_QUEUE]) {
    jobs.define({ name, retryLimit: 8, retryDelaySeconds: 5, retryDelayMaxSeconds: 1800 });
  }
}

/** How often a worker runs the ORD-8 sweeps on its own (the sandbox clock also triggers them). */
export const DEADLINE_SWEEP_INTERVAL_MS = 60_000;

export async function startOrdersWorkers(o: {
  jobs: JobQueue;
  orders: OrdersService;
  marketplaces: MarketplacesService;
  mailer: Mailer;
  clock: Clock;
  ids: Ids;
  log: Logger;
}): Promise<void> {
  await startDeadlineWorkers(o);
  await startRefundsWorkers(o);
  await o.jobs.work<{ sellerId: string; shipmentId: string }>(
    SHIPMENT_EMAIL_QUEUE,
    async ({ sellerId, shipmentId }) => {
      const repo = o.orders.repo;
      const shipment = await repo.shipmentById(sellerId, shipmentId);
      if (!shipment) return; // nothing to tell: the shipment does not exist (never committed)
      const events = await repo.eventsOf(sellerId, shipment.orderId);
      if (events.some((e) => e.kind === 'buyer_notified_shipment' && e.data.shipmentId === shipmentId))
        return;
      const order = (await repo.findById(sellerId, shipment.orderId)) ?? null;
      if (!order) return;
      const [m, seller, items, shipments] = await Promise.all([
        o.marketplaces.getMarketplace(order.marketplaceId),
        o.marketplaces.getSeller(sellerId),
        repo.itemsOf(sellerId, [order.id]),
        repo.shipmentsOf(sellerId, order.id),
      ]);
      const lines = shipments.find((s) => s.id === shipmentId)?.items ?? [];
      const mail = shipmentEmail({
        language: m.language,
        marketplaceName: m.salesChannel,
        sellerName: seller.name,
        amazonOrderId: order.amazonOrderId,
        buyerName: order.buyerName,
        carrier: shipment.carrierName ?? shipment.carrierCode,
        trackingNumber: shipment.trackingNumber,
        shipDate: shipment.shipDate,
        timeZone: m.timeZone,
        items: lines.map((l) => ({
          title: items.find((i) => i.orderItemId === l.orderItemId)?.title ?? l.orderItemId,
          quantity: l.quantity,
        })),
        complete: order.itemsUnshipped === 0,
      });
      await mailBuyer({ ...o, repo }, order, mail, { kind: 'buyer_notified_shipment', data: { shipmentId } });
    },
  );
}

/** The buyer's cancellation emails of ORD-8 / ORD-13 (seller notifications go through the notifications pipeline). */
async function startDeadlineWorkers(o: {
  jobs: JobQueue;
  orders: OrdersService;
  marketplaces: MarketplacesService;
  mailer: Mailer;
  clock: Clock;
  ids: Ids;
}) {
  const repo = o.orders.repo;

  await o.jobs.work<{ sellerId: string; orderIds: string[] }>(
    CANCELLATION_EMAIL_QUEUE,
    async ({ sellerId, orderIds }) => {
      const seller = await o.marketplaces.getSeller(sellerId);
      for (const orderId of orderIds) {
        const order = await repo.findById(sellerId, orderId);
        if (!order || order.status !== 'Canceled') continue;
        const events = await repo.eventsOf(sellerId, orderId);
        // A retried job skips the buyers already told.
        if (events.some((e) => e.kind === 'buyer_notified_cancellation')) continue;
        const [m, items] = await Promise.all([
          o.marketplaces.getMarketplace(order.marketplaceId),
          repo.itemsOf(sellerId, [orderId]),
        ]);
        await mailBuyer(
          { ...o, repo },
          order,
          cancellationEmail({
            language: m.language,
            marketplaceName: m.salesChannel,
            sellerName: seller.name,
            amazonOrderId: order.amazonOrderId,
            buyerName: order.buyerName,
            kind: order.cancellationKind ?? 'seller',
            items: items.map((i) => ({ title: i.title, quantity: i.quantityOrdered })),
          }),
          { kind: 'buyer_notified_cancellation', data: {} },
        );
      }
    },
  );
}
