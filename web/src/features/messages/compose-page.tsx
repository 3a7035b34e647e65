// /messages/new?order=ID — the seller writes to an order's buyer (from the order's buyer link):
// the purpose is one of what the order allows now (MSG-6, SP-API messaging actions) or a MSG-12
// template, with the same live policy check as replies; once sent, the conversation opens.
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { Link, navigate, useLocation } from '../../app/router';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { Icon } from '../../ui/icon';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { SkeletonPanel } from '../../ui/skeleton';
import { useCompose, useSendToOrder } from './messages-api';
import { useMessagesT } from './messages-i18n';
import { type ComposeView, TEMPLATE_IDS, type TemplateId } from './messages-types';
import './messages.css';
import { OrderContextPanel } from './order-context-panel';
import { ReplyComposer } from './reply-composer';
import { TemplatePicker } from './template-picker';

const isTemplate = (name: string): name is TemplateId => (TEMPLATE_IDS as readonly string[]).includes(name);

export function ComposePage() {
  const { t } = useMessagesT();
  const { search } = useLocation();
  const orderId = search.get('order')?.trim() ?? '';
  const compose = useCompose(orderId);
  useDocumentTitle(t('compose.title'));
  const back = (
    <Link to={orderId ? `/orders/${encodeURIComponent(orderId)}` : '/messages'} className="back-link">
      <Icon name="arrowLeft" size={14} /> {orderId ? orderId : t('thread.back')}
    </Link>
  );
  if (!orderId) {
    return (
      <div className="page page-medium">
        <PageHeader before={back} title={t('compose.title')} />
        <div className="panel">
          <EmptyState icon="mail" title={t('compose.title')} testId="compose-no-order">
            {t('compose.noOrder')}
          </EmptyState>
        </div>
      </div>
    );
  }
  if (compose.isError) {
    const notFound = compose.error instanceof ApiError && compose.error.status === 404;
    return (
      <div className="page page-medium">
        <PageHeader before={back} title={t('compose.title')} />
        {notFound ? (
          <div className="panel">
            <EmptyState icon="search" title={t('compose.title')} testId="compose-not-found">
              {t('compose.notFound', { orderId })}
            </EmptyState>
          </div>
        ) : (
          <ErrorState error={compose.error} onRetry={() => compose.refetch()} />
        )}
      </div>
    );
  }
  if (!compose.data) {
    return (
      <div className="page" aria-busy="true">
        <PageHeader before={back} title={t('compose.title')} />
        <SkeletonPanel />
      </div>
    );
  }
  return <ComposeForm view={compose.data} back={back} />;
}

function ComposeForm({ view, back }: { view: ComposeView; back: ReactNode }) {
  const { t, tCode } = useMessagesT();
  const orderId = view.order.amazonOrderId;
  const send = useSendToOrder(orderId);
  const actions = view.actions.filter((a) => !isTemplate(a.name));
  const purposes = [
    ...(view.threadId ? [{ name: 'reply', unavailableReason: null }] : []),
    ...actions,
    ...view.templates.map((tpl) => ({ name: tpl.id as string, unavailableReason: tpl.unavailableReason })),
  ];
  const [kind, setKind] = useState(() => purposes.find((p) => p.unavailableReason === null)?.name ?? '');
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const chosen = purposes.find((p) => p.name === kind);

  async function submit(body: string) {
    const result = await send.mutateAsync({
      kind,
      text: body,
      ...(subject.trim() ? { subject: subject.trim() } : {}),
    });
    navigate(`/messages/${encodeURIComponent(result.thread.id)}`);
  }

  return (
    <div className="page" data-testid="compose" data-order-id={orderId}>
      <PageHeader
        before={back}
        title={t('compose.title')}
        subtitle={t('compose.subtitle', { orderId, buyer: view.order.buyerName })}
      />
      {view.threadId && (
        <p className="notice-line" data-testid="compose-existing">
          {t('compose.existing')}{' '}
          <Link to={`/messages/${encodeURIComponent(view.threadId)}`}>{t('compose.openThread')}</Link>
        </p>
      )}
      <div className="detail-grid">
        <div className="detail-main">
          <Panel title={view.order.buyerName}>
            <ReplyComposer
              text={text}
              onText={setText}
              check={{ marketplaceId: view.order.marketplaceId, orderId }}
              send={submit}
              blocked={!chosen || chosen.unavailableReason !== null}
              toolbar={
                <>
                  <div className="form-grid">
                    <div className="field">
                      <label htmlFor="compose-purpose">{t('compose.purpose')}</label>
                      <select
                        id="compose-purpose"
                        className="select"
                        value={kind}
                        onChange={(event) => setKind(event.target.value)}
                        data-testid="compose-purpose"
                      >
                        {purposes.map((p) => (
                          <option key={p.name} value={p.name} disabled={p.unavailableReason !== null}>
                            {tCode('action', p.name, p.name)}
                            {p.unavailableReason ? ` — ${p.unavailableReason}` : ''}
                          </option>
                        ))}
                      </select>
                      <p className="field-hint">{chosen?.unavailableReason ?? t('compose.purposeHint')}</p>
                    </div>
                    <div className="field field-grow">
                      <label htmlFor="compose-subject">{t('compose.subject')}</label>
                      <input
                        id="compose-subject"
                        className="input"
                        value={subject}
                        onChange={(event) => setSubject(event.target.value)}
                        data-testid="compose-subject"
                      />
                    </div>
                  </div>
                  <TemplatePicker
                    amazonOrderId={orderId}
                    language={view.buyerLanguage}
                    templates={view.templates}
                    onInsert={(tpl) => {
                      setKind(tpl.id);
                      if (!subject.trim()) setSubject(tpl.subject);
                      setText(text.trim() ? `${text.trimEnd()}\n\n${tpl.text}` : tpl.text);
                    }}
                  />
                </>
              }
            />
          </Panel>
        </div>
        <aside className="detail-side">
          <OrderContextPanel order={view.order} />
        </aside>
      </div>
    </div>
  );
}
