import type { ReactNode } from 'react';
import { ComingSoonPage } from '../features/coming-soon/coming-soon-page';
import { HomePage } from '../features/home/home-page';
import { ComposePage } from '../features/messages/compose-page';
import { InboxPage } from '../features/messages/inbox-page';
import { ThreadPage } from '../features/messages/thread-page';
import { InventoryPage } from '../features/listings/inventory-page';
import { DeliveryLogPage } from '../features/notifications/delivery-log-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { NotificationPreferencesPage } from '../features/notifications/preferences-page';
import { AccountNoticesPage } from '../features/ops/account-notices-page';
import { JobsPage } from '../features/ops/jobs-page';
import { PolicyPhrasesPage } from '../features/ops/policy-phrases-page';
import { SentMailPage } from '../features/ops/sent-mail-page';
import { OrderDetailPage } from '../features/orders/order-detail-page';
import { OrdersPage } from '../features/orders/orders-page';
import { SettingsPage } from '../features/settings/settings-page';
import { VerifyEmailPage } from '../features/settings/verify-email-page';
import { NotFoundPage } from './not-found-page';
import { Redirect, safeNextPath } from './redirect';
import { matchPath, useLocation } from './router';
import { useSession } from './session';

interface Route {
  path: string;
  render: (params: Record<string, string>) => ReactNode;
}

const sellerRoutes: Route[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/orders', render: () => <OrdersPage /> },
  { path: '/inventory', render: () => <InventoryPage /> },
  { path: '/orders/:orderId', render: (p) => <OrderDetailPage key={p.orderId} orderId={p.orderId ?? ''} /> },
  { path: '/messages', render: () => <InboxPage /> },
  { path: '/messages/new', render: () => <ComposePage /> },
  { path: '/messages/:threadId', render: (p) => <ThreadPage key={p.threadId} threadId={p.threadId ?? ''} /> },
  { path: '/verify-email', render: () => <VerifyEmailPage signedIn /> },
  { path: '/performance', render: () => <ComingSoonPage area="performance" /> },
  { path: '/reports', render: () => <ComingSoonPage area="reports" /> },
  { path: '/settings', render: () => <SettingsPage /> },
  { path: '/settings/notifications', render: () => <NotificationPreferencesPage /> },
  { path: '/notifications', render: () => <NotificationsPage /> },
  { path: '/notifications/log', render: () => <DeliveryLogPage /> },
];

const operatorRoutes: Route[] = [
  { path: '/', render: () => <Redirect to="/ops/mail" /> },
  { path: '/ops/mail', render: () => <SentMailPage /> },
  { path: '/ops/jobs', render: () => <JobsPage /> },
  { path: '/ops/notices', render: () => <AccountNoticesPage /> },
  { path: '/ops/policy', render: () => <PolicyPhrasesPage /> },
];

export function AppRoutes() {
  const { pathname, search } = useLocation();
  const session = useSession();
  if (pathname === '/login') return <Redirect to={safeNextPath(search.get('next'))} />;
  const routes = session.user.role === 'operator' ? operatorRoutes : sellerRoutes;
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return route.render(params);
  }
  return <NotFoundPage />;
}
