// The web API's shape of refunds (ORD-4: order detail shows refunds; ORD-12: who, when, why) and
// of what each item can still refund. Pure presenters over rows.
import { formatAmount } from '../../platform/money.ts';
import type { RefundKind, RefundLine } from './orders.types.ts';
import { type ChargedItem, refundableOf, refundStates } from './refund-rules.ts';

const money = (minor: bigint, currency: string) => ({
  amount: formatAmount(minor, currency),
  currencyCode: currency,
});

export type RefundFacts = {
  id: string;
  reason: string;
  kind: RefundKind;
  total: bigint;
  currency: string;
  lines: RefundLine[];
  deductedShipping: bigint;
  note: string | null;
  source: string;
  actor: string;
  createdAt: Date;
};

export function refundView(r: RefundFacts) {
  const m = (s: string) => money(BigInt(s), r.currency);
  return {
    id: r.id,
    reason: r.reason,
    kind: r.kind,
    total: money(r.total, r.currency),
    lines: r.lines.map((l) => ({
      orderItemId: l.orderItemId,
      quantity: l.quantity,
      itemPrice: m(l.itemPrice),
      shippingPrice: m(l.shippingPrice),
      itemTax: m(l.itemTax),
      shippingTax: m(l.shippingTax),
    })),
    deductedShipping: money(r.deductedShipping, r.currency),
    note: r.note,
    source: r.source,
    actor: r.actor,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * Per item: what can still be refunded (nothing before the capture: ORD-7 charges on the first
 * confirmation) and the units that will never ship.
 */
export function itemRefundables(
  items: readonly ChargedItem[],
  refunds: readonly Pick<RefundFacts, 'lines'>[],
  charged: boolean,
  currency: string,
) {
  const states = refundStates(
    items,
    refunds.flatMap((r) => r.lines),
  );
  return new Map(
    items.map((i) => {
      const s = states.get(i.orderItemId);
      const r = s && charged ? refundableOf(s) : null;
      const z = 0n;
      return [
        i.orderItemId,
        {
          quantityCanceled: i.quantityCanceled,
          refundable: {
            quantity: r?.units ?? 0,
            itemPrice: money(r?.itemPrice ?? z, currency),
            shippingPrice: money(r?.shippingPrice ?? z, currency),
            itemTax: money(r?.itemTax ?? z, currency),
            shippingTax: money(r?.shippingTax ?? z, currency),
            total: money(r?.total ?? z, currency),
          },
        },
      ] as const;
    }),
  );
}
