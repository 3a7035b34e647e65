import { describe, expect, it } from 'vitest';
import { encodeNextToken } from './get-orders-query.ts';
import { parseIncludedData, parseSearchOrdersQuery } from './search-orders-query.ts';

const now = new Date('2026-11-22T12:00:00Z');
const base = { createdAfter: '2026-11-01T00:00:00Z' };

describe('searchOrders query rules (Orders 2026-01-01)', () => {
  it('needs no marketplaceIds and defaults createdBefore to two minutes ago', () => {
    const r = parseSearchOrdersQuery(base, now);
    expect(r.ok && r.query.marketplaceIds).toBeUndefined();
    expect(r.ok && r.query.before.toISOString()).toBe('2026-11-22T11:58:00.000Z');
    expect(r.ok && r.query.limit).toBe(100);
    expect(r.ok && [...r.query.includedData]).toEqual([]);
  });

  it.each([
    ['neither *After', {}, /Exactly one of createdAfter and lastUpdatedAfter/],
    ['both *After', { ...base, lastUpdatedAfter: base.createdAfter }, /Exactly one of/],
    [
      'lastUpdatedBefore with createdAfter',
      { ...base, lastUpdatedBefore: base.createdAfter },
      /cannot be combined with createdAfter/,
    ],
    [
      'createdBefore with lastUpdatedAfter',
      { lastUpdatedAfter: base.createdAfter, createdBefore: base.createdAfter },
      /createdBefore cannot/,
    ],
    [
      'createdBefore within 2 minutes',
      { ...base, createdBefore: '2026-11-22T11:59:30Z' },
      /createdBefore must be at least 2 minutes/,
    ],
    [
      'createdBefore before createdAfter',
      { ...base, createdBefore: '2026-10-01T00:00:00Z' },
      /equal to or after createdAfter/,
    ],
    ['a non-date', { createdAfter: 'yesterday' }, /createdAfter must be an ISO 8601/],
    ['an unknown fulfillment status', { ...base, fulfillmentStatuses: 'SHIPPED,LOST' }, /LOST is not one of/],
    ['an unknown fulfilledBy', { ...base, fulfilledBy: 'ROBOT' }, /ROBOT is not one of MERCHANT, AMAZON/],
    ['an unknown includedData', { ...base, includedData: 'BUYER,SECRETS' }, /SECRETS is not one of/],
    [
      'maxResultsPerPage 0',
      { ...base, maxResultsPerPage: '0' },
      /maxResultsPerPage must be a whole number from 1 to 100/,
    ],
    ['maxResultsPerPage 101', { ...base, maxResultsPerPage: '101' }, /1 to 100/],
    ['51 marketplaceIds', { ...base, marketplaceIds: Array(51).fill('A').join(',') }, /at most 50/],
    ['a foreign paginationToken', { ...base, paginationToken: 'garbage' }, /paginationToken is not valid/],
  ])('refuses %s', (_n, q, message) => {
    const r = parseSearchOrdersQuery(q as Record<string, string>, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('maps fulfillment statuses and fulfilledBy to order statuses and channels', () => {
    const r = parseSearchOrdersQuery(
      {
        ...base,
        fulfillmentStatuses: 'UNSHIPPED,PARTIALLY_SHIPPED,SHIPPED,CANCELLED',
        fulfilledBy: 'MERCHANT',
      },
      now,
    );
    expect(r.ok && r.query.statuses).toEqual([
      'Unshipped',
      'PartiallyShipped',
      'Shipped',
      'InvoiceUnconfirmed',
      'Canceled',
    ]);
    expect(r.ok && r.query.fulfillmentChannels).toEqual(['MFN']);
  });

  it('reads a paginationToken of the same kind of window', () => {
    const token = encodeNextToken('lastUpdateDate', new Date('2026-11-05T00:00:00Z'), 'ord_x');
    const r = parseSearchOrdersQuery({ lastUpdatedAfter: base.createdAfter, paginationToken: token }, now);
    expect(r.ok && r.query.cursor).toEqual({ at: new Date('2026-11-05T00:00:00Z'), id: 'ord_x' });
    expect(r.ok && r.query.dateField).toBe('lastUpdateDate');
  });

  it('parses includedData as a set of the model values', () => {
    const r = parseIncludedData('BUYER,PACKAGES,BUYER');
    expect(r.ok && [...r.value]).toEqual(['BUYER', 'PACKAGES']);
  });
});
