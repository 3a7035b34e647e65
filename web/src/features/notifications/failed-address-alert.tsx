// NTF-7: the home page alert box for an address that stopped receiving notifications (code
// EMAIL_DELIVERY_FAILED), with the address, the reason and a link to Notification Preferences.
import { Link } from '../../app/router';
import { Icon } from '../../ui/icon';
import { useFailedAddresses } from './notifications-api';
import { useNotificationsT } from './notifications-i18n';

export function FailedAddressAlerts() {
  const { t } = useNotificationsT();
  const failed = useFailedAddresses();
  if (!failed.data || failed.data.length === 0) return null;
  return (
    <ul className="alert-list" data-testid="delivery-failure-alerts">
      {failed.data.map((f) => (
        <li
          key={`${f.channel}:${f.address}`}
          className="alert alert-critical"
          data-testid="delivery-failure-alert"
          data-code={f.code}
        >
          <Icon name="alert" size={18} className="alert-icon" />
          <div className="alert-text">
            {t('alert.failed', { address: f.address, reason: f.reasonText ?? f.reason })}
          </div>
          <Link to="/settings/notifications" className="alert-link">
            {t('alert.action')} →
          </Link>
        </li>
      ))}
    </ul>
  );
}
