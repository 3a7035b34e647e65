import { useT } from '../../i18n/i18n';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { NotificationPreferencesLink } from '../notifications/preferences-link';
import { AccountPanel } from './account-panel';
import { CustomerServiceEmailPanel } from './customer-service-email-panel';
import { DeveloperApps } from './developer-apps';

export function SettingsPage() {
  const t = useT();
  useDocumentTitle(t('settings.title'));
  return (
    <div className="page page-medium">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <div className="stack-lg">
        <AccountPanel />
        <CustomerServiceEmailPanel />
        <NotificationPreferencesLink />
        <DeveloperApps />
      </div>
    </div>
  );
}
