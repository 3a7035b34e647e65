import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import type { SentMail } from './ops-api';

/** The text body, and the HTML one in an iframe with every sandbox permission withheld (no scripts, no navigation). */
export function MailBody({ message }: { message: SentMail }) {
  const t = useT();
  const [view, setView] = useState<'text' | 'html'>('text');
  return (
    <div className="mail-body" data-testid="mail-body">
      <dl className="mail-headers">
        <dt>{t('ops.mail.from')}</dt>
        <dd>{message.from}</dd>
        <dt>{t('ops.mail.to')}</dt>
        <dd>{message.to}</dd>
      </dl>
      {message.html && (
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('ops.mail.format')}</legend>
          <button
            type="button"
            className={view === 'text' ? 'is-active' : undefined}
            aria-pressed={view === 'text'}
            onClick={() => setView('text')}
          >
            {t('ops.mail.text')}
          </button>
          <button
            type="button"
            className={view === 'html' ? 'is-active' : undefined}
            aria-pressed={view === 'html'}
            onClick={() => setView('html')}
            data-testid="mail-show-html"
          >
            {t('ops.mail.html')}
          </button>
        </fieldset>
      )}
      {view === 'html' && message.html ? (
        <iframe
          className="mail-html"
          sandbox=""
          srcDoc={message.html}
          title={message.subject}
          data-testid="mail-html"
        />
      ) : (
        <pre className="mail-text" data-testid="mail-text">
          {message.text}
        </pre>
      )}
    </div>
  );
}
