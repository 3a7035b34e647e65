import { ApiError } from '../../app/api-client';
import { Link } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useContactT } from '../contact/contact-i18n';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { Icon } from '../../ui/icon';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { SkeletonPanel } from '../../ui/skeleton';
import { type BuyerOrder, receiptPdfUrl, useBuyerOrder } from './account-api';
import { useAccountT } from './account-i18n';
import { BuyerStatusBadge } from './account-status';
import { OrderCancelPanel, OrderEditPanel } from './order-changes-panels';
import { BuyerTimeline } from './buyer-timeline';

export function AccountOrderPage({ orderId }: { orderId: string }) {
  const { t } = useAccountT();
  const order = useBuyerOrder(orderId);
  useDocumentTitle(t('order.title', { orderId }));
  const back = (
    <Link to="/account" className="back-link">
      <Icon name="arrowLeft" size={14} /> {t('order.back')}
    </Link>
  );
  if (order.isError) {
    const notFound = order.error instanceof ApiError && order.error.status === 404;
    return (
      <div className="page">
        <PageHeader before={back} title={t('order.title', { orderId })} />
        {notFound ? (
          <div className="panel">
            <EmptyState icon="search" title={t('order.notFound.title')} testId="account-order-not-found">
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
        <SkeletonPanel />
      </div>
    );
  }
  return <OrderView order={order.data} back={back} />;
}

function OrderView({ order, back }: { order: BuyerOrder; back: React.ReactNode }) {
  const { t, tCode } = useAccountT();
  const contactT = useContactT().t;
  const { language } = useI18n();
  const format = useFormat();
  const a = order.shippingAddress;
  return (
    <div className="page" data-testid="account-order" data-order-id={order.amazonOrderId}>
      <PageHeader
        before={back}
        title={t('order.title', { orderId: order.amazonOrderId })}
        actions={
          <Link
            to={`/sellers/${encodeURIComponent(order.seller.id)}?order=${encodeURIComponent(order.amazonOrderId)}`}
            className="btn btn-secondary btn-sm"
            data-testid="account-contact-seller"
          >
            <Icon name="mail" size={15} /> {contactT('order.contactSeller')}
          </Link>
        }
        subtitle={
          <span className="order-subtitle">
            <BuyerStatusBadge status={order.status} cancelRequested={order.cancelRequest !== null} />
            <span className="muted">
              {t('orders.placedOn', { date: format.dateTime(order.purchaseDate) })}
            </span>
            <span className="muted">{t('orders.soldBy', { seller: order.seller.name })}</span>
          </span>
        }
      />
      {order.cancellation && (
        <div className="account-notice" role="status" data-testid="account-canceled">
          <strong>{t('canceled.title')}</strong>{' '}
          {t('canceled.body', { date: format.dateTime(order.cancellation.at) })}
        </div>
      )}
      <div className="detail-grid">
        <div className="detail-main">
          <Panel title={t('order.items')} testId="account-items">
            <div className="table-wrap">
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">{t('order.item')}</th>
                    <th scope="col" className="num">
                      {t('order.qty')}
                    </th>
                    <th scope="col" className="num">
                      {t('order.price')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {order.items.map((i) => (
                    <tr key={i.orderItemId} data-testid="account-item">
                      <td>
                        {i.title}
                        <div className="muted account-item-meta">
                          {i.quantityShipped > 0 && t('order.shippedCount', { count: i.quantityShipped })}
                          {i.quantityCanceled > 0 &&
                            ` ${t('order.canceledCount', { count: i.quantityCanceled })}`}
                        </div>
                      </td>
                      <td className="num" data-testid="account-item-qty">
                        {format.number(i.quantityOrdered)}
                      </td>
                      <td className="num">{format.money(i.itemPrice)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Panel>
          <Panel title={t('shipments.title')} testId="account-tracking">
            {order.shipments.length === 0 ? (
              <p className="muted">{t('shipments.none')}</p>
            ) : (
              <ul className="shipment-list">
                {order.shipments.map((s, n) => (
                  <li key={s.id} className="shipment" data-testid="account-shipment">
                    <div className="shipment-head">
                      <strong>{t('shipments.package', { n: n + 1, carrier: s.carrier })}</strong>
                      {s.trackingStatus && (
                        <span className="badge badge-success">
                          {tCode('scan', s.trackingStatus, s.trackingStatus)}
                        </span>
                      )}
                    </div>
                    <p>
                      {t('shipments.tracking')}:{' '}
                      <code data-testid="account-tracking-number">{s.trackingNumber}</code> ·{' '}
                      {t('shipments.shipDate', { date: format.date(s.shipDate) })}
                    </p>
                    <p className="muted">{s.items.map((i) => `${i.title} × ${i.quantity}`).join(', ')}</p>
                    {s.scans.length === 0 ? (
                      <p className="muted">{t('shipments.noScans')}</p>
                    ) : (
                      <ol className="account-scans">
                        {s.scans.map((scan) => (
                          <li key={`${scan.at}-${scan.status}`}>
                            <time dateTime={scan.at}>{format.dateTime(scan.at)}</time> —{' '}
                            {tCode('scan', scan.status, scan.status)}
                            {scan.location ? ` (${scan.location})` : ''}
                          </li>
                        ))}
                      </ol>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          {order.refunds.length > 0 && (
            <Panel title={t('refunds.title')} testId="account-refunds">
              <ul className="account-refunds">
                {order.refunds.map((r) => (
                  <li key={r.id}>
                    <strong>{format.money(r.total)}</strong> · {format.date(r.at)} ·{' '}
                    {tCode('refundReason', r.reason, r.reason)}
                    {r.deductedShipping &&
                      ` (${t('refunds.lessShipping', { amount: format.money(r.deductedShipping) })})`}
                    <div className="muted">
                      {r.lines.map((l) => `${l.title}${l.quantity ? ` × ${l.quantity}` : ''}`).join(', ')}
                    </div>
                  </li>
                ))}
              </ul>
            </Panel>
          )}
          <BuyerTimeline order={order} />
        </div>
        <aside className="detail-side">
          <Panel title={t('order.summary')} testId="account-summary">
            <dl className="account-totals">
              <Row label={t('order.itemsTotal')} value={format.money(order.totals.items)} />
              <Row label={t('order.shipping')} value={format.money(order.totals.shipping)} />
              {Number(order.totals.discounts.amount) > 0 && (
                <Row label={t('order.discounts')} value={`−${format.money(order.totals.discounts)}`} />
              )}
              <Row label={t('order.tax')} value={format.money(order.totals.tax)} />
              <Row
                label={t('order.total')}
                value={format.money(order.totals.total)}
                testId="account-total"
                strong
              />
              {Number(order.totals.refunded.amount) > 0 && (
                <Row label={t('order.refunded')} value={`−${format.money(order.totals.refunded)}`} />
              )}
              {order.charge && <Row label={t('order.net')} value={format.money(order.totals.net)} strong />}
            </dl>
            {!order.charge && <p className="muted">{t('order.notCharged')}</p>}
          </Panel>
          <Panel title={t('order.shipTo')} testId="account-address">
            <address className="address" data-testid="account-address-text">
              {[
                a.name,
                a.addressLine1,
                a.addressLine2,
                `${a.postalCode} ${a.city}`,
                a.stateOrRegion,
                a.countryCode,
              ]
                .filter(Boolean)
                .map((line) => (
                  <div key={line}>{line}</div>
                ))}
            </address>
            {order.deliveryWindow && (
              <p className="muted">
                {t('order.deliveryWindow', {
                  from: format.date(order.deliveryWindow.from),
                  to: format.date(order.deliveryWindow.to),
                })}
              </p>
            )}
          </Panel>
          <Panel title={t('order.receipt')} testId="account-receipt">
            {order.receipt.available ? (
              <div className="account-receipt-links">
                <a
                  className="btn btn-primary btn-sm"
                  href={receiptPdfUrl(order.amazonOrderId, language)}
                  data-testid="account-receipt-pdf"
                >
                  {t('order.receipt.pdf')}
                </a>
                <Link
                  className="btn btn-secondary btn-sm"
                  to={`/account/orders/${encodeURIComponent(order.amazonOrderId)}/receipt`}
                  data-testid="account-receipt-print"
                >
                  {t('order.receipt.print')}
                </Link>
              </div>
            ) : (
              <p className="muted">{t('order.receipt.unavailable')}</p>
            )}
          </Panel>
          <OrderEditPanel order={order} />
          <OrderCancelPanel order={order} />
        </aside>
      </div>
    </div>
  );
}

function Row(props: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <div className="account-totals-row">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.strong ? <strong>{props.value}</strong> : props.value}</dd>
    </div>
  );
}
