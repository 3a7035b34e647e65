import { Link, withQuery } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { Panel } from '../../ui/panel';
import { useNow } from '../sandbox/sandbox-clock';
import { isShipmentLate, type OrderDetail } from './order-types';

export function ShippingWindowsPanel({ order }: { order: OrderDetail }) {
  const t = useT();
  const format = useFormat();
  const now = useNow();
  const late = isShipmentLate(order, now);
  const range = (from: string | null, to: string | null) => {
    if (!from && !to) return '—';
    if (!from || !to || format.date(from) === format.date(to)) return format.date((to ?? from) as string);
    return t('order.windowRange', { from: format.date(from), to: format.date(to) });
  };
  return (
    <Panel title={t('order.windows.title')} testId="order-windows">
      <dl className="dl">
        <dt>{t('order.windows.shipBy')}</dt>
        <dd>
          <span className={late ? 'text-danger' : undefined}>
            {range(order.earliestShipDate, order.latestShipDate)}
          </span>
          {late && <span className="block small text-danger">{t('order.shipmentLate')}</span>}
          {order.autoCancelAt && (
            <span className="block small text-danger" data-testid="auto-cancel">
              {t('orders.autoCancel', { date: format.date(order.autoCancelAt) })}
            </span>
          )}
        </dd>
        <dt>{t('order.windows.deliverBy')}</dt>
        <dd>{range(order.earliestDeliveryDate, order.latestDeliveryDate)}</dd>
        <dt>{t('order.windows.serviceLevel')}</dt>
        <dd>{order.shipServiceLevel || '—'}</dd>
        <dt>{t('order.windows.channel')}</dt>
        <dd>{t(`orders.channel.${order.fulfillmentChannel}.long`)}</dd>
      </dl>
    </Panel>
  );
}

export function AddressPanel({ order }: { order: OrderDetail }) {
  const t = useT();
  const address = order.shippingAddress;
  return (
    <Panel title={t('order.address.title')} testId="order-address">
      {address ? (
        <address className="address">
          <strong>{address.name}</strong>
          <span>{address.addressLine1}</span>
          {address.addressLine2 && <span>{address.addressLine2}</span>}
          <span>{[address.postalCode, address.city, address.stateOrRegion].filter(Boolean).join(' ')}</span>
          <span>{address.countryCode}</span>
          {address.phone && <span className="muted">{address.phone}</span>}
        </address>
      ) : (
        <p className="muted" data-testid="address-hidden">
          {order.status === 'Pending' ? t('order.address.hiddenPending') : t('order.address.none')}
        </p>
      )}
      <div className="panel-divider" />
      <dl className="dl">
        <dt>{t('order.buyer')}</dt>
        <dd>
          {/* ORD-16: the buyer's name opens the contact form (Buyer-Seller Messages, MSG). */}
          <Link
            to={withQuery('/messages/new', { order: order.amazonOrderId })}
            title={t('order.contactBuyer')}
            data-testid="buyer-contact"
          >
            {order.buyerName}
          </Link>
        </dd>
        <dt>{t('order.buyerEmail')}</dt>
        <dd className="break" data-testid="buyer-email">
          <EmailAddress address={order.buyerEmail} />
        </dd>
      </dl>
    </Panel>
  );
}

export function ChargePanel({ order }: { order: OrderDetail }) {
  const t = useT();
  const format = useFormat();
  return (
    <Panel title={t('order.charge.title')} testId="order-charge">
      {order.charge ? (
        <dl className="dl">
          <dt>{t('order.charge.amount')}</dt>
          <dd className="strong">{format.money(order.charge.amount)}</dd>
          <dt>{t('order.charge.chargedAt')}</dt>
          <dd>{format.dateTime(order.charge.chargedAt)}</dd>
        </dl>
      ) : (
        <p className="muted">{t('order.charge.none')}</p>
      )}
    </Panel>
  );
}

/** An email address that wraps after its @ rather than inside the domain. */
function EmailAddress({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at < 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}
