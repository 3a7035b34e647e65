import { useState } from 'react';
import { ApiError } from '../../app/api-client';
import { useErrorMessage } from '../../app/error-message';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { packingSlipsUrl } from './orders-api';
import type { OrderRow } from './order-types';

/** Orders with no packing slip (ORD-9): Pending ones have no address yet, cancelled ones ship nothing. */
const noSlip = (o: OrderRow) =>
  o.status === 'Pending' || o.status === 'PendingAvailability' || o.status === 'Canceled';

/** Bulk actions on the selected orders: the print page of their packing slips, or one PDF. */
export function BulkActions(props: {
  selected: OrderRow[];
  pageSize: number;
  onSelectAll: () => void;
  onClear: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const [problem, setProblem] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const ids = props.selected.map((o) => o.amazonOrderId);
  const blocked = props.selected.filter(noSlip);
  const disabled = ids.length === 0 || blocked.length > 0;

  // The PDF is fetched first so a refusal shows here, not as an error page in a download.
  async function downloadPdf() {
    setProblem(null);
    setDownloading(true);
    try {
      const response = await fetch(packingSlipsUrl(ids, 'pdf'), { credentials: 'same-origin' });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new ApiError(
          response.status,
          body?.error?.code ?? `HTTP_${response.status}`,
          body?.error?.message ?? '',
        );
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = ids.length === 1 ? `packing-slip-${ids[0]}.pdf` : `packing-slips-${ids.length}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  }

  return (
    <div className="bulk-actions" data-testid="bulk-actions" aria-live="polite">
      <span className="bulk-count" data-testid="bulk-count">
        {ids.length === 0
          ? t('orders.bulk.none')
          : t('orders.bulk.selected', { count: format.number(ids.length) })}
      </span>
      {props.pageSize > 0 && (
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={ids.length ? props.onClear : props.onSelectAll}
        >
          {ids.length ? t('orders.bulk.clear') : t('orders.bulk.selectPage')}
        </button>
      )}
      <div className="bulk-buttons">
        <a
          className={`btn btn-secondary btn-sm${disabled ? ' is-disabled' : ''}`}
          href={disabled ? undefined : packingSlipsUrl(ids, 'html')}
          target="_blank"
          rel="noopener"
          aria-disabled={disabled}
          data-testid="bulk-print"
        >
          {t('orders.bulk.print')}
        </a>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={disabled || downloading}
          onClick={downloadPdf}
          data-testid="bulk-pdf"
        >
          {downloading ? t('orders.bulk.downloading') : t('orders.bulk.pdf')}
        </button>
      </div>
      {blocked.length > 0 && (
        <p className="small text-danger bulk-note" data-testid="bulk-blocked">
          {t('orders.bulk.noSlip', { orders: blocked.map((o) => o.amazonOrderId).join(', ') })}
        </p>
      )}
      {problem && (
        <p className="small text-danger bulk-note" role="alert" data-testid="bulk-error">
          {problem}
        </p>
      )}
    </div>
  );
}
