import { ApiError } from '../../app/api-client';
import { useI18n, type Vars } from '../../i18n/i18n';
import {
  type AccountDictionary,
  type AccountMessageKey,
  accountEn,
  accountIt,
  accountJa,
} from './account-messages';

const dictionaries: Record<string, AccountDictionary> = { en: accountEn, ja: accountJa, it: accountIt };

function fill(text: string, vars?: Vars) {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The account pages' words in the page language (the app-wide I18nProvider's), English as fallback. */
export function useAccountT() {
  const { language } = useI18n();
  const dictionary = dictionaries[language] ?? accountEn;
  const lookup = (key: string): string | undefined =>
    (dictionary as Record<string, string>)[key] ?? (accountEn as Record<string, string>)[key];
  const t = (key: AccountMessageKey, vars?: Vars) => fill(lookup(key) ?? key, vars);
  /** A server code in words (`scan.Delivered`), or the fallback when there is none. */
  const tCode = (prefix: string, code: string, fallback: string, vars?: Vars) =>
    fill(lookup(`${prefix}.${code}`) ?? fallback, vars);
  /** An API error as a sentence: our words for its stable code, else the server's message. */
  const errorText = (error: unknown) =>
    error instanceof ApiError ? tCode('errors', error.code, error.message) : String(error);
  return { t, tCode, errorText, language };
}
