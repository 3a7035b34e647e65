// Web API of the notification pages: preferences and webhooks (NTF-1/3/6), failed addresses and
// their reset (NTF-7), the in-app list (NTF-10) and the delivery log (NTF-8).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { withQuery } from '../../app/router';

export type Severity = 'critical' | 'warning' | 'info';
export type Frequency = 'immediate' | 'daily' | 'weekly' | 'monthly';
export type Channel = 'email' | 'sms' | 'webhook' | 'sp_api' | 'in_app';

export interface Preference {
  enabled: boolean;
  frequency: Frequency;
  emails: string[];
  phones: string[];
  webhooks: string[];
  inApp: boolean;
  metrics: string[] | null;
  minSeverity: Severity | null;
}

export interface TypePreference {
  type: string;
  group: string;
  severity: Severity;
  mandatory: boolean;
  channels: Channel[];
  frequencies: Frequency[];
  customized: boolean;
  preference: Preference;
  updatedAt: string | null;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  status: 'active' | 'disabled';
  disabledReason: string | null;
  createdAt: string;
}

export interface FailedAddress {
  code: string;
  channel: 'email' | 'sms' | 'webhook' | 'sp_api';
  address: string;
  reason: string;
  /** The reason in the seller's language. */
  reasonText?: string;
  evidence: string | null;
  failedAt: string;
}

export interface PreferencesPage {
  sellingPlan: string;
  groups: { group: string; types: TypePreference[] }[];
  webhooks: WebhookEndpoint[];
  failedAddresses: FailedAddress[];
}

export const PERFORMANCE_METRICS = [
  'ODR',
  'LATE_SHIPMENT_RATE',
  'PRE_FULFILLMENT_CANCEL_RATE',
  'VALID_TRACKING_RATE',
  'ON_TIME_DELIVERY_RATE',
  'RESPONSE_TIME',
  'POLICY_VIOLATIONS',
] as const;

const prefsKey = ['notifications', 'preferences'] as const;
const failedKey = ['notifications', 'failed-addresses'] as const;

export function usePreferences() {
  return useQuery({
    queryKey: prefsKey,
    queryFn: ({ signal }) => api.get<PreferencesPage>('/api/notifications/preferences', signal),
  });
}

export function useSavePreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { type: string; preference: Preference }) =>
      api.put<{ preference: TypePreference }>(
        `/api/notifications/preferences/${encodeURIComponent(v.type)}`,
        v.preference,
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: prefsKey }),
  });
}

export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { url: string; description: string }) =>
      api.post<{ webhook: WebhookEndpoint & { secret: string } }>('/api/notifications/webhooks', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: prefsKey }),
  });
}

export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/notifications/webhooks/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: prefsKey }),
  });
}

export function useFailedAddresses() {
  return useQuery({
    queryKey: failedKey,
    queryFn: ({ signal }) =>
      api.get<{ failedAddresses: FailedAddress[] }>('/api/notifications/failed-addresses', signal),
    select: (d) => d.failedAddresses,
  });
}

export function useResetFailedAddress() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { channel: FailedAddress['channel']; address: string }) =>
      api.post('/api/notifications/failed-addresses/reset', v),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: prefsKey }),
        qc.invalidateQueries({ queryKey: failedKey }),
      ]),
  });
}

export interface InAppNotification {
  id: string;
  type: string;
  severity: Severity;
  data?: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationFilter {
  severity?: Severity;
  type?: string;
  read?: 'true' | 'false';
}

type ListBody = {
  notifications?: InAppNotification[];
  items?: InAppNotification[];
  nextCursor?: string | null;
};

/** NTF-10: the in-app list, filtered by severity, type and read state; "Show more" follows the cursor. */
export function useNotificationList(f: NotificationFilter) {
  return useInfiniteQuery({
    queryKey: ['notifications', 'list', f],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ signal, pageParam }) => {
      const body = await api.get<ListBody>(
        withQuery('/api/notifications', { ...f, cursor: pageParam }),
        signal,
      );
      return { notifications: body.notifications ?? body.items ?? [], nextCursor: body.nextCursor ?? null };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications', 'list'] }),
  });
}

export interface Delivery {
  id: string;
  channel: string;
  address: string;
  state: string;
  reason: string | null;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

export interface DeliveryLogEntry {
  notification: InAppNotification;
  deliveries: Delivery[];
}

type LogBody = {
  entries?: DeliveryLogEntry[];
  items?: DeliveryLogEntry[];
  notifications?: (InAppNotification & { deliveries: Delivery[] })[];
  nextCursor?: string | null;
};

/** NTF-8: each notification with its deliveries and, for one not sent, the reason. */
export function useDeliveryLog() {
  return useInfiniteQuery({
    queryKey: ['notifications', 'deliveries'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ signal, pageParam }) => {
      const body = await api.get<LogBody>(
        withQuery('/api/notifications/deliveries', { cursor: pageParam }),
        signal,
      );
      const entries =
        body.entries ??
        body.items ??
        (body.notifications ?? []).map(({ deliveries, ...notification }) => ({ notification, deliveries }));
      return { entries, nextCursor: body.nextCursor ?? null };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
