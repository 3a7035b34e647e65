import { type FormEvent, useState } from 'react';
import { useErrorMessage } from '../../app/error-message';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { type AdvanceBy, advanceChoices, useAdvanceClock, useSandboxClock } from './sandbox-clock';

export function SandboxBadge() {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const clock = useSandboxClock();
  if (!clock.data.enabled) return null;
  return (
    <div className="sandbox" data-testid="sandbox-badge">
      <span className="sandbox-label">{t('sandbox.label')}</span>
      <time
        className="sandbox-time"
        dateTime={clock.data.now}
        title={t('sandbox.timeTitle')}
        data-testid="sandbox-time"
      >
        {format.dateTime(clock.data.now)}
      </time>
      {session.user.role === 'operator' && <AdvanceClock />}
    </div>
  );
}

function AdvanceClock() {
  const t = useT();
  const format = useFormat();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const advance = useAdvanceClock();
  const [by, setBy] = useState<AdvanceBy>('P1D');

  function submit(event: FormEvent) {
    event.preventDefault();
    advance.mutate(by, {
      onSuccess: (clock) => toast(t('sandbox.advanced', { time: format.dateTime(clock.now) })),
      onError: (error) => toast(errorMessage(error), 'error'),
    });
  }

  return (
    <form className="sandbox-advance" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="sandbox-advance-by">
        {t('sandbox.advanceBy')}
      </label>
      <select
        id="sandbox-advance-by"
        className="select select-xs"
        value={by}
        onChange={(event) => setBy(event.target.value as AdvanceBy)}
        data-testid="sandbox-advance-by"
      >
        {advanceChoices.map((choice) => (
          <option key={choice} value={choice}>
            {t(`sandbox.by.${choice}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="btn btn-xs btn-sandbox"
        disabled={advance.isPending}
        data-testid="sandbox-advance"
      >
        {t('sandbox.advance')}
      </button>
    </form>
  );
}
