import type { HTMLAttributes } from 'react';

export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

type BadgeProps = HTMLAttributes<HTMLSpanElement> & {
  tone?: Tone;
  testId?: string;
  [data: `data-${string}`]: string;
};

export function Badge({ tone = 'neutral', testId, className, ...rest }: BadgeProps) {
  return <span className={`badge badge-${tone} ${className ?? ''}`} data-testid={testId} {...rest} />;
}
