import { Badge, type Tone } from '../../ui/badge';
import { useAccountT } from './account-i18n';

const tones: Record<string, Tone> = {
  Pending: 'warning',
  PendingAvailability: 'warning',
  Unshipped: 'info',
  PartiallyShipped: 'accent',
  Shipped: 'success',
  InvoiceUnconfirmed: 'success',
  Canceled: 'neutral',
  Unfulfillable: 'danger',
};

/** The order status in the buyer's words (not the seller's "Unshipped"). */
export function BuyerStatusBadge({ status, cancelRequested }: { status: string; cancelRequested?: boolean }) {
  const { tCode, t } = useAccountT();
  return (
    <span className="account-badges">
      <Badge tone={tones[status] ?? 'neutral'} testId="buyer-order-status" data-status={status}>
        {tCode('status', status, status)}
      </Badge>
      {cancelRequested && (
        <Badge tone="warning" testId="buyer-cancel-requested">
          {t('status.cancelRequested')}
        </Badge>
      )}
    </span>
  );
}
