import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { SkeletonLine } from '../../ui/skeleton';
import { FailedAddressAlerts } from '../notifications/failed-address-alert';
import { AlertList } from './alert-list';
import { useHome } from './home-api';
import { StatusCountCards } from './status-count-cards';

export function HomePage() {
  const t = useT();
  const session = useSession();
  const home = useHome();
  useDocumentTitle(t('home.title'));

  return (
    <div className="page">
      <PageHeader
        title={t('home.greeting', { name: session.seller?.name ?? session.user.name })}
        subtitle={
          session.seller ? t('home.subtitle', { marketplace: session.seller.marketplaceName }) : undefined
        }
      />
      {home.isError ? (
        <ErrorState error={home.error} onRetry={() => home.refetch()} />
      ) : (
        <>
          <section className="section" aria-labelledby="home-alerts">
            <h2 id="home-alerts" className="section-title">
              {t('home.alerts')}
            </h2>
            <FailedAddressAlerts />
            {home.data ? (
              <AlertList alerts={home.data.alerts} />
            ) : (
              <div className="alerts-empty">
                <SkeletonLine width="50%" />
              </div>
            )}
          </section>
          <section className="section" aria-labelledby="home-orders">
            <h2 id="home-orders" className="section-title">
              {t('home.orders')}
            </h2>
            <StatusCountCards counts={home.data?.counts} />
          </section>
        </>
      )}
    </div>
  );
}
