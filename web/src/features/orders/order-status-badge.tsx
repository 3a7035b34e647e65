import { useT } from '../../i18n/i18n';
import { Badge, type Tone } from '../../ui/badge';
import type { OrderStatus } from './order-types';

const tones: Record<OrderStatus, Tone> = {
  PendingAvailability: 'neutral',
  Pending: 'warning',
  Unshipped: 'accent',
  PartiallyShipped: 'info',
  Shipped: 'success',
  Canceled: 'neutral',
  InvoiceUnconfirmed: 'warning',
  Unfulfillable: 'danger',
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useT();
  return (
    <Badge tone={tones[status] ?? 'neutral'} testId="order-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function BusinessBadge() {
  const t = useT();
  return (
    <Badge tone="info" testId="business-badge">
      {t('orders.businessBuyer')}
    </Badge>
  );
}

export function PaymentBadge({ method }: { method: 'Other' | 'CVS' | 'COD' }) {
  const t = useT();
  if (method === 'Other') return null;
  return (
    <Badge tone="neutral" title={t(`payment.${method}.long`)} testId="payment-method">
      {t(`payment.${method}`)}
    </Badge>
  );
}

/** ORD-13: the buyer asked to cancel; the seller cancels, or ships to close the request. */
export function CancelRequestedBadge() {
  const t = useT();
  return (
    <Badge tone="warning" testId="cancel-requested-badge">
      {t('orders.buyerRequestedCancel')}
    </Badge>
  );
}
