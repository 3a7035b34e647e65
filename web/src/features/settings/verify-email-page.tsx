// /verify-email?token= — the link of the Customer Service address verification mail (MSG-3). The
// endpoint is public, so the page works signed in or not; the token is used once, on load.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../app/api-client';
import { useLocation } from '../../app/router';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { useMessagesT } from '../messages/messages-i18n';

export function VerifyEmailPage(props: { signedIn: boolean }) {
  const { t, errorText } = useMessagesT();
  useDocumentTitle(t('verify.title'));
  const token = useLocation().search.get('token') ?? '';
  const verify = useMutation({
    mutationFn: (value: string) =>
      api.post<{ email: string; verified: true }>('/api/public/customer-service-email/verify', {
        token: value,
      }),
  });
  const { mutate } = verify;
  // A token works once: React's development double effects must not spend it twice.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(token);
  }, [token, mutate]);

  const settings = props.signedIn ? (
    <a href="/settings" className="btn btn-secondary">
      {t('verify.settings')}
    </a>
  ) : null;
  return (
    <div className="page page-narrow" data-testid="verify-email">
      <PageHeader title={t('verify.title')} />
      <div className="panel">
        {!token ? (
          <EmptyState icon="alert" title={t('verify.title')} testId="verify-email-failed">
            {t('verify.noToken')}
          </EmptyState>
        ) : verify.isSuccess ? (
          <EmptyState icon="check" title={t('cs.verified')} action={settings} testId="verify-email-done">
            {t('verify.done', { email: verify.data.email })}
          </EmptyState>
        ) : verify.isError ? (
          <EmptyState icon="alert" title={t('cs.notVerified')} action={settings} testId="verify-email-failed">
            {t('verify.failed', { error: errorText(verify.error) })}
          </EmptyState>
        ) : (
          <EmptyState icon="clock" title={t('verify.checking')} testId="verify-email-checking" />
        )}
      </div>
    </div>
  );
}
