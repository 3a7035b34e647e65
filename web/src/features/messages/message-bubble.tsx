// One message of a conversation: the buyer's on the left, the seller's on the right, Mercato's
// notices in the middle. Bodies are plain text, never HTML, so nothing in them is a live link —
// which matters for suspected phishing (MSG-5), flagged with a warning. Blocked messages (mail
// that failed the policy) show what the policy found, highlighted in the text.
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { Icon } from '../../ui/icon';
import { highlightSegments } from './highlight-spans';
import { useMessagesT } from './messages-i18n';
import type { MessageView } from './messages-types';
import { ViolationList } from './violation-list';

const side = { buyer_to_seller: 'buyer', seller_to_buyer: 'seller', system: 'system' } as const;

export function MessageBubble({ message, threadSubject }: { message: MessageView; threadSubject?: string }) {
  const { t } = useMessagesT();
  const format = useFormat();
  const who = side[message.direction];
  const blocked = message.status === 'blocked';
  const author =
    who === 'buyer' ? t('thread.buyer') : who === 'seller' ? t('thread.you') : t('thread.system');
  const segments = blocked ? highlightSegments(message.body, message.violations) : null;
  return (
    <li
      className={`bubble-row bubble-${who}${blocked ? ' is-blocked' : ''}`}
      data-testid="message"
      data-direction={message.direction}
      data-status={message.status}
      data-message-id={message.id}
    >
      <article className="bubble">
        <header className="bubble-meta">
          <span className="bubble-author">{author}</span>
          <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
          {message.channel !== 'web' && (
            <span className="muted">{t(`thread.channel.${message.channel}` as 'thread.channel.email')}</span>
          )}
          {who === 'seller' && !blocked && message.forwardStatus !== 'not_needed' && (
            <span className="muted" data-testid="forward-status">
              {t(`thread.forward.${message.forwardStatus}` as 'thread.forward.sent')}
            </span>
          )}
        </header>
        {message.suspectedPhishing && (
          <p className="bubble-warning" role="alert" data-testid="phishing-warning">
            <Icon name="alert" size={15} /> {t('thread.phishing')}
          </p>
        )}
        {blocked && (
          <Badge tone="danger" testId="blocked-badge">
            {t('thread.blocked')}
          </Badge>
        )}
        {/* The first message's subject is the thread's (the page title): only a different one is shown. */}
        {message.subject && message.subject !== threadSubject && (
          <p className="bubble-subject">{message.subject}</p>
        )}
        <div className="bubble-body" data-testid="message-body">
          {segments
            ? segments.map((s, i) =>
                s.rules.length ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed text
                  <mark key={i} data-rule={s.rules.join(' ')}>
                    {s.text}
                  </mark>
                ) : (
                  s.text
                ),
              )
            : message.body}
        </div>
        {message.attachments.length > 0 && (
          <ul className="bubble-attachments" aria-label={t('thread.attachments')}>
            {message.attachments.map((a) => (
              <li key={a.uploadId}>
                📎 {a.fileName} <span className="muted">({format.number(Math.ceil(a.size / 1024))} KB)</span>
              </li>
            ))}
          </ul>
        )}
        {blocked && message.violations.length > 0 && (
          <ViolationList
            violations={message.violations}
            text={message.body}
            heading={t('composer.refused')}
            testId="blocked-violations"
          />
        )}
      </article>
    </li>
  );
}
