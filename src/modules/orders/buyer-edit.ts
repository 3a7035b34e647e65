// ORD-5: sellers never change price, quantity or address; the buyer may, on a seller-fulfilled
// order, within the marketplace's edit window after checkout. Pure rules: the refusal (with a
// sentence the buyer understands) and the re-priced items of a quantity change.
import type { Refusal } from './order-lifecycle.ts';
import type { OrderStatus } from './orders.types.ts';

export type EditFacts = {
  status: OrderStatus;
  fulfillmentChannel: 'MFN' | 'AFN';
  purchaseDate: Date;
  itemsShipped: number;
};

/** The moment the edit window closes. */
export function editWindowClosesAt(purchaseDate: Date, editWindowMinutes: number): Date {
  return new Date(purchaseDate.getTime() + editWindowMinutes * 60_000);
}

export function buyerEditRefusal(o: EditFacts, editWindowMinutes: number, now: Date): Refusal | null {
  if (o.fulfillmentChannel !== 'MFN') {
    return {
      code: 'EDIT_NOT_ALLOWED_AFN',
      message: 'Orders fulfilled by the marketplace cannot be changed here.',
    };
  }
  if (o.status === 'Canceled') return { code: 'ORDER_ALREADY_CANCELED', message: 'This order is cancelled.' };
  if (o.itemsShipped > 0 || !['Pending', 'PendingAvailability', 'Unshipped'].includes(o.status)) {
    return {
      code: 'ORDER_ALREADY_SHIPPED',
      message: 'This order has already shipped and can no longer be changed.',
    };
  }
  const closes = editWindowClosesAt(o.purchaseDate, editWindowMinutes);
  if (now >= closes) {
    return {
      code: 'EDIT_WINDOW_CLOSED',
      message: `Orders can be changed only within ${editWindowMinutes} minutes of checkout; this window closed at ${closes.toISOString()}. Cancel the order and place a new one instead.`,
    };
  }
  return null;
}

export type PricedItem = {
  orderItemId: string;
  quantityOrdered: number;
  unitPrice: bigint;
  itemPrice: bigint;
  shippingPrice: bigint;
  itemTax: bigint;
  shippingTax: bigint;
  promotionDiscount: bigint;
  shippingDiscount: bigint;
};

/**
 * New quantities: the item price follows the unit price; the item tax scales with the quantity
 * (rounded half up in minor units); a promotion never exceeds the new item price. Shipping stays as
 * charged at checkout (the storefront re-quotes shipping by sending a new order instead).
 */
export function applyQuantityChanges(
  items: PricedItem[],
  changes: { orderItemId: string; quantity: number }[],
): { ok: true; items: PricedItem[]; total: bigint; quantity: number } | { ok: false; refusal: Refusal } {
  const byId = new Map(items.map((i) => [i.orderItemId, i]));
  for (const c of changes) {
    if (!byId.has(c.orderItemId)) {
      return {
        ok: false,
        refusal: { code: 'UNKNOWN_ORDER_ITEM', message: `This order has no item ${c.orderItemId}.` },
      };
    }
    if (!Number.isInteger(c.quantity) || c.quantity < 1) {
      return {
        ok: false,
        refusal: {
          code: 'INVALID_QUANTITY',
          message: 'Quantities must be whole numbers of at least 1. To remove everything, cancel the order.',
        },
      };
    }
  }
  const next = items.map((i) => {
    const c = changes.find((x) => x.orderItemId === i.orderItemId);
    if (!c || c.quantity === i.quantityOrdered) return i;
    const q = BigInt(c.quantity);
    const itemPrice = i.unitPrice * q;
    const itemTax = (i.itemTax * q * 2n + BigInt(i.quantityOrdered)) / (2n * BigInt(i.quantityOrdered));
    return {
      ...i,
      quantityOrdered: c.quantity,
      itemPrice,
      itemTax,
      promotionDiscount: i.promotionDiscount > itemPrice ? itemPrice : i.promotionDiscount,
    };
  });
  const total = next.reduce(
    (a, i) =>
      a +
      i.itemPrice +
      i.shippingPrice +
      i.itemTax +
      i.shippingTax -
      i.promotionDiscount -
      i.shippingDiscount,
    0n,
  );
  return { ok: true, items: next, total, quantity: next.reduce((a, i) => a + i.quantityOrdered, 0) };
}
