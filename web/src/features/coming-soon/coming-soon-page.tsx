import { useT } from '../../i18n/i18n';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';

export type ComingSoonArea = 'messages' | 'performance' | 'reports';

export function ComingSoonPage({ area }: { area: ComingSoonArea }) {
  const t = useT();
  const title = t(`nav.${area}`);
  useDocumentTitle(title);
  return (
    <div className="page">
      <PageHeader title={title} />
      <div className="panel">
        <EmptyState icon="sparkle" title={t('comingSoon.title')} testId="coming-soon">
          {t(`comingSoon.${area}`)}
        </EmptyState>
      </div>
    </div>
  );
}
