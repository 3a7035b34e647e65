// MSG-14 in a glance: how long is left to answer a thread, or how long it is overdue. The server
// decides "overdue" (its clock, its sweep); the time left is counted from the sandbox-aware now.
import { Badge } from '../../ui/badge';
import { useNow } from '../sandbox/sandbox-clock';
import { useMessagesT } from './messages-i18n';
import type { ThreadSummary } from './messages-types';

export function useDuration() {
  const { t } = useMessagesT();
  return (ms: number) => {
    const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
    if (minutes < 60) return t('duration.minutes', { n: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours >= 48) return t('duration.days', { n: Math.floor(hours / 24) });
    const rest = minutes % 60;
    return rest && hours < 10
      ? t('duration.hoursMinutes', { h: hours, m: rest })
      : t('duration.hours', { n: hours });
  };
}

export function DueBadge({ thread }: { thread: ThreadSummary }) {
  const { t } = useMessagesT();
  const now = useNow();
  const duration = useDuration();
  if (!thread.awaitingResponse || !thread.responseDueAt) {
    return thread.lastMessageDirection === 'buyer_to_seller' ? (
      <Badge tone="neutral" testId="due-badge" data-state="none">
        {t('due.none')}
      </Badge>
    ) : (
      <Badge tone="success" testId="due-badge" data-state="answered">
        {t('due.answered')}
      </Badge>
    );
  }
  const left = new Date(thread.responseDueAt).getTime() - now.getTime();
  if (thread.overdue || left <= 0) {
    return (
      <Badge tone="danger" testId="due-badge" data-state="overdue">
        {t('due.overdue', { time: duration(left) })}
      </Badge>
    );
  }
  return (
    <Badge tone={left < 6 * 3_600_000 ? 'warning' : 'info'} testId="due-badge" data-state="due">
      {t('due.in', { time: duration(left) })}
    </Badge>
  );
}
