// The query rules of SP-API getOrders (reference/sp-api.md §2.2), as a pure function from the
// raw query to a search, or to the sentence that explains what is wrong (→ 400 InvalidInput).
import { ORDER_STATUSES, PAYMENT_METHODS, type OrderStatus } from './orders.types.ts';

export type RawQuery = Record<string, string | undefined>;

export type GetOrdersQuery = {
  marketplaceIds: string[];
  dateField: 'purchaseDate' | 'lastUpdateDate';
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
  limit: number;
  cursor?: { at: Date; id: string };
};

const TWO_MINUTES = 2 * 60 * 1000;
const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

function date(name: string, v: string | undefined): Date | string | undefined {
  if (v === undefined) return undefined;
  const d = new Date(v);
  return /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(d.getTime())
    ? d
    : `${name} must be an ISO 8601 date-time.`;
}

export function encodeNextToken(field: 'purchaseDate' | 'lastUpdateDate', at: Date, id: string): string {
  return Buffer.from(
    JSON.stringify({ f: field === 'purchaseDate' ? 'c' : 'u', t: at.getTime(), i: id }),
  ).toString('base64url');
}

function decodeNextToken(token: string): { f: 'c' | 'u'; t: number; i: string } | null {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      f: string;
      t: number;
      i: string;
    };
    return (v.f === 'c' || v.f === 'u') && Number.isFinite(v.t) && typeof v.i === 'string'
      ? (v as { f: 'c' | 'u'; t: number; i: string })
      : null;
  } catch {
    return null;
  }
}

export function parseGetOrdersQuery(
  q: RawQuery,
  now: Date,
): { ok: true; query: GetOrdersQuery } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  const marketplaceIds = list(q.MarketplaceIds);
  if (!marketplaceIds?.length) return fail('MarketplaceIds is required.');
  if (marketplaceIds.length > 50) return fail('MarketplaceIds accepts at most 50 values.');

  const dates = {
    CreatedAfter: date('CreatedAfter', q.CreatedAfter),
    CreatedBefore: date('CreatedBefore', q.CreatedBefore),
    LastUpdatedAfter: date('LastUpdatedAfter', q.LastUpdatedAfter),
    LastUpdatedBefore: date('LastUpdatedBefore', q.LastUpdatedBefore),
  };
  for (const v of Object.values(dates)) if (typeof v === 'string') return fail(v);
  const { CreatedAfter, CreatedBefore, LastUpdatedAfter, LastUpdatedBefore } = dates as Record<
    string,
    Date | undefined
  >;
  if (!CreatedAfter === !LastUpdatedAfter)
    return fail('Exactly one of CreatedAfter and LastUpdatedAfter is required.');
  if (CreatedAfter && (LastUpdatedBefore || LastUpdatedAfter)) {
    return fail('LastUpdatedAfter and LastUpdatedBefore cannot be combined with CreatedAfter.');
  }
  if (LastUpdatedAfter && CreatedBefore)
    return fail('CreatedBefore cannot be combined with LastUpdatedAfter.');
  const after = (CreatedAfter ?? LastUpdatedAfter) as Date;
  const afterName = CreatedAfter ? 'CreatedAfter' : 'LastUpdatedAfter';
  const beforeName = CreatedAfter ? 'CreatedBefore' : 'LastUpdatedBefore';
  const latest = new Date(now.getTime() - TWO_MINUTES);
  if (after > latest) return fail(`${afterName} must be at least 2 minutes before the time of the request.`);
  const givenBefore = CreatedAfter ? CreatedBefore : LastUpdatedBefore;
  if (givenBefore && givenBefore < after)
    return fail(`${beforeName} must be equal to or after ${afterName}.`);
  if (givenBefore && givenBefore > latest)
    return fail(`${beforeName} must be at least 2 minutes before the time of the request.`);

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
  if (q.BuyerEmail !== undefined) {
    const clash = [
      'FulfillmentChannels',
      'OrderStatuses',
      'PaymentMethods',
      'LastUpdatedAfter',
      'LastUpdatedBefore',
      'SellerOrderId',
    ].find((k) => q[k] !== undefined);
    if (clash) return fail(`${clash} cannot be specified together with BuyerEmail.`);
  }

  let limit = 100;
  if (q.MaxResultsPerPage !== undefined) {
    limit = Number(q.MaxResultsPerPage);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return fail('MaxResultsPerPage must be a whole number from 1 to 100.');
  }
  const dateField = CreatedAfter ? 'purchaseDate' : 'lastUpdateDate';
  let cursor: GetOrdersQuery['cursor'];
  if (q.NextToken !== undefined) {
    const t = decodeNextToken(q.NextToken);
    if (!t || (t.f === 'c') !== (dateField === 'purchaseDate'))
      return fail('NextToken is not valid for this query.');
    cursor = { at: new Date(t.t), id: t.i };
  }
  return {
    ok: true,
    query: {
      marketplaceIds,
      dateField,
      after,
      before: givenBefore ?? latest,
      beforeDefaulted: !givenBefore,
      statuses: statuses as OrderStatus[] | undefined,
      fulfillmentChannels: channels as ('MFN' | 'AFN')[] | undefined,
      paymentMethods: payments,
      buyerEmail: q.BuyerEmail,
      sellerOrderId: q.SellerOrderId,
      amazonOrderIds,
      limit,
      cursor,
    },
  };
}
