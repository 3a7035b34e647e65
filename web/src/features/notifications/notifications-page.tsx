// NTF-10: the in-app notification list with severity, type and read filters; mark as read.
import { Link, navigate, useLocation, withQuery } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { Badge, type Tone } from '../../ui/badge';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { SkeletonLine } from '../../ui/skeleton';
import {
  type NotificationFilter,
  type Severity,
  useMarkRead,
  useNotificationList,
} from './notifications-api';
import { useNotificationsT } from './notifications-i18n';
import { notificationsEn } from './notifications-messages';
import { summaryOf } from './notification-summary';
import './notifications.css';

const TONE: Record<Severity, Tone> = { critical: 'danger', warning: 'warning', info: 'info' };
const TYPES = Object.keys(notificationsEn)
  .filter((k) => k.startsWith('type.'))
  .map((k) => k.slice(5));

export function NotificationsPage() {
  const { t, tCode } = useNotificationsT();
  const fmt = useFormat();
  useDocumentTitle(t('list.title'));
  const { search } = useLocation();
  const filter: NotificationFilter = {
    severity: (search.get('severity') as Severity) || undefined,
    type: search.get('type') || undefined,
    read: (search.get('read') as 'true' | 'false') || undefined,
  };
  const list = useNotificationList(filter);
  const markRead = useMarkRead();
  const setFilter = (k: keyof NotificationFilter, v: string) =>
    navigate(withQuery('/notifications', { ...filter, [k]: v || undefined }), { replace: true });
  const items = list.data?.pages.flatMap((p) => p.notifications) ?? [];

  return (
    <div className="page page-medium">
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} />
      <div className="notification-filters">
        <select
          className="select select-sm"
          aria-label={t('prefs.state')}
          value={filter.severity ?? ''}
          onChange={(e) => setFilter('severity', e.target.value)}
          data-testid="filter-severity"
        >
          <option value="">{t('list.allSeverities')}</option>
          {(['critical', 'warning', 'info'] as const).map((s) => (
            <option key={s} value={s}>
              {tCode('severity', s, s)}
            </option>
          ))}
        </select>
        <select
          className="select select-sm"
          aria-label={t('prefs.type')}
          value={filter.type ?? ''}
          onChange={(e) => setFilter('type', e.target.value)}
          data-testid="filter-type"
        >
          <option value="">{t('list.allTypes')}</option>
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {tCode('type', type, type)}
            </option>
          ))}
        </select>
        <select
          className="select select-sm"
          aria-label={t('list.read')}
          value={filter.read ?? ''}
          onChange={(e) => setFilter('read', e.target.value)}
          data-testid="filter-read"
        >
          <option value="">{t('list.all')}</option>
          <option value="false">{t('list.unread')}</option>
          <option value="true">{t('list.read')}</option>
        </select>
        <Link to="/notifications/log" className="btn btn-ghost btn-sm">
          {t('list.log')}
        </Link>
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : !list.data ? (
        <SkeletonLine width="60%" />
      ) : items.length === 0 ? (
        <p className="muted" data-testid="notifications-empty">
          {t('list.empty')}
        </p>
      ) : (
        <ul className="notification-list" data-testid="notification-list">
          {items.map((n) => (
            <li
              key={n.id}
              className={`notification-item${n.readAt ? '' : ' is-unread'}`}
              data-testid="notification"
              data-severity={n.severity}
            >
              <Badge tone={TONE[n.severity]}>{tCode('severity', n.severity, n.severity)}</Badge>
              <div className="grow">
                <div>{tCode('type', n.type, n.type)}</div>
                <div className="muted small">{summaryOf(n)}</div>
              </div>
              <span className="muted small nowrap">{fmt.dateTime(n.createdAt)}</span>
              {!n.readAt && (
                <button
                  type="button"
                  className="btn btn-secondary btn-xs"
                  disabled={markRead.isPending}
                  onClick={() => markRead.mutate(n.id)}
                  data-testid="mark-read"
                >
                  {t('list.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button type="button" className="btn btn-secondary" onClick={() => list.fetchNextPage()}>
          {t('list.more')}
        </button>
      )}
    </div>
  );
}
