// /messages — the Buyer-Seller Messages inbox (MSG-14): filter tabs with counts, a search over
// order id, buyer name, relay address and text, unanswered conversations first with the time left
// to answer, and "Show more" paging by cursor. Filter and search live in the URL.
import { Link, navigate, useLocation, withQuery } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { SearchForm } from '../../ui/search-form';
import { SkeletonRows } from '../../ui/skeleton';
import { DueBadge } from './due-badge';
import { useInbox } from './messages-api';
import { useMessagesT } from './messages-i18n';
import { INBOX_FILTERS, type InboxFilter, type ThreadSummary } from './messages-types';
import './messages.css';

function parseFilter(value: string | null): InboxFilter {
  return INBOX_FILTERS.includes(value as InboxFilter) ? (value as InboxFilter) : 'all';
}

export function InboxPage() {
  const { t } = useMessagesT();
  const format = useFormat();
  useDocumentTitle(t('inbox.title'));
  const { search } = useLocation();
  const filter = parseFilter(search.get('filter'));
  const q = search.get('q') ?? '';
  const inbox = useInbox(filter, q);
  const hrefOf = (f: InboxFilter, query = q) =>
    withQuery('/messages', { filter: f === 'all' ? undefined : f, q: query });
  const pages = inbox.data?.pages ?? [];
  const threads = pages.flatMap((p) => p.threads);
  const counts = pages[0]?.counts;

  return (
    <div className="page" data-testid="inbox">
      <PageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle')} />
      <div className="toolbar">
        <SearchForm
          key={q}
          id="inbox-search"
          label={t('inbox.search')}
          placeholder={t('inbox.searchPlaceholder')}
          initial={q}
          onSearch={(value) => navigate(hrefOf(filter, value), { replace: true })}
          testId="inbox-search"
        />
      </div>
      <nav className="tabs" aria-label={t('inbox.filters')}>
        {INBOX_FILTERS.map((f) => {
          const active = f === filter;
          return (
            <Link
              key={f}
              to={hrefOf(f)}
              className={`tab${active ? ' is-active' : ''}${f === 'overdue' && counts?.overdue ? ' tab-alert' : ''}`}
              aria-current={active ? 'page' : undefined}
              data-testid={`inbox-tab-${f}`}
            >
              {t(`filter.${f}`)}
              {counts && (
                <span className="tab-count" data-testid={`inbox-count-${f}`}>
                  {format.number(counts[f])}
                </span>
              )}
            </Link>
          );
        })}
      </nav>
      {inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => inbox.refetch()} />
      ) : inbox.data && threads.length === 0 ? (
        <div className="panel">
          <EmptyState icon="mail" title={t('inbox.empty.title')} testId="inbox-empty">
            {filter === 'all' && !q ? t('inbox.empty.all') : t('inbox.empty.filtered')}
          </EmptyState>
        </div>
      ) : (
        <div className={`panel${inbox.isPlaceholderData ? ' is-refreshing' : ''}`}>
          <div className="table-wrap">
            <table className="table inbox-table" data-testid="inbox-table">
              <thead>
                <tr>
                  <th scope="col">{t('inbox.col.status')}</th>
                  <th scope="col">{t('inbox.col.order')}</th>
                  <th scope="col">{t('inbox.col.buyer')}</th>
                  <th scope="col">{t('inbox.col.subject')}</th>
                  <th scope="col">{t('inbox.col.time')}</th>
                </tr>
              </thead>
              <tbody>
                {!inbox.data ? (
                  <SkeletonRows rows={6} columns={5} />
                ) : (
                  threads.map((thread) => <InboxRow key={thread.id} thread={thread} />)
                )}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {inbox.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={inbox.isFetchingNextPage}
          onClick={() => inbox.fetchNextPage()}
          data-testid="inbox-more"
        >
          {t('inbox.more')}
        </button>
      )}
    </div>
  );
}

function InboxRow({ thread }: { thread: ThreadSummary }) {
  const { t } = useMessagesT();
  const format = useFormat();
  const href = `/messages/${encodeURIComponent(thread.id)}`;
  return (
    <tr
      className={`inbox-row${thread.unread ? ' is-unread' : ''}${thread.overdue ? ' is-overdue' : ''}`}
      data-testid="inbox-row"
      data-thread-id={thread.id}
      data-order-id={thread.amazonOrderId ?? ''}
      data-awaiting={String(thread.awaitingResponse)}
    >
      <td className="nowrap">
        <div className="cell-badges">
          <DueBadge thread={thread} />
          {thread.unread && (
            <Badge tone="accent" testId="unread-badge">
              {t('inbox.unread')}
            </Badge>
          )}
        </div>
      </td>
      <td className="nowrap mono">
        {thread.amazonOrderId ?? <span className="muted">{t('inbox.preOrder')}</span>}
      </td>
      <td>
        <div className="cell-stack">
          <span>{thread.buyer.name}</span>
          <span className="cell-note mono inbox-relay">{thread.buyer.relayAddress}</span>
        </div>
      </td>
      <td className="inbox-subject">
        <Link to={href} className="inbox-link" data-testid="inbox-open">
          {thread.subject}
        </Link>
        <div className="inbox-preview muted" data-testid="inbox-preview">
          {thread.lastMessageDirection === 'seller_to_buyer' && t('inbox.you')}
          {thread.lastMessagePreview}
        </div>
      </td>
      <td className="nowrap">
        <time dateTime={thread.lastMessageAt}>{format.dateTime(thread.lastMessageAt)}</time>
      </td>
    </tr>
  );
}
