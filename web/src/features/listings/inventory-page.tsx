// Inventory (issue 4 item 1, NTF-2 Listings): the seller's listings as the storefront created them
// through the marketplace API, with the filters GET /api/listings offers (status, stock, text).
// Filters live in the URL so a filtered view can be reloaded and shared.
import { navigate, useLocation, withQuery } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { Badge, type Tone } from '../../ui/badge';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { SearchForm } from '../../ui/search-form';
import { SkeletonRows } from '../../ui/skeleton';
import { type ListingStatus, type ListingsFilter, listingsPageSize, useListings } from './listings-api';
import './listings.css';

const statusTone: Record<ListingStatus, Tone> = { active: 'success', inactive: 'warning', closed: 'neutral' };

function readFilter(search: URLSearchParams): ListingsFilter {
  const status = search.get('status');
  const stock = search.get('stock');
  return {
    status: status === 'active' || status === 'inactive' || status === 'closed' ? status : '',
    stock: stock === 'in' || stock === 'out' ? stock : '',
    q: search.get('q') ?? '',
    page: Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1),
  };
}

export function InventoryPage() {
  const t = useT();
  const format = useFormat();
  const { search } = useLocation();
  const filter = readFilter(search);
  const listings = useListings(filter);
  useDocumentTitle(t('inventory.title'));
  // Any filter change starts again from the first page.
  const go = (patch: Partial<ListingsFilter>) =>
    navigate(withQuery('/inventory', { ...filter, page: undefined, ...patch }));
  const filtered = filter.status !== '' || filter.stock !== '' || filter.q !== '';

  return (
    <div className="page">
      <PageHeader title={t('inventory.title')} subtitle={t('inventory.subtitle')} />
      <div className="toolbar">
        <SearchForm
          key={filter.q}
          id="inventory-search"
          label={t('inventory.search')}
          placeholder={t('inventory.searchPlaceholder')}
          initial={filter.q}
          onSearch={(q) => go({ q })}
          testId="inventory-search"
        />
      </div>
      <section className="filter-row inventory-filters" aria-label={t('inventory.filters')}>
        <div className="field field-inline">
          <label htmlFor="inventory-status">{t('inventory.status')}</label>
          <select
            id="inventory-status"
            className="select"
            value={filter.status}
            onChange={(event) => go({ status: event.target.value as ListingsFilter['status'] })}
            data-testid="inventory-filter-status"
          >
            <option value="">{t('inventory.statusAll')}</option>
            <option value="active">{t('inventory.status.active')}</option>
            <option value="inactive">{t('inventory.status.inactive')}</option>
            <option value="closed">{t('inventory.status.closed')}</option>
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="inventory-stock">{t('inventory.stock')}</label>
          <select
            id="inventory-stock"
            className="select"
            value={filter.stock}
            onChange={(event) => go({ stock: event.target.value as ListingsFilter['stock'] })}
            data-testid="inventory-filter-stock"
          >
            <option value="">{t('inventory.stockAll')}</option>
            <option value="in">{t('inventory.stock.in')}</option>
            <option value="out">{t('inventory.stock.out')}</option>
          </select>
        </div>
        {filtered && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => navigate('/inventory')}
            data-testid="inventory-filter-clear"
          >
            {t('common.clear')}
          </button>
        )}
      </section>
      {listings.isError ? (
        <ErrorState error={listings.error} onRetry={() => listings.refetch()} />
      ) : listings.data && listings.data.listings.length === 0 ? (
        <div className="panel">
          <EmptyState
            icon="box"
            title={filtered ? t('inventory.noMatchTitle') : t('inventory.emptyTitle')}
            testId="inventory-empty"
          >
            {filtered ? t('inventory.noMatchBody') : t('inventory.emptyBody')}
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="inventory-table">
              <thead>
                <tr>
                  <th scope="col">{t('inventory.sku')}</th>
                  <th scope="col">{t('inventory.productTitle')}</th>
                  <th scope="col" className="num">
                    {t('inventory.price')}
                  </th>
                  <th scope="col" className="num">
                    {t('inventory.quantity')}
                  </th>
                  <th scope="col">{t('inventory.status')}</th>
                  <th scope="col">{t('inventory.created')}</th>
                  <th scope="col">{t('inventory.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {!listings.data ? (
                  <SkeletonRows rows={6} columns={7} />
                ) : (
                  listings.data.listings.map((l) => {
                    // Out of stock matters only while buyers can find the listing.
                    const outOfStock = l.quantity === 0 && l.status !== 'closed';
                    return (
                      <tr
                        key={l.sku}
                        data-testid="listing-row"
                        data-sku={l.sku}
                        data-out-of-stock={outOfStock ? 'true' : 'false'}
                        className={outOfStock ? 'listing-out-of-stock' : undefined}
                      >
                        <td className="mono break">{l.sku}</td>
                        <td className="break">
                          {l.title}
                          {l.asin && <div className="field-hint">ASIN {l.asin}</div>}
                        </td>
                        <td className="num nowrap">{format.money(l.price)}</td>
                        <td className="num nowrap" data-testid="listing-quantity">
                          {outOfStock ? (
                            <Badge tone="danger">{t('inventory.outOfStock')}</Badge>
                          ) : (
                            format.number(l.quantity)
                          )}
                        </td>
                        <td>
                          <Badge tone={statusTone[l.status]} testId="listing-status">
                            {t(`inventory.status.${l.status}`)}
                          </Badge>
                        </td>
                        <td className="nowrap">{format.dateTime(l.createdAt)}</td>
                        <td className="nowrap">{format.dateTime(l.updatedAt)}</td>
                      </tr>
                    );
                  })
                )}
              </tbody>
            </table>
          </div>
          {listings.data && (
            <Pagination
              page={filter.page}
              pageSize={listingsPageSize}
              total={listings.data.total}
              onPage={(page) => navigate(withQuery('/inventory', { ...filter, page }))}
            />
          )}
        </>
      )}
    </div>
  );
}
