// The header of buyer pages a signed-out visitor can open (the public seller profile): brand,
// language and a way to sign in that comes back here.
import type { ReactNode } from 'react';
import { Link, useLocation, withQuery } from '../../app/router';
import { AccountLanguageSwitch } from '../account/account-shell';
import { useContactT } from './contact-i18n';

export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useContactT();
  const { pathname, search } = useLocation();
  const next = pathname + (search.size ? `?${search}` : '');
  return (
    <div className="shell account-app">
      <header className="topbar account-topbar">
        <div className="topbar-inner">
          <Link to="/account" className="brand">
            <span className="brand-mark" aria-hidden="true">
              M
            </span>
            <span className="brand-name">Mercato</span>
            <span className="account-brand-sub">{t('public.yourAccount')}</span>
          </Link>
          <div className="topbar-tools contact-public-tools">
            <AccountLanguageSwitch />
            <Link
              to={withQuery('/account/sign-in', { next })}
              className="btn btn-secondary btn-sm"
              data-testid="public-sign-in"
            >
              {t('public.signIn')}
            </Link>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
