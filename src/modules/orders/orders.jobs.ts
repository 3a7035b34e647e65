// Workers of the orders module. The buyer's shipment email (ORD-7) is sent by a job enqueued in
// the confirmation's transaction; a temporary SMTP failure retries it with backoff.
import type { Clock } from '../../platform/clock.ts';
import type { Ids } from '../../platform/ids.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { SHIPMENT_EMAIL_QUEUE, type OrdersService } from './orders.service.ts';
import { shipmentEmail } from './shipment-email.ts';

export function defineOrdersQueues(jobs: JobQueue): void {
  jobs.define({
    name: SHIPMENT_EMAIL_QUEUE,
    retryLimit: 8,
    retryDelaySeconds: 5,
    retryDelayMaxSeconds: 1800,
  });
}

export async function startOrdersWorkers(o: {
  jobs: JobQueue;
  orders: OrdersService;
  marketplaces: MarketplacesService;
  mailer: Mailer;
  clock: Clock;
  ids: Ids;
  log: Logger;
}): Promise<void> {
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
      const result = await o.mailer.send({
        to: order.buyerEmail,
        ...mail,
        headers: { 'X-Mercato-Order': order.amazonOrderId },
      });
      const rejected = result.rejected[0];
      if (rejected && !rejected.permanent) {
        throw new Error(`temporary SMTP failure ${rejected.responseCode ?? ''}: ${rejected.response}`);
      }
      await repo.insertEvents(undefined, [
        {
          sellerId,
          id: o.ids.next('oev'),
          orderId: order.id,
          at: o.clock.now(),
          kind: rejected ? 'buyer_email_failed' : 'buyer_notified_shipment',
          actor: 'system',
          data: rejected ? { shipmentId, responseCode: rejected.responseCode } : { shipmentId },
        },
      ]);
    },
  );
}
