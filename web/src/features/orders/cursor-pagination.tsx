import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';

/**
 * Pages of a keyset list: previous / next by cursor, and where we are ("26–50 of 10,000+").
 * The server counts at most up to a cap, so a large total reads "10,000+" (ORD-3 on big accounts).
 */
export function CursorPagination(props: {
  page: number;
  pageSize: number;
  shown: number;
  total: number;
  totalCapped: boolean;
  onPrev?: () => void;
  onNext?: () => void;
}) {
  const t = useT();
  const format = useFormat();
  if (props.shown === 0) return null;
  const from = (props.page - 1) * props.pageSize + 1;
  const to = from + props.shown - 1;
  const total = `${format.number(Math.max(props.total, to))}${props.totalCapped ? '+' : ''}`;
  return (
    <nav className="pagination" aria-label={t('pagination.label')} data-testid="pagination">
      <span className="pagination-summary" data-testid="pagination-summary">
        {t('pagination.summary', { from: format.number(from), to: format.number(to), total })}
      </span>
      <div className="pagination-buttons">
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={!props.onPrev}
          onClick={props.onPrev}
          data-testid="page-prev"
        >
          {t('pagination.previous')}
        </button>
        <span className="pagination-page">{t('orders.pageNumber', { page: format.number(props.page) })}</span>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={!props.onNext}
          onClick={props.onNext}
          data-testid="page-next"
        >
          {t('pagination.next')}
        </button>
      </div>
    </nav>
  );
}
