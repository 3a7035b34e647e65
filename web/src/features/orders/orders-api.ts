import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { withQuery } from '../../app/router';
import type { OrderDetail, OrderList, ShipmentInput, StatusTab } from './order-types';

export interface OrdersFilter {
  status: StatusTab;
  q: string;
  page: number;
}

export const ordersPageSize = 25;

export function useOrders(filter: OrdersFilter) {
  return useQuery({
    queryKey: ['orders', filter],
    queryFn: ({ signal }) =>
      api.get<OrderList>(withQuery('/api/orders', { ...filter, pageSize: ordersPageSize }), signal),
    placeholderData: keepPreviousData,
  });
}

const orderPath = (orderId: string) => `/api/orders/${encodeURIComponent(orderId)}`;

export function useOrder(orderId: string) {
  return useQuery({
    queryKey: ['order', orderId],
    queryFn: ({ signal }) => api.get<{ order: OrderDetail }>(orderPath(orderId), signal),
    select: (data) => data.order,
  });
}

export function useConfirmShipment(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ShipmentInput) =>
      api.post<{ order: OrderDetail }>(`${orderPath(orderId)}/shipments`, input),
    onSuccess: async (data) => {
      queryClient.setQueryData(['order', orderId], data);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['order', orderId] }),
        queryClient.invalidateQueries({ queryKey: ['orders'] }),
        queryClient.invalidateQueries({ queryKey: ['home'] }),
      ]);
    },
  });
}
