// The query rules of searchOrders, Orders API 2026-01-01 (reference/sp-api.md §2.7): the same
// date-window, page-size and page-token rules as getOrders (get-orders-query.ts) under camelCase
// names, plus fulfillmentStatuses, fulfilledBy and includedData. Pure: raw query in, search out.
import {
  type DateField,
  list,
  parseDateWindow,
  parsePageSize,
  parsePageToken,
  type RawQuery,
} from './get-orders-query.ts';
import type { OrderStatus } from './orders.types.ts';

export const INCLUDED_DATA = [
  'BUYER',
  'RECIPIENT',
  'PROCEEDS',
  'EXPENSE',
  'PROMOTION',
  'CANCELLATION',
  'FULFILLMENT',
  'PACKAGES',
  'TAX',
  'PAYMENT',
  'FULFILLMENT_ORDERS',
] as const;
export type IncludedData = (typeof INCLUDED_DATA)[number];

/** FulfillmentStatus of the 2026 model → our (v0) OrderStatus values. */
export const FULFILLMENT_STATUS_TO_ORDER_STATUSES: Readonly<Record<string, readonly OrderStatus[]>> = {
  PENDING_AVAILABILITY: ['PendingAvailability'],
  PENDING: ['Pending'],
  UNSHIPPED: ['Unshipped'],
  PARTIALLY_SHIPPED: ['PartiallyShipped'],
  // InvoiceUnconfirmed orders are shipped ones waiting for an invoice: the 2026 model has no
  // status of their own for them.
  SHIPPED: ['Shipped', 'InvoiceUnconfirmed'],
  CANCELLED: ['Canceled'],
  UNFULFILLABLE: ['Unfulfillable'],
};

const FULFILLED_BY: Readonly<Record<string, 'MFN' | 'AFN'>> = { MERCHANT: 'MFN', AMAZON: 'AFN' };

export type SearchOrdersQuery = {
  /** Undefined: every marketplace the seller sells on (the parameter is optional in 2026). */
  marketplaceIds?: string[];
  dateField: DateField;
  after: Date;
  before: Date;
  beforeDefaulted: boolean;
  statuses?: OrderStatus[];
  fulfillmentChannels?: ('MFN' | 'AFN')[];
  includedData: Set<IncludedData>;
  limit: number;
  cursor?: { at: Date; id: string };
};

type Fail = { ok: false; message: string };
const fail = (message: string): Fail => ({ ok: false, message });

/** includedData of searchOrders and getOrder: a comma-joined list of the model's enum values. */
export function parseIncludedData(v: string | undefined): { ok: true; value: Set<IncludedData> } | Fail {
  const values = list(v) ?? [];
  const bad = values.find((x) => !(INCLUDED_DATA as readonly string[]).includes(x));
  if (bad) return fail(`includedData: ${bad} is not one of ${INCLUDED_DATA.join(', ')}.`);
  return { ok: true, value: new Set(values as IncludedData[]) };
}

export function parseSearchOrdersQuery(
  q: RawQuery,
  now: Date,
): { ok: true; query: SearchOrdersQuery } | Fail {
  const marketplaceIds = list(q.marketplaceIds);
  if (marketplaceIds && marketplaceIds.length > 50) return fail('marketplaceIds accepts at most 50 values.');

  const w = parseDateWindow(
    {
      createdAfter: q.createdAfter,
      createdBefore: q.createdBefore,
      lastUpdatedAfter: q.lastUpdatedAfter,
      lastUpdatedBefore: q.lastUpdatedBefore,
    },
    {
      createdAfter: 'createdAfter',
      createdBefore: 'createdBefore',
      lastUpdatedAfter: 'lastUpdatedAfter',
      lastUpdatedBefore: 'lastUpdatedBefore',
    },
    now,
  );
  if (!w.ok) return w;

  const fulfillmentStatuses = list(q.fulfillmentStatuses);
  const badStatus = fulfillmentStatuses?.find((s) => !FULFILLMENT_STATUS_TO_ORDER_STATUSES[s]);
  if (badStatus)
    return fail(
      `fulfillmentStatuses: ${badStatus} is not one of ${Object.keys(FULFILLMENT_STATUS_TO_ORDER_STATUSES).join(', ')}.`,
    );
  const fulfilledBy = list(q.fulfilledBy);
  const badBy = fulfilledBy?.find((s) => !FULFILLED_BY[s]);
  if (badBy) return fail(`fulfilledBy: ${badBy} is not one of MERCHANT, AMAZON.`);
  const included = parseIncludedData(q.includedData);
  if (!included.ok) return included;

  const limit = parsePageSize('maxResultsPerPage', q.maxResultsPerPage);
  if (typeof limit !== 'number') return limit;
  const page = parsePageToken('paginationToken', q.paginationToken, w.window);
  if (!page.ok) return page;

  return {
    ok: true,
    query: {
      marketplaceIds: marketplaceIds?.length ? marketplaceIds : undefined,
      dateField: w.window.dateField,
      after: w.window.after,
      before: page.before,
      beforeDefaulted: w.window.beforeDefaulted,
      statuses: fulfillmentStatuses
        ? [...new Set(fulfillmentStatuses.flatMap((s) => FULFILLMENT_STATUS_TO_ORDER_STATUSES[s] ?? []))]
        : undefined,
      fulfillmentChannels: fulfilledBy
        ? [...new Set(fulfilledBy.map((s) => FULFILLED_BY[s] as 'MFN' | 'AFN'))]
        : undefined,
      includedData: included.value,
      limit,
      cursor: page.cursor,
    },
  };
}
