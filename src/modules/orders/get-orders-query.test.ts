import { describe, expect, it } from 'vitest';
import { encodeNextToken, parseGetOrdersQuery } from './get-orders-query.ts';

const now = new Date('2026-11-22T12:00:00Z');
const base = { MarketplaceIds: 'A1VC38T7YXB528', CreatedAfter: '2026-11-01T00:00:00Z' };

describe('getOrders query rules', () => {
  it('accepts the minimal query and defaults *Before to two minutes ago', () => {
    const r = parseGetOrdersQuery(base, now);
    expect(r.ok && r.query.before.toISOString()).toBe('2026-11-22T11:58:00.000Z');
    expect(r.ok && r.query.limit).toBe(100);
  });

  it.each([
    ['no MarketplaceIds', { CreatedAfter: base.CreatedAfter }, /MarketplaceIds is required/],
    ['neither *After', { MarketplaceIds: 'X' }, /Exactly one of CreatedAfter and LastUpdatedAfter/],
    ['both *After', { ...base, LastUpdatedAfter: base.CreatedAfter }, /Exactly one of/],
    [
      'LastUpdatedBefore with CreatedAfter',
      { ...base, LastUpdatedBefore: base.CreatedAfter },
      /cannot be combined with CreatedAfter/,
    ],
    [
      'CreatedBefore with LastUpdatedAfter',
      { MarketplaceIds: 'X', LastUpdatedAfter: base.CreatedAfter, CreatedBefore: base.CreatedAfter },
      /CreatedBefore cannot/,
    ],
    ['a non-date', { ...base, CreatedAfter: 'TEST_CASE_200' }, /ISO 8601/],
    [
      'CreatedAfter within 2 minutes',
      { ...base, CreatedAfter: '2026-11-22T11:59:00Z' },
      /at least 2 minutes/,
    ],
    [
      'CreatedBefore within 2 minutes',
      { ...base, CreatedBefore: '2026-11-22T11:59:30Z' },
      /CreatedBefore must be at least 2 minutes/,
    ],
    [
      'CreatedBefore before CreatedAfter',
      { ...base, CreatedBefore: '2026-10-01T00:00:00Z' },
      /equal to or after/,
    ],
    ['an unknown status', { ...base, OrderStatuses: 'Unshipped,Lost' }, /Lost is not a valid/],
    ['an unknown channel', { ...base, FulfillmentChannels: 'XYZ' }, /MFN and AFN/],
    ['MaxResultsPerPage 0', { ...base, MaxResultsPerPage: '0' }, /1 to 100/],
    ['MaxResultsPerPage 101', { ...base, MaxResultsPerPage: '101' }, /1 to 100/],
    [
      'SellerOrderId with OrderStatuses',
      { ...base, SellerOrderId: 'S1', OrderStatuses: 'Shipped' },
      /OrderStatuses cannot be specified together with SellerOrderId/,
    ],
    [
      'SellerOrderId with BuyerEmail',
      { ...base, SellerOrderId: 'S1', BuyerEmail: 'a@b.c' },
      /BuyerEmail cannot be specified together with SellerOrderId/,
    ],
    [
      '51 AmazonOrderIds',
      { ...base, AmazonOrderIds: Array(51).fill('503-1234567-1234567').join(',') },
      /at most 50/,
    ],
    ['51 MarketplaceIds', { ...base, MarketplaceIds: Array(51).fill('A').join(',') }, /at most 50/],
    ['an unknown payment method', { ...base, PaymentMethods: 'Cash' }, /COD, CVS and Other/],
    ['an unknown Easy Ship status', { ...base, EasyShipShipmentStatuses: 'Nowhere' }, /Nowhere is not/],
    ['an unknown invoice status', { ...base, ElectronicInvoiceStatuses: 'Lost' }, /Lost is not/],
    ['IsISPU=maybe', { ...base, IsISPU: 'maybe' }, /IsISPU must be true or false/],
    [
      'a non-date delivery bound',
      { ...base, LatestDeliveryDateAfter: 'soon' },
      /LatestDeliveryDateAfter must be an ISO/,
    ],
    [
      'an inverted delivery window',
      {
        ...base,
        EarliestDeliveryDateAfter: '2026-12-02T00:00:00Z',
        EarliestDeliveryDateBefore: '2026-12-01T00:00:00Z',
      },
      /EarliestDeliveryDateBefore must be equal to or after/,
    ],
    [
      'a NextToken of a LastUpdated query on a Created query',
      { ...base, NextToken: encodeNextToken('lastUpdateDate', new Date('2026-11-05T00:00:00Z'), 'ord_x') },
      /NextToken is not valid/,
    ],
    ['a malformed order id', { ...base, AmazonOrderIds: '123' }, /3-7-7/],
    ['a foreign NextToken', { ...base, NextToken: 'garbage' }, /NextToken/],
  ])('refuses %s', (_n, q, message) => {
    const r = parseGetOrdersQuery(q as Record<string, string>, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('splits comma-joined lists', () => {
    const r = parseGetOrdersQuery(
      { ...base, OrderStatuses: 'Unshipped,PartiallyShipped', MarketplaceIds: 'A,B' },
      now,
    );
    expect(r.ok && r.query.statuses).toEqual(['Unshipped', 'PartiallyShipped']);
    expect(r.ok && r.query.marketplaceIds).toEqual(['A', 'B']);
  });

  it('accepts BuyerEmail with other filters (only SellerOrderId is exclusive in the model)', () => {
    const r = parseGetOrdersQuery({ ...base, BuyerEmail: 'a@b.c', OrderStatuses: 'Shipped' }, now);
    expect(r.ok && r.query.buyerEmail).toBe('a@b.c');
  });

  it('reads the delivery-date bounds', () => {
    const r = parseGetOrdersQuery(
      {
        ...base,
        LatestDeliveryDateAfter: '2026-11-10T00:00:00Z',
        EarliestDeliveryDateBefore: '2026-11-30T00:00:00Z',
      },
      now,
    );
    expect(r.ok && r.query.deliveryDates).toEqual({
      latestAfter: new Date('2026-11-10T00:00:00Z'),
      earliestBefore: new Date('2026-11-30T00:00:00Z'),
    });
  });

  it.each([
    ['EasyShipShipmentStatuses', { EasyShipShipmentStatuses: 'PendingPickUp' }, true],
    ['IsISPU=true', { IsISPU: 'true' }, true],
    ['IsISPU=false', { IsISPU: 'false' }, false],
    ['StoreChainStoreId', { StoreChainStoreId: 'S1' }, true],
    ['ActualFulfillmentSupplySourceId', { ActualFulfillmentSupplySourceId: 'X' }, true],
    ['ElectronicInvoiceStatuses=Accepted', { ElectronicInvoiceStatuses: 'Accepted' }, true],
    [
      'ElectronicInvoiceStatuses=NotRequired,Accepted',
      { ElectronicInvoiceStatuses: 'NotRequired,Accepted' },
      false,
    ],
  ])('knows that %s selects no Mercato order: %s', (_n, extra, nothing) => {
    const r = parseGetOrdersQuery({ ...base, ...extra }, now);
    expect(r.ok && r.query.matchesNothing).toBe(nothing);
  });

  it('keeps the defaulted *Before of the first page in its NextToken', () => {
    const first = new Date('2026-11-22T11:58:00Z');
    const token = encodeNextToken('purchaseDate', new Date('2026-11-05T00:00:00Z'), 'ord_x', first);
    const later = new Date('2026-11-22T13:00:00Z');
    const r = parseGetOrdersQuery({ ...base, NextToken: token }, later);
    expect(r.ok && r.query.before).toEqual(first);
    // An explicit CreatedBefore wins over the token's bound.
    const explicit = parseGetOrdersQuery(
      { ...base, CreatedBefore: '2026-11-20T00:00:00Z', NextToken: token },
      later,
    );
    expect(explicit.ok && explicit.query.before).toEqual(new Date('2026-11-20T00:00:00Z'));
  });

  it('round-trips a NextToken sent with the same filters', () => {
    const token = encodeNextToken('purchaseDate', new Date('2026-11-05T00:00:00Z'), 'ord_x');
    const r = parseGetOrdersQuery({ ...base, NextToken: token }, now);
    expect(r.ok && r.query.cursor).toEqual({ at: new Date('2026-11-05T00:00:00Z'), id: 'ord_x' });
  });
});
