// Account notices (issue 4 item 8, NTF-2 Account): the operator publishes a business update, new
// feature, planned outage or technical issue to every seller or to one marketplace's sellers, and
// sees what was published. The form leaves validation to the server (noValidate) so the refusal
// the API gives is the one shown, inline beside the field it names.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { useErrorMessage } from '../../app/error-message';
import { useToast } from '../../app/toast';
import type { MessageKey } from '../../i18n/en';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { Badge, type Tone } from '../../ui/badge';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { SkeletonRows } from '../../ui/skeleton';
import { NOTICE_KINDS, type NoticeKind, useAccountNotices, usePublishNotice } from './account-notices-api';

/** The marketplaces Mercato runs (marketplace-policy.ts); '' publishes to all of them. */
const MARKETPLACES = [
  { id: 'A1VC38T7YXB528', label: 'notices.marketplace.JP' },
  { id: 'APJ6JRA9NG5V4', label: 'notices.marketplace.IT' },
] as const satisfies ReadonlyArray<{ id: string; label: MessageKey }>;

const kindTone: Record<NoticeKind, Tone> = {
  business_update: 'info',
  new_feature: 'accent',
  planned_outage: 'warning',
  technical_issue: 'danger',
};

type Field = 'kind' | 'title' | 'body' | 'marketplaceId';
const FIELDS: Field[] = ['kind', 'title', 'body', 'marketplaceId'];

/**
 * The server's refusal per input: VALIDATION_FAILED lists `details.fields` ({field, message}),
 * a business refusal (MARKETPLACE_NOT_FOUND) names one `details.field`.
 */
function fieldErrors(error: unknown): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError)) return {};
  const out: Partial<Record<Field, string>> = {};
  const list = Array.isArray(error.details.fields)
    ? (error.details.fields as { field?: string; message?: string }[])
    : typeof error.details.field === 'string'
      ? [{ field: error.details.field, message: error.message }]
      : [];
  for (const f of list) {
    const name = String(f.field ?? '').split('.')[0] as Field;
    if (FIELDS.includes(name) && !out[name]) out[name] = String(f.message ?? '');
  }
  return out;
}

export function AccountNoticesPage() {
  const t = useT();
  const format = useFormat();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const notices = useAccountNotices();
  const publish = usePublishNotice();
  const [kind, setKind] = useState<NoticeKind>('business_update');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [marketplaceId, setMarketplaceId] = useState('');
  useDocumentTitle(t('notices.title'));

  const errors = fieldErrors(publish.error);
  // A refusal that names no input of this form is shown above the button.
  const formError = publish.error && Object.keys(errors).length === 0 ? errorMessage(publish.error) : null;
  // Our words for the input the server refused, its own sentence when we have none.
  const fieldMessage = (field: Field) => {
    if (errors[field] === undefined) return null;
    if (publish.error instanceof ApiError && publish.error.code === 'MARKETPLACE_NOT_FOUND') {
      return errorMessage(publish.error);
    }
    return t(`notices.error.${field}`);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    publish.mutate(
      { kind, title, body, marketplaceId: marketplaceId || null },
      {
        onSuccess: ({ sellers }) => {
          toast(t('notices.published', { count: sellers }), 'success');
          setTitle('');
          setBody('');
        },
      },
    );
  }

  const marketplaceName = (id: string | null) => {
    if (id === null) return t('notices.marketplace.all');
    const m = MARKETPLACES.find((x) => x.id === id);
    return m ? t(m.label) : id;
  };

  const errorOf = (field: Field) => {
    const message = fieldMessage(field);
    return message ? (
      <p
        className="field-hint text-danger"
        id={`notice-${field}-error`}
        data-testid={`notice-${field}-error`}
      >
        {message}
      </p>
    ) : null;
  };
  const describedBy = (field: Field) => (errors[field] !== undefined ? `notice-${field}-error` : undefined);

  return (
    <div className="page stack-lg">
      <PageHeader title={t('notices.title')} subtitle={t('notices.subtitle')} />
      <section className="panel" aria-labelledby="notice-form-title">
        <div className="panel-header">
          <h2 className="panel-title" id="notice-form-title">
            {t('notices.new')}
          </h2>
        </div>
        <form className="panel-body stack" onSubmit={submit} noValidate data-testid="notice-form">
          <div className="form-grid">
            <div className="field">
              <label htmlFor="notice-kind">{t('notices.kind')}</label>
              <select
                id="notice-kind"
                className="select"
                value={kind}
                onChange={(event) => setKind(event.target.value as NoticeKind)}
                aria-invalid={errors.kind !== undefined}
                aria-describedby={describedBy('kind')}
                data-testid="notice-kind"
              >
                {NOTICE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`notices.kind.${k}`)}
                  </option>
                ))}
              </select>
              {errorOf('kind')}
            </div>
            <div className="field">
              <label htmlFor="notice-marketplace">{t('notices.marketplace')}</label>
              <select
                id="notice-marketplace"
                className="select"
                value={marketplaceId}
                onChange={(event) => setMarketplaceId(event.target.value)}
                aria-invalid={errors.marketplaceId !== undefined}
                aria-describedby={describedBy('marketplaceId')}
                data-testid="notice-marketplace"
              >
                <option value="">{t('notices.marketplace.all')}</option>
                {MARKETPLACES.map((m) => (
                  <option key={m.id} value={m.id}>
                    {t(m.label)}
                  </option>
                ))}
              </select>
              {errorOf('marketplaceId')}
            </div>
          </div>
          <div className="field">
            <label htmlFor="notice-title">{t('notices.noticeTitle')}</label>
            <input
              id="notice-title"
              className="input"
              value={title}
              maxLength={200}
              onChange={(event) => setTitle(event.target.value)}
              aria-invalid={errors.title !== undefined}
              aria-describedby={describedBy('title')}
              data-testid="notice-title"
            />
            {errorOf('title')}
          </div>
          <div className="field">
            <label htmlFor="notice-body">{t('notices.body')}</label>
            <textarea
              id="notice-body"
              className="input"
              rows={5}
              value={body}
              maxLength={5000}
              onChange={(event) => setBody(event.target.value)}
              aria-invalid={errors.body !== undefined}
              aria-describedby={describedBy('body')}
              data-testid="notice-body"
            />
            {errorOf('body')}
          </div>
          {formError && (
            <div className="form-error" role="alert" data-testid="notice-form-error">
              <p>{formError}</p>
            </div>
          )}
          <div className="form-actions">
            <p className="field-hint">{t('notices.hint')}</p>
            <button
              type="submit"
              className="btn btn-primary"
              disabled={publish.isPending}
              data-testid="notice-publish"
            >
              {publish.isPending ? t('notices.publishing') : t('notices.publish')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="notice-list-title" className="stack">
        <h2 className="panel-title" id="notice-list-title">
          {t('notices.list')}
        </h2>
        {notices.isError ? (
          <ErrorState error={notices.error} onRetry={() => notices.refetch()} />
        ) : notices.data && notices.data.notices.length === 0 ? (
          <div className="panel">
            <EmptyState icon="info" title={t('notices.emptyTitle')} testId="notices-empty">
              {t('notices.emptyBody')}
            </EmptyState>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="notices-table">
              <thead>
                <tr>
                  <th scope="col">{t('notices.publishedAt')}</th>
                  <th scope="col">{t('notices.kind')}</th>
                  <th scope="col">{t('notices.marketplace')}</th>
                  <th scope="col">{t('notices.noticeTitle')}</th>
                </tr>
              </thead>
              <tbody>
                {!notices.data ? (
                  <SkeletonRows rows={3} columns={4} />
                ) : (
                  notices.data.notices.map((n) => (
                    <tr key={n.id} data-testid="notice-row" data-notice-id={n.id}>
                      <td className="nowrap">{format.dateTime(n.publishedAt)}</td>
                      <td>
                        <Badge tone={kindTone[n.kind] ?? 'neutral'}>{t(`notices.kind.${n.kind}`)}</Badge>
                      </td>
                      <td>{marketplaceName(n.marketplaceId)}</td>
                      <td className="break">
                        <strong>{n.title}</strong>
                        <p className="field-hint" style={{ whiteSpace: 'pre-wrap' }}>
                          {n.body}
                        </p>
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
