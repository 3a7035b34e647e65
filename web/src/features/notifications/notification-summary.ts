import type { InAppNotification } from './notifications-api';

/** One line about a notification from its data (order id, SKU, title...), never buyer PII. */
export function summaryOf(n: InAppNotification): string {
  const d = n.data ?? {};
  const pick = (k: string) =>
    typeof d[k] === 'string' || typeof d[k] === 'number' ? String(d[k]) : undefined;
  return (
    pick('title') ??
    pick('subject') ??
    [pick('amazonOrderId') ?? pick('orderId'), pick('sku'), pick('address')].filter(Boolean).join(' · ')
  );
}
