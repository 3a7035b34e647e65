import { navigate, useLocation, withQuery } from '../../app/router';
import { useT } from '../../i18n/i18n';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { SearchForm } from '../../ui/search-form';
import { OrdersTable } from './orders-table';
import { type OrdersFilter, ordersPageSize, useOrders } from './orders-api';
import { type StatusTab, statusTabs } from './order-types';
import { StatusTabs } from './status-tabs';

function isStatusTab(value: string | null): value is StatusTab {
  return statusTabs.includes(value as StatusTab);
}

function useOrdersFilter(): OrdersFilter {
  const { search } = useLocation();
  const status = search.get('status');
  const page = Number.parseInt(search.get('page') ?? '1', 10);
  return {
    status: isStatusTab(status) ? status : 'Unshipped',
    q: search.get('q') ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function ordersUrl(filter: OrdersFilter) {
  return withQuery('/orders', {
    status: filter.status,
    q: filter.q,
    page: filter.page > 1 ? filter.page : undefined,
  });
}

export function OrdersPage() {
  const t = useT();
  const filter = useOrdersFilter();
  const orders = useOrders(filter);
  useDocumentTitle(t('orders.title'));

  const data = orders.data;
  const showingStale = orders.isPlaceholderData;
  const otherMatches = data && filter.status !== 'All' && data.total === 0 ? data.counts.All : 0;

  return (
    <div className="page">
      <PageHeader title={t('orders.title')} subtitle={t('orders.subtitle')} />
      <StatusTabs current={filter.status} q={filter.q} counts={data?.counts} />
      <div className="toolbar">
        <SearchForm
          key={filter.q}
          id="orders-search"
          label={t('orders.searchLabel')}
          placeholder={t('orders.searchPlaceholder')}
          initial={filter.q}
          onSearch={(q) => navigate(ordersUrl({ ...filter, q, page: 1 }))}
          testId="orders-search"
        />
      </div>
      {orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => orders.refetch()} />
      ) : data && data.orders.length === 0 ? (
        <div className="panel">
          <EmptyState
            icon={filter.q ? 'search' : 'box'}
            title={filter.q ? t('orders.empty.searchTitle', { q: filter.q }) : t('orders.empty.title')}
            testId="orders-empty"
            action={
              otherMatches > 0 ? (
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={() => navigate(ordersUrl({ ...filter, status: 'All', page: 1 }))}
                >
                  {t('orders.empty.showAll', { count: otherMatches })}
                </button>
              ) : undefined
            }
          >
            {filter.q ? t('orders.empty.searchBody') : t(`orders.empty.${filter.status}`)}
          </EmptyState>
        </div>
      ) : (
        <div className={showingStale ? 'is-refreshing' : undefined}>
          <OrdersTable orders={data?.orders} loading={orders.isFetching} />
          {data && (
            <Pagination
              page={data.page}
              pageSize={data.pageSize || ordersPageSize}
              total={data.total}
              onPage={(page) => navigate(ordersUrl({ ...filter, page }))}
            />
          )}
        </div>
      )}
    </div>
  );
}
