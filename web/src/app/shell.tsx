import type { ReactNode } from 'react';
import { MessagesNavBadge } from '../features/messages/messages-alerts';
import { SandboxBadge } from '../features/sandbox/sandbox-badge';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/i18n';
import { Icon } from '../ui/icon';
import { LanguageSwitch } from './language-switch';
import { Link, useLocation } from './router';
import { useLogout, useSession } from './session';

interface NavItem {
  to: string;
  label: MessageKey;
  testId: string;
}

const sellerNav: NavItem[] = [
  { to: '/orders', label: 'nav.orders', testId: 'nav-orders' },
  { to: '/inventory', label: 'nav.inventory', testId: 'nav-inventory' },
  { to: '/messages', label: 'nav.messages', testId: 'nav-messages' },
  { to: '/performance', label: 'nav.performance', testId: 'nav-performance' },
  { to: '/reports', label: 'nav.reports', testId: 'nav-reports' },
  { to: '/notifications', label: 'nav.notifications', testId: 'nav-notifications' },
  { to: '/settings', label: 'nav.settings', testId: 'nav-settings' },
];

const operatorNav: NavItem[] = [
  { to: '/ops/mail', label: 'nav.sentMail', testId: 'nav-ops-mail' },
  { to: '/ops/jobs', label: 'nav.jobs', testId: 'nav-ops-jobs' },
  { to: '/ops/notices', label: 'nav.accountNotices', testId: 'nav-ops-notices' },
  { to: '/ops/policy', label: 'nav.policyPhrases', testId: 'nav-ops-policy' },
];

export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const session = useSession();
  const logout = useLogout();
  const { pathname } = useLocation();
  const isOperator = session.user.role === 'operator';
  const nav = isOperator ? operatorNav : sellerNav;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand" data-testid="nav-home" aria-label={t('nav.home')}>
            <span className="brand-mark" aria-hidden="true">
              M
            </span>
            <span className="brand-name">Mercato</span>
          </Link>
          <nav className="topnav" aria-label={t('nav.label')}>
            {isOperator && <span className="topnav-section">{t('nav.operations')}</span>}
            {nav.map((item) => {
              const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
              return (
                <Link
                  key={item.to}
                  to={item.to}
                  className={`topnav-link${active ? ' is-active' : ''}`}
                  aria-current={active ? 'page' : undefined}
                  data-testid={item.testId}
                >
                  {t(item.label)}
                  {item.to === '/messages' && <MessagesNavBadge />}
                </Link>
              );
            })}
          </nav>
          <div className="topbar-tools">
            <SandboxBadge />
            <LanguageSwitch />
            <div className="account" data-testid="account">
              <span className="account-name">{session.seller?.name ?? session.user.name}</span>
              <span className="account-meta">
                {session.seller ? session.seller.marketplaceName : t('nav.operatorRole')}
              </span>
            </div>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => logout.mutate()}
              disabled={logout.isPending}
              data-testid="logout"
            >
              <Icon name="logout" size={15} />
              <span className="hide-narrow">{t('nav.logout')}</span>
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
