import { useFormat } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge } from '../../ui/badge';
import { Panel } from '../../ui/panel';
import type { OrderDetail } from './order-types';

/** ORD-12: every refund with who, when, why and how much (less shipping kept for undeliverables). */
export function RefundsPanel({ order }: { order: OrderDetail }) {
  const { t, tCode } = useI18n();
  const format = useFormat();
  const refunds = order.refunds ?? [];
  if (refunds.length === 0) return null;
  const titles = new Map(order.items.map((item) => [item.orderItemId, item.title]));
  return (
    <Panel title={t('order.refunds.title')} testId="order-refunds">
      <ul className="refund-list">
        {refunds.map((r) => (
          <li key={r.id} className="refund" data-testid="refund" data-kind={r.kind}>
            <div className="refund-head">
              <strong className="nowrap" data-testid="refund-total">
                −{format.money(r.total)}
              </strong>
              <Badge tone="neutral">{tCode('reason', r.reason, r.reason)}</Badge>
              {r.kind !== 'refund' && <Badge tone="info">{tCode('refundKind', r.kind, r.kind)}</Badge>}
              <span className="muted refund-meta">
                {format.dateTime(r.createdAt)} · {tCode('actor', r.actor.split(':')[0] ?? r.actor, r.actor)}
              </span>
            </div>
            <ul className="refund-lines small">
              {r.lines.map((l) => (
                <li key={l.orderItemId}>
                  {titles.get(l.orderItemId) ?? l.orderItemId}
                  {l.quantity > 0 && <span className="muted"> × {format.number(l.quantity)}</span>}
                </li>
              ))}
            </ul>
            {Number(r.deductedShipping.amount) > 0 && (
              <p className="small muted">
                {t('order.refunds.deducted', { amount: format.money(r.deductedShipping) })}
              </p>
            )}
            {r.note && <p className="small">{r.note}</p>}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
