import { ApiError } from '../../app/api-client';
import { useI18n, type Vars } from '../../i18n/i18n';
import { type ContactMessageKey, contactEn, contactIt, contactJa } from './contact-messages';

const dictionaries: Record<string, Record<string, string>> = {
  en: contactEn as Record<string, string>,
  ja: contactJa,
  it: contactIt,
};

function fill(text: string, vars?: Vars) {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The messaging pages' words in the page language (the I18nProvider's), English as fallback. */
export function useContactT() {
  const { language } = useI18n();
  const dictionary = dictionaries[language] ?? {};
  const lookup = (key: string): string | undefined =>
    dictionary[key] ?? (contactEn as Record<string, string>)[key];
  const t = (key: ContactMessageKey, vars?: Vars) => fill(lookup(key) ?? key, vars);
  /** An API error as a sentence: our words for its stable code, else the server's message. */
  const errorText = (error: unknown) =>
    error instanceof ApiError ? (lookup(`errors.${error.code}`) ?? error.message) : String(error);
  return { t, errorText, language };
}
