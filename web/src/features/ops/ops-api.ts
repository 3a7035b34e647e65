import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { withQuery } from '../../app/router';

export interface SentMail {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  sentAt: string;
  transport: 'mailbox' | 'smtp';
}

export interface QueueStats {
  name: string;
  created: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
  cancelled: number;
}

export interface FailedJob {
  id: string;
  name: string;
  error: string;
  failedAt: string;
  retryCount: number;
}

export const mailPageSize = 50;

export function useSentMail(filter: { page: number; q: string }) {
  return useQuery({
    queryKey: ['ops', 'mail', filter],
    queryFn: ({ signal }) =>
      api.get<{ messages: SentMail[]; total: number }>(
        withQuery('/api/ops/mail', { ...filter, pageSize: mailPageSize }),
        signal,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

export function useJobs() {
  return useQuery({
    queryKey: ['ops', 'jobs'],
    queryFn: ({ signal }) => api.get<{ queues: QueueStats[]; failed: FailedJob[] }>('/api/ops/jobs', signal),
    refetchInterval: 10_000,
  });
}
