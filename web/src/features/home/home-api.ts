import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { CountedStatus } from '../orders/order-types';

export type Severity = 'critical' | 'warning' | 'info';

export interface HomeAlert {
  severity: Severity;
  code: string;
  message: string;
  link?: string;
  /** Values of the localized text for the code, e.g. {count}. */
  params?: Record<string, string | number>;
}

export interface HomeData {
  alerts: HomeAlert[];
  counts: Record<CountedStatus, number>;
}

export function useHome() {
  return useQuery({ queryKey: ['home'], queryFn: ({ signal }) => api.get<HomeData>('/api/home', signal) });
}
