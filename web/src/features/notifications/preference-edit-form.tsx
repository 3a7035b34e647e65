import { type FormEvent, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { useToast } from '../../app/toast';
import {
  type Frequency,
  PERFORMANCE_METRICS,
  type Preference,
  type Severity,
  type TypePreference,
  useSavePreference,
  type WebhookEndpoint,
} from './notifications-api';
import { useNotificationsT } from './notifications-i18n';

const lines = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Server field errors (`emails.1`, `phones`...) grouped by their input (`emails`, `phones`). */
function errorsByInput(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiError)) return {};
  const fields = error.details.fields;
  if (!Array.isArray(fields)) return {};
  const out: Record<string, string[]> = {};
  for (const f of fields as { field?: string; message?: string }[]) {
    const input = String(f.field ?? '').split('.')[0] || 'form';
    out[input] = [...(out[input] ?? []), String(f.message ?? '')];
  }
  return out;
}

/** NTF-1: the Edit form of one row. Submit saves through the API; Cancel discards the draft. */
export function PreferenceEditForm(props: {
  row: TypePreference;
  webhooks: WebhookEndpoint[];
  onClose: () => void;
}) {
  const { t, tCode, errorText } = useNotificationsT();
  const toast = useToast();
  const save = useSavePreference();
  const { row } = props;
  const p = row.preference;
  const [enabled, setEnabled] = useState(p.enabled);
  const [frequency, setFrequency] = useState<Frequency>(p.frequency);
  const [emails, setEmails] = useState(p.emails.join('\n'));
  const [phones, setPhones] = useState(p.phones.join('\n'));
  const [webhooks, setWebhooks] = useState<string[]>(p.webhooks);
  const [inApp, setInApp] = useState(p.inApp);
  const [metrics, setMetrics] = useState<string[]>(p.metrics ?? []);
  const [minSeverity, setMinSeverity] = useState<Severity>(p.minSeverity ?? 'warning');
  const errors = errorsByInput(save.error);
  const has = (c: string) => row.channels.includes(c as never);
  const performance = row.group === 'performance';
  const id = (name: string) => `pref-${row.type}-${name}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const preference: Preference = {
      enabled,
      frequency,
      emails: has('email') ? lines(emails) : [],
      phones: has('sms') ? lines(phones) : [],
      webhooks: has('webhook') ? webhooks : [],
      inApp: has('in_app') ? inApp : false,
      metrics: performance ? metrics : null,
      minSeverity: performance ? minSeverity : null,
    };
    save.mutate(
      { type: row.type, preference },
      {
        onSuccess: () => {
          toast(t('prefs.saved'));
          props.onClose();
        },
      },
    );
  }

  const fieldError = (input: string) =>
    errors[input] ? (
      <p className="form-error" role="alert" data-testid={`pref-error-${input}`}>
        {errors[input]?.join(' ')}
      </p>
    ) : null;

  return (
    <form className="form pref-form" onSubmit={submit} data-testid="pref-form" noValidate>
      {!row.mandatory && (
        <fieldset className="form-fieldset">
          <legend className="visually-hidden">{t('prefs.state')}</legend>
          <label className="radio">
            <input
              type="radio"
              name={id('enabled')}
              checked={enabled}
              onChange={() => setEnabled(true)}
              data-testid="pref-enabled"
            />{' '}
            {t('prefs.enabled')}
          </label>{' '}
          <label className="radio">
            <input
              type="radio"
              name={id('enabled')}
              checked={!enabled}
              onChange={() => setEnabled(false)}
              data-testid="pref-disabled"
            />{' '}
            {t('prefs.disabled')}
          </label>
          {fieldError('enabled')}
        </fieldset>
      )}
      {row.frequencies.length > 1 && (
        <div className="field">
          <label htmlFor={id('frequency')}>{t('prefs.frequency')}</label>
          <select
            id={id('frequency')}
            className="select"
            value={frequency}
            onChange={(e) => setFrequency(e.target.value as Frequency)}
            data-testid="pref-frequency"
          >
            {row.frequencies.map((f) => (
              <option key={f} value={f}>
                {tCode('frequency', f, f)}
              </option>
            ))}
          </select>
          {fieldError('frequency')}
        </div>
      )}
      {has('email') && (
        <div className="field">
          <label htmlFor={id('emails')}>{t('prefs.emails')}</label>
          <textarea
            id={id('emails')}
            className="input"
            rows={3}
            value={emails}
            onChange={(e) => setEmails(e.target.value)}
            aria-invalid={errors.emails ? true : undefined}
            data-testid="pref-emails"
          />
          {fieldError('emails')}
        </div>
      )}
      {has('sms') && (
        <div className="field">
          <label htmlFor={id('phones')}>
            {row.type === 'emergency.contact' ? t('prefs.emergencyPhone') : t('prefs.phones')}
          </label>
          <textarea
            id={id('phones')}
            className="input"
            rows={2}
            value={phones}
            onChange={(e) => setPhones(e.target.value)}
            aria-invalid={errors.phones ? true : undefined}
            data-testid="pref-phones"
          />
          {fieldError('phones')}
        </div>
      )}
      {has('webhook') && props.webhooks.length > 0 && (
        <fieldset className="form-fieldset">
          <legend>{t('prefs.webhooks')}</legend>
          {props.webhooks.map((w) => (
            <label key={w.id} className="checkbox block">
              <input
                type="checkbox"
                checked={webhooks.includes(w.id)}
                onChange={(e) =>
                  setWebhooks((cur) => (e.target.checked ? [...cur, w.id] : cur.filter((x) => x !== w.id)))
                }
              />{' '}
              <span className="mono">{w.url}</span>
            </label>
          ))}
          {fieldError('webhooks')}
        </fieldset>
      )}
      {has('in_app') && (
        <label className="checkbox block">
          <input
            type="checkbox"
            checked={inApp}
            onChange={(e) => setInApp(e.target.checked)}
            data-testid="pref-inapp"
          />{' '}
          {t('prefs.inApp')}
        </label>
      )}
      {performance && (
        <>
          <fieldset className="form-fieldset">
            <legend>{t('prefs.metrics')}</legend>
            {PERFORMANCE_METRICS.map((m) => (
              <label key={m} className="checkbox block">
                <input
                  type="checkbox"
                  checked={metrics.includes(m)}
                  onChange={(e) =>
                    setMetrics((cur) => (e.target.checked ? [...cur, m] : cur.filter((x) => x !== m)))
                  }
                />{' '}
                {m}
              </label>
            ))}
            {fieldError('metrics')}
          </fieldset>
          <div className="field">
            <label htmlFor={id('severity')}>{t('prefs.minSeverity')}</label>
            <select
              id={id('severity')}
              className="select"
              value={minSeverity}
              onChange={(e) => setMinSeverity(e.target.value as Severity)}
            >
              {(['info', 'warning', 'critical'] as const).map((s) => (
                <option key={s} value={s}>
                  {tCode('severity', s, s)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {save.error && !Object.keys(errors).length ? (
        <p className="form-error" role="alert">
          {errorText(save.error)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="pref-submit">
          {t('prefs.submit')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={props.onClose} data-testid="pref-cancel">
          {t('prefs.cancel')}
        </button>
      </div>
    </form>
  );
}
