import { Link, navigate, useLocation, withQuery } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { SkeletonPanel } from '../../ui/skeleton';
import { useBuyerOrders } from './account-api';
import { useAccountT } from './account-i18n';
import { BuyerStatusBadge } from './account-status';

const PAGE_SIZE = 10;

export function AccountOrdersPage() {
  const { t } = useAccountT();
  const format = useFormat();
  const { search } = useLocation();
  const page = Math.max(1, Number(search.get('page') ?? 1) || 1);
  const orders = useBuyerOrders(page, PAGE_SIZE);
  useDocumentTitle(t('orders.title'));
  const pages = orders.data ? Math.max(1, Math.ceil(orders.data.total / PAGE_SIZE)) : 1;

  return (
    <div className="page page-medium" data-testid="account-orders">
      <PageHeader title={t('orders.title')} subtitle={t('orders.subtitle')} />
      {orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => orders.refetch()} />
      ) : !orders.data ? (
        <SkeletonPanel />
      ) : orders.data.orders.length === 0 ? (
        <div className="panel">
          <EmptyState icon="box" title={t('orders.empty.title')} testId="account-orders-empty">
            {t('orders.empty.body')}
          </EmptyState>
        </div>
      ) : (
        <>
          <ul className="account-order-list">
            {orders.data.orders.map((o) => (
              <li
                key={o.amazonOrderId}
                className="panel account-order-card"
                data-testid="account-order-row"
                data-order-id={o.amazonOrderId}
              >
                <div className="account-order-head">
                  <span>{t('orders.placedOn', { date: format.date(o.purchaseDate) })}</span>
                  <span>{t('orders.total', { amount: format.money(o.orderTotal) })}</span>
                  <span>{t('orders.soldBy', { seller: o.sellerName })}</span>
                  <span className="account-order-id">{o.amazonOrderId}</span>
                </div>
                <div className="account-order-body">
                  <div>
                    <BuyerStatusBadge status={o.status} cancelRequested={o.buyerCancelRequested} />
                    <ul className="account-order-items">
                      {o.items.slice(0, 3).map((i) => (
                        <li key={i.title}>
                          {i.title} × {format.number(i.quantity)}
                        </li>
                      ))}
                      {o.items.length > 3 && (
                        <li className="muted">{t('orders.moreItems', { count: o.items.length - 3 })}</li>
                      )}
                    </ul>
                  </div>
                  <Link
                    to={`/account/orders/${encodeURIComponent(o.amazonOrderId)}`}
                    className="btn btn-secondary btn-sm"
                    data-testid="account-order-open"
                  >
                    {t('orders.view')}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav className="pagination" aria-label={t('orders.title')}>
              <span className="pagination-page">{t('pagination.page', { page, pages })}</span>
              <div className="pagination-buttons">
                <button
                  type="button"
                  className="btn btn-secondary btn-sm"
                  disabled={page <= 1}
                  onClick={() => navigate(withQuery('/account', { page: page - 1 }))}
                >
                  {t('pagination.previous')}
                </button>
                <button
                  type="button"
                  className="btn btn-secondary btn-sm"
                  disabled={page >= pages}
                  onClick={() => navigate(withQuery('/account', { page: page + 1 }))}
                  data-testid="account-orders-next"
                >
                  {t('pagination.next')}
                </button>
              </div>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
