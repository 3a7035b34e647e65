import { type FormEvent, useState } from 'react';
import { useErrorMessage } from '../../app/error-message';
import { useToast } from '../../app/toast';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { Badge } from '../../ui/badge';
import { CopyButton } from '../../ui/copy-button';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { Panel } from '../../ui/panel';
import { SkeletonLine } from '../../ui/skeleton';
import { type SecretField, SecretReveal } from './secret-reveal';
import {
  type Authorization,
  type DeveloperApp,
  useApps,
  useAuthorizeApp,
  useRegisterApp,
  useRevokeAuthorization,
} from './settings-api';

interface Reveal {
  title: string;
  fields: SecretField[];
}

export function DeveloperApps() {
  const t = useT();
  const apps = useApps();
  const [reveal, setReveal] = useState<Reveal | null>(null);

  return (
    <Panel title={t('settings.apps.title')} testId="developer-apps">
      <p className="panel-intro">{t('settings.apps.intro')}</p>
      {reveal && <SecretReveal title={reveal.title} fields={reveal.fields} onDone={() => setReveal(null)} />}
      <RegisterAppForm onRegistered={setReveal} />
      {apps.isError ? (
        <ErrorState error={apps.error} onRetry={() => apps.refetch()} />
      ) : !apps.data ? (
        <div className="stack">
          <SkeletonLine width="70%" />
          <SkeletonLine width="50%" />
        </div>
      ) : apps.data.length === 0 ? (
        <EmptyState icon="key" title={t('settings.apps.emptyTitle')}>
          {t('settings.apps.emptyBody')}
        </EmptyState>
      ) : (
        <ul className="app-list" data-testid="app-list">
          {apps.data.map((app) => (
            <AppCard key={app.id} app={app} onAuthorized={setReveal} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

function RegisterAppForm({ onRegistered }: { onRegistered: (reveal: Reveal) => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const register = useRegisterApp();
  const [name, setName] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    register.mutate(name.trim(), {
      onSuccess: ({ app }) => {
        setName('');
        onRegistered({
          title: t('settings.apps.registered', { name: app.name }),
          fields: [
            { label: t('settings.apps.clientId'), value: app.clientId, testId: 'new-client-id' },
            { label: t('settings.apps.clientSecret'), value: app.clientSecret, testId: 'new-client-secret' },
          ],
        });
      },
    });
  }

  return (
    <form className="inline-form" onSubmit={submit}>
      <div className="field field-grow">
        <label htmlFor="app-name">{t('settings.apps.name')}</label>
        <input
          id="app-name"
          className="input"
          value={name}
          maxLength={100}
          placeholder={t('settings.apps.namePlaceholder')}
          onChange={(event) => setName(event.target.value)}
          data-testid="app-name"
        />
      </div>
      <button
        type="submit"
        className="btn btn-primary"
        disabled={!name.trim() || register.isPending}
        data-testid="app-register"
      >
        {t('settings.apps.register')}
      </button>
      {register.isError && (
        <p className="form-error inline-form-error" role="alert">
          {errorMessage(register.error)}
        </p>
      )}
    </form>
  );
}

function AppCard({ app, onAuthorized }: { app: DeveloperApp; onAuthorized: (reveal: Reveal) => void }) {
  const t = useT();
  const format = useFormat();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const authorize = useAuthorizeApp();
  const active = app.authorizations.filter((authorization) => !authorization.revokedAt);

  function authorizeApp() {
    authorize.mutate(app.id, {
      onSuccess: ({ authorization }) =>
        onAuthorized({
          title: t('settings.apps.authorized', { name: app.name }),
          fields: [
            {
              label: t('settings.apps.refreshToken'),
              value: authorization.refreshToken,
              testId: 'new-refresh-token',
            },
          ],
        }),
      onError: (error) => toast(errorMessage(error), 'error'),
    });
  }

  return (
    <li className="app-card" data-testid="app" data-app-id={app.id}>
      <div className="app-card-head">
        <div>
          <p className="app-name">{app.name}</p>
          <p className="muted small">{t('settings.apps.createdAt', { date: format.date(app.createdAt) })}</p>
        </div>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          onClick={authorizeApp}
          disabled={authorize.isPending}
          data-testid="app-authorize"
        >
          {t('settings.apps.authorize')}
        </button>
      </div>
      <div className="app-client-id">
        <span className="muted small">{t('settings.apps.clientId')}</span>
        <code className="mono">{app.clientId}</code>
        <CopyButton text={app.clientId} />
      </div>
      <p className="small muted">{t('settings.apps.activeCount', { count: active.length })}</p>
      {app.authorizations.length > 0 && (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('settings.apps.authorization')}</th>
              <th scope="col">{t('settings.apps.authorizedAt')}</th>
              <th scope="col">{t('settings.apps.state')}</th>
              <th scope="col" className="num">
                <span className="visually-hidden">{t('settings.apps.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {app.authorizations.map((authorization) => (
              <AuthorizationRow key={authorization.id} appId={app.id} authorization={authorization} />
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

function AuthorizationRow({ appId, authorization }: { appId: string; authorization: Authorization }) {
  const t = useT();
  const format = useFormat();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const revoke = useRevokeAuthorization();
  const [confirming, setConfirming] = useState(false);

  function revokeNow() {
    revoke.mutate(
      { appId, authorizationId: authorization.id },
      {
        onSuccess: () => toast(t('settings.apps.revoked')),
        onError: (error) => toast(errorMessage(error), 'error'),
        onSettled: () => setConfirming(false),
      },
    );
  }

  return (
    <tr data-testid="authorization" data-authorization-id={authorization.id}>
      <td className="mono small">{authorization.id}</td>
      <td className="nowrap">{format.dateTime(authorization.createdAt)}</td>
      <td>
        {authorization.revokedAt ? (
          <Badge tone="neutral" title={format.dateTime(authorization.revokedAt)}>
            {t('settings.apps.revokedState')}
          </Badge>
        ) : (
          <Badge tone="success">{t('settings.apps.activeState')}</Badge>
        )}
      </td>
      <td className="num nowrap">
        {!authorization.revokedAt &&
          (confirming ? (
            <span className="confirm-inline">
              <span className="small">{t('settings.apps.revokeConfirm')}</span>
              <button
                type="button"
                className="btn btn-danger btn-sm"
                onClick={revokeNow}
                disabled={revoke.isPending}
                data-testid="revoke-confirm"
              >
                {t('settings.apps.revoke')}
              </button>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="btn btn-ghost btn-sm text-danger"
              onClick={() => setConfirming(true)}
              data-testid="revoke"
            >
              {t('settings.apps.revoke')}
            </button>
          ))}
      </td>
    </tr>
  );
}
