import { useT } from '../i18n/i18n';
import { EmptyState } from '../ui/empty-state';
import { PageHeader, useDocumentTitle } from '../ui/page-header';
import { Link } from './router';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page">
      <PageHeader title={t('notFound.title')} />
      <div className="panel">
        <EmptyState
          icon="search"
          title={t('notFound.heading')}
          action={
            <Link to="/" className="btn btn-primary">
              {t('notFound.goHome')}
            </Link>
          }
        >
          {t('notFound.body')}
        </EmptyState>
      </div>
    </div>
  );
}
