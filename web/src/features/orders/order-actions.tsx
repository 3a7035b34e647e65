import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import {
  CancelOrderForm,
  CombinedShipmentForm,
  RefundForm,
  ShipAvailableForm,
  UndeliverableRefundForm,
} from './order-action-forms';
import { packingSlipsUrl } from './orders-api';
import type { OrderDetail } from './order-types';

type Action = 'cancel' | 'refund' | 'shipAvailable' | 'combine' | 'undeliverable';

/** The actions the server allows now (`actions` flags), one form open at a time. */
export function OrderActionsBar({ order }: { order: OrderDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Action | null>(null);
  const a = order.actions;
  const slip =
    a?.canPrintSlip ??
    (order.fulfillmentChannel === 'MFN' &&
      !['Pending', 'PendingAvailability', 'Canceled'].includes(order.status));
  const buttons: Array<{ action: Action; allowed: boolean; label: string; danger?: boolean }> = [
    {
      action: 'shipAvailable',
      allowed: a?.canShipAvailable ?? false,
      label: t('action.shipAvailable.title'),
    },
    { action: 'combine', allowed: a?.canCombine ?? false, label: t('action.combine.title') },
    { action: 'refund', allowed: a?.canRefund ?? false, label: t('action.refund.title') },
    {
      action: 'undeliverable',
      allowed: a?.canRefundUndeliverable ?? false,
      label: t('action.undeliverable.title'),
    },
    { action: 'cancel', allowed: a?.canCancel ?? false, label: t('action.cancel.title'), danger: true },
  ];
  const shown = buttons.filter((b) => b.allowed);
  if (shown.length === 0 && !slip) return null;
  const close = () => setOpen(null);
  return (
    <>
      <div className="action-bar" data-testid="order-actions">
        {shown.map((b) => (
          <button
            key={b.action}
            type="button"
            className={`btn btn-sm ${open === b.action ? 'btn-primary' : b.danger ? 'btn-danger-outline' : 'btn-secondary'}`}
            aria-expanded={open === b.action}
            onClick={() => setOpen(open === b.action ? null : b.action)}
            data-testid={`action-${b.action}`}
          >
            {b.label}
          </button>
        ))}
        {slip && (
          <span className="action-bar-end">
            <a
              className="btn btn-sm btn-ghost"
              href={packingSlipsUrl([order.amazonOrderId], 'html')}
              target="_blank"
              rel="noopener"
              data-testid="action-print-slip"
            >
              {t('action.printSlip')}
            </a>
            <a
              className="btn btn-sm btn-ghost"
              href={packingSlipsUrl([order.amazonOrderId], 'pdf')}
              download
              data-testid="action-slip-pdf"
            >
              {t('action.slipPdf')}
            </a>
          </span>
        )}
      </div>
      {open === 'cancel' && <CancelOrderForm order={order} onClose={close} />}
      {open === 'refund' && <RefundForm order={order} onClose={close} />}
      {open === 'shipAvailable' && <ShipAvailableForm order={order} onClose={close} />}
      {open === 'combine' && <CombinedShipmentForm order={order} onClose={close} />}
      {open === 'undeliverable' && <UndeliverableRefundForm order={order} onClose={close} />}
    </>
  );
}

/** ORD-13: why the order was cancelled, or the buyer's open request to cancel it. */
export function OrderNotices({ order }: { order: OrderDetail }) {
  const { t, tCode } = useI18n();
  const notices = [];
  if (order.cancellation) {
    const kind = order.cancellation.kind ?? 'seller';
    const reason = order.cancellation.reason
      ? tCode('reason', order.cancellation.reason, order.cancellation.reason)
      : '';
    notices.push(
      <div
        key="canceled"
        className="notice notice-neutral"
        data-testid="cancellation-notice"
        data-kind={kind}
      >
        {tCode('order.canceled', kind, t('order.canceled.seller', { reason }), { reason })}
      </div>,
    );
  }
  if (order.buyerCancelRequest) {
    notices.push(
      <div key="request" className="notice notice-warning" data-testid="cancel-request-notice">
        {t('order.buyerCancelRequest', { reason: order.buyerCancelRequest.reason ?? '' })}
      </div>,
    );
  }
  return notices.length ? <div className="notices">{notices}</div> : null;
}
