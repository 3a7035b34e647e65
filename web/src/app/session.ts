import { createContext, useContext } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Language } from '../i18n/i18n';
import { ApiError, api, setCsrfToken } from './api-client';
import { sessionKey } from './query-client';

export type Role = 'seller' | 'operator';

export interface Seller {
  id: string;
  name: string;
  marketplaceId: string;
  marketplaceName: string;
  currencyCode: string;
  timeZone: string;
  sellingPlan: string;
}

export interface Session {
  user: { id: string; email: string; name: string; role: Role; language: Language };
  seller: Seller | null;
  csrfToken: string;
  sandbox: { enabled: boolean; now: string };
}

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api.post<Session>('/api/session', credentials),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/session'),
    onSettled: () => {
      // A full page load leaves nothing of the previous user behind in memory.
      setCsrfToken(null);
      queryClient.clear();
      window.location.assign('/login');
    },
  });
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only valid inside the logged-in shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside a signed-in page');
  return session;
}
