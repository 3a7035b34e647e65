// The seller's message editor (MSG-7..11, 13): while the seller types, the text is checked
// against the communication policy (debounced POST /api/messaging/check); the words it refuses are
// highlighted in place — a mirror layer behind the transparent textarea holds <mark>s at the
// violations' offsets — and listed with how to fix them. Send stays disabled until the check of
// the current text passes; a refusal by the server (422) shows the same list.
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { useFormat } from '../../i18n/format';
import { highlightSegments } from './highlight-spans';
import { type CheckContext, usePolicyCheck } from './messages-api';
import { useMessagesT } from './messages-i18n';
import type { PolicyViolation } from './messages-types';
import { ViolationList } from './violation-list';

function refusedViolations(error: unknown): PolicyViolation[] | null {
  if (!(error instanceof ApiError) || error.code !== 'MESSAGE_POLICY_VIOLATION') return null;
  const list = error.details.violations;
  return Array.isArray(list) ? (list as PolicyViolation[]) : [];
}

export function ReplyComposer(props: {
  text: string;
  onText: (text: string) => void;
  check: CheckContext | null;
  /** Sends the text; resolves when stored, rejects with the server's refusal. */
  send: (text: string) => Promise<unknown>;
  /** Above the editor (purpose, templates). */
  toolbar?: ReactNode;
  /** Beside Send (No response needed, Set reply deadline). */
  actions?: ReactNode;
  /** Extra reason to hold Send (e.g. no purpose chosen). */
  blocked?: boolean;
  label?: string;
}) {
  const { t, errorText } = useMessagesT();
  const format = useFormat();
  const { text, onText } = props;
  const { verdict, settled, error: checkError } = usePolicyCheck(text, props.check);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; text: string } | null>(null);
  const mirror = useRef<HTMLDivElement>(null);

  // A refusal belongs to the text that was sent: editing it makes way for the live check again.
  const failed = failure && failure.text === text ? failure : null;
  const refused = failed ? refusedViolations(failed.error) : null;
  const live = verdict?.violations ?? [];
  const shown = refused ?? live;
  const empty = text.trim() === '';
  const canSend =
    !empty &&
    !sending &&
    !props.blocked &&
    !refused &&
    (checkError ? true : settled && verdict?.allowed === true);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSend) return;
    setSending(true);
    setFailure(null);
    try {
      await props.send(text);
      onText('');
    } catch (error) {
      setFailure({ error, text });
    } finally {
      setSending(false);
    }
  }

  const segments = highlightSegments(text, shown);
  return (
    <form className="composer stack" onSubmit={submit} data-testid="composer">
      {props.toolbar}
      <label className="visually-hidden" htmlFor="composer-text">
        {props.label ?? t('composer.label')}
      </label>
      <div className={`composer-field${shown.length ? ' has-violations' : ''}`}>
        <div className="composer-mirror" ref={mirror} aria-hidden="true" data-testid="composer-highlights">
          {segments.map((s, i) =>
            s.rules.length ? (
              // Pieces never reorder while rendered: the position is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <mark key={i} data-rule={s.rules.join(' ')} data-testid="composer-mark">
                {s.text}
              </mark>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <span key={i}>{s.text}</span>
            ),
          )}
          {/* A trailing newline needs content after it to take up its line, as in the textarea. */}
          {'\u200b'}
        </div>
        <textarea
          id="composer-text"
          className="composer-input"
          value={text}
          rows={7}
          placeholder={t('composer.placeholder')}
          onChange={(event) => onText(event.target.value)}
          onScroll={(event) => {
            if (mirror.current) mirror.current.scrollTop = event.currentTarget.scrollTop;
          }}
          aria-invalid={shown.length > 0}
          aria-describedby="composer-status"
          spellCheck
          data-testid="composer-text"
        />
      </div>
      <div id="composer-status" className="composer-status" aria-live="polite">
        {refused ? (
          <ViolationList
            violations={refused}
            text={text}
            heading={t('composer.refused')}
            testId="composer-refused"
          />
        ) : failed ? (
          <p className="form-error" role="alert" data-testid="composer-error">
            {errorText(failed.error)}
          </p>
        ) : empty ? null : checkError ? (
          <p className="muted small" data-testid="composer-check-failed">
            {t('composer.checkFailed', { error: errorText(checkError) })}
          </p>
        ) : live.length > 0 ? (
          <ViolationList
            violations={live}
            text={text}
            heading={t('composer.violations')}
            testId="composer-violations"
          />
        ) : !settled || !verdict ? (
          <p className="muted small" data-testid="composer-checking">
            {t('composer.checking')}
          </p>
        ) : (
          <p className="composer-ok small" data-testid="composer-ok">
            {t('composer.ok')}
          </p>
        )}
      </div>
      <div className="composer-footer">
        <span className="muted small">{t('composer.chars', { n: format.number(text.length) })}</span>
        <div className="composer-actions">
          {props.actions}
          <button type="submit" className="btn btn-primary" disabled={!canSend} data-testid="composer-send">
            {sending ? t('composer.sending') : t('composer.send')}
          </button>
        </div>
      </div>
    </form>
  );
}
