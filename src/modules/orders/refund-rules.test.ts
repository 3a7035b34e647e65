import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RefundLine } from './orders.types.ts';
import {
  COMPONENTS,
  type ChargedItem,
  chargedOf,
  lineTotal,
  planRefund,
  planUndeliverableRefund,
  REFUND_REASONS,
  type RefundReason,
  type RefundRequestLine,
  refundableOf,
  refundStates,
  sumAmounts,
  toStoredLine,
} from './refund-rules.ts';

const format = (m: bigint) => `${m} JPY`;

// Item A: 2 × 1500, shipping 350, tax 300/35. Item B: 1 × 2000, promotion −200, no shipping.
const A: ChargedItem = {
  orderItemId: 'A',
  quantityOrdered: 2,
  quantityShipped: 1,
  quantityCanceled: 0,
  itemPrice: 3000n,
  shippingPrice: 350n,
  itemTax: 300n,
  shippingTax: 35n,
  promotionDiscount: 0n,
  shippingDiscount: 0n,
};
const B: ChargedItem = {
  orderItemId: 'B',
  quantityOrdered: 1,
  quantityShipped: 1,
  quantityCanceled: 0,
  itemPrice: 2000n,
  shippingPrice: 0n,
  itemTax: 0n,
  shippingTax: 0n,
  promotionDiscount: 200n,
  shippingDiscount: 0n,
};
const items = [A, B];
const charged = sumAmounts(chargedOf(A)) + sumAmounts(chargedOf(B)); // 3685 + 1800

const plan = (
  lines: RefundRequestLine[],
  reason: RefundReason = 'GeneralAdjustment',
  prior: RefundLine[] = [],
) => planRefund({ items, prior, lines, reason, charged, format });

describe('refund rules (ORD-12)', () => {
  it.each<
    [string, RefundRequestLine[], RefundReason, string | { total: bigint; canceled?: [string, number] }]
  >([
    [
      'a money-only adjustment of the item price',
      [{ orderItemId: 'A', itemPrice: 500n }],
      'PriceDiscrepancy',
      { total: 500n },
    ],
    [
      'one unit not shipped: its share of every component, and the unit is cancelled',
      [{ orderItemId: 'A', quantity: 1 }],
      'NoInventory',
      { total: 1842n, canceled: ['A', 1] }, // 1500 + 175 + 150 + 17
    ],
    [
      'the whole of item B after its discount',
      [{ orderItemId: 'B', quantity: 1 }],
      'CustomerReturn',
      { total: 1800n },
    ],
    [
      'shipping alone',
      [{ orderItemId: 'A', shippingPrice: 350n, shippingTax: 35n }],
      'ShippingCombined',
      { total: 385n },
    ],
    [
      'a unit with its shipping kept back',
      [{ orderItemId: 'A', quantity: 1, shippingPrice: 0n, shippingTax: 0n }],
      'CustomerReturn',
      { total: 1650n },
    ],
    [
      'more item price than charged',
      [{ orderItemId: 'B', itemPrice: 1801n }],
      'GeneralAdjustment',
      'REFUND_EXCEEDS_CHARGED',
    ],
    [
      'more units than ordered',
      [{ orderItemId: 'A', quantity: 3 }],
      'NoInventory',
      'REFUND_QUANTITY_EXCEEDS_ORDERED',
    ],
    [
      'returning a unit that never shipped',
      [{ orderItemId: 'A', quantity: 2 }],
      'CustomerReturn',
      'REFUND_RETURN_EXCEEDS_SHIPPED',
    ],
    ['an unknown item', [{ orderItemId: 'Z', itemPrice: 1n }], 'GeneralAdjustment', 'ORDER_ITEM_NOT_FOUND'],
    [
      'the same item twice',
      [
        { orderItemId: 'A', itemPrice: 1n },
        { orderItemId: 'A', itemPrice: 1n },
      ],
      'GeneralAdjustment',
      'DUPLICATE_REFUND_LINE',
    ],
    ['a negative amount', [{ orderItemId: 'A', itemPrice: -1n }], 'GeneralAdjustment', 'NEGATIVE_AMOUNT'],
    ['an empty line', [{ orderItemId: 'A' }], 'GeneralAdjustment', 'EMPTY_REFUND_LINE'],
    ['no lines', [], 'GeneralAdjustment', 'REFUND_HAS_NO_LINES'],
    ['a fractional quantity', [{ orderItemId: 'A', quantity: 0.5 }], 'NoInventory', 'INVALID_QUANTITY'],
  ])('%s', (_name, lines, reason, expected) => {
    const v = plan(lines, reason);
    if (typeof expected === 'string') {
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.refusal.code).toBe(expected);
      return;
    }
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.plan.total).toBe(expected.total);
    expect([...v.plan.canceledAfter]).toEqual(expected.canceled ? [expected.canceled] : []);
  });

  it('explains the refusal with what was charged and already refunded', () => {
    const prior = [
      toStoredLine({
        orderItemId: 'B',
        quantity: 0,
        amounts: { itemPrice: 800n, shippingPrice: 0n, itemTax: 0n, shippingTax: 0n },
      }),
    ];
    const v = plan([{ orderItemId: 'B', itemPrice: 1001n }], 'GeneralAdjustment', prior);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.refusal.message).toBe(
        'Item B: you can refund at most 1000 JPY of item price (1800 JPY charged, 800 JPY already refunded).',
      );
  });

  it('knows every reason code of ORD-12', () => {
    expect(REFUND_REASONS).toEqual(
      expect.arrayContaining([
        'NoInventory',
        'CouldNotShip',
        'CustomerReturn',
        'CustomerCancel',
        'GeneralAdjustment',
        'BuyerCanceled',
        'Undeliverable',
        'ShippingCombined',
      ]),
    );
  });

  it('refunds an undeliverable parcel less the actual shipping cost, shipping first', () => {
    const v = planUndeliverableRefund({
      items,
      prior: [],
      parcel: [
        { orderItemId: 'A', quantity: 2 },
        { orderItemId: 'B', quantity: 1 },
      ],
      actualShippingCost: 500n,
      charged,
      format,
    });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.plan.total).toBe(charged - 500n);
    const a = v.plan.lines.find((l) => l.orderItemId === 'A');
    // A's share of the 500 (3685 of 5485 → 336) comes out of its 350 shipping first.
    expect(a?.amounts.shippingPrice).toBe(14n);
    expect(a?.amounts.itemPrice).toBe(3000n);
  });

  it('refuses an undeliverable deduction as large as the refund', () => {
    const v = planUndeliverableRefund({
      items,
      prior: [],
      parcel: [{ orderItemId: 'B', quantity: 1 }],
      actualShippingCost: 1800n,
      charged,
      format,
    });
    expect(v.ok ? null : v.refusal.code).toBe('DEDUCTION_EXCEEDS_REFUND');
  });
});

// --- properties -----------------------------------------------------------------------------------

const itemArb = fc
  .record({
    quantityOrdered: fc.integer({ min: 1, max: 5 }),
    shippedRatio: fc.integer({ min: 0, max: 5 }),
    unit: fc.bigInt({ min: 0n, max: 100_000n }),
    shippingPrice: fc.bigInt({ min: 0n, max: 5_000n }),
    itemTax: fc.bigInt({ min: 0n, max: 10_000n }),
    shippingTax: fc.bigInt({ min: 0n, max: 500n }),
    promotionDiscount: fc.bigInt({ min: 0n, max: 20_000n }),
  })
  .map(
    (r): Omit<ChargedItem, 'orderItemId'> => ({
      quantityOrdered: r.quantityOrdered,
      quantityShipped: Math.min(r.shippedRatio, r.quantityOrdered),
      quantityCanceled: 0,
      itemPrice: r.unit * BigInt(r.quantityOrdered),
      shippingPrice: r.shippingPrice,
      itemTax: r.itemTax,
      shippingTax: r.shippingTax,
      promotionDiscount: r.promotionDiscount,
      shippingDiscount: 0n,
    }),
  );

const requestArb = (n: number) =>
  fc.record({
    item: fc.integer({ min: 0, max: n - 1 }),
    quantity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    itemPrice: fc.option(fc.bigInt({ min: -10n, max: 600_000n }), { nil: undefined }),
    shippingPrice: fc.option(fc.bigInt({ min: 0n, max: 6_000n }), { nil: undefined }),
    itemTax: fc.option(fc.bigInt({ min: 0n, max: 12_000n }), { nil: undefined }),
    shippingTax: fc.option(fc.bigInt({ min: 0n, max: 600n }), { nil: undefined }),
    reason: fc.constantFrom<RefundReason>('NoInventory', 'CustomerReturn', 'GeneralAdjustment'),
  });

const scenarioArb = fc.array(itemArb, { minLength: 1, maxLength: 4 }).chain((its) =>
  fc.record({
    items: fc.constant(its.map((i, k) => ({ ...i, orderItemId: `I${k}` }))),
    requests: fc.array(fc.array(requestArb(its.length), { minLength: 1, maxLength: 3 }), { maxLength: 12 }),
  }),
);

/** Applies a sequence of refund requests the way the service does; returns what was stored. */
function runSequence(scenario: {
  items: ChargedItem[];
  requests: {
    item: number;
    reason: RefundReason;
    quantity?: number;
    itemPrice?: bigint;
    shippingPrice?: bigint;
    itemTax?: bigint;
    shippingTax?: bigint;
  }[][];
}) {
  let current = scenario.items.map((i) => ({ ...i }));
  const charged = current.reduce((a, i) => a + sumAmounts(chargedOf(i)), 0n);
  const stored: RefundLine[] = [];
  for (const request of scenario.requests) {
    const reason = request[0]?.reason ?? 'GeneralAdjustment';
    const v = planRefund({
      items: current,
      prior: stored,
      reason,
      charged,
      format: String,
      lines: request.map((r) => ({
        orderItemId: `I${r.item}`,
        quantity: r.quantity,
        itemPrice: r.itemPrice,
        shippingPrice: r.shippingPrice,
        itemTax: r.itemTax,
        shippingTax: r.shippingTax,
      })),
    });
    if (!v.ok) continue;
    stored.push(...v.plan.lines.map(toStoredLine));
    current = current.map((i) => ({
      ...i,
      quantityCanceled: v.plan.canceledAfter.get(i.orderItemId) ?? i.quantityCanceled,
    }));
  }
  return { current, charged, stored };
}

describe('refund invariants (property-based)', () => {
  it('never refunds more than was charged, per component, per item and in total, whatever the sequence', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { current, charged, stored } = runSequence(scenario);
        const states = refundStates(current, stored);
        for (const s of states.values()) {
          for (const c of COMPONENTS) {
            expect(s.refunded[c]).toBeGreaterThanOrEqual(0n);
            expect(s.refunded[c]).toBeLessThanOrEqual(s.charged[c]);
          }
          expect(s.unitsRefunded).toBeLessThanOrEqual(s.item.quantityOrdered);
          expect(s.item.quantityCanceled).toBeLessThanOrEqual(
            s.item.quantityOrdered - s.item.quantityShipped,
          );
        }
        const refunded = stored.reduce((a, l) => a + lineTotal(l), 0n);
        expect(refunded).toBeLessThanOrEqual(charged);
        for (const l of stored) for (const c of COMPONENTS) expect(BigInt(l[c])).toBeGreaterThanOrEqual(0n);
      }),
      { numRuns: 300 },
    );
  });

  it('refunding every remaining unit gives back exactly what was left, with no rounding crumbs', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { current, charged, stored } = runSequence(scenario);
        const states = refundStates(current, stored);
        const lines = [...states.values()]
          .map((s) => ({ orderItemId: s.item.orderItemId, quantity: refundableOf(s).units }))
          .filter((l) => l.quantity > 0);
        if (lines.length === 0) return;
        const v = planRefund({
          items: current,
          prior: stored,
          lines,
          reason: 'GeneralAdjustment',
          charged,
          format: String,
        });
        const left = [...states.values()]
          .filter((s) => refundableOf(s).units > 0)
          .reduce((a, s) => a + refundableOf(s).total, 0n);
        if (left === 0n) {
          expect(v.ok ? null : v.refusal.code).toBe('REFUND_IS_ZERO');
          return;
        }
        expect(v.ok).toBe(true);
        if (v.ok) expect(v.plan.total).toBe(left);
      }),
      { numRuns: 300 },
    );
  });

  it('an undeliverable refund is what was left less the deduction, and never negative per component', () => {
    fc.assert(
      fc.property(scenarioArb, fc.bigInt({ min: 0n, max: 50_000n }), (scenario, cost) => {
        const { current, charged, stored } = runSequence(scenario);
        const parcel = current.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered }));
        const v = planUndeliverableRefund({
          items: current,
          prior: stored,
          parcel,
          actualShippingCost: cost,
          charged,
          format: String,
        });
        if (!v.ok) return;
        const refunded = stored.reduce((a, l) => a + lineTotal(l), 0n);
        expect(refunded + v.plan.total).toBeLessThanOrEqual(charged);
        for (const l of v.plan.lines)
          for (const c of COMPONENTS) expect(l.amounts[c]).toBeGreaterThanOrEqual(0n);
        expect(v.plan.lines.reduce((a, l) => a + sumAmounts(l.amounts), 0n)).toBe(v.plan.total);
        const all = refundStates(current, [...stored, ...v.plan.lines.map(toStoredLine)]);
        for (const s of all.values())
          for (const c of COMPONENTS) expect(s.refunded[c]).toBeLessThanOrEqual(s.charged[c]);
      }),
      { numRuns: 300 },
    );
  });
});
