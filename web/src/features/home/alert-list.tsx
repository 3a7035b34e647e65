import { Link } from '../../app/router';
import { useI18n } from '../../i18n/i18n';
import { Icon } from '../../ui/icon';
import type { HomeAlert, Severity } from './home-api';

const severityOrder: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
const icons = { critical: 'alert', warning: 'alert', info: 'info' } as const;

export function AlertList({ alerts }: { alerts: HomeAlert[] }) {
  const { t, tCode } = useI18n();
  if (alerts.length === 0) {
    return (
      <div className="alerts-empty" data-testid="alert-list">
        <span className="alerts-empty-icon" aria-hidden="true">
          <Icon name="check" size={16} />
        </span>
        {t('home.noAlerts')}
      </div>
    );
  }
  const sorted = [...alerts].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  return (
    <ul className="alert-list" data-testid="alert-list">
      {sorted.map((alert) => (
        <li
          key={`${alert.code}:${alert.message}`}
          className={`alert alert-${alert.severity}`}
          data-testid="alert"
          data-severity={alert.severity}
        >
          <Icon name={icons[alert.severity]} size={18} className="alert-icon" />
          <div className="alert-text">
            <span className="visually-hidden">{t(`severity.${alert.severity}`)}: </span>
            {alert.params ? tCode('alerts', alert.code, alert.message, alert.params) : alert.message}
          </div>
          {alert.link && <AlertLink href={alert.link} label={t('home.alertAction')} />}
        </li>
      ))}
    </ul>
  );
}

function AlertLink({ href, label }: { href: string; label: string }) {
  if (href.startsWith('/') && !href.startsWith('//')) {
    return (
      <Link to={href} className="alert-link">
        {label} →
      </Link>
    );
  }
  return (
    <a href={href} className="alert-link" target="_blank" rel="noreferrer noopener">
      {label} <Icon name="external" size={13} />
    </a>
  );
}
