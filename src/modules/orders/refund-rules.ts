// ORD-12: refunds and adjustments at item level. Pure: takes what was charged per item and what
// was refunded so far, returns a plan or a refusal (stable code + a sentence a seller
// understands). The invariant, checked by property tests: whatever the sequence of refunds,
// no component of any item and no order total is ever refunded beyond what the buyer paid.
import { splitByWeights } from '../../platform/money.ts';
import type { Refusal } from './order-lifecycle.ts';
import type { RefundLine } from './orders.types.ts';

/**
 * ORD-12 reason codes (SP-API OrderAdjustment `AdjustmentReason` vocabulary). Two are Mercato's:
 * `Undeliverable` (ORD-12 return of an undeliverable parcel, also an Amazon adjustment reason)
 * and `ShippingCombined` (ORD-10: the shipping saved by a combined shipment).
 */
export const REFUND_REASONS = [
  'NoInventory',
  'CouldNotShip',
  'CustomerReturn',
  'CustomerCancel',
  'GeneralAdjustment',
  'BuyerCanceled',
  'ShippingAddressUndeliverable',
  'PriceDiscrepancy',
  'CarrierCreditDecision',
  'RiskAssessmentInformationNotValid',
  'CarrierCoverageFailure',
  'TransactionRecord',
  'Undeliverable',
  'ShippingCombined',
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export function isRefundReason(v: string): v is RefundReason {
  return (REFUND_REASONS as readonly string[]).includes(v);
}

/**
 * Reasons whose refunded units were shipped and came back: they are not cancelled units. Every
 * other reason refunds units that have not shipped first (they will never ship: quantity_canceled).
 */
const RETURN_REASONS: ReadonlySet<RefundReason> = new Set(['CustomerReturn', 'Undeliverable']);

export const COMPONENTS = ['itemPrice', 'shippingPrice', 'itemTax', 'shippingTax'] as const;
export type Component = (typeof COMPONENTS)[number];
export type Amounts = Record<Component, bigint>;

const COMPONENT_WORDS: Record<Component, string> = {
  itemPrice: 'item price',
  shippingPrice: 'shipping',
  itemTax: 'item tax',
  shippingTax: 'shipping tax',
};

export const zeroAmounts = (): Amounts => ({
  itemPrice: 0n,
  shippingPrice: 0n,
  itemTax: 0n,
  shippingTax: 0n,
});
export const sumAmounts = (a: Amounts): bigint => a.itemPrice + a.shippingPrice + a.itemTax + a.shippingTax;

/** What the refund rules need of an order item (a row of order_items fits). */
export type ChargedItem = {
  orderItemId: string;
  quantityOrdered: number;
  quantityShipped: number;
  quantityCanceled: number;
  itemPrice: bigint;
  shippingPrice: bigint;
  itemTax: bigint;
  shippingTax: bigint;
  promotionDiscount: bigint;
  shippingDiscount: bigint;
};

/** What the buyer paid per component: discounts come off the price they reduce (never below 0). */
export function chargedOf(i: ChargedItem): Amounts {
  const net = (a: bigint, d: bigint) => (a > d ? a - d : 0n);
  return {
    itemPrice: net(i.itemPrice, i.promotionDiscount),
    shippingPrice: net(i.shippingPrice, i.shippingDiscount),
    itemTax: i.itemTax,
    shippingTax: i.shippingTax,
  };
}

export type ItemRefundState = {
  item: ChargedItem;
  charged: Amounts;
  refunded: Amounts;
  /** Units refunded so far (quantity refunds; money-only adjustments refund 0 units). */
  unitsRefunded: number;
};

/** Per item: what was charged and what earlier refunds (their stored lines) gave back. */
export function refundStates(items: readonly ChargedItem[], prior: readonly RefundLine[]) {
  const states = new Map<string, ItemRefundState>(
    items.map((item) => [
      item.orderItemId,
      { item, charged: chargedOf(item), refunded: zeroAmounts(), unitsRefunded: 0 },
    ]),
  );
  for (const line of prior) {
    const s = states.get(line.orderItemId);
    if (!s) continue;
    for (const c of COMPONENTS) s.refunded[c] += BigInt(line[c]);
    s.unitsRefunded += line.quantity;
  }
  return states;
}

export type Refundable = Amounts & { total: bigint; units: number };

/** What can still be refunded of an item, per component, in total and in units. */
export function refundableOf(s: ItemRefundState): Refundable {
  const left = zeroAmounts();
  for (const c of COMPONENTS) {
    const r = s.charged[c] - s.refunded[c];
    left[c] = r > 0n ? r : 0n;
  }
  return { ...left, total: sumAmounts(left), units: Math.max(0, s.item.quantityOrdered - s.unitsRefunded) };
}

/**
 * The share of `units` of the item's refundable units, per component. Proportional to what is
 * left, and exactly what is left when the last units are refunded, so refunding every unit one
 * by one gives back exactly what was paid (no rounding crumbs left or overpaid).
 */
export function unitShare(r: Refundable, units: number): Amounts {
  const out = zeroAmounts();
  if (units <= 0 || r.units <= 0) return out;
  for (const c of COMPONENTS) {
    out[c] = units >= r.units ? r[c] : (r[c] * BigInt(units)) / BigInt(r.units);
  }
  return out;
}

/** A requested line: amounts in minor units; a missing amount is the units' share (or 0). */
export type RefundRequestLine = {
  orderItemId: string;
  quantity?: number;
  itemPrice?: bigint;
  shippingPrice?: bigint;
  itemTax?: bigint;
  shippingTax?: bigint;
};

export type PlannedLine = { orderItemId: string; quantity: number; amounts: Amounts };

export type RefundPlan = {
  lines: PlannedLine[];
  total: bigint;
  /** New order_items.quantity_canceled per item whose unshipped units this refund cancels. */
  canceledAfter: Map<string, number>;
  /** Units cancelled by this refund (they leave NumberOfItemsUnshipped). */
  unitsCanceled: number;
};

export type RefundVerdict = { ok: true; plan: RefundPlan } | { ok: false; refusal: Refusal };

const refuse = (code: string, message: string): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: { code, message },
});

/**
 * ORD-12: plans a refund. `charged` is the order's one capture (ORD-7); `prior` the stored lines
 * of every earlier refund of the order. `format` renders minor units in the order's currency for
 * messages.
 */
export function planRefund(input: {
  items: readonly ChargedItem[];
  prior: readonly RefundLine[];
  lines: readonly RefundRequestLine[];
  reason: RefundReason;
  charged: bigint;
  format: (minor: bigint) => string;
}): RefundVerdict {
  const { format } = input;
  if (input.lines.length === 0) {
    return refuse('REFUND_HAS_NO_LINES', 'Choose at least one item and an amount or quantity to refund.');
  }
  const states = refundStates(input.items, input.prior);
  const seen = new Set<string>();
  const lines: PlannedLine[] = [];
  const canceledAfter = new Map<string, number>();
  let unitsCanceled = 0;
  for (const req of input.lines) {
    const id = req.orderItemId;
    const s = states.get(id);
    if (!s) return refuse('ORDER_ITEM_NOT_FOUND', `Item ${id} is not part of this order.`);
    if (seen.has(id)) {
      return refuse(
        'DUPLICATE_REFUND_LINE',
        `Item ${id} appears twice in this refund: put its amounts on one line.`,
      );
    }
    seen.add(id);
    const units = req.quantity ?? 0;
    if (!Number.isInteger(units) || units < 0) {
      return refuse('INVALID_QUANTITY', `Item ${id}: the quantity must be a whole number, 0 or more.`);
    }
    const r = refundableOf(s);
    if (units > r.units) {
      return refuse(
        'REFUND_QUANTITY_EXCEEDS_ORDERED',
        r.units === 0
          ? `Item ${id}: every unit has already been refunded.`
          : `Item ${id}: you asked to refund ${units} units but only ${r.units} of ${s.item.quantityOrdered} can still be refunded.`,
      );
    }
    const isReturn = RETURN_REASONS.has(input.reason);
    const open = s.item.quantityOrdered - s.item.quantityShipped - s.item.quantityCanceled;
    if (isReturn) {
      // Returned units are shipped units that have not been refunded yet.
      const refundedShipped = Math.max(0, s.unitsRefunded - s.item.quantityCanceled);
      const returnable = Math.max(0, s.item.quantityShipped - refundedShipped);
      if (units > returnable) {
        return refuse(
          'REFUND_RETURN_EXCEEDS_SHIPPED',
          `Item ${id}: only ${returnable} shipped unit(s) can be refunded as returned; units that never shipped are refunded with another reason (for example NoInventory).`,
        );
      }
    } else if (units > 0 && open > 0) {
      const cancel = Math.min(units, open);
      canceledAfter.set(id, s.item.quantityCanceled + cancel);
      unitsCanceled += cancel;
    }
    const share = unitShare(r, units);
    const amounts = zeroAmounts();
    for (const c of COMPONENTS) {
      const asked = req[c];
      if (asked === undefined) {
        amounts[c] = share[c];
        continue;
      }
      if (asked < 0n) {
        return refuse(
          'NEGATIVE_AMOUNT',
          `Item ${id}: the ${COMPONENT_WORDS[c]} to refund cannot be negative.`,
        );
      }
      if (asked > r[c]) {
        return refuse(
          'REFUND_EXCEEDS_CHARGED',
          `Item ${id}: you can refund at most ${format(r[c])} of ${COMPONENT_WORDS[c]} (${format(s.charged[c])} charged, ${format(s.refunded[c])} already refunded).`,
        );
      }
      amounts[c] = asked;
    }
    if (units === 0 && sumAmounts(amounts) === 0n) {
      return refuse(
        'EMPTY_REFUND_LINE',
        `Item ${id}: give a quantity or an amount to refund (everything on this line is zero).`,
      );
    }
    lines.push({ orderItemId: id, quantity: units, amounts });
  }
  const total = lines.reduce((a, l) => a + sumAmounts(l.amounts), 0n);
  if (total === 0n) {
    return refuse('REFUND_IS_ZERO', 'This refund gives nothing back: enter an amount above zero.');
  }
  const refundedBefore = input.prior.reduce((a, l) => a + lineTotal(l), 0n);
  const left = input.charged - refundedBefore;
  if (total > left) {
    // Belt and braces: the per-component checks already keep the total within the charge, unless
    // the items no longer add up to the capture.
    return refuse(
      'REFUND_EXCEEDS_CHARGED',
      `You can refund at most ${format(left > 0n ? left : 0n)} more on this order (${format(input.charged)} charged, ${format(refundedBefore)} already refunded).`,
    );
  }
  return { ok: true, plan: { lines, total, canceledAfter, unitsCanceled } };
}

/**
 * ORD-12 undeliverable returns: everything still refundable for the parcel's units, less the
 * actual shipping cost. The deduction is spread over the lines in proportion to their totals and,
 * inside a line, taken from shipping first (it is the shipping the seller paid for), then the
 * item price and taxes. The result never exceeds what was refundable.
 */
export function planUndeliverableRefund(input: {
  items: readonly ChargedItem[];
  prior: readonly RefundLine[];
  /** Units that travelled in the returned parcel, per item. */
  parcel: readonly { orderItemId: string; quantity: number }[];
  actualShippingCost: bigint;
  charged: bigint;
  format: (minor: bigint) => string;
}): RefundVerdict & { deducted?: bigint } {
  const { format } = input;
  if (input.actualShippingCost < 0n) {
    return refuse('NEGATIVE_AMOUNT', 'The actual shipping cost cannot be negative.');
  }
  const states = refundStates(input.items, input.prior);
  const full: PlannedLine[] = [];
  for (const p of input.parcel) {
    const s = states.get(p.orderItemId);
    if (!s) continue;
    const r = refundableOf(s);
    const units = Math.min(p.quantity, r.units);
    const amounts = unitShare(r, units);
    if (units > 0 || sumAmounts(amounts) > 0n)
      full.push({ orderItemId: p.orderItemId, quantity: units, amounts });
  }
  const gross = full.reduce((a, l) => a + sumAmounts(l.amounts), 0n);
  if (gross === 0n) {
    return refuse('NOTHING_TO_REFUND', 'Everything charged for this parcel has already been refunded.');
  }
  if (input.actualShippingCost >= gross) {
    return refuse(
      'DEDUCTION_EXCEEDS_REFUND',
      `The actual shipping cost (${format(input.actualShippingCost)}) is not less than what remains to refund for this parcel (${format(gross)}), so nothing would be refunded.`,
    );
  }
  const parts = splitByWeights(
    input.actualShippingCost,
    full.map((l) => sumAmounts(l.amounts)),
  );
  const lines = full.map((l, i) => {
    let left = parts[i] ?? 0n;
    const amounts = { ...l.amounts };
    for (const c of ['shippingPrice', 'shippingTax', 'itemPrice', 'itemTax'] as const) {
      const take = left < amounts[c] ? left : amounts[c];
      amounts[c] -= take;
      left -= take;
    }
    return { ...l, amounts };
  });
  const total = gross - input.actualShippingCost;
  const refundedBefore = input.prior.reduce((a, l) => a + lineTotal(l), 0n);
  if (total > input.charged - refundedBefore) {
    return refuse('REFUND_EXCEEDS_CHARGED', 'This refund would give back more than the buyer was charged.');
  }
  return {
    ok: true,
    plan: { lines, total, canceledAfter: new Map(), unitsCanceled: 0 },
    deducted: input.actualShippingCost,
  };
}

/** A stored line's total in minor units. */
export function lineTotal(l: RefundLine): bigint {
  return BigInt(l.itemPrice) + BigInt(l.shippingPrice) + BigInt(l.itemTax) + BigInt(l.shippingTax);
}

/** The stored (jsonb) form of a planned line: minor units as strings. */
export function toStoredLine(l: PlannedLine): RefundLine {
  return {
    orderItemId: l.orderItemId,
    quantity: l.quantity,
    itemPrice: l.amounts.itemPrice.toString(),
    shippingPrice: l.amounts.shippingPrice.toString(),
    itemTax: l.amounts.itemTax.toString(),
    shippingTax: l.amounts.shippingTax.toString(),
  };
}
