import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { SkeletonLine } from '../../ui/skeleton';
import { MessagesHomeAlert } from '../messages/messages-alerts';
import { FailedAddressAlerts } from '../notifications/failed-address-alert';
import { AlertList } from './alert-list';
import { type HomeAlert, useHome } from './home-api';
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
            <MessagesHomeAlert />
            <FailedAddressAlerts />
            {home.data ? (
              <OtherAlerts alerts={home.data.alerts} />
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

/**
 * NTF-7 failed addresses come in /api/home too (EMAIL_DELIVERY_FAILED...); FailedAddressAlerts shows
 * them with the reason in the seller's words, so the list here shows the others.
 */
function OtherAlerts({ alerts }: { alerts: HomeAlert[] }) {
  const others = alerts.filter((a) => !a.code.endsWith('_DELIVERY_FAILED'));
  if (others.length === 0 && others.length < alerts.length) return null;
  return <AlertList alerts={others} />;
}
