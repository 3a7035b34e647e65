import { Link, withQuery } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { type StatusTab, statusTabs } from './order-types';

export function StatusTabs(props: {
  current: StatusTab;
  q: string;
  counts: Record<StatusTab, number> | undefined;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <nav className="tabs" aria-label={t('orders.statusFilter')}>
      {statusTabs.map((status) => {
        const active = status === props.current;
        const count = props.counts?.[status];
        return (
          <Link
            key={status}
            to={withQuery('/orders', { status, q: props.q })}
            className={`tab${active ? ' is-active' : ''}`}
            aria-current={active ? 'page' : undefined}
            data-testid={`status-tab-${status}`}
          >
            {t(`status.${status}`)}
            {count !== undefined && (
              <span className="tab-count" data-testid={`status-count-${status}`}>
                {format.number(count)}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
