import { type FormEvent, useState } from 'react';
import { useErrorMessage } from '../../app/error-message';
import { Link } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge } from '../../ui/badge';
import { Panel } from '../../ui/panel';
import { csvTemplateUrl, useCsvConfirm } from './orders-api';

/** Confirm shipments from a CSV upload (ORD-7): one verdict per row; good rows apply anyway. */
export function CsvUploadPanel({ onClose }: { onClose: () => void }) {
  const { t, tCode } = useI18n();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const upload = useCsvConfirm();
  const [file, setFile] = useState<File | null>(null);
  const report = upload.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file) upload.mutate(file);
  }

  return (
    <Panel
      title={t('orders.csv.title')}
      testId="csv-panel"
      className="csv-panel"
      actions={
        <button type="button" className="btn btn-ghost btn-sm" onClick={onClose}>
          {t('common.dismiss')}
        </button>
      }
    >
      <p className="muted">{t('orders.csv.intro')}</p>
      <p className="small mono csv-columns">
        order-id, order-item-id, quantity, carrier-code, carrier-name, ship-method, tracking-number, ship-date
      </p>
      <form className="csv-form" onSubmit={submit}>
        <label htmlFor="csv-file" className="visually-hidden">
          {t('orders.csv.file')}
        </label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          data-testid="csv-file"
        />
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!file || upload.isPending}
          data-testid="csv-submit"
        >
          {upload.isPending ? t('orders.csv.uploading') : t('orders.csv.submit')}
        </button>
        <a className="btn btn-ghost" href={csvTemplateUrl} download data-testid="csv-template">
          {t('orders.csv.template')}
        </a>
      </form>
      {upload.isError && (
        <div className="form-error" role="alert" data-testid="csv-error">
          <p>{errorMessage(upload.error)}</p>
        </div>
      )}
      {report && (
        <div className="csv-report" data-testid="csv-report">
          <p className="csv-summary" data-testid="csv-summary">
            {t('orders.csv.summary', {
              applied: format.number(report.applied),
              unchanged: format.number(report.unchanged),
              refused: format.number(report.refused),
            })}
          </p>
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('orders.csv.row')}
                  </th>
                  <th scope="col">{t('orders.col.orderId')}</th>
                  <th scope="col">{t('confirm.tracking')}</th>
                  <th scope="col">{t('orders.csv.result')}</th>
                  <th scope="col">{t('orders.csv.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {report.results.map((r) => (
                  <tr key={r.row} data-testid="csv-result" data-row={r.row} data-result={r.result}>
                    <td className="num">{r.row}</td>
                    <td className="mono nowrap">
                      {r.orderId ? (
                        <Link to={`/orders/${encodeURIComponent(r.orderId)}`}>{r.orderId}</Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="mono">{r.trackingNumber ?? '—'}</td>
                    <td>
                      <Badge
                        tone={
                          r.result === 'applied' ? 'success' : r.result === 'unchanged' ? 'neutral' : 'danger'
                        }
                      >
                        {t(`orders.csv.result.${r.result}`)}
                      </Badge>
                    </td>
                    <td className="small">
                      {r.result === 'applied' && r.orderStatus ? (
                        t('orders.csv.nowStatus', {
                          status: t(`status.${r.orderStatus}` as 'status.Shipped'),
                        })
                      ) : r.code ? (
                        <>
                          <span className="mono muted">{r.code}</span>{' '}
                          <span data-testid="csv-message">{tCode('errors', r.code, r.message ?? '')}</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Panel>
  );
}
