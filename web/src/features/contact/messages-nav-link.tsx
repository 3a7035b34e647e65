// "Messages" in the Your Account header, with the number of unread conversations.
import { Link, useLocation } from '../../app/router';
import { useBuyerThreads } from './contact-api';
import { useContactT } from './contact-i18n';
import './contact.css';

export function MessagesNavLink() {
  const { t } = useContactT();
  const { pathname } = useLocation();
  const threads = useBuyerThreads();
  const unread = threads.data?.filter((x) => x.unread).length ?? 0;
  const active = pathname.startsWith('/account/messages');
  return (
    <Link
      to="/account/messages"
      className={`topnav-link${active ? ' is-active' : ''}`}
      aria-current={active ? 'page' : undefined}
      data-testid="account-nav-messages"
    >
      {t('nav.messages')}
      {unread > 0 && (
        <span
          className="contact-unread"
          data-testid="account-nav-unread"
          title={t('nav.unread', { count: unread })}
        >
          {unread}
          <span className="visually-hidden"> {t('nav.unread', { count: unread })}</span>
        </span>
      )}
    </Link>
  );
}
