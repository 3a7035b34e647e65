// ORD-14: the receipt as a print page (the same words and numbers as the PDF: both come from the
// server's receipt model), in the page language.
import { Link } from '../../app/router';
import { useI18n } from '../../i18n/i18n';
import { ErrorState } from '../../ui/error-state';
import { useDocumentTitle } from '../../ui/page-header';
import { receiptPdfUrl, useReceipt } from './account-api';
import { useAccountT } from './account-i18n';

export function ReceiptPage({ orderId }: { orderId: string }) {
  const { language } = useI18n();
  const { t } = useAccountT();
  const receipt = useReceipt(orderId, language);
  useDocumentTitle(receipt.data ? `${receipt.data.title} ${orderId}` : orderId);
  const back = `/account/orders/${encodeURIComponent(orderId)}`;
  if (receipt.isError) {
    return (
      <div className="page page-narrow">
        <ErrorState error={receipt.error} />
        <Link to={back} className="back-link">
          {t('order.back')}
        </Link>
      </div>
    );
  }
  const r = receipt.data;
  if (!r)
    return (
      <div className="splash" role="status">
        <span className="spinner" aria-hidden="true" />
      </div>
    );
  return (
    <div className="receipt-page" lang={r.language} data-testid="receipt-page">
      <div className="receipt-tools">
        <Link to={back} className="back-link">
          {t('order.back')}
        </Link>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          onClick={() => window.print()}
          data-testid="receipt-print"
        >
          {t('receipt.print')}
        </button>
        <a className="btn btn-primary btn-sm" href={receiptPdfUrl(orderId, language)}>
          {t('receipt.download')}
        </a>
      </div>
      <article className="receipt-sheet">
        <h1 className="receipt-title">{r.title}</h1>
        <p className="receipt-issuer" data-testid="receipt-issuer">
          {r.issuedOnBehalf}
        </p>
        <dl className="receipt-fields">
          {r.fields.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
        <table className="receipt-table">
          <thead>
            <tr>
              <th>{r.labels.item}</th>
              <th className="num">{r.labels.quantity}</th>
              <th className="num">{r.labels.unitPrice}</th>
              <th className="num">{r.labels.tax}</th>
              <th className="num">{r.labels.amount}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((i) => (
              <tr key={i.title}>
                <td>
                  {i.title}
                  {i.note && <div className="receipt-note">{i.note}</div>}
                </td>
                <td className="num">{i.quantity}</td>
                <td className="num">{i.unitPrice}</td>
                <td className="num">{i.tax}</td>
                <td className="num">{i.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="receipt-summary" data-testid="receipt-summary">
          {r.summary.map((s) => (
            <div key={s.label} className={s.bold ? 'is-bold' : undefined}>
              <dt>{s.label}</dt>
              <dd>{s.value}</dd>
            </div>
          ))}
        </dl>
        {r.refunds.length > 0 && (
          <>
            <h2 className="receipt-subtitle">{r.labels.refunds}</h2>
            <table className="receipt-table">
              <tbody>
                {r.refunds.map((x) => (
                  <tr key={`${x.date}-${x.amount}-${x.reason}`}>
                    <td>{x.date}</td>
                    <td>{x.reason}</td>
                    <td className="num">{x.amount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <p className="receipt-footer">{r.footer}</p>
      </article>
    </div>
  );
}
