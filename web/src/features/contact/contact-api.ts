// Buyer messaging API (contract of issue 5): the public seller profile, Contact This Seller, the
// buyer's threads in Your Account, and the live policy check used while typing (MSG-2).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../app/api-client';
import type {
  BuyerMessageView,
  BuyerSellerOrder,
  BuyerThreadSummary,
  BuyerThreadView,
  ContactTopic,
  PolicyVerdict,
  SellerProfileView,
} from './contact-types';

/** The marketplace policy's maxMessageChars (the server refuses longer messages as too_long). */
export const MAX_MESSAGE_CHARS = 4000;

const threadsKey = ['buyer-messages'] as const;
const enc = encodeURIComponent;

const noRetryOn4xx = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

export function useSellerProfile(sellerId: string) {
  return useQuery({
    queryKey: ['seller-profile', sellerId],
    queryFn: ({ signal }) => api.get<SellerProfileView>(`/api/public/sellers/${enc(sellerId)}`, signal),
    retry: noRetryOn4xx,
  });
}

/** The buyer's orders with this seller (for "about an order"); only when signed in. */
export function useOrdersWithSeller(sellerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['buyer-seller-orders', sellerId],
    queryFn: ({ signal }) =>
      api
        .get<{ orders: BuyerSellerOrder[] }>(`/api/buyer/sellers/${enc(sellerId)}/orders`, signal)
        .then((r) => r.orders),
    enabled,
    retry: noRetryOn4xx,
  });
}

export function useBuyerThreads(enabled = true) {
  return useQuery({
    queryKey: [...threadsKey, 'list'],
    queryFn: ({ signal }) =>
      api.get<{ threads: BuyerThreadSummary[] }>('/api/buyer/messages', signal).then((r) => r.threads),
    enabled,
    retry: noRetryOn4xx,
    // The unread count in the header follows replies without a reload.
    refetchInterval: 60_000,
  });
}

export function useBuyerThread(threadId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...threadsKey, 'thread', threadId],
    queryFn: async ({ signal }) => {
      const thread = await api.get<BuyerThreadView>(`/api/buyer/messages/${enc(threadId)}`, signal);
      // Opening the thread marked it read on the server: the list and the header badge follow.
      void queryClient.invalidateQueries({ queryKey: [...threadsKey, 'list'] });
      return thread;
    },
    retry: noRetryOn4xx,
  });
}

export type ContactInput = {
  sellerId: string;
  topic: ContactTopic;
  amazonOrderId?: string;
  productRef?: string;
  text: string;
};

export function useContactSeller() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput) =>
      api.post<{ thread: BuyerThreadSummary; message: BuyerMessageView }>('/api/buyer/messages', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...threadsKey, 'list'] }),
  });
}

export function useReplyToThread(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      api.post<{ message: BuyerMessageView }>(`/api/buyer/messages/${enc(threadId)}/replies`, { text }),
    onSuccess: (r) => {
      queryClient.setQueryData<BuyerThreadView>([...threadsKey, 'thread', threadId], (t) =>
        t ? { ...t, messages: [...t.messages, r.message] } : t,
      );
      void queryClient.invalidateQueries({ queryKey: threadsKey });
    },
  });
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * MSG-2 while typing: the server's buyer-to-seller check (HTML, links, length) of the text as it
 * stands after a pause, so a refusal and its reason show before the buyer presses Send. Signed-out
 * visitors have no session to check with; their text is checked when they send.
 */
export type LiveCheck = {
  verdict: PolicyVerdict | null;
  /** The verdict is for exactly the text in the box (not an earlier draft). */
  current: boolean;
  checking: boolean;
  /** The check refused this exact text: sending would fail (Send is disabled). */
  refused: boolean;
};

export function useLiveCheck(sellerId: string, text: string, enabled: boolean): LiveCheck {
  const settled = useDebounced(text, 400);
  const query = useQuery({
    queryKey: ['buyer-message-check', sellerId, settled],
    queryFn: () => api.post<PolicyVerdict>('/api/buyer/messaging/check', { sellerId, text: settled }),
    enabled: enabled && settled.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const verdict = text.trim() === '' ? null : (query.data ?? null);
  const current = settled === text && query.data !== undefined && !query.isPlaceholderData;
  return {
    verdict,
    current,
    checking: query.isFetching || settled !== text,
    refused: current && verdict !== null && !verdict.allowed,
  };
}

/** A policy refusal (422 MESSAGE_POLICY_VIOLATION) of a send, with its violations. */
export function violationsOf(error: unknown): PolicyVerdict['violations'] | null {
  if (!(error instanceof ApiError) || error.code !== 'MESSAGE_POLICY_VIOLATION') return null;
  const v = error.details.violations;
  return Array.isArray(v) ? (v as PolicyVerdict['violations']) : [];
}
