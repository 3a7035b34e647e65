import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { withQuery } from '../../app/router';

export type ListingStatus = 'active' | 'inactive' | 'closed';

export interface Listing {
  sku: string;
  marketplaceId: string;
  asin: string | null;
  title: string;
  price: { amount: string; currencyCode: string };
  quantity: number;
  status: ListingStatus;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** The filters `GET /api/listings` offers (status, stock, text), as read from the URL. */
export interface ListingsFilter {
  status: '' | ListingStatus;
  stock: '' | 'in' | 'out';
  q: string;
  page: number;
}

export const listingsPageSize = 50;

export function useListings(filter: ListingsFilter) {
  return useQuery({
    queryKey: ['listings', filter],
    queryFn: ({ signal }) =>
      api.get<{ listings: Listing[]; total: number; page: number; pageSize: number }>(
        withQuery('/api/listings', {
          status: filter.status || undefined,
          stock: filter.stock || undefined,
          q: filter.q || undefined,
          page: filter.page,
          pageSize: listingsPageSize,
        }),
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
