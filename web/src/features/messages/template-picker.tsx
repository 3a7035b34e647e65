// MSG-12 templates: each one inserts its text, rendered by the server for this order in the
// buyer's language, into the composer; one the order does not allow now says why.
import { useState } from 'react';
import { fetchTemplate } from './messages-api';
import { useMessagesT } from './messages-i18n';
import type { TemplateId } from './messages-types';

export function TemplatePicker(props: {
  amazonOrderId: string;
  language?: string;
  templates: { id: TemplateId; unavailableReason: string | null }[];
  onInsert: (template: { id: TemplateId; subject: string; text: string }) => void;
}) {
  const { t, errorText } = useMessagesT();
  const [loading, setLoading] = useState<TemplateId | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (props.templates.length === 0) return null;

  async function insert(id: TemplateId) {
    setLoading(id);
    setError(null);
    try {
      const rendered = await fetchTemplate(props.amazonOrderId, id, props.language);
      props.onInsert({ id, ...rendered });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(null);
    }
  }

  return (
    <fieldset className="template-picker" data-testid="template-picker">
      <legend className="field-hint">{t('templates.label')}</legend>
      <ul className="template-list">
        {props.templates.map((tpl) => (
          <li key={tpl.id} className="template-item">
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              disabled={tpl.unavailableReason !== null || loading !== null}
              onClick={() => insert(tpl.id)}
              data-testid={`template-${tpl.id}`}
              aria-describedby={tpl.unavailableReason ? `template-${tpl.id}-reason` : undefined}
            >
              {t(`template.${tpl.id}`)}
            </button>
            {tpl.unavailableReason && (
              <span
                className="muted small"
                id={`template-${tpl.id}-reason`}
                data-testid={`template-${tpl.id}-reason`}
              >
                {t('templates.unavailable', { reason: tpl.unavailableReason })}
              </span>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
