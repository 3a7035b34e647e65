// ORD-10: orders of one buyer to one address may ship in one parcel. Each order is still
// confirmed on its own (same tracking number), and the shipping saved is refunded per order: the
// order with the highest shipping keeps its shipping, every other order gets its shipping back.
// Pure: takes the facts, returns verdicts and plans.
import type { Refusal } from './order-lifecycle.ts';
import type { PostalAddress } from './orders.types.ts';
import {
  type ChargedItem,
  type PlannedLine,
  refundableOf,
  refundStates,
  zeroAmounts,
} from './refund-rules.ts';
import type { RefundLine } from './orders.types.ts';

/** Whitespace collapsed, trimmed, case folded and Unicode-normalised (full-width digits too). */
export function normaliseText(v: string | null | undefined): string {
  return (v ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Same parcel destination: name, address lines, city, postal code and country (ORD-10). */
export function sameAddress(a: PostalAddress, b: PostalAddress): boolean {
  const key = (x: PostalAddress) =>
    [
      x.name,
      x.addressLine1,
      x.addressLine2,
      x.addressLine3,
      x.city,
      // Postal codes differ only in spacing/hyphen style ("150-0002" vs "1500002").
      (x.postalCode ?? '').replace(/[\s-]/g, ''),
      x.countryCode,
    ].map(normaliseText);
  const ka = key(a);
  const kb = key(b);
  return ka.every((v, i) => v === kb[i]);
}

export function sameBuyer(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export type CombinableOrder = {
  amazonOrderId: string;
  buyerEmail: string;
  shippingAddress: PostalAddress;
  /** Why this order cannot be shipped now (shipmentRefusal), or null. */
  shipRefusal: Refusal | null;
};

/** Why these orders cannot go in one parcel, or null when they can. */
export function combinationRefusal(orders: readonly CombinableOrder[]): Refusal | null {
  if (orders.length < 2) {
    return {
      code: 'COMBINED_NEEDS_TWO_ORDERS',
      message: 'A combined shipment needs at least two different orders.',
    };
  }
  const ids = new Set(orders.map((o) => o.amazonOrderId));
  if (ids.size !== orders.length) {
    return {
      code: 'COMBINED_DUPLICATE_ORDER',
      message: 'The same order appears twice in the combined shipment.',
    };
  }
  for (const o of orders) {
    if (o.shipRefusal) {
      return {
        code: o.shipRefusal.code,
        message: `Order ${o.amazonOrderId} cannot be shipped: ${o.shipRefusal.message}`,
      };
    }
  }
  const [first, ...rest] = orders as [CombinableOrder, ...CombinableOrder[]];
  for (const o of rest) {
    if (!sameBuyer(o.buyerEmail, first.buyerEmail)) {
      return {
        code: 'COMBINED_DIFFERENT_BUYERS',
        message: `Orders ${first.amazonOrderId} and ${o.amazonOrderId} were placed by different buyers; only one buyer's orders can share a parcel.`,
      };
    }
    if (!sameAddress(o.shippingAddress, first.shippingAddress)) {
      return {
        code: 'COMBINED_DIFFERENT_ADDRESSES',
        message: `Orders ${first.amazonOrderId} and ${o.amazonOrderId} go to different addresses; only orders to the same address can share a parcel.`,
      };
    }
  }
  return null;
}

export type OrderShippingFacts = {
  amazonOrderId: string;
  items: readonly ChargedItem[];
  prior: readonly RefundLine[];
};

/** The shipping (and its tax) of an order still refundable: what a combined parcel saves. */
function shippingLines(o: OrderShippingFacts): PlannedLine[] {
  const lines: PlannedLine[] = [];
  for (const s of refundStates(o.items, o.prior).values()) {
    const r = refundableOf(s);
    if (r.shippingPrice + r.shippingTax === 0n) continue;
    lines.push({
      orderItemId: s.item.orderItemId,
      quantity: 0,
      amounts: { ...zeroAmounts(), shippingPrice: r.shippingPrice, shippingTax: r.shippingTax },
    });
  }
  return lines;
}

const lineShipping = (lines: PlannedLine[]) =>
  lines.reduce((a, l) => a + l.amounts.shippingPrice + l.amounts.shippingTax, 0n);

/**
 * ORD-10: which order keeps its shipping (the highest; the first listed on a tie) and the
 * shipping refund lines of every other order (orders with no shipping left get none).
 */
export function planCombinedShippingRefunds(orders: readonly OrderShippingFacts[]): {
  keeper: string;
  refunds: { amazonOrderId: string; lines: PlannedLine[]; total: bigint }[];
} {
  const withLines = orders.map((o) => {
    const lines = shippingLines(o);
    return { amazonOrderId: o.amazonOrderId, lines, total: lineShipping(lines) };
  });
  let keeper = withLines[0];
  for (const o of withLines) if (keeper && o.total > keeper.total) keeper = o;
  return {
    keeper: keeper?.amazonOrderId ?? '',
    refunds: withLines.filter((o) => o !== keeper && o.total > 0n),
  };
}
