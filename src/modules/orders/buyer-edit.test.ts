import { describe, expect, it } from 'vitest';
import { applyQuantityChanges, buyerEditRefusal, type EditFacts, type PricedItem } from './buyer-edit.ts';

const placed = new Date('2026-05-01T10:00:00Z');
const base: EditFacts = {
  status: 'Unshipped',
  fulfillmentChannel: 'MFN',
  purchaseDate: placed,
  itemsShipped: 0,
};
const at = (minutes: number) => new Date(placed.getTime() + minutes * 60_000);

describe('ORD-5 buyer edit window', () => {
  it.each<[string, Partial<EditFacts>, number, string | null]>([
    ['inside the window', {}, 4.99, null],
    ['at the close', {}, 5, 'EDIT_WINDOW_CLOSED'],
    ['after the close', {}, 30, 'EDIT_WINDOW_CLOSED'],
    ['Pending orders can be edited too', { status: 'Pending' }, 1, null],
    ['marketplace-fulfilled', { fulfillmentChannel: 'AFN' }, 1, 'EDIT_NOT_ALLOWED_AFN'],
    ['shipped', { status: 'Shipped', itemsShipped: 1 }, 1, 'ORDER_ALREADY_SHIPPED'],
    ['cancelled', { status: 'Canceled' }, 1, 'ORDER_ALREADY_CANCELED'],
  ])('%s', (_name, patch, minutes, code) => {
    expect(buyerEditRefusal({ ...base, ...patch }, 5, at(minutes))?.code ?? null).toBe(code);
  });

  it('the window is the marketplace setting', () => {
    expect(buyerEditRefusal(base, 15, at(10))).toBeNull();
  });

  it('says when the window closed and what to do instead', () => {
    expect(buyerEditRefusal(base, 5, at(6))?.message).toMatch(/5 minutes.*10:05:00.*Cancel the order/);
  });
});

describe('ORD-5 quantity changes', () => {
  const item: PricedItem = {
    orderItemId: 'A',
    quantityOrdered: 2,
    unitPrice: 1000n,
    itemPrice: 2000n,
    shippingPrice: 500n,
    itemTax: 200n,
    shippingTax: 0n,
    promotionDiscount: 0n,
    shippingDiscount: 0n,
  };
  it.each<[number, bigint, bigint, bigint]>([
    // qty  itemPrice itemTax total
    [1, 1000n, 100n, 1600n],
    [3, 3000n, 300n, 3800n],
    [2, 2000n, 200n, 2700n],
  ])('quantity %i re-prices the item', (q, price, tax, total) => {
    const r = applyQuantityChanges([item], [{ orderItemId: 'A', quantity: q }]);
    if (!r.ok) throw new Error(r.refusal.message);
    expect([r.items[0]?.itemPrice, r.items[0]?.itemTax, r.total]).toEqual([price, tax, total]);
  });

  it.each([
    [{ orderItemId: 'B', quantity: 1 }, 'UNKNOWN_ORDER_ITEM'],
    [{ orderItemId: 'A', quantity: 0 }, 'INVALID_QUANTITY'],
    [{ orderItemId: 'A', quantity: 1.5 }, 'INVALID_QUANTITY'],
  ])('refuses %o', (change, code) => {
    const r = applyQuantityChanges([item], [change]);
    expect(r.ok ? null : r.refusal.code).toBe(code);
  });

  it('rounds a scaled tax half up and caps a promotion at the new price', () => {
    const r = applyQuantityChanges(
      [{ ...item, quantityOrdered: 3, itemPrice: 3000n, itemTax: 100n, promotionDiscount: 2500n }],
      [{ orderItemId: 'A', quantity: 2 }],
    );
    if (!r.ok) throw new Error('refused');
    expect(r.items[0]?.itemTax).toBe(67n); // 66.67 → 67
    expect(r.items[0]?.promotionDiscount).toBe(2000n);
  });
});
