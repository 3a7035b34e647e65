import { useState } from 'react';
import { navigate, useLocation, withQuery } from '../../app/router';
import { useT } from '../../i18n/i18n';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { BulkActions } from './bulk-actions';
import { CsvUploadPanel } from './csv-upload-panel';
import { CursorPagination } from './cursor-pagination';
import { OrdersFilters } from './orders-filters';
import { OrdersTable } from './orders-table';
import { type OrdersFilter, ordersPageSize, ordersQuery, useOrders } from './orders-api';
import { type OrderView, orderViews, type StatusTab, statusTabs } from './order-types';
import { StatusTabs } from './status-tabs';

function isStatusTab(value: string | null): value is StatusTab {
  return statusTabs.includes(value as StatusTab);
}

const isDay = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');

function useOrdersFilter(): OrdersFilter {
  const { search } = useLocation();
  const status = search.get('status');
  const page = Number.parseInt(search.get('page') ?? '1', 10);
  const channel = search.get('channel');
  const view = search.get('view');
  return {
    status: isStatusTab(status) ? status : 'Unshipped',
    q: search.get('q') ?? '',
    from: isDay(search.get('from')),
    to: isDay(search.get('to')),
    channel: channel === 'MFN' || channel === 'AFN' ? channel : '',
    sort: search.get('sort') === 'shipBy' ? 'shipBy' : 'purchaseDate',
    view: orderViews.includes(view as OrderView) ? (view as OrderView) : '',
    cursor: search.get('cursor') ?? '',
    dir: search.get('dir') === 'prev' ? 'prev' : 'next',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The URL of a list state; any change of filter starts again at the first page. */
export function ordersUrl(filter: OrdersFilter) {
  return withQuery('/orders', {
    ...ordersQuery(filter),
    sort: filter.sort === 'shipBy' ? 'shipBy' : undefined,
    page: filter.cursor && filter.page > 1 ? filter.page : undefined,
  });
}

const firstPage = { cursor: '', dir: 'next', page: 1 } as const;

export function OrdersPage() {
  const t = useT();
  const filter = useOrdersFilter();
  const orders = useOrders(filter);
  const [selected, setSelected] = useState<string[]>([]);
  const [csvOpen, setCsvOpen] = useState(false);
  useDocumentTitle(t('orders.title'));

  const data = orders.data;
  const showingStale = orders.isPlaceholderData;
  const filtered = Boolean(filter.q || filter.from || filter.to || filter.channel || filter.view);
  const otherMatches = data && filter.status !== 'All' && data.total === 0 ? data.counts.All : 0;
  const go = (next: OrdersFilter) => {
    setSelected([]);
    navigate(ordersUrl(next));
  };
  const change = (patch: Partial<OrdersFilter>) => go({ ...filter, ...patch, ...firstPage });
  const rows = data?.orders ?? [];
  const selectedRows = rows.filter((o) => selected.includes(o.amazonOrderId));

  return (
    <div className="page">
      <PageHeader
        title={t('orders.title')}
        subtitle={t('orders.subtitle')}
        actions={
          <button
            type="button"
            className={`btn ${csvOpen ? 'btn-primary' : 'btn-secondary'}`}
            onClick={() => setCsvOpen((open) => !open)}
            aria-expanded={csvOpen}
            data-testid="csv-toggle"
          >
            {t('orders.csv.open')}
          </button>
        }
      />
      {csvOpen && <CsvUploadPanel onClose={() => setCsvOpen(false)} />}
      <StatusTabs
        current={filter.status}
        hrefOf={(status) => ordersUrl({ ...filter, status, ...firstPage })}
        counts={data?.counts}
        capped={data?.cappedCounts ?? []}
      />
      <OrdersFilters key={`${filter.q}|${filter.from}|${filter.to}`} filter={filter} onChange={change} />
      <BulkActions
        selected={selectedRows}
        onClear={() => setSelected([])}
        pageSize={rows.length}
        onSelectAll={() => setSelected(rows.map((o) => o.amazonOrderId))}
      />
      {orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => orders.refetch()} />
      ) : data && data.orders.length === 0 ? (
        <div className="panel">
          <EmptyState
            icon={filtered ? 'search' : 'box'}
            title={filter.q ? t('orders.empty.searchTitle', { q: filter.q }) : t('orders.empty.title')}
            testId="orders-empty"
            action={
              otherMatches > 0 ? (
                <button type="button" className="btn btn-secondary" onClick={() => change({ status: 'All' })}>
                  {t('orders.empty.showAll', { count: otherMatches })}
                </button>
              ) : undefined
            }
          >
            {filter.q
              ? t('orders.empty.searchBody')
              : filtered
                ? t('orders.empty.filtered')
                : t(`orders.empty.${filter.status}`)}
          </EmptyState>
        </div>
      ) : (
        <div className={showingStale ? 'is-refreshing' : undefined}>
          <OrdersTable
            orders={data?.orders}
            loading={orders.isFetching}
            selected={selected}
            onSelect={(ids, on) =>
              setSelected((current) =>
                on ? [...new Set([...current, ...ids])] : current.filter((id) => !ids.includes(id)),
              )
            }
          />
          {data && (
            <CursorPagination
              page={filter.cursor ? filter.page : 1}
              pageSize={data.pageSize || ordersPageSize}
              shown={data.orders.length}
              total={data.total}
              totalCapped={data.totalCapped ?? false}
              onPrev={
                data.prevCursor
                  ? () =>
                      go({
                        ...filter,
                        cursor: data.prevCursor as string,
                        dir: 'prev',
                        page: Math.max(1, filter.page - 1),
                      })
                  : undefined
              }
              onNext={
                data.nextCursor
                  ? () =>
                      go({
                        ...filter,
                        cursor: data.nextCursor as string,
                        dir: 'next',
                        page: (filter.cursor ? filter.page : 1) + 1,
                      })
                  : undefined
              }
            />
          )}
        </div>
      )}
    </div>
  );
}
