import type { ReactNode } from 'react';
import { useChangeLanguage } from '../../app/language';
import { Link, useLocation } from '../../app/router';
import { isLanguage, languages, useI18n } from '../../i18n/i18n';
import { Icon } from '../../ui/icon';
import { MessagesNavLink } from '../contact/messages-nav-link';
import { type BuyerSession, useSetBuyerLanguage, useSignOut } from './account-api';
import { useAccountT } from './account-i18n';

/** The language chosen here is saved on the buyer's account (and remembered for the sign-in page). */
export function AccountLanguageSwitch() {
  const { language } = useI18n();
  const { t } = useAccountT();
  const rememberGuest = useChangeLanguage();
  const saveForBuyer = useSetBuyerLanguage();
  return (
    <label className="language-switch">
      <span className="visually-hidden">Language</span>
      <select
        className="select select-sm"
        value={language}
        data-testid="account-language"
        aria-label={t('brand.account')}
        onChange={(event) => {
          const value = event.target.value;
          if (!isLanguage(value)) return;
          void rememberGuest(value);
          void saveForBuyer(value);
        }}
      >
        {languages.map((option) => (
          <option key={option.code} value={option.code} lang={option.code}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AccountShell({ session, children }: { session: BuyerSession; children: ReactNode }) {
  const { t } = useAccountT();
  const signOut = useSignOut();
  const { pathname } = useLocation();
  const onOrders = pathname === '/account' || pathname.startsWith('/account/orders');
  return (
    <div className="shell account-app">
      <header className="topbar account-topbar">
        <div className="topbar-inner">
          <Link to="/account" className="brand" data-testid="account-home">
            <span className="brand-mark" aria-hidden="true">
              M
            </span>
            <span className="brand-name">Mercato</span>
            <span className="account-brand-sub">{t('brand.account')}</span>
          </Link>
          <nav className="topnav" aria-label={t('brand.account')}>
            <Link
              to="/account"
              className={`topnav-link${onOrders ? ' is-active' : ''}`}
              aria-current={onOrders ? 'page' : undefined}
              data-testid="account-nav-orders"
            >
              {t('nav.orders')}
            </Link>
            <MessagesNavLink />
          </nav>
          <div className="topbar-tools">
            <AccountLanguageSwitch />
            <div className="account" data-testid="buyer-name">
              <span className="account-name">{session.buyer.name}</span>
              <span className="account-meta">{session.buyer.email}</span>
            </div>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
              data-testid="account-sign-out"
            >
              <Icon name="logout" size={15} />
              <span className="hide-narrow">{t('nav.signOut')}</span>
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
