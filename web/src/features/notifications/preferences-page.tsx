// NTF-1 Notification Preferences (Settings): one row per type with its state and recipients, Edit
// per row, Submit saves, Cancel discards; failed addresses with their Reset (NTF-7); webhooks.
import { Fragment, useState } from 'react';
import { useToast } from '../../app/toast';
import { Badge } from '../../ui/badge';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { SkeletonLine } from '../../ui/skeleton';
import {
  type FailedAddress,
  type TypePreference,
  usePreferences,
  useResetFailedAddress,
  type WebhookEndpoint,
} from './notifications-api';
import { useNotificationsT } from './notifications-i18n';
import { PreferenceEditForm } from './preference-edit-form';
import { WebhooksPanel } from './webhooks-panel';
import './notifications.css';

export function NotificationPreferencesPage() {
  const { t } = useNotificationsT();
  useDocumentTitle(t('prefs.title'));
  const prefs = usePreferences();
  const [editing, setEditing] = useState<string | null>(null);
  const data = prefs.data;

  return (
    <div className="page page-medium">
      <PageHeader title={t('prefs.title')} subtitle={t('prefs.subtitle')} />
      {prefs.isError ? (
        <ErrorState error={prefs.error} onRetry={() => prefs.refetch()} />
      ) : !data ? (
        <div className="stack">
          <SkeletonLine width="70%" />
          <SkeletonLine width="50%" />
        </div>
      ) : (
        <div className="stack-lg">
          {data.failedAddresses.length > 0 && <FailedAddressesPanel failed={data.failedAddresses} />}
          {data.groups.map((g) => (
            <GroupPanel
              key={g.group}
              group={g.group}
              types={g.types}
              webhooks={data.webhooks}
              failed={data.failedAddresses}
              editing={editing}
              setEditing={setEditing}
            />
          ))}
          <WebhooksPanel webhooks={data.webhooks} />
        </div>
      )}
    </div>
  );
}

function FailedAddressesPanel({ failed }: { failed: FailedAddress[] }) {
  const { t } = useNotificationsT();
  return (
    <Panel title={t('prefs.failedTitle')} testId="failed-addresses">
      <p className="panel-intro">{t('prefs.failedIntro')}</p>
      <ul className="failed-list">
        {failed.map((f) => (
          <li key={`${f.channel}:${f.address}`} data-testid="failed-address">
            <Badge tone="danger">{t('prefs.failed')}</Badge> <span className="mono">{f.address}</span>{' '}
            <span className="muted small">
              {f.reasonText ?? f.reason}
              {f.evidence ? ` (${f.evidence})` : ''}
            </span>{' '}
            <ResetButton failed={f} />
          </li>
        ))}
      </ul>
    </Panel>
  );
}

export function ResetButton({ failed }: { failed: FailedAddress }) {
  const { t, errorText } = useNotificationsT();
  const toast = useToast();
  const reset = useResetFailedAddress();
  return (
    <button
      type="button"
      className="btn btn-secondary btn-xs"
      disabled={reset.isPending}
      data-testid="reset-address"
      onClick={() =>
        reset.mutate(
          { channel: failed.channel, address: failed.address },
          {
            onSuccess: () => toast(t('prefs.resetDone', { address: failed.address })),
            onError: (e) => toast(errorText(e), 'error'),
          },
        )
      }
    >
      {t('prefs.reset')}
    </button>
  );
}

function GroupPanel(props: {
  group: string;
  types: TypePreference[];
  webhooks: WebhookEndpoint[];
  failed: FailedAddress[];
  editing: string | null;
  setEditing: (type: string | null) => void;
}) {
  const { t, tCode } = useNotificationsT();
  return (
    <Panel title={tCode('group', props.group, props.group)} testId={`pref-group-${props.group}`}>
      <div className="table-wrap">
        <table className="table table-compact pref-table">
          <thead>
            <tr>
              <th scope="col">{t('prefs.type')}</th>
              <th scope="col">{t('prefs.state')}</th>
              <th scope="col">{t('prefs.recipients')}</th>
              <th scope="col">{t('prefs.frequency')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('prefs.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.types.map((row) => (
              <Fragment key={row.type}>
                <tr data-testid={`pref-row-${row.type}`}>
                  <td>{tCode('type', row.type, row.type)}</td>
                  <td>
                    {row.preference.enabled ? (
                      <Badge tone="success" testId="pref-state">
                        {t('prefs.enabled')}
                      </Badge>
                    ) : (
                      <Badge tone="neutral" testId="pref-state">
                        {t('prefs.disabled')}
                      </Badge>
                    )}
                    {row.mandatory && <span className="muted small"> {t('prefs.required')}</span>}
                  </td>
                  <td data-testid="pref-recipients">
                    <Recipients row={row} webhooks={props.webhooks} failed={props.failed} />
                  </td>
                  <td>{tCode('frequency', row.preference.frequency, row.preference.frequency)}</td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="btn btn-secondary btn-xs"
                      disabled={props.editing !== null && props.editing !== row.type}
                      onClick={() => props.setEditing(props.editing === row.type ? null : row.type)}
                      data-testid="pref-edit"
                    >
                      {t('prefs.edit')}
                    </button>
                  </td>
                </tr>
                {props.editing === row.type && (
                  <tr className="pref-edit-row">
                    <td colSpan={5}>
                      <PreferenceEditForm
                        row={row}
                        webhooks={props.webhooks}
                        onClose={() => props.setEditing(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

function Recipients(props: { row: TypePreference; webhooks: WebhookEndpoint[]; failed: FailedAddress[] }) {
  const { t } = useNotificationsT();
  const p = props.row.preference;
  const failed = (channel: string, address: string) =>
    props.failed.some((f) => f.channel === channel && f.address.toLowerCase() === address.toLowerCase());
  const items = [
    ...p.emails.map((a) => ({ key: `e:${a}`, text: a, failed: failed('email', a) })),
    ...p.phones.map((a) => ({ key: `p:${a}`, text: `SMS ${a}`, failed: failed('sms', a) })),
    ...p.webhooks.map((id) => ({
      key: `w:${id}`,
      text: props.webhooks.find((w) => w.id === id)?.url ?? id,
      failed: props.webhooks.find((w) => w.id === id)?.status === 'disabled',
    })),
  ];
  if (items.length === 0 && !p.inApp) return <span className="muted">{t('prefs.none')}</span>;
  return (
    <ul className="pref-recipients">
      {items.map((i) => (
        <li key={i.key} className="mono small">
          {i.text}{' '}
          {i.failed && (
            <Badge tone="danger" testId="pref-failed-badge">
              {t('prefs.failed')}
            </Badge>
          )}
        </li>
      ))}
      {p.inApp && <li className="muted small">{t('prefs.inApp')}</li>}
    </ul>
  );
}
