import type { ReactNode } from 'react';
import { Icon, type IconName } from './icon';

export function EmptyState(props: {
  icon?: IconName;
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="empty-state" data-testid={props.testId}>
      <div className="empty-state-icon" aria-hidden="true">
        <Icon name={props.icon ?? 'inbox'} size={22} />
      </div>
      <p className="empty-state-title">{props.title}</p>
      {props.children && <p className="empty-state-body">{props.children}</p>}
      {props.action && <div className="empty-state-action">{props.action}</div>}
    </div>
  );
}
