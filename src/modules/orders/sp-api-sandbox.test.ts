import { describe, expect, it } from 'vitest';
import { sandboxAnswer } from './sp-api-sandbox.ts';
import { SP_API_SANDBOX_FIXTURES } from './sp-api-sandbox-fixtures.ts';

const get = (operation: string, path: Record<string, string>, query: Record<string, string> = {}) =>
  sandboxAnswer(operation, { path, query });

describe("Amazon's static sandbox examples", () => {
  it('answers getOrders CreatedAfter=TEST_CASE_200 with the example order', () => {
    const a = get('getOrders', {}, { CreatedAfter: 'TEST_CASE_200', MarketplaceIds: 'ATVPDKIKX0DER' });
    expect(a?.status).toBe(200);
    expect(a?.body).toMatchObject({
      payload: { CreatedBefore: '1.569521782042E9', Orders: [{ AmazonOrderId: '902-1845936-5435065' }, {}] },
    });
  });

  it('tells the NextToken example with and without its token apart', () => {
    const first = get(
      'getOrders',
      {},
      { CreatedAfter: 'TEST_CASE_200_NEXT_TOKEN', MarketplaceIds: 'ATVPDKIKX0DER' },
    );
    expect(first?.body).toMatchObject({ payload: { NextToken: '2YgYW55IGNhcm5hbCBwbGVhc3VyZS4' } });
    const second = get(
      'getOrders',
      {},
      {
        CreatedAfter: 'TEST_CASE_200_NEXT_TOKEN',
        MarketplaceIds: 'ATVPDKIKX0DER',
        NextToken: '2YgYW55IGNhcm5hbCBwbGVhc3VyZS4',
      },
    );
    expect(second?.status).toBe(200);
    expect(second?.body).not.toHaveProperty('payload.NextToken');
    expect(second?.body).toHaveProperty('payload.Orders');
  });

  it('answers TEST_CASE_400 with InvalidInput', () => {
    expect(get('getOrders', {}, { CreatedAfter: 'TEST_CASE_400' })).toEqual({
      status: 400,
      body: { errors: [{ code: 'InvalidInput', message: 'Invalid Input' }] },
    });
    expect(get('getOrderItems', { orderId: 'TEST_CASE_400' })?.status).toBe(400);
  });

  it('refuses a TEST_CASE value with parameters no example has ("Could not match input arguments")', () => {
    const a = get('getOrders', {}, { CreatedAfter: 'TEST_CASE_200', MarketplaceIds: 'A1VC38T7YXB528' });
    expect(a).toEqual({
      status: 400,
      body: { errors: [{ code: 'InvalidInput', message: 'Could not match input arguments' }] },
    });
  });

  it('leaves every other request to the real operation', () => {
    expect(
      get('getOrders', {}, { CreatedAfter: '2026-11-01T00:00:00Z', MarketplaceIds: 'ATVPDKIKX0DER' }),
    ).toBeNull();
    expect(get('getOrder', { orderId: '503-1234567-1234567' })).toBeNull();
  });

  it('matches bodies exactly, and example path parameters it does not name match any value', () => {
    const bad = sandboxAnswer('updateShipmentStatus', {
      path: { orderId: '503-1234567-1234567' },
      query: {},
      body: { marketplaceId: '1', shipmentStatus: 'ReadyForPickup' },
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { errors: [{ message: 'Marketplace ID is not defined', details: '1001' }] },
    });
    const other = sandboxAnswer('updateShipmentStatus', {
      path: { orderId: '503-1234567-1234567' },
      query: {},
      body: { marketplaceId: 'A1VC38T7YXB528', shipmentStatus: 'ReadyForPickup' },
    });
    expect(other).toBeNull();
  });

  it('answers a 204 example with no body', () => {
    const f = SP_API_SANDBOX_FIXTURES.find((x) => x.operation === 'confirmShipment' && x.status === 204);
    const a = sandboxAnswer('confirmShipment', {
      path: { orderId: '902-1106328-1059050' },
      query: {},
      body: f?.parameters.body,
    });
    expect(a).toEqual({ status: 204, body: null });
  });

  it('keeps every example of the models that has parameters', () => {
    const count = (op: string) => SP_API_SANDBOX_FIXTURES.filter((f) => f.operation === op).length;
    expect([count('getOrders'), count('getOrder'), count('searchOrders'), count('getOrder20260101')]).toEqual(
      [4, 3, 4, 4],
    );
  });
});
