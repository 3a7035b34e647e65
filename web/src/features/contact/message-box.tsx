// The plain-text box buyers write in (Contact This Seller and replies): a character counter, the
// server's live check while typing (MSG-2: HTML and links are refused, with the reason, before
// sending) and the note that contact details are hidden from the seller (MSG-11/16).
import { useFormat } from '../../i18n/format';
import type { PolicyViolation } from './contact-types';
import { type LiveCheck, MAX_MESSAGE_CHARS } from './contact-api';
import { useContactT } from './contact-i18n';

export function MessageBox(props: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** useLiveCheck of the same text; null when signed out (the check runs once the buyer can send). */
  live: LiveCheck | null;
  /** The server's refusal of the last send (422), shown until the text changes. */
  refusal: PolicyViolation[] | null;
  testId: string;
  rows?: number;
}) {
  const { t } = useContactT();
  const format = useFormat();
  const live = props.live;
  const length = [...props.value].length;
  const over = length > MAX_MESSAGE_CHARS;
  const violations = props.refusal ?? (live?.verdict && !live.verdict.allowed ? live.verdict.violations : []);
  // Offsets are into the text that was checked: an older verdict's spans would point elsewhere.
  const spans = props.refusal !== null || live?.current === true;
  const hintId = `${props.id}-hint`;
  return (
    <div className="field contact-message-field">
      <label htmlFor={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        className="input contact-textarea"
        rows={props.rows ?? 6}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={hintId}
        aria-invalid={violations.length > 0 || over}
        data-testid={props.testId}
      />
      <div className="contact-message-meta" id={hintId}>
        <span className="field-hint">{t('contact.plainText')}</span>
        <span
          className={`contact-counter${over ? ' text-danger' : ''}`}
          data-testid={`${props.testId}-counter`}
        >
          {t('contact.counter', { count: format.number(length), max: format.number(MAX_MESSAGE_CHARS) })}
        </span>
      </div>
      <p className="field-hint contact-privacy">{t('contact.privacy')}</p>
      {violations.length > 0 ? (
        <div className="form-error contact-violations" role="alert" data-testid={`${props.testId}-refused`}>
          <p>
            <strong>{t('check.refused')}</strong>
          </p>
          <ul>
            {violations.map((v) => (
              <li key={`${v.rule}-${v.start}-${v.end}`} data-rule={v.rule} data-testid="contact-violation">
                {spans && v.end > v.start && (
                  <q className="contact-span">{props.value.slice(v.start, v.end)}</q>
                )}{' '}
                {v.message} <span className="contact-hint">{v.hint}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        live &&
        props.value.trim() !== '' && (
          <p className="field-hint" role="status" data-testid={`${props.testId}-check`}>
            {live.checking || !live.current ? t('check.checking') : t('check.ok')}
          </p>
        )
      )}
    </div>
  );
}
