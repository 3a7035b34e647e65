import { useFormat } from '../../i18n/format';
import { Panel } from '../../ui/panel';
import type { BuyerOrder } from './account-api';
import { useAccountT } from './account-i18n';

/** Buyer-visible events only (placed, paid, shipped, scans, refunds, cancellation), oldest first. */
export function BuyerTimeline({ order }: { order: BuyerOrder }) {
  const { t, tCode } = useAccountT();
  const format = useFormat();
  const currency = order.totals.total.currencyCode;
  const money = (amount: unknown) => format.money({ amount: String(amount ?? '0'), currencyCode: currency });
  const text = (e: BuyerOrder['timeline'][number]) => {
    const p = e.params;
    switch (e.kind) {
      case 'placed':
        return t('timeline.placed', { total: money(p.total) });
      case 'charged':
        return t('timeline.charged', { amount: money(p.amount) });
      case 'shipped':
        return t('timeline.shipped', {
          carrier: String(p.carrier ?? ''),
          trackingNumber: String(p.trackingNumber ?? ''),
        });
      case 'scan':
        return `${tCode('scan', String(p.status), String(p.status))}${p.location ? ` (${p.location})` : ''}${
          p.trackingNumber ? ` · ${p.trackingNumber}` : ''
        }`;
      case 'refunded':
        return t('timeline.refunded', {
          amount: money(p.amount),
          reason: tCode('refundReason', String(p.reason), String(p.reason)),
        });
      case 'cancel_requested':
        return `${t('timeline.cancel_requested')}${p.reason ? `: ${tCode('cancelReason', String(p.reason), String(p.reason))}` : ''}`;
      default:
        return tCode('timeline', e.kind, e.kind);
    }
  };
  return (
    <Panel title={t('timeline.title')} testId="account-timeline">
      <ol className="timeline">
        {order.timeline.map((e) => (
          <li
            key={`${e.at}:${e.kind}:${String(e.params.trackingNumber ?? e.params.amount ?? '')}`}
            className={`timeline-item timeline-${e.kind}`}
            data-kind={e.kind}
          >
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-content">
              <p className="timeline-message">{text(e)}</p>
              <p className="timeline-meta">
                <time dateTime={e.at}>{format.dateTime(e.at)}</time>
              </p>
            </div>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
