import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planShipment } from './shipment-plan.ts';

const items = [
  { orderItemId: 'A', quantityOrdered: 2, quantityShipped: 0 },
  { orderItemId: 'B', quantityOrdered: 1, quantityShipped: 0 },
];

describe('shipment plan (ORD-7)', () => {
  it.each([
    [
      'everything',
      [
        { orderItemId: 'A', quantity: 2 },
        { orderItemId: 'B', quantity: 1 },
      ],
      'complete',
    ],
    ['part of one item', [{ orderItemId: 'A', quantity: 1 }], 'partial'],
    [
      'one item twice adds up',
      [
        { orderItemId: 'A', quantity: 1 },
        { orderItemId: 'A', quantity: 1 },
      ],
      'partial',
    ],
    ['more than ordered', [{ orderItemId: 'A', quantity: 3 }], 'SHIP_QUANTITY_EXCEEDS_ORDERED'],
    [
      'twice adding past ordered',
      [
        { orderItemId: 'B', quantity: 1 },
        { orderItemId: 'B', quantity: 1 },
      ],
      'SHIP_QUANTITY_EXCEEDS_ORDERED',
    ],
    ['an unknown item', [{ orderItemId: 'Z', quantity: 1 }], 'ORDER_ITEM_NOT_FOUND'],
    ['zero', [{ orderItemId: 'A', quantity: 0 }], 'INVALID_QUANTITY'],
    ['negative', [{ orderItemId: 'A', quantity: -1 }], 'INVALID_QUANTITY'],
    ['nothing', [], 'SHIPMENT_HAS_NO_ITEMS'],
  ])('%s', (_n, lines, expected) => {
    const r = planShipment(items, lines);
    expect(r.ok ? (r.plan.complete ? 'complete' : 'partial') : r.refusal.code).toBe(expected);
  });

  it('never ships more than ordered, and counts add up', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ ordered: fc.integer({ min: 1, max: 5 }), shipped: fc.integer({ min: 0, max: 5 }) }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(fc.record({ idx: fc.nat(3), quantity: fc.integer({ min: -1, max: 6 }) }), { maxLength: 6 }),
        (spec, reqs) => {
          const its = spec.map((s, i) => ({
            orderItemId: `I${i}`,
            quantityOrdered: s.ordered,
            quantityShipped: Math.min(s.shipped, s.ordered),
          }));
          const r = planShipment(
            its,
            reqs.map((q) => ({ orderItemId: `I${q.idx}`, quantity: q.quantity })),
          );
          if (!r.ok) return;
          for (const it of its)
            expect(r.plan.shippedAfter.get(it.orderItemId)).toBeLessThanOrEqual(it.quantityOrdered);
          const ordered = its.reduce((a, i) => a + i.quantityOrdered, 0);
          expect(r.plan.itemsShipped + r.plan.itemsUnshipped).toBe(ordered);
          expect(r.plan.complete).toBe(r.plan.itemsUnshipped === 0);
        },
      ),
    );
  });
});
