import { Link } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { type StatusTab, statusTabs } from './order-types';

export function StatusTabs(props: {
  current: StatusTab;
  /** The list URL of a tab (keeps the search and filters). */
  hrefOf: (status: StatusTab) => string;
  counts: Record<StatusTab, number> | undefined;
  /** Tabs whose count stopped at the server's cap: shown as "10,000+". */
  capped: readonly StatusTab[];
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
            to={props.hrefOf(status)}
            className={`tab${active ? ' is-active' : ''}`}
            aria-current={active ? 'page' : undefined}
            data-testid={`status-tab-${status}`}
          >
            {t(`status.${status}`)}
            {count !== undefined && (
              <span className="tab-count" data-testid={`status-count-${status}`}>
                {format.number(count)}
                {props.capped.includes(status) ? '+' : ''}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
