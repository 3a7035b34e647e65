import { useFormat } from '../i18n/format';
import { useT } from '../i18n/i18n';

export function Pagination(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const t = useT();
  const format = useFormat();
  const { page, pageSize, total } = props;
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <span className="pagination-summary">
        {t('pagination.summary', {
          from: format.number(from),
          to: format.number(to),
          total: format.number(total),
        })}
      </span>
      <div className="pagination-buttons">
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={page <= 1}
          onClick={() => props.onPage(page - 1)}
        >
          {t('pagination.previous')}
        </button>
        <span className="pagination-page">{t('pagination.page', { page, pages })}</span>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={page >= pages}
          onClick={() => props.onPage(page + 1)}
        >
          {t('pagination.next')}
        </button>
      </div>
    </nav>
  );
}
