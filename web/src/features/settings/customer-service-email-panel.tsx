// MSG-3: the seller's Customer Service Reply-to address — where buyer messages are forwarded and
// the address replies come from. A new address is unverified until the link we mail is opened
// (/verify-email); the panel shows the state, changes the address and resends the link.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api-client';
import { useToast } from '../../app/toast';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { ErrorState } from '../../ui/error-state';
import { Panel } from '../../ui/panel';
import { SkeletonLine } from '../../ui/skeleton';
import { useMessagesT } from '../messages/messages-i18n';

export type CustomerServiceEmail = {
  email: string | null;
  verified: boolean;
  verificationSentAt: string | null;
};

const key = ['settings', 'customer-service-email'] as const;
const path = '/api/settings/customer-service-email';

export function CustomerServiceEmailPanel() {
  const { t, errorText } = useMessagesT();
  const format = useFormat();
  const toast = useToast();
  const qc = useQueryClient();
  const current = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<CustomerServiceEmail>(path, signal),
  });
  const onSaved = (data: CustomerServiceEmail) => {
    qc.setQueryData(key, data);
    void qc.invalidateQueries({ queryKey: ['settings'] });
  };
  const save = useMutation({ mutationFn: (email: string) => api.put<CustomerServiceEmail>(path, { email }) });
  const resend = useMutation({ mutationFn: () => api.post<CustomerServiceEmail>(`${path}/resend`) });
  const [editing, setEditing] = useState(false);
  const [email, setEmail] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(email.trim(), {
      onSuccess: (data) => {
        onSaved(data);
        setEditing(false);
        toast(t('cs.saved', { email: data.email ?? email }), 'success');
      },
    });
  }

  const data = current.data;
  return (
    <Panel title={t('cs.title')} testId="cs-email-panel">
      <p className="panel-intro">{t('cs.intro')}</p>
      {current.isError ? (
        <ErrorState error={current.error} onRetry={() => current.refetch()} />
      ) : !data ? (
        <SkeletonLine width="50%" />
      ) : (
        <div className="stack">
          {data.email ? (
            <div className="cs-email-row">
              <span className="mono break" data-testid="cs-email">
                {data.email}
              </span>
              {data.verified ? (
                <Badge tone="success" testId="cs-email-status" data-verified="true">
                  {t('cs.verified')}
                </Badge>
              ) : (
                <Badge tone="warning" testId="cs-email-status" data-verified="false">
                  {t('cs.notVerified')}
                </Badge>
              )}
            </div>
          ) : (
            <p className="muted" data-testid="cs-email-none">
              {t('cs.none')}
            </p>
          )}
          {data.email && !data.verified && data.verificationSentAt && (
            <p className="field-hint" data-testid="cs-email-sent-at">
              {t('cs.sentAt', { time: format.dateTime(data.verificationSentAt) })}
            </p>
          )}
          {editing ? (
            <form className="inline-form" onSubmit={submit} noValidate data-testid="cs-email-form">
              <label className="visually-hidden" htmlFor="cs-email-input">
                {t('cs.email')}
              </label>
              <input
                id="cs-email-input"
                className="input"
                type="email"
                value={email}
                placeholder={t('cs.email')}
                onChange={(event) => setEmail(event.target.value)}
                aria-invalid={save.isError}
                data-testid="cs-email-input"
              />
              <button
                type="submit"
                className="btn btn-primary btn-sm"
                disabled={save.isPending}
                data-testid="cs-email-save"
              >
                {t('cs.save')}
              </button>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing(false)}>
                {t('cs.cancel')}
              </button>
            </form>
          ) : (
            <div className="form-actions">
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                onClick={() => {
                  setEmail(data.email ?? '');
                  save.reset();
                  setEditing(true);
                }}
                data-testid="cs-email-change"
              >
                {data.email ? t('cs.change') : t('cs.set')}
              </button>
              {data.email && !data.verified && (
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  disabled={resend.isPending}
                  onClick={() =>
                    resend.mutate(undefined, {
                      onSuccess: (d) => {
                        onSaved(d);
                        toast(t('cs.resent'), 'success');
                      },
                      onError: (e) => toast(errorText(e), 'error'),
                    })
                  }
                  data-testid="cs-email-resend"
                >
                  {t('cs.resend')}
                </button>
              )}
            </div>
          )}
          {editing && save.error && (
            <p className="form-error" role="alert" data-testid="cs-email-error">
              {errorText(save.error)}
            </p>
          )}
        </div>
      )}
    </Panel>
  );
}
