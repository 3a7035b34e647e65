import { Link, withQuery } from '../../app/router';
import type { MessageKey } from '../../i18n/en';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import type { CountedStatus } from '../orders/order-types';

const cards: Array<{ status: CountedStatus; hint: MessageKey }> = [
  { status: 'Pending', hint: 'home.hint.Pending' },
  { status: 'Unshipped', hint: 'home.hint.Unshipped' },
  { status: 'PartiallyShipped', hint: 'home.hint.PartiallyShipped' },
  { status: 'Shipped', hint: 'home.hint.Shipped' },
  { status: 'Canceled', hint: 'home.hint.Canceled' },
];

export function StatusCountCards({ counts }: { counts: Record<CountedStatus, number> | undefined }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="count-cards">
      {cards.map((card) => (
        <Link
          key={card.status}
          to={withQuery('/orders', { status: card.status })}
          className={`count-card count-card-${card.status}`}
          data-testid={`count-card-${card.status}`}
        >
          <span className="count-card-label">{t(`status.${card.status}`)}</span>
          <span className="count-card-value">
            {counts ? format.number(counts[card.status] ?? 0) : <span className="skeleton skeleton-number" />}
          </span>
          <span className="count-card-hint">{t(card.hint)}</span>
        </Link>
      ))}
    </div>
  );
}
