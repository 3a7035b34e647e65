import { useT } from '../../i18n/i18n';
import { CopyButton } from '../../ui/copy-button';
import { Icon } from '../../ui/icon';

export interface SecretField {
  label: string;
  value: string;
  testId: string;
}

/** Credentials the server shows exactly once; the seller must copy them now. */
export function SecretReveal(props: { title: string; fields: SecretField[]; onDone: () => void }) {
  const t = useT();
  return (
    <section className="secret-reveal" aria-label={props.title} data-testid="secret-reveal">
      <div className="secret-reveal-head">
        <Icon name="key" size={18} />
        <strong>{props.title}</strong>
      </div>
      <p className="secret-warning">
        <Icon name="alert" size={15} /> {t('settings.apps.onceWarning')}
      </p>
      {props.fields.map((field) => (
        <div key={field.testId} className="secret-field">
          <span className="secret-label">{field.label}</span>
          <div className="secret-value-row">
            <input
              className="input mono secret-value"
              readOnly
              value={field.value}
              data-testid={field.testId}
              onFocus={(event) => event.target.select()}
              aria-label={field.label}
            />
            <CopyButton text={field.value} testId={`${field.testId}-copy`} />
          </div>
        </div>
      ))}
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={props.onDone} data-testid="secret-done">
          {t('settings.apps.savedIt')}
        </button>
      </div>
    </section>
  );
}
