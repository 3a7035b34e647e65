import { useI18n } from '../i18n/i18n';
import { ApiError } from './api-client';

/** A sentence for the user: our translation of the server's stable code, else the server's own message. */
export function useErrorMessage() {
  const { t, tCode } = useI18n();
  return (error: unknown): string => {
    if (error instanceof ApiError) return tCode('errors', error.code, error.message || t('errors.unknown'));
    return t('errors.unknown');
  };
}

/**
 * Field errors of a 400 VALIDATION_FAILED (`details.fields`) as "field: message" lines.
 * Accepts a list (`[{path|field, message}]`) or a map (`{field: message | message[]}`).
 */
export function fieldErrors(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const fields = error.details.fields;
  if (Array.isArray(fields)) return fields.map(describeField);
  if (typeof fields === 'object' && fields !== null) {
    return Object.entries(fields).map(([name, message]) => `${name}: ${[message].flat().join(', ')}`);
  }
  return [];
}

function describeField(field: unknown): string {
  if (typeof field !== 'object' || field === null) return String(field);
  const { path, field: name, message } = field as { path?: unknown; field?: unknown; message?: unknown };
  const label = [path ?? name]
    .flat()
    .filter((part) => part !== undefined && part !== '')
    .join('.');
  return label ? `${label}: ${String(message ?? '')}` : String(message ?? '');
}
