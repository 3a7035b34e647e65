// Buyer web API (/api/buyer): session, orders, edits, cancellation requests, receipts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../app/api-client';
import type { Money } from '../../i18n/format';
import type { Language } from '../../i18n/i18n';

export interface BuyerSession {
  buyer: { id: string; email: string; name: string; language: Language };
  csrfToken: string;
}

export interface BuyerOrderRow {
  amazonOrderId: string;
  purchaseDate: string;
  status: string;
  sellerName: string;
  orderTotal: Money;
  items: { title: string; quantity: number }[];
  buyerCancelRequested: boolean;
}

export interface Address {
  name: string;
  addressLine1: string;
  addressLine2?: string | null;
  addressLine3?: string | null;
  city: string;
  county?: string | null;
  district?: string | null;
  stateOrRegion?: string | null;
  postalCode: string;
  countryCode: string;
  phone?: string | null;
  addressType?: string | null;
}

export interface Refusal {
  code: string;
  message: string;
}

export interface BuyerOrder {
  amazonOrderId: string;
  purchaseDate: string;
  status: string;
  seller: { id: string; name: string };
  marketplace: { id: string; name: string; timeZone: string };
  shippingAddress: Address;
  deliveryWindow: { from: string; to: string } | null;
  items: {
    orderItemId: string;
    title: string;
    quantityOrdered: number;
    quantityShipped: number;
    quantityCanceled: number;
    unitPrice: Money;
    itemPrice: Money;
  }[];
  totals: Record<'items' | 'shipping' | 'tax' | 'discounts' | 'total' | 'refunded' | 'net', Money>;
  charge: { amount: Money; chargedAt: string } | null;
  shipments: {
    id: string;
    carrier: string;
    trackingNumber: string;
    shipDate: string;
    trackingStatus: string | null;
    items: { orderItemId: string; title: string; quantity: number }[];
    scans: { at: string; status: string; location: string | null }[];
  }[];
  refunds: {
    id: string;
    at: string;
    reason: string;
    total: Money;
    deductedShipping: Money | null;
    lines: { title: string; quantity: number; amount: Money }[];
  }[];
  cancellation: { by: string | null; reason: string | null; at: string } | null;
  cancelRequest: { reason: string | null; requestedAt: string } | null;
  edit: { allowed: boolean; closesAt: string; refusal: Refusal | null };
  cancel: { allowed: boolean; refusal: Refusal | null };
  receipt: { available: boolean };
  timeline: { at: string; kind: string; params: Record<string, string | number | boolean | null> }[];
}

export interface Receipt {
  language: Language;
  title: string;
  issuedOnBehalf: string;
  labels: Record<string, string>;
  fields: { label: string; value: string }[];
  items: {
    title: string;
    quantity: string;
    unitPrice: string;
    tax: string;
    amount: string;
    note: string | null;
  }[];
  summary: { label: string; value: string; bold?: boolean }[];
  refunds: { date: string; reason: string; amount: string }[];
  footer: string;
}

export const BUYER_CANCEL_REASONS = [
  'OrderedByMistake',
  'WillNotArriveInTime',
  'ShippingCostTooHigh',
  'FoundCheaperElsewhere',
  'NeedToChangeAddress',
  'NeedToChangeQuantity',
  'Other',
] as const;

const sessionKey = ['buyer-session'] as const;
const ordersKey = ['buyer-orders'] as const;

async function fetchSession(): Promise<BuyerSession | null> {
  try {
    const session = await api.get<BuyerSession>('/api/buyer/session');
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

export function useBuyerSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

function useSignIn<T>(call: (input: T) => Promise<BuyerSession>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export const usePasswordSignIn = () =>
  useSignIn((c: { email: string; password: string }) => api.post<BuyerSession>('/api/buyer/session', c));
export const useLinkSignIn = () =>
  useSignIn((token: string) => api.post<BuyerSession>('/api/buyer/session/link', { token }));

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/buyer/session'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      window.location.assign('/account/sign-in');
    },
  });
}

export function useSetBuyerLanguage() {
  const queryClient = useQueryClient();
  return async (language: Language) => {
    const session = queryClient.getQueryData<BuyerSession | null>(sessionKey);
    if (!session) return;
    queryClient.setQueryData<BuyerSession>(sessionKey, { ...session, buyer: { ...session.buyer, language } });
    await api.put('/api/buyer/session/language', { language }).catch(() => {
      queryClient.setQueryData<BuyerSession>(sessionKey, session);
    });
  };
}

export function useBuyerOrders(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...ordersKey, 'list', page, pageSize],
    queryFn: ({ signal }) =>
      api.get<{ orders: BuyerOrderRow[]; total: number; page: number; pageSize: number }>(
        `/api/buyer/orders?page=${page}&pageSize=${pageSize}`,
        signal,
      ),
  });
}

const orderPath = (id: string) => `/api/buyer/orders/${encodeURIComponent(id)}`;

export function useBuyerOrder(id: string) {
  return useQuery({
    queryKey: [...ordersKey, 'detail', id],
    queryFn: ({ signal }) => api.get<{ order: BuyerOrder }>(orderPath(id), signal).then((r) => r.order),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

function useOrderChange<T>(id: string, call: (input: T) => Promise<{ order: BuyerOrder }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (r) => {
      queryClient.setQueryData([...ordersKey, 'detail', id], r.order);
      void queryClient.invalidateQueries({ queryKey: [...ordersKey, 'list'] });
    },
    // A refusal may mean the order moved on (window closed, shipped): show its current state.
    onError: () => void queryClient.invalidateQueries({ queryKey: [...ordersKey, 'detail', id] }),
  });
}

export const useEditOrder = (id: string) =>
  useOrderChange(
    id,
    (body: { shippingAddress?: Address; items?: { orderItemId: string; quantity: number }[] }) =>
      api.patch<{ order: BuyerOrder }>(orderPath(id), body),
  );
export const useRequestCancellation = (id: string) =>
  useOrderChange(id, (reason: string) =>
    api.post<{ order: BuyerOrder }>(`${orderPath(id)}/cancellation-request`, { reason }),
  );

export function useReceipt(id: string, language: Language) {
  return useQuery({
    queryKey: [...ordersKey, 'receipt', id, language],
    queryFn: ({ signal }) =>
      api
        .get<{ receipt: Receipt }>(`${orderPath(id)}/receipt?language=${language}`, signal)
        .then((r) => r.receipt),
    retry: false,
  });
}

export const receiptPdfUrl = (id: string, language: Language) =>
  `${orderPath(id)}/receipt.pdf?language=${language}`;
