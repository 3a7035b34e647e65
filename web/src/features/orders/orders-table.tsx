import { Link } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { Badge } from '../../ui/badge';
import { SkeletonRows } from '../../ui/skeleton';
import { useNow } from '../sandbox/sandbox-clock';
import { BusinessBadge, CancelRequestedBadge, OrderStatusBadge, PaymentBadge } from './order-status-badge';
import { isShipmentLate, type OrderRow } from './order-types';

const columnCount = 8;

export function OrdersTable(props: {
  orders: OrderRow[] | undefined;
  loading: boolean;
  selected: string[];
  onSelect: (orderIds: string[], selected: boolean) => void;
}) {
  const t = useT();
  const ids = props.orders?.map((o) => o.amazonOrderId) ?? [];
  const all = ids.length > 0 && ids.every((id) => props.selected.includes(id));
  return (
    <div className="table-wrap">
      <table className="table" data-testid="orders-table" aria-busy={props.loading}>
        <thead>
          <tr>
            <th scope="col" className="col-select">
              <input
                type="checkbox"
                aria-label={t('orders.bulk.selectPage')}
                checked={all}
                disabled={ids.length === 0}
                onChange={(event) => props.onSelect(ids, event.target.checked)}
                data-testid="select-all"
              />
            </th>
            <th scope="col">{t('orders.col.orderId')}</th>
            <th scope="col">{t('orders.col.purchaseDate')}</th>
            <th scope="col">{t('orders.col.buyer')}</th>
            <th scope="col" className="num col-items">
              {t('orders.col.items')}
            </th>
            <th scope="col" className="num">
              {t('orders.col.total')}
            </th>
            <th scope="col">{t('orders.col.shipBy')}</th>
            <th scope="col">{t('orders.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.orders ? (
            props.orders.map((order) => (
              <OrderTableRow
                key={order.amazonOrderId}
                order={order}
                selected={props.selected.includes(order.amazonOrderId)}
                onSelect={(on) => props.onSelect([order.amazonOrderId], on)}
              />
            ))
          ) : (
            <SkeletonRows rows={8} columns={columnCount} />
          )}
        </tbody>
      </table>
    </div>
  );
}

function OrderTableRow(props: { order: OrderRow; selected: boolean; onSelect: (selected: boolean) => void }) {
  const { order } = props;
  const t = useT();
  const format = useFormat();
  const now = useNow();
  const late = isShipmentLate(order, now);
  const badges = order.isBusinessOrder || order.fulfillmentChannel === 'AFN' || order.buyerCancelRequested;
  return (
    <tr
      data-testid="order-row"
      data-order-id={order.amazonOrderId}
      className={props.selected ? 'is-selected' : undefined}
    >
      <td className="col-select">
        <input
          type="checkbox"
          aria-label={t('orders.bulk.selectOrder', { orderId: order.amazonOrderId })}
          checked={props.selected}
          onChange={(event) => props.onSelect(event.target.checked)}
          data-testid="order-select"
        />
      </td>
      <td>
        <div className="cell-stack">
          <Link
            to={`/orders/${encodeURIComponent(order.amazonOrderId)}`}
            className="order-link"
            data-testid="order-link"
          >
            {order.amazonOrderId}
          </Link>
          {badges && (
            <span className="cell-badges">
              {order.isBusinessOrder && <BusinessBadge />}
              {order.buyerCancelRequested && <CancelRequestedBadge />}
              {order.fulfillmentChannel === 'AFN' && (
                <Badge tone="neutral" title={t('orders.channel.AFN.long')}>
                  {t('orders.channel.AFN')}
                </Badge>
              )}
            </span>
          )}
        </div>
      </td>
      <td className="nowrap">{format.dateTime(order.purchaseDate)}</td>
      <td>
        <div className="cell-stack">
          <span>{order.buyerName}</span>
          <span className="muted small truncate buyer-email" title={order.buyerEmail}>
            {order.buyerEmail}
          </span>
        </div>
      </td>
      <td className="num col-items">{format.number(order.itemCount)}</td>
      <td className="num">
        <div className="cell-stack cell-stack-end">
          <span className="nowrap">{format.money(order.orderTotal)}</span>
          <PaymentBadge method={order.paymentMethod} />
        </div>
      </td>
      <td className="nowrap">
        {order.latestShipDate ? (
          <div className="cell-stack">
            <span className={late ? 'text-danger' : undefined}>{format.date(order.latestShipDate)}</span>
            {late && (
              <span className="small text-danger" data-testid="late-flag">
                {t('orders.late')}
              </span>
            )}
            {order.autoCancelAt && (
              <span className="small text-danger cell-note" data-testid="auto-cancel">
                {t('orders.autoCancel', { date: format.date(order.autoCancelAt) })}
              </span>
            )}
          </div>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <OrderStatusBadge status={order.status} />
      </td>
    </tr>
  );
}
