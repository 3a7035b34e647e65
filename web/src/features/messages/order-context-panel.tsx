// The order beside a conversation: what the seller needs to answer without leaving the page.
import { Link } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { Panel } from '../../ui/panel';
import { OrderStatusBadge } from '../orders/order-status-badge';
import type { OrderStatus } from '../orders/order-types';
import { useMessagesT } from './messages-i18n';
import type { ThreadOrder } from './messages-types';

export function OrderContextPanel({ order }: { order: ThreadOrder | null }) {
  const { t } = useMessagesT();
  const format = useFormat();
  if (!order) {
    return (
      <Panel title={t('order.title')} testId="order-context">
        <p className="muted">{t('order.none')}</p>
      </Panel>
    );
  }
  return (
    <Panel
      title={
        <span>
          {t('order.title')} <span className="mono">{order.amazonOrderId}</span>
        </span>
      }
      testId="order-context"
    >
      <dl className="dl">
        <dt>{t('order.status')}</dt>
        <dd>
          <OrderStatusBadge status={order.status as OrderStatus} />
        </dd>
        <dt>{t('order.purchased')}</dt>
        <dd>{format.dateTime(order.purchaseDate)}</dd>
        {order.latestShipDate && (
          <>
            <dt>{t('order.shipBy')}</dt>
            <dd data-testid="order-ship-by">{format.dateTime(order.latestShipDate)}</dd>
          </>
        )}
        {order.deliveredAt ? (
          <>
            <dt>{t('order.delivered')}</dt>
            <dd>{format.dateTime(order.deliveredAt)}</dd>
          </>
        ) : (
          order.latestDeliveryDate && (
            <>
              <dt>{t('order.deliverBy')}</dt>
              <dd>{format.date(order.latestDeliveryDate)}</dd>
            </>
          )
        )}
        {order.trackingNumbers.length > 0 && (
          <>
            <dt>{t('order.tracking')}</dt>
            <dd className="mono break" data-testid="order-tracking">
              {order.trackingNumbers.join(', ')}
            </dd>
          </>
        )}
      </dl>
      <div className="panel-divider" />
      <p className="field-hint">{t('order.items')}</p>
      <ul className="context-items" data-testid="order-context-items">
        {order.items.map((item) => (
          <li key={item.sku}>
            <span className="context-qty">{format.number(item.quantity)} ×</span> {item.title}
            <div className="muted small mono">{item.sku}</div>
          </li>
        ))}
      </ul>
      <Link to={`/orders/${encodeURIComponent(order.amazonOrderId)}`} className="btn btn-secondary btn-sm">
        {t('order.open')}
      </Link>
    </Panel>
  );
}
