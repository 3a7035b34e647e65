import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';

/** The kinds the server accepts (NOTICE_KINDS in account-notices.service.ts, NTF-2 Account). */
export const NOTICE_KINDS = ['business_update', 'new_feature', 'planned_outage', 'technical_issue'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface AccountNotice {
  id: string;
  /** null: every seller of every marketplace. */
  marketplaceId: string | null;
  kind: NoticeKind;
  title: string;
  body: string;
  publishedAt: string;
  publishedBy: string;
}

export interface PublishNotice {
  kind: NoticeKind;
  title: string;
  body: string;
  marketplaceId: string | null;
}

const noticesKey = ['ops', 'account-notices'];

export function useAccountNotices() {
  return useQuery({
    queryKey: noticesKey,
    queryFn: ({ signal }) => api.get<{ notices: AccountNotice[] }>('/api/ops/account-notices', signal),
  });
}

export function usePublishNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notice: PublishNotice) =>
      api.post<{ notice: AccountNotice; sellers: number }>('/api/ops/account-notices', notice),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}
