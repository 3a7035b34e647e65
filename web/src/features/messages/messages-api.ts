// Web API of the seller's Buyer-Seller Messages pages (MSG-1..16): inbox, thread, replies, the
// live policy check, compose to an order's buyer, templates (MSG-12) and the reply deadline (MSG-15).
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../app/api-client';
import { withQuery } from '../../app/router';
import type {
  ComposeView,
  InboxFilter,
  InboxPage,
  MessagesSummary,
  PolicyVerdict,
  PostResult,
  TemplateId,
  ThreadSummary,
  ThreadView,
} from './messages-types';

const enc = encodeURIComponent;
export const messagesKey = ['messages'] as const;

export function useInbox(filter: InboxFilter, q: string) {
  return useInfiniteQuery({
    queryKey: [...messagesKey, 'inbox', filter, q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      api.get<InboxPage>(withQuery('/api/messages', { filter, q, cursor: pageParam, limit: 25 }), signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Awaiting / overdue / unread counts for the navigation badge and the home alert. */
export function useMessagesSummary() {
  return useQuery({
    queryKey: [...messagesKey, 'summary'],
    queryFn: ({ signal }) => api.get<MessagesSummary>('/api/messages/summary', signal),
    refetchInterval: 60_000,
    // Older servers without messaging: no badge rather than an error in the header.
    retry: false,
  });
}

export function useThread(threadId: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...messagesKey, 'thread', threadId],
    queryFn: async ({ signal }) => {
      const view = await api.get<ThreadView>(`/api/messages/threads/${enc(threadId)}`, signal);
      // Opening marks the thread read: the inbox counts and the nav badge change.
      void qc.invalidateQueries({ queryKey: [...messagesKey, 'summary'] });
      return view;
    },
  });
}

function useInvalidateMessages() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: messagesKey });
}

export function useReply(threadId: string) {
  const invalidate = useInvalidateMessages();
  return useMutation({
    mutationFn: (text: string) =>
      api.post<PostResult>(`/api/messages/threads/${enc(threadId)}/replies`, { text }),
    onSuccess: invalidate,
  });
}

export function useNoResponseNeeded(threadId: string) {
  const invalidate = useInvalidateMessages();
  return useMutation({
    mutationFn: () => api.post<ThreadSummary>(`/api/messages/threads/${enc(threadId)}/no-response-needed`),
    onSuccess: invalidate,
  });
}

export function useSetReplyDeadline(threadId: string) {
  const invalidate = useInvalidateMessages();
  return useMutation({
    mutationFn: (v: { deadline: string; text?: string }) =>
      api.post<PostResult>(`/api/messages/threads/${enc(threadId)}/reply-deadline`, v),
    onSuccess: invalidate,
  });
}

export function useCompose(amazonOrderId: string) {
  return useQuery({
    queryKey: [...messagesKey, 'compose', amazonOrderId],
    queryFn: ({ signal }) =>
      api.get<ComposeView>(`/api/messages/orders/${enc(amazonOrderId)}/compose`, signal),
    enabled: amazonOrderId !== '',
  });
}

export function useSendToOrder(amazonOrderId: string) {
  const invalidate = useInvalidateMessages();
  return useMutation({
    mutationFn: (v: { kind: string; text: string; subject?: string }) =>
      api.post<PostResult>(`/api/messages/orders/${enc(amazonOrderId)}`, v),
    onSuccess: invalidate,
  });
}

export function fetchTemplate(amazonOrderId: string, templateId: TemplateId, language?: string) {
  return api.get<{ subject: string; text: string }>(
    withQuery(`/api/messages/orders/${enc(amazonOrderId)}/templates/${enc(templateId)}`, { language }),
  );
}

/** The value after it stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export type CheckContext = { marketplaceId: string; orderId?: string; threadId?: string };

/**
 * The live policy check while the seller types (MSG-7..11, 13): the text is sent once typing
 * pauses; the previous verdict stays on screen until the new one arrives. `settled` is false while
 * the verdict on screen is for an older text, so Send waits for the check of what will be sent.
 */
export function usePolicyCheck(text: string, ctx: CheckContext | null) {
  const debounced = useDebounced(text, 300);
  const query = useQuery({
    queryKey: [...messagesKey, 'check', ctx, debounced],
    queryFn: () =>
      api.post<PolicyVerdict>('/api/messaging/check', {
        direction: 'seller-to-buyer',
        ...ctx,
        text: debounced,
      }),
    enabled: ctx !== null && debounced.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
  const settled = debounced === text && !query.isPlaceholderData && !query.isFetching;
  return { verdict: text.trim() === '' ? undefined : query.data, settled, error: query.error };
}
