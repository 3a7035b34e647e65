import { describe, expect, it } from 'vitest';
import {
  type CombinableOrder,
  combinationRefusal,
  planCombinedShippingRefunds,
  sameAddress,
} from './combined-shipping.ts';
import type { PostalAddress } from './orders.types.ts';
import type { ChargedItem } from './refund-rules.ts';

const home: PostalAddress = {
  name: '山田 太郎',
  addressLine1: '1-2-3 Shibuya',
  city: 'Shibuya-ku',
  postalCode: '150-0002',
  countryCode: 'JP',
};

const order = (id: string, over: Partial<CombinableOrder> = {}): CombinableOrder => ({
  amazonOrderId: id,
  buyerEmail: 'taro@example.com',
  shippingAddress: home,
  shipRefusal: null,
  ...over,
});

const item = (id: string, shipping: bigint, shippingTax = 0n): ChargedItem => ({
  orderItemId: id,
  quantityOrdered: 1,
  quantityShipped: 0,
  quantityCanceled: 0,
  itemPrice: 1000n,
  shippingPrice: shipping,
  itemTax: 0n,
  shippingTax,
  promotionDiscount: 0n,
  shippingDiscount: 0n,
});

describe('combined shipment (ORD-10)', () => {
  it.each<[string, Partial<PostalAddress>, boolean]>([
    ['the same address', {}, true],
    ['spacing and case differences', { addressLine1: '  1-2-3   SHIBUYA ', city: 'shibuya-ku' }, true],
    [
      'full-width digits and another postal code style',
      { addressLine1: '１-２-３ Shibuya', postalCode: '1500002' },
      true,
    ],
    ['another street', { addressLine1: '4-5-6 Shibuya' }, false],
    ['another recipient', { name: '山田 花子' }, false],
    ['another postal code', { postalCode: '150-0003' }, false],
    ['another country', { countryCode: 'IT' }, false],
  ])('compares addresses: %s', (_n, change, same) => {
    expect(sameAddress(home, { ...home, ...change })).toBe(same);
  });

  it.each<[string, CombinableOrder[], string | null]>([
    ['one buyer, one address', [order('1'), order('2', { buyerEmail: 'TARO@example.com ' })], null],
    ['a single order', [order('1')], 'COMBINED_NEEDS_TWO_ORDERS'],
    ['the same order twice', [order('1'), order('1')], 'COMBINED_DUPLICATE_ORDER'],
    [
      'two buyers',
      [order('1'), order('2', { buyerEmail: 'hanako@example.com' })],
      'COMBINED_DIFFERENT_BUYERS',
    ],
    [
      'two addresses',
      [order('1'), order('2', { shippingAddress: { ...home, city: 'Minato-ku' } })],
      'COMBINED_DIFFERENT_ADDRESSES',
    ],
    [
      'a Pending order',
      [order('1'), order('2', { shipRefusal: { code: 'ORDER_NOT_SHIPPABLE_PENDING', message: 'Pending.' } })],
      'ORDER_NOT_SHIPPABLE_PENDING',
    ],
  ])('%s', (_n, orders, code) => {
    expect(combinationRefusal(orders)?.code ?? null).toBe(code);
  });

  it('keeps the highest shipping and refunds the shipping of every other order', () => {
    const plan = planCombinedShippingRefunds([
      { amazonOrderId: 'cheap', items: [item('a', 300n, 30n)], prior: [] },
      { amazonOrderId: 'dear', items: [item('b', 500n), item('c', 200n)], prior: [] },
      { amazonOrderId: 'free', items: [item('d', 0n)], prior: [] },
    ]);
    expect(plan.keeper).toBe('dear');
    expect(plan.refunds).toEqual([
      {
        amazonOrderId: 'cheap',
        total: 330n,
        lines: [
          {
            orderItemId: 'a',
            quantity: 0,
            amounts: { itemPrice: 0n, shippingPrice: 300n, itemTax: 0n, shippingTax: 30n },
          },
        ],
      },
    ]);
  });

  it('keeps the first order on a tie and never refunds shipping already refunded', () => {
    const plan = planCombinedShippingRefunds([
      { amazonOrderId: 'x', items: [item('a', 400n)], prior: [] },
      {
        amazonOrderId: 'y',
        items: [item('b', 400n)],
        prior: [
          {
            orderItemId: 'b',
            quantity: 0,
            itemPrice: '0',
            shippingPrice: '150',
            itemTax: '0',
            shippingTax: '0',
          },
        ],
      },
      { amazonOrderId: 'z', items: [item('c', 400n)], prior: [] },
    ]);
    expect(plan.keeper).toBe('x');
    expect(plan.refunds.map((r) => [r.amazonOrderId, r.total])).toEqual([
      ['y', 250n],
      ['z', 400n],
    ]);
  });
});
