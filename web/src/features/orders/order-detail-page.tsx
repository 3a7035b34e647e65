import type { ReactNode } from 'react';
import { ApiError } from '../../app/api-client';
import { Link } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { Badge } from '../../ui/badge';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { Icon } from '../../ui/icon';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { SkeletonPanel } from '../../ui/skeleton';
import { ConfirmShipmentForm } from './confirm-shipment-form';
import { OrderActionsBar, OrderNotices } from './order-actions';
import { RefundsPanel } from './order-refunds';
import { OrderItemsTable } from './order-items-table';
import { ShipmentsPanel } from './order-shipments';
import { AddressPanel, ChargePanel, ShippingWindowsPanel } from './order-side-panels';
import { BusinessBadge, OrderStatusBadge, PaymentBadge } from './order-status-badge';
import { OrderTimeline } from './order-timeline';
import type { OrderDetail } from './order-types';
import { useOrder } from './orders-api';

// Orders that are over (shipped, canceled) need no confirm form; the others show it, disabled when refused.
const shippableStatuses = new Set(['PendingAvailability', 'Pending', 'Unshipped', 'PartiallyShipped']);

export function OrderDetailPage({ orderId }: { orderId: string }) {
  const t = useT();
  const order = useOrder(orderId);
  useDocumentTitle(t('order.title', { orderId }));

  const back = (
    <Link to="/orders" className="back-link">
      <Icon name="arrowLeft" size={14} /> {t('orders.title')}
    </Link>
  );

  if (order.isError) {
    const notFound = order.error instanceof ApiError && order.error.status === 404;
    return (
      <div className="page">
        <PageHeader before={back} title={t('order.title', { orderId })} />
        {notFound ? (
          <div className="panel">
            <EmptyState icon="search" title={t('order.notFound.title')} testId="order-not-found">
              {t('order.notFound.body', { orderId })}
            </EmptyState>
          </div>
        ) : (
          <ErrorState error={order.error} onRetry={() => order.refetch()} />
        )}
      </div>
    );
  }

  if (!order.data) {
    return (
      <div className="page" aria-busy="true">
        <PageHeader before={back} title={t('order.title', { orderId })} />
        <div className="detail-grid">
          <div className="detail-main">
            <SkeletonPanel />
            <SkeletonPanel />
          </div>
          <div className="detail-side">
            <SkeletonPanel />
            <SkeletonPanel />
          </div>
        </div>
      </div>
    );
  }

  return <OrderDetailView order={order.data} back={back} />;
}

function OrderDetailView({ order, back }: { order: OrderDetail; back: ReactNode }) {
  const t = useT();
  const format = useFormat();
  // The marketplace ships AFN orders itself: the seller has nothing to confirm.
  const showConfirm =
    order.fulfillmentChannel === 'MFN' &&
    (order.confirmShipment.allowed || shippableStatuses.has(order.status));
  return (
    <div className="page" data-testid="order-detail" data-order-id={order.amazonOrderId}>
      <PageHeader
        before={back}
        title={
          <span className="order-title">
            <span>{t('order.heading')}</span>
            <span className="order-id" data-testid="order-id">
              {order.amazonOrderId}
            </span>
          </span>
        }
        subtitle={
          <span className="order-subtitle">
            <OrderStatusBadge status={order.status} />
            {order.isBusinessOrder && <BusinessBadge />}
            {order.purchaseOrderNumber && (
              <Badge tone="neutral" testId="po-number">
                {t('order.poNumber', { po: order.purchaseOrderNumber })}
              </Badge>
            )}
            <PaymentBadge method={order.paymentMethod} />
            <span className="muted">
              {t('order.purchasedAt', { date: format.dateTime(order.purchaseDate) })}
            </span>
          </span>
        }
      />
      <OrderNotices order={order} />
      <OrderActionsBar key={`${order.status}-${order.refunds?.length ?? 0}`} order={order} />
      <div className="detail-grid">
        <div className="detail-main">
          <Panel title={t('order.items.title')} testId="order-items-panel">
            <OrderItemsTable order={order} />
          </Panel>
          {showConfirm && (
            <ConfirmShipmentForm key={`${order.shipments.length}-${order.status}`} order={order} />
          )}
          <ShipmentsPanel order={order} />
          <RefundsPanel order={order} />
          <OrderTimeline entries={order.timeline} />
        </div>
        <aside className="detail-side">
          <ShippingWindowsPanel order={order} />
          <AddressPanel order={order} />
          <ChargePanel order={order} />
        </aside>
      </div>
    </div>
  );
}
