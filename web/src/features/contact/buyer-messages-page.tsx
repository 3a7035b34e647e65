// Your Account → Messages: the buyer's conversations with sellers (newest first), unread ones
// marked, and the seller's reply deadline when one was set (MSG-15).
import { Link } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { SkeletonPanel } from '../../ui/skeleton';
import { useBuyerThreads } from './contact-api';
import { useContactT } from './contact-i18n';

export function BuyerMessagesPage() {
  const { t } = useContactT();
  const format = useFormat();
  const threads = useBuyerThreads();
  useDocumentTitle(t('messages.title'));
  const header = <PageHeader title={t('messages.title')} subtitle={t('messages.subtitle')} />;
  if (threads.isError) {
    return (
      <div className="page">
        {header}
        <ErrorState error={threads.error} onRetry={() => threads.refetch()} />
      </div>
    );
  }
  if (!threads.data) {
    return (
      <div className="page" aria-busy="true">
        {header}
        <SkeletonPanel />
      </div>
    );
  }
  const list = [...threads.data].sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
  return (
    <div className="page" data-testid="buyer-messages">
      {header}
      {list.length === 0 ? (
        <div className="panel">
          <EmptyState icon="mail" title={t('messages.empty.title')} testId="buyer-messages-empty">
            {t('messages.empty.body')}
          </EmptyState>
        </div>
      ) : (
        <ul className="contact-thread-list">
          {list.map((th) => (
            <li
              key={th.id}
              className={`panel contact-thread-row${th.unread ? ' is-unread' : ''}`}
              data-testid="buyer-thread-row"
              data-thread-id={th.id}
              data-unread={th.unread}
            >
              <Link to={`/account/messages/${encodeURIComponent(th.id)}`} className="contact-thread-link">
                <div className="contact-thread-head">
                  <strong data-testid="buyer-thread-seller">{th.seller.name}</strong>
                  <span className="muted">
                    {th.amazonOrderId
                      ? t('messages.order', { orderId: th.amazonOrderId })
                      : t('messages.preOrder')}
                  </span>
                  <time className="muted contact-thread-time" dateTime={th.lastMessageAt}>
                    {format.dateTime(th.lastMessageAt)}
                  </time>
                </div>
                <div className="contact-thread-subject">
                  {th.unread && (
                    <Badge tone="accent" testId="buyer-thread-unread">
                      {t('messages.new')}
                    </Badge>
                  )}{' '}
                  <span data-testid="buyer-thread-subject">{th.subject}</span>
                </div>
                <p className="muted contact-thread-preview" data-testid="buyer-thread-preview">
                  {th.lastMessagePreview}
                </p>
                {th.replyDeadlineAt && (
                  <Badge tone="warning" testId="buyer-thread-deadline">
                    {t('messages.deadline', { date: format.dateTime(th.replyDeadlineAt) })}
                  </Badge>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
