import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { isLanguage, type Language, useT } from '../i18n/i18n';
import { api } from './api-client';
import { sessionKey } from './query-client';
import type { Session } from './session';
import { useToast } from './toast';

// Before sign-in the language is the browser's (or the last one chosen here);
// after sign-in it is the user's setting, kept on the server.
const storageKey = 'mercato.language';
const listeners = new Set<() => void>();

function readGuestLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled; the browser language still works.
  }
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

function rememberGuestLanguage(language: Language) {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered across visits; nothing else depends on it.
  }
  for (const listener of listeners) listener();
}

export function useGuestLanguage(): Language {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, readGuestLanguage);
}

/** Switches the language now, and saves it to the user's settings when signed in. */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const t = useT();
  return async (language: Language) => {
    rememberGuestLanguage(language);
    const session = queryClient.getQueryData<Session | null>(sessionKey);
    if (!session) return;
    const previous = session.user.language;
    queryClient.setQueryData<Session>(sessionKey, { ...session, user: { ...session.user, language } });
    try {
      await api.put('/api/session/language', { language });
    } catch {
      queryClient.setQueryData<Session>(sessionKey, {
        ...session,
        user: { ...session.user, language: previous },
      });
      toast(t('language.saveFailed'), 'error');
    }
  };
}
