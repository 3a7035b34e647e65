// The policy's findings under the composer (live check) or after a refused send (422): what is
// wrong, the words it is about, and how to fix it.
import { useMessagesT } from './messages-i18n';
import type { PolicyViolation } from './messages-types';

export function ViolationList(props: {
  violations: readonly PolicyViolation[];
  text: string;
  heading: string;
  testId: string;
}) {
  const { t } = useMessagesT();
  if (props.violations.length === 0) return null;
  return (
    <div className="violations" role="alert" data-testid={props.testId}>
      <p className="violations-heading">{props.heading}</p>
      <ul className="violations-list">
        {props.violations.map((v) => {
          const excerpt = v.end > v.start ? props.text.slice(v.start, v.end) : '';
          return (
            <li
              key={`${v.rule}:${v.start}:${v.end}`}
              className="violation"
              data-testid="violation"
              data-rule={v.rule}
            >
              <span className="violation-message">{v.message}</span>
              {excerpt ? (
                <q className="violation-excerpt">{excerpt}</q>
              ) : (
                <span className="violation-excerpt muted">{t('composer.whole')}</span>
              )}
              {v.hint && <span className="violation-hint">{v.hint}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
