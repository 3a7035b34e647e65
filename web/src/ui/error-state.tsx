import { useErrorMessage } from '../app/error-message';
import { useT } from '../i18n/i18n';
import { Icon } from './icon';

export function ErrorState(props: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = useErrorMessage();
  return (
    <div className="error-state" role="alert">
      <Icon name="alert" size={18} />
      <div>
        <p className="error-state-title">{t('errors.loadFailed')}</p>
        <p className="error-state-body">{message(props.error)}</p>
      </div>
      {props.onRetry && (
        <button type="button" className="btn btn-secondary btn-sm" onClick={props.onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
