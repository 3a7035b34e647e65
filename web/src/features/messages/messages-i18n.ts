import { ApiError } from '../../app/api-client';
import { useI18n, type Vars } from '../../i18n/i18n';
import {
  type MessagesDictionary,
  type MessagesMessageKey,
  messagesEn,
  messagesIt,
  messagesJa,
} from './messages-messages';

const dictionaries: Record<string, MessagesDictionary> = {
  en: messagesEn,
  ja: messagesJa,
  it: messagesIt,
};

function fill(text: string, vars?: Vars) {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The messaging pages' words in the page language, English as fallback. */
export function useMessagesT() {
  const app = useI18n();
  const dictionary = dictionaries[app.language] ?? messagesEn;
  const lookup = (key: string): string | undefined =>
    (dictionary as Record<string, string>)[key] ?? (messagesEn as Record<string, string>)[key];
  const t = (key: MessagesMessageKey, vars?: Vars) => fill(lookup(key) ?? key, vars);
  /** A code in words (`type.order.new`, `reason.type_disabled`), or the fallback when there is none. */
  const tCode = (prefix: string, code: string, fallback: string, vars?: Vars) =>
    fill(lookup(`${prefix}.${code}`) ?? fallback, vars);
  /** An API error as a sentence: the app's words for its code, else the server's message. */
  const errorText = (error: unknown) =>
    error instanceof ApiError ? app.tCode('errors', error.code, error.message) : String(error);
  return { t, tCode, errorText, language: app.language };
}
