// /messages/:threadId — one conversation (MSG-2..5, 14, 15): the messages, the order beside them,
// and the reply composer with the live policy check, templates (MSG-12), "No response needed" and
// "Set reply deadline".
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { Link } from '../../app/router';
import { useToast } from '../../app/toast';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { Icon } from '../../ui/icon';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { SkeletonPanel } from '../../ui/skeleton';
import { DueBadge } from './due-badge';
import { MessageBubble } from './message-bubble';
import { useCompose, useNoResponseNeeded, useReply, useSendToOrder, useThread } from './messages-api';
import { useMessagesT } from './messages-i18n';
import type { TemplateId, ThreadView } from './messages-types';
import './messages.css';
import { OrderContextPanel } from './order-context-panel';
import { ReplyComposer } from './reply-composer';
import { ReplyDeadlineForm } from './reply-deadline-form';
import { TemplatePicker } from './template-picker';

export function ThreadPage({ threadId }: { threadId: string }) {
  const { t } = useMessagesT();
  const thread = useThread(threadId);
  useDocumentTitle(thread.data?.subject ?? t('inbox.title'));
  const back = (
    <Link to="/messages" className="back-link" data-testid="thread-back">
      <Icon name="arrowLeft" size={14} /> {t('thread.back')}
    </Link>
  );
  if (thread.isError) {
    const notFound = thread.error instanceof ApiError && thread.error.status === 404;
    return (
      <div className="page">
        <PageHeader before={back} title={t('inbox.title')} />
        {notFound ? (
          <div className="panel">
            <EmptyState icon="search" title={t('thread.notFound.title')} testId="thread-not-found">
              {t('thread.notFound.body')}
            </EmptyState>
          </div>
        ) : (
          <ErrorState error={thread.error} onRetry={() => thread.refetch()} />
        )}
      </div>
    );
  }
  if (!thread.data) {
    return (
      <div className="page" aria-busy="true">
        <PageHeader before={back} title={t('inbox.title')} />
        <div className="detail-grid">
          <div className="detail-main">
            <SkeletonPanel />
          </div>
          <div className="detail-side">
            <SkeletonPanel />
          </div>
        </div>
      </div>
    );
  }
  return <ThreadDetail thread={thread.data} back={back} />;
}

function ThreadDetail({ thread, back }: { thread: ThreadView; back: ReactNode }) {
  const { t, errorText } = useMessagesT();
  const format = useFormat();
  const toast = useToast();
  const orderId = thread.amazonOrderId ?? '';
  const compose = useCompose(orderId);
  const reply = useReply(thread.id);
  const sendToOrder = useSendToOrder(orderId);
  const noResponse = useNoResponseNeeded(thread.id);
  const [text, setText] = useState('');
  // A template inserted and kept makes the message that template's kind (MSG-12), else a reply.
  const [template, setTemplate] = useState<{ id: TemplateId; subject: string; text: string } | null>(null);
  const [deadlineOpen, setDeadlineOpen] = useState(false);
  const box = useRef<HTMLElement>(null);
  const count = thread.messages.length;
  // The newest message in view when the conversation opens or grows (inside its own scroll box).
  useEffect(() => {
    if (count > 0 && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [count]);

  async function send(body: string) {
    if (template && orderId) {
      await sendToOrder.mutateAsync({ kind: template.id, text: body, subject: template.subject });
    } else {
      await reply.mutateAsync(body);
    }
    setTemplate(null);
    toast(t('thread.sent'), 'success');
  }

  function insertTemplate(tpl: { id: TemplateId; subject: string; text: string }) {
    setTemplate(tpl);
    setText(text.trim() ? `${text.trimEnd()}\n\n${tpl.text}` : tpl.text);
  }

  const topic = thread.topic === 'order' ? null : t(`topic.${thread.topic}` as 'topic.other');
  return (
    <div className="page" data-testid="thread" data-thread-id={thread.id}>
      <PageHeader
        before={back}
        title={<span data-testid="thread-subject">{thread.subject}</span>}
        subtitle={
          <span className="thread-subtitle">
            <DueBadge thread={thread} />
            {topic && <Badge tone="neutral">{topic}</Badge>}
            <span>
              {t('thread.buyer')}: <strong data-testid="thread-buyer">{thread.buyer.name}</strong>
            </span>
            <span className="muted mono small" title={t('thread.relay')}>
              {thread.buyer.relayAddress}
            </span>
          </span>
        }
      />
      {(thread.responseDueAt || thread.replyDeadlineAt) && (
        <div className="thread-notes">
          {thread.awaitingResponse && thread.responseDueAt && (
            <p className={thread.overdue ? 'text-danger' : 'muted'} data-testid="thread-due">
              <Icon name="clock" size={14} />{' '}
              {t(thread.overdue ? 'thread.overdue' : 'thread.dueBy', {
                time: format.dateTime(thread.responseDueAt),
              })}
            </p>
          )}
          {thread.replyDeadlineAt && (
            <p className="muted" data-testid="thread-reply-deadline">
              <Icon name="clock" size={14} />{' '}
              {t('thread.replyDeadline', { time: format.dateTime(thread.replyDeadlineAt) })}
            </p>
          )}
        </div>
      )}
      <div className="detail-grid">
        <div className="detail-main">
          <section className="panel conversation" aria-label={thread.subject} ref={box}>
            <ol className="conversation-list" data-testid="conversation">
              {thread.messages.map((m) => (
                <MessageBubble key={m.id} message={m} threadSubject={thread.subject} />
              ))}
            </ol>
          </section>
          <Panel title={t('composer.title')} testId="reply-panel">
            <ReplyComposer
              text={text}
              onText={(value) => {
                setText(value);
                if (!value.trim()) setTemplate(null);
              }}
              check={{
                marketplaceId: thread.marketplaceId,
                threadId: thread.id,
                ...(thread.amazonOrderId ? { orderId: thread.amazonOrderId } : {}),
              }}
              send={send}
              toolbar={
                orderId && compose.data ? (
                  <TemplatePicker
                    amazonOrderId={orderId}
                    language={compose.data.buyerLanguage}
                    templates={compose.data.templates}
                    onInsert={insertTemplate}
                  />
                ) : null
              }
              actions={
                <>
                  {thread.awaitingResponse && (
                    <button
                      type="button"
                      className="btn btn-secondary"
                      disabled={noResponse.isPending}
                      onClick={() =>
                        noResponse.mutate(undefined, {
                          onSuccess: () => toast(t('thread.noResponseNeededDone'), 'success'),
                          onError: (e) => toast(errorText(e), 'error'),
                        })
                      }
                      data-testid="no-response-needed"
                    >
                      {t('thread.noResponseNeeded')}
                    </button>
                  )}
                  {orderId && (
                    <button
                      type="button"
                      className="btn btn-secondary"
                      aria-expanded={deadlineOpen}
                      onClick={() => setDeadlineOpen((open) => !open)}
                      data-testid="deadline-open"
                    >
                      {t('deadline.button')}
                    </button>
                  )}
                </>
              }
            />
            {deadlineOpen && (
              <>
                <div className="panel-divider" />
                <ReplyDeadlineForm threadId={thread.id} onClose={() => setDeadlineOpen(false)} />
              </>
            )}
          </Panel>
        </div>
        <aside className="detail-side">
          <OrderContextPanel order={thread.order} />
        </aside>
      </div>
    </div>
  );
}
