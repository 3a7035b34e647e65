// "Your Account": the buyer's pages (issue 3 item 9), a separate app under /account with its own
// session (buyer cookie) but the seller app's styles and components, and a buyer header.
import type { ReactNode } from 'react';
import { useGuestLanguage } from '../../app/language';
import { Redirect } from '../../app/redirect';
import { matchPath, useLocation, withQuery } from '../../app/router';
import { ToastProvider } from '../../app/toast';
import { I18nProvider } from '../../i18n/i18n';
import { ErrorState } from '../../ui/error-state';
import { BuyerMessagesPage } from '../contact/buyer-messages-page';
import { BuyerThreadPage } from '../contact/buyer-thread-page';
import { PublicShell } from '../contact/public-shell';
import { SellerProfilePage } from '../contact/seller-profile-page';
import { AccountOrderPage } from './account-order-page';
import { AccountOrdersPage } from './account-orders-page';
import { AccountShell } from './account-shell';
import { type BuyerSession, useBuyerSession } from './account-api';
import { AccountSignInPage } from './account-sign-in-page';
import { ReceiptPage } from './receipt-page';
import './account.css';

const routes: { path: string; render: (p: Record<string, string>, s: BuyerSession) => ReactNode }[] = [
  { path: '/account', render: () => <AccountOrdersPage /> },
  {
    path: '/account/orders/:orderId',
    render: (p) => <AccountOrderPage key={p.orderId} orderId={p.orderId ?? ''} />,
  },
  { path: '/account/messages', render: () => <BuyerMessagesPage /> },
  {
    path: '/account/messages/:threadId',
    render: (p) => <BuyerThreadPage key={p.threadId} threadId={p.threadId ?? ''} />,
  },
];

export function AccountApp() {
  const session = useBuyerSession();
  const guestLanguage = useGuestLanguage();
  const { pathname, search } = useLocation();
  const signedIn = session.data ?? null;
  const receipt = matchPath('/account/orders/:orderId/receipt', pathname);
  // MSG-1: the public seller profile opens signed out; sending a message asks for sign-in.
  const sellerProfile = matchPath('/sellers/:sellerId', pathname);

  let content: ReactNode;
  if (session.isPending) {
    content = (
      <div className="splash" role="status">
        <span className="spinner" aria-hidden="true" />
      </div>
    );
  } else if (session.isError) {
    content = (
      <div className="page page-narrow">
        <ErrorState error={session.error} onRetry={() => session.refetch()} />
      </div>
    );
  } else if (pathname === '/account/sign-in') {
    content =
      signedIn && !search.get('token') ? (
        <Redirect to={safeNext(search.get('next'))} />
      ) : (
        <AccountSignInPage />
      );
  } else if (sellerProfile) {
    const page = (
      <SellerProfilePage
        key={sellerProfile.sellerId}
        sellerId={sellerProfile.sellerId ?? ''}
        signedIn={signedIn !== null}
      />
    );
    content = signedIn ? (
      <AccountShell session={signedIn}>{page}</AccountShell>
    ) : (
      <PublicShell>{page}</PublicShell>
    );
  } else if (!signedIn) {
    content = (
      <Redirect to={withQuery('/account/sign-in', { next: pathname + (search.size ? `?${search}` : '') })} />
    );
  } else if (receipt) {
    // The print page has no header: what is printed is the receipt alone.
    content = <ReceiptPage orderId={receipt.orderId ?? ''} />;
  } else {
    const route = routes.map((r) => ({ r, p: matchPath(r.path, pathname) })).find((x) => x.p);
    content = (
      <AccountShell session={signedIn}>
        {route?.p ? route.r.render(route.p, signedIn) : <Redirect to="/account" />}
      </AccountShell>
    );
  }
  return (
    <I18nProvider language={signedIn?.buyer.language ?? guestLanguage}>
      <ToastProvider>{content}</ToastProvider>
    </I18nProvider>
  );
}

function safeNext(next: string | null): string {
  if (next?.startsWith('/sellers/')) return next;
  return next?.startsWith('/account') && !next.startsWith('/account/sign-in') ? next : '/account';
}
