import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { withQuery } from '../../app/router';
import type {
  CombinableOrder,
  CsvReport,
  OrderDetail,
  OrderList,
  OrderSort,
  OrderView,
  ShipmentInput,
  StatusTab,
} from './order-types';

export interface OrdersFilter {
  status: StatusTab;
  q: string;
  /** Purchase days (YYYY-MM-DD, marketplace time), both included. */
  from: string;
  to: string;
  channel: '' | 'MFN' | 'AFN';
  sort: OrderSort;
  view: OrderView | '';
  /** Keyset position: the page after (or, dir=prev, before) this cursor. */
  cursor: string;
  dir: 'next' | 'prev';
  /** Shown only ("page 3"); the server pages by cursor. */
  page: number;
}

export const ordersPageSize = 25;

/** The query the server reads (the page number stays in the URL only). */
export function ordersQuery(filter: OrdersFilter) {
  return {
    status: filter.status,
    q: filter.q,
    from: filter.from,
    to: filter.to,
    channel: filter.channel,
    sort: filter.sort === 'purchaseDate' ? undefined : filter.sort,
    view: filter.view,
    cursor: filter.cursor,
    dir: filter.cursor && filter.dir === 'prev' ? 'prev' : undefined,
  };
}

export function useOrders(filter: OrdersFilter) {
  const query = ordersQuery(filter);
  return useQuery({
    queryKey: ['orders', query],
    queryFn: ({ signal }) =>
      api.get<OrderList>(withQuery('/api/orders', { ...query, pageSize: ordersPageSize }), signal),
    placeholderData: keepPreviousData,
  });
}

const orderPath = (orderId: string) => `/api/orders/${encodeURIComponent(orderId)}`;

/** Packing slips of these orders (ORD-9): the print page, or one PDF. */
export function packingSlipsUrl(orderIds: string[], format: 'html' | 'pdf') {
  const path = format === 'pdf' ? '/api/orders/packing-slips.pdf' : '/api/orders/packing-slips';
  return withQuery(path, { ids: orderIds.join(',') });
}

export const csvTemplateUrl = '/api/orders/shipment-confirmations/template.csv';

export function useOrder(orderId: string) {
  return useQuery({
    queryKey: ['order', orderId],
    queryFn: ({ signal }) => api.get<{ order: OrderDetail }>(orderPath(orderId), signal),
    select: (data) => data.order,
  });
}

/** After any change to orders: the detail, the lists and the home alerts are stale. */
function useRefreshOrders() {
  const queryClient = useQueryClient();
  return (orderIds: string[]) =>
    Promise.all([
      ...orderIds.map((id) => queryClient.invalidateQueries({ queryKey: ['order', id] })),
      queryClient.invalidateQueries({ queryKey: ['orders'] }),
      queryClient.invalidateQueries({ queryKey: ['home'] }),
      queryClient.invalidateQueries({ queryKey: ['combinable'] }),
    ]);
}

export function useConfirmShipment(orderId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshOrders();
  return useMutation({
    mutationFn: (input: ShipmentInput) =>
      api.post<{ order: OrderDetail }>(`${orderPath(orderId)}/shipments`, input),
    onSuccess: async (data) => {
      queryClient.setQueryData(['order', orderId], data);
      await refresh([orderId]);
    },
  });
}

/** A mutation on one order whose answer we do not need: the refreshed detail tells the result. */
function useOrderAction<Input>(orderId: string, path: string) {
  const refresh = useRefreshOrders();
  return useMutation({
    mutationFn: (input: Input) => api.post<unknown>(`${orderPath(orderId)}/${path}`, input),
    onSuccess: () => refresh([orderId]),
  });
}

export interface CancelInput {
  reason: string;
  note?: string;
}
export const useCancelOrder = (orderId: string) => useOrderAction<CancelInput>(orderId, 'cancel');

export interface RefundInput {
  reason: string;
  note?: string;
  lines: Array<{
    orderItemId: string;
    quantity?: number;
    itemPrice?: string;
    shippingPrice?: string;
    itemTax?: string;
    shippingTax?: string;
  }>;
}
export const useRefund = (orderId: string) => useOrderAction<RefundInput>(orderId, 'refunds');

export interface UndeliverableInput {
  shipmentId?: string;
  actualShippingCost: string;
  note?: string;
}
export const useRefundUndeliverable = (orderId: string) =>
  useOrderAction<UndeliverableInput>(orderId, 'refunds/undeliverable');

export type ShipAvailableInput = ShipmentInput & { buyerConsent: true };
export const useShipAvailable = (orderId: string) =>
  useOrderAction<ShipAvailableInput>(orderId, 'ship-available');

export function useCombinable(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['combinable', orderId],
    queryFn: ({ signal }) =>
      api.get<{ orders: CombinableOrder[] }>(`${orderPath(orderId)}/combinable`, signal),
    select: (data) => data.orders,
    enabled,
  });
}

export type CombinedInput = Omit<ShipmentInput, 'items'> & { amazonOrderIds: string[] };
export function useCombinedShipment() {
  const refresh = useRefreshOrders();
  return useMutation({
    mutationFn: (input: CombinedInput) => api.post<unknown>('/api/orders/combined-shipments', input),
    onSuccess: (_data, input) => refresh(input.amazonOrderIds),
  });
}

export function useCsvConfirm() {
  const refresh = useRefreshOrders();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set('file', file);
      return api.upload<CsvReport>('/api/orders/shipment-confirmations', form);
    },
    onSuccess: (report) =>
      refresh([...new Set(report.results.flatMap((r) => (r.orderId ? [r.orderId] : [])))]),
  });
}
