// Your Account → one conversation with a seller: the messages oldest first, the seller's relay
// address to reply by email (MSG-4: never a real address), the reply deadline the seller set
// (MSG-15), and a reply box with the same live check as Contact This Seller (MSG-2).
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { Link } from '../../app/router';
import { useToast } from '../../app/toast';
import { useFormat } from '../../i18n/format';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { Icon } from '../../ui/icon';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { SkeletonPanel } from '../../ui/skeleton';
import {
  MAX_MESSAGE_CHARS,
  useBuyerThread,
  useLiveCheck,
  useReplyToThread,
  violationsOf,
} from './contact-api';
import { useContactT } from './contact-i18n';
import type { BuyerMessageView, BuyerThreadView } from './contact-types';
import { MessageBox } from './message-box';

export function BuyerThreadPage({ threadId }: { threadId: string }) {
  const { t } = useContactT();
  const thread = useBuyerThread(threadId);
  useDocumentTitle(thread.data?.subject ?? t('messages.title'));
  const back = (
    <Link to="/account/messages" className="back-link">
      <Icon name="arrowLeft" size={14} /> {t('thread.back')}
    </Link>
  );
  if (thread.isError) {
    const notFound = thread.error instanceof ApiError && thread.error.status === 404;
    return (
      <div className="page">
        <PageHeader before={back} title={t('messages.title')} />
        {notFound ? (
          <div className="panel">
            <EmptyState icon="search" title={t('thread.notFound.title')} testId="buyer-thread-not-found">
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
        <PageHeader before={back} title={t('messages.title')} />
        <SkeletonPanel />
      </div>
    );
  }
  return <ThreadView thread={thread.data} back={back} />;
}

function ThreadView({ thread, back }: { thread: BuyerThreadView; back: React.ReactNode }) {
  const { t } = useContactT();
  const format = useFormat();
  const messages = [...thread.messages].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <div className="page" data-testid="buyer-thread" data-thread-id={thread.id}>
      <PageHeader
        before={back}
        title={<span data-testid="buyer-thread-title">{thread.subject}</span>}
        subtitle={
          <span className="order-subtitle">
            <span data-testid="buyer-thread-with">{t('thread.with', { seller: thread.seller.name })}</span>
            {thread.amazonOrderId && (
              <Link
                to={`/account/orders/${encodeURIComponent(thread.amazonOrderId)}`}
                className="muted"
                data-testid="buyer-thread-order"
              >
                {t('messages.order', { orderId: thread.amazonOrderId })}
              </Link>
            )}
          </span>
        }
      />
      {thread.replyDeadlineAt && (
        <div className="notice notice-warning" role="status" data-testid="buyer-thread-deadline">
          {t('thread.deadline', {
            seller: thread.seller.name,
            date: format.dateTime(thread.replyDeadlineAt),
          })}
        </div>
      )}
      <ol className="contact-conversation" data-testid="buyer-thread-messages">
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} sellerName={thread.seller.name} />
        ))}
      </ol>
      <ReplyBox thread={thread} />
    </div>
  );
}

function MessageItem({ message: m, sellerName }: { message: BuyerMessageView; sellerName: string }) {
  const { t } = useContactT();
  const format = useFormat();
  const mine = m.direction === 'buyer_to_seller';
  const who = mine ? t('thread.you') : m.direction === 'system' ? t('thread.system') : sellerName;
  return (
    <li
      className={`contact-message ${mine ? 'is-mine' : 'is-theirs'}`}
      data-testid="buyer-message"
      data-direction={m.direction}
      data-message-id={m.id}
    >
      <div className="contact-message-head">
        <strong>{who}</strong>
        <time className="muted" dateTime={m.createdAt}>
          {format.dateTime(m.createdAt)}
        </time>
      </div>
      {/* Plain text: React escapes it, pre-wrap keeps the writer's line breaks. */}
      <div className="contact-message-body" data-testid="buyer-message-body">
        {m.body}
      </div>
      {m.attachments.length > 0 && (
        <ul className="contact-attachments" aria-label={t('thread.attachments')}>
          {m.attachments.map((a) => (
            <li key={a.uploadId}>
              <Icon name="box" size={13} /> {a.fileName}
            </li>
          ))}
        </ul>
      )}
      {mine && m.redacted && (
        <p className="field-hint" data-testid="buyer-message-redacted">
          {t('thread.redacted')}
        </p>
      )}
    </li>
  );
}

function ReplyBox({ thread }: { thread: BuyerThreadView }) {
  const { t, errorText } = useContactT();
  const toast = useToast();
  const [text, setText] = useState('');
  const live = useLiveCheck(thread.seller.id, text, true);
  const reply = useReplyToThread(thread.id);
  const refusal = reply.variables === text ? violationsOf(reply.error) : null;
  const otherError = reply.error && !violationsOf(reply.error) ? reply.error : null;
  const canSend =
    text.trim() !== '' && [...text].length <= MAX_MESSAGE_CHARS && !live.refused && !reply.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSend) return;
    reply.mutate(text, {
      onSuccess: () => {
        setText('');
        reply.reset();
        toast(t('thread.sent'));
      },
    });
  }

  return (
    <Panel title={t('thread.reply')} testId="buyer-reply">
      <form className="form" onSubmit={submit} noValidate>
        <MessageBox
          id="buyer-reply-text"
          label={t('thread.reply')}
          value={text}
          onChange={setText}
          live={live}
          refusal={refusal}
          testId="buyer-reply-text"
          rows={4}
        />
        {otherError && (
          <p className="form-error" role="alert" data-testid="buyer-reply-error">
            {errorText(otherError)}
          </p>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!canSend}
            data-testid="buyer-reply-send"
          >
            <Icon name="mail" size={15} /> {t('thread.send')}
          </button>
          <span className="field-hint" data-testid="buyer-thread-relay">
            {t('thread.relay', { address: thread.seller.relayAddress })}
          </span>
        </div>
      </form>
    </Panel>
  );
}
