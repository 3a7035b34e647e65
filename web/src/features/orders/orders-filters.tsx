import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { SearchForm } from '../../ui/search-form';
import type { OrdersFilter } from './orders-api';
import type { OrderSort } from './order-types';

/** Search (order id, buyer email or SKU), purchase dates, channel, sort, and the alert view (ORD-3). */
export function OrdersFilters(props: {
  filter: OrdersFilter;
  onChange: (patch: Partial<OrdersFilter>) => void;
}) {
  const t = useT();
  const { filter, onChange } = props;
  const [from, setFrom] = useState(filter.from);
  const [to, setTo] = useState(filter.to);
  const reversed = from !== '' && to !== '' && from > to;
  return (
    <div className="orders-filters">
      <div className="toolbar">
        <SearchForm
          id="orders-search"
          label={t('orders.searchLabel')}
          placeholder={t('orders.searchPlaceholder')}
          initial={filter.q}
          onSearch={(q) => onChange({ q })}
          testId="orders-search"
        />
      </div>
      <form
        className="filter-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (!reversed) onChange({ from, to });
        }}
        aria-label={t('orders.filters.label')}
      >
        <div className="field field-inline">
          <label htmlFor="orders-from">{t('orders.filters.from')}</label>
          <input
            id="orders-from"
            className="input"
            type="date"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            data-testid="filter-from"
          />
        </div>
        <div className="field field-inline">
          <label htmlFor="orders-to">{t('orders.filters.to')}</label>
          <input
            id="orders-to"
            className="input"
            type="date"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            data-testid="filter-to"
          />
        </div>
        <button
          type="submit"
          className="btn btn-secondary"
          disabled={reversed}
          data-testid="filter-dates-apply"
        >
          {t('orders.filters.apply')}
        </button>
        {(filter.from || filter.to) && (
          <button type="button" className="btn btn-ghost" onClick={() => onChange({ from: '', to: '' })}>
            {t('common.clear')}
          </button>
        )}
        <div className="field field-inline">
          <label htmlFor="orders-channel">{t('orders.filters.channel')}</label>
          <select
            id="orders-channel"
            className="select"
            value={filter.channel}
            onChange={(event) => onChange({ channel: event.target.value as OrdersFilter['channel'] })}
            data-testid="filter-channel"
          >
            <option value="">{t('orders.filters.channelAll')}</option>
            <option value="MFN">{t('orders.channel.MFN.long')}</option>
            <option value="AFN">{t('orders.channel.AFN.long')}</option>
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="orders-sort">{t('orders.filters.sort')}</label>
          <select
            id="orders-sort"
            className="select"
            value={filter.sort}
            onChange={(event) => onChange({ sort: event.target.value as OrderSort })}
            data-testid="filter-sort"
          >
            <option value="purchaseDate">{t('orders.sort.purchaseDate')}</option>
            <option value="shipBy">{t('orders.sort.shipBy')}</option>
          </select>
        </div>
        {reversed && (
          <p className="field-hint text-danger" role="alert">
            {t('orders.filters.reversed')}
          </p>
        )}
      </form>
      {filter.view && (
        <div className="view-chip" data-testid="view-chip">
          <span>{t(`orders.view.${filter.view}`)}</span>
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => onChange({ view: '' })}
            data-testid="view-clear"
          >
            {t('common.clear')}
          </button>
        </div>
      )}
    </div>
  );
}
