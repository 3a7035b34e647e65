import { useFormat } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Panel } from '../../ui/panel';
import type { TimelineEntry } from './order-types';
import { timelineText } from './timeline-text';

export function OrderTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, tCode, language } = useI18n();
  const format = useFormat();
  const messageOf = (entry: TimelineEntry) => {
    const localized = timelineText(
      entry,
      format,
      language,
      (code) => tCode('reason', code, code),
      (status) => tCode('tracking', status, status),
    );
    return localized ? t(localized.key, localized.vars) : entry.message;
  };
  // Actors come as a role, optionally with an id (`seller:usr_…`): the role is what a reader needs.
  const actorLabel = (actor: string) => {
    const role = actor.split(':')[0] ?? actor;
    return tCode('actor', role, role);
  };
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Panel title={t('order.timeline.title')} testId="order-timeline">
      {sorted.length === 0 ? (
        <p className="muted">{t('order.timeline.none')}</p>
      ) : (
        <ol className="timeline">
          {sorted.map((entry) => (
            <li
              key={`${entry.at}:${entry.kind}:${entry.message}`}
              className={`timeline-item timeline-${entry.kind}`}
            >
              <span className="timeline-dot" aria-hidden="true" />
              <div className="timeline-content">
                <p className="timeline-message">{messageOf(entry)}</p>
                <p className="timeline-meta">
                  <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                  {entry.actor && <> · {actorLabel(entry.actor)}</>}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
