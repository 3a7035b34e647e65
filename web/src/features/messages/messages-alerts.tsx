// MSG-14 outside the inbox: the top navigation's count of conversations awaiting a reply, and
// the home page's alert "N buyer messages awaiting reply, M overdue".
import { Link } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { Icon } from '../../ui/icon';
import { useMessagesSummary } from './messages-api';
import { useMessagesT } from './messages-i18n';

export function MessagesNavBadge() {
  const { t } = useMessagesT();
  const format = useFormat();
  const summary = useMessagesSummary();
  const awaiting = summary.data?.awaiting ?? 0;
  if (awaiting === 0) return null;
  const overdue = (summary.data?.overdue ?? 0) > 0;
  return (
    <span
      className={`nav-count${overdue ? ' nav-count-danger' : ''}`}
      title={t('nav.badge', { n: awaiting })}
      data-testid="nav-messages-count"
      data-overdue={String(overdue)}
    >
      {format.number(awaiting)}
      <span className="visually-hidden">{t('nav.badge', { n: awaiting })}</span>
    </span>
  );
}

export function MessagesHomeAlert() {
  const { t } = useMessagesT();
  const summary = useMessagesSummary();
  const data = summary.data;
  if (!data || data.awaiting === 0) return null;
  const severity = data.overdue > 0 ? 'critical' : 'warning';
  return (
    <ul className="alert-list messages-alert" data-testid="messages-alert">
      <li className={`alert alert-${severity}`} data-severity={severity}>
        <Icon name="mail" size={18} className="alert-icon" />
        <div className="alert-text">
          {t('alert.awaiting', { awaiting: data.awaiting, overdue: data.overdue })}
        </div>
        <Link
          to={data.overdue > 0 ? '/messages?filter=overdue' : '/messages?filter=awaiting'}
          className="alert-link"
        >
          {t('alert.action')} →
        </Link>
      </li>
    </ul>
  );
}
