import { useI18n } from '../../i18n/i18n';
import { languages } from '../../i18n/i18n';
import { ErrorState } from '../../ui/error-state';
import { Panel } from '../../ui/panel';
import { SkeletonLine } from '../../ui/skeleton';
import { useAccount } from './settings-api';

export function AccountPanel() {
  const { t, tCode } = useI18n();
  const account = useAccount();
  const data = account.data;
  const rows: Array<[string, string | null | undefined]> = data
    ? [
        [t('settings.account.name'), data.name],
        [t('settings.account.sellerId'), data.id],
        [t('settings.account.sellingPlan'), tCode('sellingPlan', data.sellingPlan, data.sellingPlan)],
        [t('settings.account.timeZone'), data.timeZone],
        [
          t('settings.account.language'),
          languages.find((l) => l.code === data.language)?.label ?? data.language,
        ],
        [t('settings.account.customerServiceEmail'), data.customerServiceEmail],
        [t('settings.account.emergencyPhone'), data.emergencyPhone],
      ]
    : [];
  return (
    <Panel title={t('settings.account.title')} testId="account-panel">
      {account.isError ? (
        <ErrorState error={account.error} onRetry={() => account.refetch()} />
      ) : !data ? (
        <div className="stack">
          <SkeletonLine width="60%" />
          <SkeletonLine width="40%" />
          <SkeletonLine width="50%" />
        </div>
      ) : (
        <>
          <dl className="dl dl-wide">
            {rows.map(([label, value]) => (
              <div key={label} className="dl-row">
                <dt>{label}</dt>
                <dd className={value ? undefined : 'muted'}>{value || t('settings.account.notSet')}</dd>
              </div>
            ))}
          </dl>
          <p className="field-hint">{t('settings.account.readOnly')}</p>
        </>
      )}
    </Panel>
  );
}
