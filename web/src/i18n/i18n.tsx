import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { type Dictionary, type MessageKey, en } from './en';
import { it } from './it';
import { ja } from './ja';

export type Language = 'en' | 'ja' | 'it';

/** Language names are shown in their own language, so anyone can find theirs. */
export const languages: ReadonlyArray<{ code: Language; label: string }> = [
  { code: 'en', label: 'English' },
  { code: 'ja', label: '日本語' },
  { code: 'it', label: 'Italiano' },
];

const dictionaries: Record<Language, Dictionary> = { en, ja, it };

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'ja' || value === 'it';
}

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

function interpolate(text: string, vars?: Vars) {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

interface I18n {
  language: Language;
  /** IANA zone dates are shown in (the seller's); undefined = the browser's. */
  timeZone: string | undefined;
  t: Translate;
  /** Text for a server code (`errors.ORDER_NOT_FOUND`), or the fallback when there is none. */
  tCode: (prefix: string, code: string, fallback: string, vars?: Vars) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { language: Language; timeZone?: string; children: ReactNode }) {
  const { language, timeZone } = props;
  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[language];
    const lookup = (key: string): string | undefined =>
      (dictionary as Record<string, string>)[key] ?? (en as Record<string, string>)[key];
    return {
      language,
      timeZone,
      t: (key, vars) => interpolate(lookup(key) ?? key, vars),
      tCode: (prefix, code, fallback, vars) => interpolate(lookup(`${prefix}.${code}`) ?? fallback, vars),
    };
  }, [language, timeZone]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() used outside <I18nProvider>');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
