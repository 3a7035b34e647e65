import type { MessageKey } from '../../i18n/en';
import type { Formatters } from '../../i18n/format';
import type { Vars } from '../../i18n/i18n';
import { carrierLabel } from './carriers';
import type { TimelineEntry, TimelineParams } from './order-types';

export interface TimelineText {
  key: MessageKey;
  vars?: Vars;
}

const text = (p: TimelineParams, key: string): string | undefined => {
  const value = p[key];
  return value === null || value === undefined || value === '' ? undefined : String(value);
};

/** The dictionary key and values of a timeline entry, by its stable kind; null = show `message`. */
const cancelKinds = ['seller', 'buyer_requested', 'auto', 'marketplace'] as const;
const trackingStatuses = [
  'InTransit',
  'OutForDelivery',
  'Delivered',
  'Undeliverable',
  'ReturnedToSender',
] as const;

export function timelineText(
  entry: TimelineEntry,
  format: Pick<Formatters, 'money'> & Partial<Pick<Formatters, 'date'>>,
  language: string,
  reasonLabel: (code: string) => string = (code) => code,
  trackingLabel: (status: string) => string = (status) => status,
): TimelineText | null {
  const p = entry.params;
  if (!p) return null;
  switch (entry.kind) {
    case 'order_placed':
      return { key: p.status === 'Pending' ? 'timeline.orderPlacedPending' : 'timeline.orderPlaced' };
    case 'payment_completed':
      return { key: 'timeline.paymentCompleted' };
    case 'shipment_confirmed': {
      const carrier = text(p, 'carrierName') ?? text(p, 'carrierCode') ?? '';
      return {
        key: p.late ? 'timeline.shipmentConfirmedLate' : 'timeline.shipmentConfirmed',
        vars: { carrier: carrierLabel(carrier, language), tracking: text(p, 'trackingNumber') ?? '' },
      };
    }
    case 'payment_captured': {
      const amount = text(p, 'amount');
      const currencyCode = text(p, 'currencyCode');
      if (!amount || !currencyCode) return null;
      return { key: 'timeline.paymentCaptured', vars: { amount: format.money({ amount, currencyCode }) } };
    }
    case 'buyer_notified_shipment': {
      const tracking = text(p, 'trackingNumber');
      return tracking
        ? { key: 'timeline.buyerNotified', vars: { tracking } }
        : { key: 'timeline.buyerNotifiedNoTracking' };
    }
    case 'buyer_email_failed': {
      const code = text(p, 'responseCode');
      return code
        ? { key: 'timeline.buyerEmailFailed', vars: { code } }
        : { key: 'timeline.buyerEmailFailedNoCode' };
    }
    case 'order_canceled': {
      const kind = cancelKinds.find((k) => k === p.kind) ?? 'seller';
      const reason = text(p, 'reason');
      return { key: `timeline.orderCanceled.${kind}`, vars: { reason: reason ? reasonLabel(reason) : '' } };
    }
    case 'buyer_cancel_requested':
      return { key: 'timeline.buyerCancelRequested', vars: { reason: text(p, 'reason') ?? '' } };
    case 'buyer_edited':
      return { key: 'timeline.buyerEdited' };
    case 'carrier_scan': {
      const status = trackingStatuses.find((s) => s === p.status);
      return status ? { key: 'timeline.carrierScan', vars: { status: trackingLabel(status) } } : null;
    }
    case 'ship_by_warning': {
      const cutoff = text(p, 'cutoff');
      return cutoff && format.date
        ? { key: 'timeline.shipByWarning', vars: { date: format.date(cutoff) } }
        : null;
    }
    case 'refund_issued': {
      const amount = text(p, 'amount');
      const currencyCode = text(p, 'currencyCode');
      const reason = text(p, 'reason');
      if (!amount || !currencyCode) return null;
      return {
        key: 'timeline.refundIssued',
        vars: { amount: format.money({ amount, currencyCode }), reason: reason ? reasonLabel(reason) : '' },
      };
    }
    case 'buyer_notified_refund':
      return { key: 'timeline.buyerNotifiedRefund' };
    case 'buyer_notified_cancellation':
      return { key: 'timeline.buyerNotifiedCancellation' };
    default:
      return null;
  }
}
