// NTF-8: the delivery log: each notification, its deliveries, and why one was not sent (disabled,
// digest pending, failed address, disabled endpoint, no recipient).
import { useFormat } from '../../i18n/format';
import { Badge, type Tone } from '../../ui/badge';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { SkeletonLine } from '../../ui/skeleton';
import { type Delivery, useDeliveryLog } from './notifications-api';
import { useNotificationsT } from './notifications-i18n';
import { summaryOf } from './notification-summary';
import './notifications.css';

const STATE_TONE: Record<string, Tone> = {
  sent: 'success',
  failed: 'danger',
  skipped: 'neutral',
  digest: 'info',
  pending: 'warning',
  sending: 'warning',
};

export function DeliveryLogPage() {
  const { t, tCode } = useNotificationsT();
  const fmt = useFormat();
  useDocumentTitle(t('log.title'));
  const log = useDeliveryLog();
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  const why = (d: Delivery) =>
    d.reason
      ? tCode('reason', d.reason, d.reason)
      : d.state === 'digest'
        ? t('state.digest')
        : (d.lastError ?? (d.sentAt ? fmt.dateTime(d.sentAt) : ''));

  return (
    <div className="page page-medium">
      <PageHeader title={t('log.title')} subtitle={t('log.subtitle')} />
      {log.isError ? (
        <ErrorState error={log.error} onRetry={() => log.refetch()} />
      ) : !log.data ? (
        <SkeletonLine width="60%" />
      ) : entries.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <div className="stack-lg" data-testid="delivery-log">
          {entries.map(({ notification: n, deliveries }) => (
            <Panel
              key={n.id}
              title={`${tCode('type', n.type, n.type)} · ${fmt.dateTime(n.createdAt)}`}
              testId="log-entry"
            >
              <p className="muted small">{summaryOf(n)}</p>
              {deliveries.length === 0 ? (
                <p className="muted">{t('log.noDeliveries')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table table-compact">
                    <thead>
                      <tr>
                        <th scope="col">{t('log.channel')}</th>
                        <th scope="col">{t('log.address')}</th>
                        <th scope="col">{t('log.state')}</th>
                        <th scope="col">{t('log.attempts')}</th>
                        <th scope="col">{t('log.why')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {deliveries.map((d) => (
                        <tr key={d.id} data-testid="log-delivery" data-state={d.state}>
                          <td>{d.channel}</td>
                          <td className="mono small">{d.address}</td>
                          <td>
                            <Badge tone={STATE_TONE[d.state] ?? 'neutral'}>
                              {tCode('state', d.state, d.state)}
                            </Badge>
                          </td>
                          <td>{d.attempts}</td>
                          <td className="small">{why(d)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Panel>
          ))}
          {log.hasNextPage && (
            <button type="button" className="btn btn-secondary" onClick={() => log.fetchNextPage()}>
              {t('list.more')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
