// The one way the orders workers email a buyer about their order (shipment ORD-7, cancellation
// ORD-13/ORD-8, refund ORD-12): send, throw on a temporary SMTP failure so the job retries with
// backoff, and record on the order's timeline that the buyer was told — or that the mail server
// refused the address for good (not retried).
import type { Clock } from '../../platform/clock.ts';
import type { Ids } from '../../platform/ids.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { OrderRow, OrdersRepository } from './orders.repository.ts';

export type BuyerMail = { subject: string; text: string; html: string };

export async function mailBuyer(
  o: { mailer: Mailer; repo: OrdersRepository; ids: Ids; clock: Clock },
  order: Pick<OrderRow, 'sellerId' | 'id' | 'amazonOrderId' | 'buyerEmail'>,
  mail: BuyerMail,
  /** Timeline kind when sent (e.g. `buyer_notified_shipment`) and the event data in both cases. */
  sent: { kind: string; data: Record<string, unknown> },
): Promise<void> {
  const result = await o.mailer.send({
    to: order.buyerEmail,
    ...mail,
    headers: { 'X-Mercato-Order': order.amazonOrderId },
  });
  const rejected = result.rejected[0];
  if (rejected && !rejected.permanent) {
    throw new Error(`temporary SMTP failure ${rejected.responseCode ?? ''}: ${rejected.response}`);
  }
  await o.repo.insertEvents(undefined, [
    {
      sellerId: order.sellerId,
      id: o.ids.next('oev'),
      orderId: order.id,
      at: o.clock.now(),
      kind: rejected ? 'buyer_email_failed' : sent.kind,
      actor: 'system',
      data: rejected ? { ...sent.data, responseCode: rejected.responseCode } : sent.data,
    },
  ]);
}
