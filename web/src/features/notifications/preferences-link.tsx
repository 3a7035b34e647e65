import { Link } from '../../app/router';
import { Panel } from '../../ui/panel';
import { useNotificationsT } from './notifications-i18n';

/** Settings → Notification Preferences (NTF-1), and the in-app list and delivery log beside it. */
export function NotificationPreferencesLink() {
  const { t } = useNotificationsT();
  return (
    <Panel title={t('prefs.title')} testId="notification-settings">
      <p className="panel-intro">{t('prefs.linkBody')}</p>
      <div className="toolbar">
        <Link
          to="/settings/notifications"
          className="btn btn-primary"
          data-testid="open-notification-preferences"
        >
          {t('prefs.link')}
        </Link>
        <Link to="/notifications" className="btn btn-secondary">
          {t('list.title')}
        </Link>
        <Link to="/notifications/log" className="btn btn-secondary">
          {t('log.title')}
        </Link>
      </div>
    </Panel>
  );
}
