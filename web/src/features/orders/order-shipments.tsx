import { useFormat } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge, type Tone } from '../../ui/badge';
import { Panel } from '../../ui/panel';
import { carrierLabel } from './carriers';
import type { OrderDetail, TrackingStatus } from './order-types';

const trackingTones: Record<TrackingStatus, Tone> = {
  InTransit: 'info',
  OutForDelivery: 'info',
  Delivered: 'success',
  Undeliverable: 'danger',
  ReturnedToSender: 'warning',
};

export function ShipmentsPanel({ order }: { order: OrderDetail }) {
  const { t, tCode, language } = useI18n();
  const format = useFormat();
  const titles = new Map(order.items.map((item) => [item.orderItemId, item.title]));
  return (
    <Panel title={t('order.shipments.title')} testId="order-shipments">
      {order.shipments.length === 0 ? (
        <p className="muted">{t('order.shipments.none')}</p>
      ) : (
        <ul className="shipment-list">
          {order.shipments.map((shipment) => (
            <li key={shipment.id} className="shipment" data-testid="shipment">
              <div className="shipment-head">
                <strong>{shipment.carrierName || carrierLabel(shipment.carrierCode, language)}</strong>
                {shipment.shippingMethod && <span className="muted">· {shipment.shippingMethod}</span>}
                <span className="muted shipment-date">{format.dateTime(shipment.shipDate)}</span>
              </div>
              <div className="shipment-tracking">
                <span className="muted">{t('order.shipments.tracking')}</span>{' '}
                <span className="mono" data-testid="shipment-tracking">
                  {shipment.trackingNumber}
                </span>
                {shipment.trackingStatus && (
                  <Badge
                    tone={trackingTones[shipment.trackingStatus] ?? 'neutral'}
                    testId="tracking-status"
                    data-status={shipment.trackingStatus}
                  >
                    {t(`tracking.${shipment.trackingStatus}`)}
                  </Badge>
                )}
              </div>
              {(shipment.deliveredAt || shipment.returnedAt) && (
                <p className="small muted">
                  {shipment.deliveredAt &&
                    t('order.shipments.deliveredAt', { date: format.dateTime(shipment.deliveredAt) })}
                  {shipment.returnedAt &&
                    t('order.shipments.returnedAt', {
                      date: format.dateTime(shipment.returnedAt),
                      reason: shipment.returnReason
                        ? tCode('returnReason', shipment.returnReason, shipment.returnReason)
                        : '',
                    })}
                </p>
              )}
              <ul className="shipment-items">
                {shipment.items.map((item) => (
                  <li key={item.orderItemId}>
                    <span className="mono">{format.number(item.quantity)} ×</span>{' '}
                    {titles.get(item.orderItemId) ?? item.orderItemId}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
