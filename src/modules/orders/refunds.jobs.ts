// ORD-12: the buyer's refund email, sent by a job enqueued in the refund's transaction (so it
// exists if and only if the refund committed). A temporary SMTP failure retries with backoff; a
// retried job that already told the buyer does nothing.
import type { Clock } from '../../platform/clock.ts';
import type { Ids } from '../../platform/ids.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { mailBuyer } from './buyer-mail.jobs.ts';
import type { OrdersRepository } from './orders.repository.ts';
import { refundEmail } from './refund-email.ts';
import { lineTotal } from './refund-rules.ts';
import { REFUND_EMAIL_QUEUE } from './refunds.service.ts';
import type { OrderRefundRow } from './refunds.repository.ts';

export function defineRefundsQueues(jobs: JobQueue): void {
  jobs.define({ name: REFUND_EMAIL_QUEUE, retryLimit: 8, retryDelaySeconds: 5, retryDelayMaxSeconds: 1800 });
}

export async function startRefundsWorkers(o: {
  jobs: JobQueue;
  orders: {
    repo: OrdersRepository;
    refundById(sellerId: string, refundId: string): Promise<OrderRefundRow | undefined>;
  };
  marketplaces: MarketplacesService;
  mailer: Mailer;
  clock: Clock;
  ids: Ids;
}): Promise<void> {
  await o.jobs.work<{ sellerId: string; refundId: string }>(
    REFUND_EMAIL_QUEUE,
    async ({ sellerId, refundId }) => {
      const repo = o.orders.repo;
      const refund = await o.orders.refundById(sellerId, refundId);
      if (!refund) return; // never committed: nothing to tell
      const events = await repo.eventsOf(sellerId, refund.orderId);
      if (events.some((e) => e.kind === 'buyer_notified_refund' && e.data.refundId === refundId)) return;
      const order = await repo.findById(sellerId, refund.orderId);
      if (!order) return;
      const [m, seller, items] = await Promise.all([
        o.marketplaces.getMarketplace(order.marketplaceId),
        o.marketplaces.getSeller(sellerId),
        repo.itemsOf(sellerId, [order.id]),
      ]);
      const mail = refundEmail({
        language: m.language,
        marketplaceName: m.salesChannel,
        sellerName: seller.name,
        amazonOrderId: order.amazonOrderId,
        buyerName: order.buyerName,
        currency: refund.currency,
        total: refund.total,
        deductedShipping: refund.deductedShipping,
        reason: refund.reason,
        kind: refund.kind,
        items: refund.lines.map((l) => ({
          title: items.find((i) => i.orderItemId === l.orderItemId)?.title ?? l.orderItemId,
          quantity: l.quantity,
          amount: lineTotal(l),
        })),
      });
      await mailBuyer({ ...o, repo }, order, mail, { kind: 'buyer_notified_refund', data: { refundId } });
    },
  );
}
