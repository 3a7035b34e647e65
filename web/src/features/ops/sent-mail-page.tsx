import { Fragment, useState } from 'react';
import { navigate, useLocation, withQuery } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { Badge } from '../../ui/badge';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { SearchForm } from '../../ui/search-form';
import { SkeletonRows } from '../../ui/skeleton';
import { MailBody } from './mail-body';
import { mailPageSize, useSentMail } from './ops-api';

export function SentMailPage() {
  const t = useT();
  const format = useFormat();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const mail = useSentMail({ page, q });
  const [open, setOpen] = useState<string | null>(null);
  useDocumentTitle(t('ops.mail.title'));

  return (
    <div className="page">
      <PageHeader title={t('ops.mail.title')} subtitle={t('ops.mail.subtitle')} />
      <div className="toolbar">
        <SearchForm
          key={q}
          id="mail-search"
          label={t('ops.mail.search')}
          placeholder={t('ops.mail.searchPlaceholder')}
          initial={q}
          onSearch={(value) => navigate(withQuery('/ops/mail', { q: value }))}
          testId="mail-search"
        />
      </div>
      {mail.isError ? (
        <ErrorState error={mail.error} onRetry={() => mail.refetch()} />
      ) : mail.data && mail.data.messages.length === 0 ? (
        <div className="panel">
          <EmptyState icon="mail" title={t('ops.mail.emptyTitle')}>
            {t('ops.mail.emptyBody')}
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="sent-mail-table">
              <thead>
                <tr>
                  <th scope="col">{t('ops.mail.to')}</th>
                  <th scope="col">{t('ops.mail.subject')}</th>
                  <th scope="col">{t('ops.mail.sentAt')}</th>
                  <th scope="col">{t('ops.mail.transport')}</th>
                </tr>
              </thead>
              <tbody>
                {!mail.data ? (
                  <SkeletonRows rows={6} columns={4} />
                ) : (
                  mail.data.messages.map((message) => {
                    const expanded = open === message.id;
                    return (
                      <Fragment key={message.id}>
                        <tr
                          data-testid="mail-row"
                          data-mail-id={message.id}
                          className={expanded ? 'is-expanded' : undefined}
                        >
                          <td className="break">{message.to}</td>
                          <td>
                            <button
                              type="button"
                              className="row-toggle"
                              aria-expanded={expanded}
                              aria-controls={`mail-${message.id}`}
                              onClick={() => setOpen(expanded ? null : message.id)}
                              data-testid="mail-toggle"
                            >
                              <span className={`chevron${expanded ? ' is-open' : ''}`} aria-hidden="true">
                                ›
                              </span>
                              {message.subject || t('ops.mail.noSubject')}
                            </button>
                          </td>
                          <td className="nowrap">{format.dateTime(message.sentAt)}</td>
                          <td>
                            <Badge tone={message.transport === 'smtp' ? 'info' : 'neutral'}>
                              {t(`ops.mail.via.${message.transport}`)}
                            </Badge>
                          </td>
                        </tr>
                        {expanded && (
                          <tr className="row-detail">
                            <td colSpan={4} id={`mail-${message.id}`}>
                              <MailBody message={message} />
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })
                )}
              </tbody>
            </table>
          </div>
          {mail.data && (
            <Pagination
              page={page}
              pageSize={mailPageSize}
              total={mail.data.total}
              onPage={(next) => navigate(withQuery('/ops/mail', { q, page: next }))}
            />
          )}
        </>
      )}
    </div>
  );
}
