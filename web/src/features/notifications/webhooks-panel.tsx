// NTF-6: the seller's webhook endpoints on the preferences page. The Standard Webhooks secret is
// shown once, right after creation.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { Badge } from '../../ui/badge';
import { Panel } from '../../ui/panel';
import { SecretReveal } from '../settings/secret-reveal';
import { useCreateWebhook, useDeleteWebhook, type WebhookEndpoint } from './notifications-api';
import { useNotificationsT } from './notifications-i18n';

export function WebhooksPanel({ webhooks }: { webhooks: WebhookEndpoint[] }) {
  const { t, errorText } = useNotificationsT();
  const create = useCreateWebhook();
  const remove = useDeleteWebhook();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [secret, setSecret] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!url.trim()) return;
    create.mutate(
      { url: url.trim(), description },
      {
        onSuccess: ({ webhook }) => {
          setUrl('');
          setDescription('');
          setSecret(webhook.secret);
        },
      },
    );
  }
  const urlError =
    create.error instanceof ApiError ? errorText(create.error) : create.error ? String(create.error) : null;

  return (
    <Panel title={t('webhooks.title')} testId="webhooks-panel">
      <p className="panel-intro">{t('webhooks.intro')}</p>
      {secret && (
        <SecretReveal
          title={t('webhooks.secretOnce')}
          fields={[{ label: t('webhooks.secret'), value: secret, testId: 'webhook-secret' }]}
          onDone={() => setSecret(null)}
        />
      )}
      <form className="inline-form" onSubmit={submit} noValidate>
        <div className="field field-grow">
          <label htmlFor="webhook-url">{t('webhooks.url')}</label>
          <input
            id="webhook-url"
            className="input"
            value={url}
            placeholder="https://"
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={urlError ? true : undefined}
            data-testid="webhook-url"
          />
        </div>
        <div className="field">
          <label htmlFor="webhook-description">{t('webhooks.description')}</label>
          <input
            id="webhook-description"
            className="input"
            value={description}
            maxLength={200}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!url.trim() || create.isPending}
          data-testid="webhook-add"
        >
          {t('webhooks.add')}
        </button>
      </form>
      {urlError && (
        <p className="form-error" role="alert" data-testid="webhook-error">
          {urlError}
        </p>
      )}
      {webhooks.length === 0 ? (
        <p className="muted">{t('webhooks.empty')}</p>
      ) : (
        <ul className="webhook-list" data-testid="webhook-list">
          {webhooks.map((w) => (
            <li key={w.id}>
              <span className="mono">{w.url}</span>{' '}
              {w.description && <span className="muted small">{w.description}</span>}{' '}
              {w.status === 'active' ? (
                <Badge tone="success">{t('webhooks.active')}</Badge>
              ) : (
                <Badge tone="danger" title={w.disabledReason ?? undefined}>
                  {t('webhooks.disabled')}
                </Badge>
              )}{' '}
              <button
                type="button"
                className="btn btn-ghost btn-xs"
                disabled={remove.isPending}
                onClick={() => remove.mutate(w.id)}
              >
                {t('webhooks.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
