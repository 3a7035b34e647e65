import { type ReactNode, useEffect } from 'react';

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Mercato` : 'Mercato';
  }, [title]);
}

export function PageHeader(props: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  before?: ReactNode;
}) {
  return (
    <div className="page-header">
      {props.before}
      <div className="page-header-row">
        <div>
          <h1 className="page-title">{props.title}</h1>
          {props.subtitle && <p className="page-subtitle">{props.subtitle}</p>}
        </div>
        {props.actions && <div className="page-actions">{props.actions}</div>}
      </div>
    </div>
  );
}
