// MSG-15: the seller asks the buyer to answer by a date and time (in the seller's zone); the
// buyer is told in the thread and reminded before it.
import { type FormEvent, useState } from 'react';
import { useToast } from '../../app/toast';
import { useI18n } from '../../i18n/i18n';
import { fromZonedInputValue, toZonedInputValue } from '../../i18n/zoned-time';
import { useNow } from '../sandbox/sandbox-clock';
import { useSetReplyDeadline } from './messages-api';
import { useMessagesT } from './messages-i18n';

export function ReplyDeadlineForm(props: { threadId: string; onClose: () => void }) {
  const { t, errorText } = useMessagesT();
  const { timeZone } = useI18n();
  const toast = useToast();
  const now = useNow();
  const setDeadline = useSetReplyDeadline(props.threadId);
  const [when, setWhen] = useState(() =>
    toZonedInputValue(new Date(now.getTime() + 3 * 86_400_000), timeZone),
  );
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const deadline = fromZonedInputValue(when, timeZone);
    setInvalid(deadline === null);
    if (!deadline) return;
    setDeadline.mutate(
      { deadline, ...(note.trim() ? { text: note.trim() } : {}) },
      {
        onSuccess: () => {
          toast(t('deadline.done'), 'success');
          props.onClose();
        },
      },
    );
  }

  return (
    <form className="deadline-form stack" onSubmit={submit} noValidate data-testid="deadline-form">
      <p className="panel-intro">
        <strong>{t('deadline.title')}</strong> — {t('deadline.intro')}
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="deadline-when">{t('deadline.when', { zone: timeZone ?? 'UTC' })}</label>
          <input
            id="deadline-when"
            className="input"
            type="datetime-local"
            value={when}
            min={toZonedInputValue(now, timeZone)}
            onChange={(event) => setWhen(event.target.value)}
            aria-invalid={invalid}
            data-testid="deadline-when"
          />
          {invalid && <p className="field-hint text-danger">{t('deadline.invalid')}</p>}
        </div>
        <div className="field field-grow">
          <label htmlFor="deadline-note">{t('deadline.note')}</label>
          <input
            id="deadline-note"
            className="input"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            data-testid="deadline-note"
          />
        </div>
      </div>
      {setDeadline.error && (
        <p className="form-error" role="alert" data-testid="deadline-error">
          {errorText(setDeadline.error)}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost btn-sm" onClick={props.onClose}>
          {t('deadline.cancel')}
        </button>
        <button
          type="submit"
          className="btn btn-primary btn-sm"
          disabled={setDeadline.isPending}
          data-testid="deadline-submit"
        >
          {t('deadline.submit')}
        </button>
      </div>
    </form>
  );
}
