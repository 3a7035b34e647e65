import { describe, expect, it } from 'vitest';
import { actionsDocument, schemaDocument, singleMarketplaceId } from './sp-api-hal.ts';

describe('SP-API HAL documents (Messaging v1 / Solicitations v1)', () => {
  it('lists each action in _links.actions and _embedded.actions with self and schema links, as the model example', () => {
    const doc = actionsDocument({
      api: '/messaging/v1',
      segment: 'messages',
      amazonOrderId: '903-1671087-0812628',
      marketplaceId: 'ATVPDKIKX0DER',
      names: ['confirmOrderDetails', 'unexpectedProblem'],
    });
    expect(doc._links.self).toEqual({
      href: '/messaging/v1/orders/903-1671087-0812628?marketplaceIds=ATVPDKIKX0DER',
    });
    expect(doc._links.actions).toEqual([
      {
        href: '/messaging/v1/orders/903-1671087-0812628/messages/confirmOrderDetails?marketplaceIds=ATVPDKIKX0DER',
        name: 'confirmOrderDetails',
      },
      {
        href: '/messaging/v1/orders/903-1671087-0812628/messages/unexpectedProblem?marketplaceIds=ATVPDKIKX0DER',
        name: 'unexpectedProblem',
      },
    ]);
    expect(doc._embedded.actions[1]).toEqual({
      _links: {
        self: {
          href: '/messaging/v1/orders/903-1671087-0812628/messages/unexpectedProblem?marketplaceIds=ATVPDKIKX0DER',
          name: 'unexpectedProblem',
        },
        schema: {
          href: '/messaging/v1/orders/903-1671087-0812628/messages/unexpectedProblem/schema',
          name: 'unexpectedProblem',
        },
      },
      payload: { name: 'unexpectedProblem' },
    });
  });

  it('has empty action lists when nothing is available (the links stay required)', () => {
    const doc = actionsDocument({
      api: '/solicitations/v1',
      segment: 'solicitations',
      amazonOrderId: '503-1234567-1234567',
      marketplaceId: 'A1VC38T7YXB528',
      names: [],
    });
    expect(doc).toEqual({
      _links: {
        self: { href: '/solicitations/v1/orders/503-1234567-1234567?marketplaceIds=A1VC38T7YXB528' },
        actions: [],
      },
      _embedded: { actions: [] },
    });
  });

  it('wraps a JSON schema as GetSchemaResponse', () => {
    expect(schemaDocument('/x/schema', { type: 'object' })).toEqual({
      _links: { self: { href: '/x/schema' } },
      payload: { type: 'object' },
    });
  });

  it.each([
    [undefined, 'marketplaceIds is required.'],
    [[''], 'marketplaceIds is required.'],
    [['A,B'], 'marketplaceIds takes exactly one marketplace.'],
    [['A', 'B'], 'marketplaceIds takes exactly one marketplace.'],
    [[' A1VC38T7YXB528 '], null],
  ] as const)('marketplaceIds %j → %s', (values, message) => {
    const r = singleMarketplaceId(values as string[] | undefined);
    expect(r.ok ? null : r.message).toBe(message);
    if (r.ok) expect(r.marketplaceId).toBe('A1VC38T7YXB528');
  });
});
