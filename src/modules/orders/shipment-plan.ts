// ORD-7: a shipment confirms quantities of items. It may not confirm more than remains unshipped,
// and the order becomes Shipped once nothing remains, PartiallyShipped otherwise.
import type { Refusal } from './order-lifecycle.ts';

export type ItemState = { orderItemId: string; quantityOrdered: number; quantityShipped: number };
export type ShipLine = { orderItemId: string; quantity: number };

export type ShipmentPlan = {
  lines: ShipLine[];
  /** New shipped quantity per item id. */
  shippedAfter: Map<string, number>;
  complete: boolean;
  itemsShipped: number;
  itemsUnshipped: number;
};

export function planShipment(
  items: readonly ItemState[],
  requested: readonly ShipLine[],
): { ok: true; plan: ShipmentPlan } | { ok: false; refusal: Refusal } {
  if (requested.length === 0) {
    return {
      ok: false,
      refusal: {
        code: 'SHIPMENT_HAS_NO_ITEMS',
        message: 'Choose at least one item and quantity to confirm.',
      },
    };
  }
  // The same item may appear twice in a request; add its quantities up.
  const wanted = new Map<string, number>();
  for (const line of requested) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      return {
        ok: false,
        refusal: {
          code: 'INVALID_QUANTITY',
          message: `Quantity for item ${line.orderItemId} must be a whole number above zero.`,
        },
      };
    }
    wanted.set(line.orderItemId, (wanted.get(line.orderItemId) ?? 0) + line.quantity);
  }
  const byId = new Map(items.map((i) => [i.orderItemId, i]));
  const shippedAfter = new Map(items.map((i) => [i.orderItemId, i.quantityShipped]));
  for (const [id, qty] of wanted) {
    const item = byId.get(id);
    if (!item) {
      return {
        ok: false,
        refusal: { code: 'ORDER_ITEM_NOT_FOUND', message: `Item ${id} is not part of this order.` },
      };
    }
    const remaining = item.quantityOrdered - item.quantityShipped;
    if (qty > remaining) {
      return {
        ok: false,
        refusal: {
          code: 'SHIP_QUANTITY_EXCEEDS_ORDERED',
          message: `Item ${id}: you confirmed ${qty} but only ${remaining} of ${item.quantityOrdered} remain to ship.`,
        },
      };
    }
    shippedAfter.set(id, item.quantityShipped + qty);
  }
  const itemsShipped = [...shippedAfter.values()].reduce((a, b) => a + b, 0);
  const itemsOrdered = items.reduce((a, i) => a + i.quantityOrdered, 0);
  return {
    ok: true,
    plan: {
      lines: [...wanted].map(([orderItemId, quantity]) => ({ orderItemId, quantity })),
      shippedAfter,
      complete: itemsShipped === itemsOrdered,
      itemsShipped,
      itemsUnshipped: itemsOrdered - itemsShipped,
    },
  };
}
