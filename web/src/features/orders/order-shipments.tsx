import { useFormat } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Panel } from '../../ui/panel';
import { carrierLabel } from './carriers';
import type { OrderDetail } from './order-types';

export function ShipmentsPanel({ order }: { order: OrderDetail }) {
  const { t, language } = useI18n();
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
              </div>
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
