import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';

export interface Account {
  id: string;
  name: string;
  sellingPlan: string;
  timeZone: string;
  language: string;
  customerServiceEmail: string | null;
  emergencyPhone: string | null;
}

export interface Authorization {
  id: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface DeveloperApp {
  id: string;
  name: string;
  clientId: string;
  createdAt: string;
  authorizations: Authorization[];
}

export interface NewApp {
  id: string;
  name: string;
  clientId: string;
  clientSecret: string;
  createdAt: string;
}

export interface NewAuthorization {
  id: string;
  refreshToken: string;
  createdAt: string;
}

const appsKey = ['settings', 'apps'] as const;
const appPath = (appId: string) => `/api/settings/apps/${encodeURIComponent(appId)}`;

export function useAccount() {
  return useQuery({
    queryKey: ['settings', 'account'],
    queryFn: ({ signal }) => api.get<{ seller: Account }>('/api/settings/account', signal),
    select: (data) => data.seller,
  });
}

export function useApps() {
  return useQuery({
    queryKey: appsKey,
    queryFn: ({ signal }) => api.get<{ apps: DeveloperApp[] }>('/api/settings/apps', signal),
    select: (data) => data.apps,
  });
}

export function useRegisterApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<{ app: NewApp }>('/api/settings/apps', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appsKey }),
  });
}

export function useAuthorizeApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (appId: string) =>
      api.post<{ authorization: NewAuthorization }>(`${appPath(appId)}/authorizations`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appsKey }),
  });
}

export function useRevokeAuthorization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: { appId: string; authorizationId: string }) =>
      api.delete(`${appPath(ids.appId)}/authorizations/${encodeURIComponent(ids.authorizationId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appsKey }),
  });
}
