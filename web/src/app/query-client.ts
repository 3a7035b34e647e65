import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

export const sessionKey = ['session'] as const;

function onError(error: unknown) {
  // Session expired or revoked elsewhere: drop it, the app shows the login page.
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(sessionKey, null);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status > 0 && error.status < 500) && failureCount < 2,
    },
  },
});
