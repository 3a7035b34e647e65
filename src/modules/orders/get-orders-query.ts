// The query rules of SP-API getOrders (reference/sp-api.md §2.2), as a pure function from the
// raw query to a search, or to the sentence that explains what is wrong (→ 400 InvalidInput).
// The date-window, page-size and cursor rules are shared with searchOrders of Orders 2026-01-01
// (search-orders-query.ts), which states the same rules with camelCase names.
import { ORDER_STATUSES, PAYMENT_METHODS, type OrderStatus } from './orders.types.ts';

export type RawQuery = Record<string, string | undefined>;

export type DateField = 'purchaseDate' | 'lastUpdateDate';

/** Inclusive bounds on the deliver-by window (getOrders EarliestDeliveryDate* / LatestDeliveryDate*). */
export type DeliveryDateFilter = {
  earliestAfter?: Date;
  earliestBefore?: Date;
  latestAfter?: Date;
  latestBefore?: Date;
};

export type GetOrdersQuery = {
  marketplaceIds: string[];
  dateField: DateField;
  after: Date;
  before: Date;
  /** Echoed back as CreatedBefore / LastUpdatedBefore when the caller gave none. */
  beforeDefaulted: boolean;
  statuses?: OrderStatus[];
  fulfillmentChannels?: ('MFN' | 'AFN')[];
  paymentMethods?: string[];
  buyerEmail?: string;
  sellerOrderId?: string;
  amazonOrderIds?: string[];
  deliveryDates?: DeliveryDateFilter;
  /**
   * A filter that no Mercato order can meet (Easy Ship statuses, store pickup, supply sources,
   * an electronic-invoice status other than NotRequired): answer an empty page without a query.
   */
  matchesNothing: boolean;
  limit: number;
  cursor?: { at: Date; id: string };
};

export const EASY_SHIP_STATUSES = [
  'PendingSchedule',
  'PendingPickUp',
  'PendingDropOff',
  'LabelCanceled',
  'PickedUp',
  'DroppedOff',
  'AtOriginFC',
  'AtDestinationFC',
  'Delivered',
  'RejectedByBuyer',
  'Undeliverable',
  'ReturningToSeller',
  'ReturnedToSeller',
  'Lost',
  'OutForDelivery',
  'Damaged',
] as const;
export const ELECTRONIC_INVOICE_STATUSES = [
  'NotRequired',
  'NotFound',
  'Processing',
  'Errored',
  'Accepted',
] as const;

const TWO_MINUTES = 2 * 60 * 1000;
const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

type Fail = { ok: false; message: string };
const fail = (message: string): Fail => ({ ok: false, message });

export const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

/** An ISO 8601 date-time, or the sentence saying the parameter is not one. */
export function isoDate(name: string, v: string | undefined): Date | string | undefined {
  if (v === undefined) return undefined;
  const d = new Date(v);
  return /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(d.getTime())
    ? d
    : `${name} must be an ISO 8601 date-time.`;
}

/** Opaque page token: the date field, the last row's (date, id), and the window's upper bound. */
export function encodeNextToken(field: DateField, at: Date, id: string, before?: Date): string {
  return Buffer.from(
    JSON.stringify({
      f: field === 'purchaseDate' ? 'c' : 'u',
      t: at.getTime(),
      i: id,
      ...(before ? { b: before.getTime() } : {}),
    }),
  ).toString('base64url');
}

function decodeNextToken(token: string): { f: 'c' | 'u'; t: number; i: string; b?: number } | null {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      f: string;
      t: number;
      i: string;
      b?: number;
    };
    return (v.f === 'c' || v.f === 'u') &&
      Number.isFinite(v.t) &&
      typeof v.i === 'string' &&
      (v.b === undefined || Number.isFinite(v.b))
      ? (v as { f: 'c' | 'u'; t: number; i: string; b?: number })
      : null;
  } catch {
    return null;
  }
}

export type WindowNames = {
  createdAfter: string;
  createdBefore: string;
  lastUpdatedAfter: string;
  lastUpdatedBefore: string;
};

export type DateWindow = { dateField: DateField; after: Date; before: Date; beforeDefaulted: boolean };

/**
 * Exactly one *After; *Before only with its own *After, ≥ it, and at least 2 minutes before now
 * (defaulted to now − 2 minutes). Same rule in getOrders and searchOrders, only the names differ.
 */
export function parseDateWindow(
  raw: {
    createdAfter?: string;
    createdBefore?: string;
    lastUpdatedAfter?: string;
    lastUpdatedBefore?: string;
  },
  names: WindowNames,
  now: Date,
): { ok: true; window: DateWindow } | Fail {
  const parsed = {
    createdAfter: isoDate(names.createdAfter, raw.createdAfter),
    createdBefore: isoDate(names.createdBefore, raw.createdBefore),
    lastUpdatedAfter: isoDate(names.lastUpdatedAfter, raw.lastUpdatedAfter),
    lastUpdatedBefore: isoDate(names.lastUpdatedBefore, raw.lastUpdatedBefore),
  };
  for (const v of Object.values(parsed)) if (typeof v === 'string') return fail(v);
  const { createdAfter, createdBefore, lastUpdatedAfter, lastUpdatedBefore } = parsed as Record<
    keyof WindowNames,
    Date | undefined
  >;
  if (!createdAfter === !lastUpdatedAfter)
    return fail(`Exactly one of ${names.createdAfter} and ${names.lastUpdatedAfter} is required.`);
  if (createdAfter && (lastUpdatedBefore || lastUpdatedAfter)) {
    return fail(
      `${names.lastUpdatedAfter} and ${names.lastUpdatedBefore} cannot be combined with ${names.createdAfter}.`,
    );
  }
  if (lastUpdatedAfter && createdBefore)
    return fail(`${names.createdBefore} cannot be combined with ${names.lastUpdatedAfter}.`);
  const after = (createdAfter ?? lastUpdatedAfter) as Date;
  const afterName = createdAfter ? names.createdAfter : names.lastUpdatedAfter;
  const beforeName = createdAfter ? names.createdBefore : names.lastUpdatedBefore;
  const latest = new Date(now.getTime() - TWO_MINUTES);
  if (after > latest) return fail(`${afterName} must be at least 2 minutes before the time of the request.`);
  const givenBefore = createdAfter ? createdBefore : lastUpdatedBefore;
  if (givenBefore && givenBefore < after)
    return fail(`${beforeName} must be equal to or after ${afterName}.`);
  if (givenBefore && givenBefore > latest)
    return fail(`${beforeName} must be at least 2 minutes before the time of the request.`);
  return {
    ok: true,
    window: {
      dateField: createdAfter ? 'purchaseDate' : 'lastUpdateDate',
      after,
      before: givenBefore ?? latest,
      beforeDefaulted: !givenBefore,
    },
  };
}

/** 1–100, default 100. */
export function parsePageSize(name: string, v: string | undefined): number | Fail {
  if (v === undefined) return 100;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100) return fail(`${name} must be a whole number from 1 to 100.`);
  return n;
}

/**
 * A page token is re-sent together with the original filters (reference/sp-api.md §2.2). When
 * the first page defaulted *Before to "now − 2 minutes", the token keeps that bound so later
 * pages do not grow with orders placed in between.
 */
export function parsePageToken(
  name: string,
  token: string | undefined,
  window: DateWindow,
): { ok: true; cursor?: { at: Date; id: string }; before: Date } | Fail {
  if (token === undefined) return { ok: true, before: window.before };
  const t = decodeNextToken(token);
  if (!t || (t.f === 'c') !== (window.dateField === 'purchaseDate'))
    return fail(`${name} is not valid for this query.`);
  const before = window.beforeDefaulted && t.b !== undefined ? new Date(t.b) : window.before;
  return { ok: true, cursor: { at: new Date(t.t), id: t.i }, before };
}

function parseDeliveryDates(q: RawQuery): DeliveryDateFilter | undefined | Fail {
  const names = [
    ['EarliestDeliveryDateAfter', 'earliestAfter'],
    ['EarliestDeliveryDateBefore', 'earliestBefore'],
    ['LatestDeliveryDateAfter', 'latestAfter'],
    ['LatestDeliveryDateBefore', 'latestBefore'],
  ] as const;
  const out: DeliveryDateFilter = {};
  for (const [param, key] of names) {
    const d = isoDate(param, q[param]);
    if (typeof d === 'string') return fail(d);
    if (d) out[key] = d;
  }
  if (out.earliestAfter && out.earliestBefore && out.earliestBefore < out.earliestAfter)
    return fail('EarliestDeliveryDateBefore must be equal to or after EarliestDeliveryDateAfter.');
  if (out.latestAfter && out.latestBefore && out.latestBefore < out.latestAfter)
    return fail('LatestDeliveryDateBefore must be equal to or after LatestDeliveryDateAfter.');
  return Object.keys(out).length ? out : undefined;
}

export function parseGetOrdersQuery(
  q: RawQuery,
  now: Date,
): { ok: true; query: GetOrdersQuery } | { ok: false; message: string } {
  const marketplaceIds = list(q.MarketplaceIds);
  if (!marketplaceIds?.length) return fail('MarketplaceIds is required.');
  if (marketplaceIds.length > 50) return fail('MarketplaceIds accepts at most 50 values.');

  const w = parseDateWindow(
    {
      createdAfter: q.CreatedAfter,
      createdBefore: q.CreatedBefore,
      lastUpdatedAfter: q.LastUpdatedAfter,
      lastUpdatedBefore: q.LastUpdatedBefore,
    },
    {
      createdAfter: 'CreatedAfter',
      createdBefore: 'CreatedBefore',
      lastUpdatedAfter: 'LastUpdatedAfter',
      lastUpdatedBefore: 'LastUpdatedBefore',
    },
    now,
  );
  if (!w.ok) return w;

  const statuses = list(q.OrderStatuses);
  const bad = statuses?.find((s) => !(ORDER_STATUSES as readonly string[]).includes(s));
  if (bad) return fail(`OrderStatuses: ${bad} is not a valid order status.`);
  const channels = list(q.FulfillmentChannels);
  if (channels?.some((c) => c !== 'MFN' && c !== 'AFN'))
    return fail('FulfillmentChannels accepts MFN and AFN.');
  const payments = list(q.PaymentMethods);
  if (payments?.some((p) => !(PAYMENT_METHODS as readonly string[]).includes(p))) {
    return fail('PaymentMethods accepts COD, CVS and Other.');
  }
  const amazonOrderIds = list(q.AmazonOrderIds);
  if (amazonOrderIds && amazonOrderIds.length > 50) return fail('AmazonOrderIds accepts at most 50 values.');
  if (amazonOrderIds?.some((id) => !ORDER_ID.test(id)))
    return fail('AmazonOrderIds must be in the 3-7-7 format.');

  // The model's one exclusivity rule: SellerOrderId names a single order of the seller.
  if (q.SellerOrderId !== undefined) {
    const clash = [
      'FulfillmentChannels',
      'OrderStatuses',
      'PaymentMethods',
      'LastUpdatedAfter',
      'LastUpdatedBefore',
      'BuyerEmail',
    ].find((k) => q[k] !== undefined);
    if (clash) return fail(`${clash} cannot be specified together with SellerOrderId.`);
  }

  const easyShip = list(q.EasyShipShipmentStatuses);
  const badEasyShip = easyShip?.find((s) => !(EASY_SHIP_STATUSES as readonly string[]).includes(s));
  if (badEasyShip) return fail(`EasyShipShipmentStatuses: ${badEasyShip} is not a valid Easy Ship status.`);
  const invoice = list(q.ElectronicInvoiceStatuses);
  const badInvoice = invoice?.find((s) => !(ELECTRONIC_INVOICE_STATUSES as readonly string[]).includes(s));
  if (badInvoice)
    return fail(`ElectronicInvoiceStatuses: ${badInvoice} is not a valid electronic invoice status.`);
  if (q.IsISPU !== undefined && q.IsISPU !== 'true' && q.IsISPU !== 'false')
    return fail('IsISPU must be true or false.');
  const deliveryDates = parseDeliveryDates(q);
  if (deliveryDates && 'ok' in deliveryDates) return deliveryDates;

  const limit = parsePageSize('MaxResultsPerPage', q.MaxResultsPerPage);
  if (typeof limit !== 'number') return limit;
  const page = parsePageToken('NextToken', q.NextToken, w.window);
  if (!page.ok) return page;

  // Mercato has no Easy Ship, no in-store pickup (ISPU) and no supply sources, and no marketplace
  // of it requires electronic invoices: these filters select nothing, or everything.
  const matchesNothing =
    easyShip !== undefined ||
    q.IsISPU === 'true' ||
    q.StoreChainStoreId !== undefined ||
    q.ActualFulfillmentSupplySourceId !== undefined ||
    (invoice !== undefined && !invoice.includes('NotRequired'));

  return {
    ok: true,
    query: {
      marketplaceIds,
      dateField: w.window.dateField,
      after: w.window.after,
      before: page.before,
      beforeDefaulted: w.window.beforeDefaulted,
      statuses: statuses as OrderStatus[] | undefined,
      fulfillmentChannels: channels as ('MFN' | 'AFN')[] | undefined,
      paymentMethods: payments,
      buyerEmail: q.BuyerEmail,
      sellerOrderId: q.SellerOrderId,
      amazonOrderIds,
      deliveryDates,
      matchesNothing,
      limit,
      cursor: page.cursor,
    },
  };
}
