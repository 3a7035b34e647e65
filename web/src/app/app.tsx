import { LoginPage } from '../features/auth/login-page';
import { VerifyEmailPage } from '../features/settings/verify-email-page';
import { I18nProvider, useT } from '../i18n/i18n';
import { ErrorState } from '../ui/error-state';
import { useGuestLanguage } from './language';
import { Redirect } from './redirect';
import { withQuery, useLocation } from './router';
import { AppRoutes } from './routes';
import { SessionContext, useSessionQuery } from './session';
import { Shell } from './shell';
import { ToastProvider } from './toast';

export function App() {
  const sessionQuery = useSessionQuery();
  const guestLanguage = useGuestLanguage();
  const session = sessionQuery.data;
  return (
    <I18nProvider language={session?.user.language ?? guestLanguage} timeZone={session?.seller?.timeZone}>
      <ToastProvider>
        {sessionQuery.isPending ? (
          <Splash />
        ) : sessionQuery.isError ? (
          <div className="page page-narrow">
            <ErrorState error={sessionQuery.error} onRetry={() => sessionQuery.refetch()} />
          </div>
        ) : session ? (
          <SessionContext.Provider value={session}>
            <Shell>
              <AppRoutes />
            </Shell>
          </SessionContext.Provider>
        ) : (
          <SignedOut />
        )}
      </ToastProvider>
    </I18nProvider>
  );
}

function SignedOut() {
  const { pathname, search } = useLocation();
  // MSG-3: the verification link works without signing in (its endpoint is public).
  if (pathname === '/verify-email') return <VerifyEmailPage signedIn={false} />;
  if (pathname !== '/login') {
    const next = pathname === '/' ? undefined : pathname + (search.size ? `?${search}` : '');
    return <Redirect to={withQuery('/login', { next })} />;
  }
  return <LoginPage />;
}

function Splash() {
  const t = useT();
  return (
    <div className="splash" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
