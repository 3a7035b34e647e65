import { type Money, sumMoney, useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import type { OrderDetail, OrderItem } from './order-types';

export function OrderItemsTable({ order }: { order: OrderDetail }) {
  const t = useT();
  const format = useFormat();
  const currency = order.orderTotal.currencyCode;
  // Tax and discount columns only earn their space when some item has one.
  const nonZero = (money: Money | undefined) => money !== undefined && Number(money.amount) !== 0;
  const hasTax = order.items.some((item) => nonZero(item.itemTax));
  const hasDiscount = order.items.some((item) => nonZero(item.promotionDiscount));
  // ORD-11/12: units refunded before shipping will never ship; shown only when there are some.
  const hasCanceled = order.items.some((item) => (item.quantityCanceled ?? 0) > 0);
  // ORD-4: marketplace points granted to the buyer (JP), shown only when there are some.
  const hasPoints = order.items.some((item) => (item.pointsGranted ?? 0) > 0);
  const total = (pick: (item: OrderItem) => Money | undefined) =>
    format.money(
      sumMoney(
        order.items.map(pick).filter((money): money is Money => money !== undefined),
        currency,
      ),
    );
  // Totals sit in the last column, whichever optional columns are shown.
  const labelSpan =
    5 + (hasCanceled ? 1 : 0) + (hasPoints ? 1 : 0) + (hasTax ? 1 : 0) + (hasDiscount ? 1 : 0);

  return (
    <div className="table-wrap">
      <table className="table table-compact" data-testid="order-items">
        <thead>
          <tr>
            <th scope="col">{t('order.items.product')}</th>
            <th scope="col" className="num">
              {t('order.items.ordered')}
            </th>
            <th scope="col" className="num">
              {t('order.items.shipped')}
            </th>
            {hasCanceled && (
              <th scope="col" className="num">
                {t('order.items.canceled')}
              </th>
            )}
            {hasPoints && (
              <th scope="col" className="num">
                {t('order.items.points')}
              </th>
            )}
            <th scope="col" className="num">
              {t('order.items.unitPrice')}
            </th>
            <th scope="col" className="num">
              {t('order.items.itemPrice')}
            </th>
            <th scope="col" className="num">
              {t('order.items.shipping')}
            </th>
            {hasTax && (
              <th scope="col" className="num">
                {t('order.items.tax')}
              </th>
            )}
            {hasDiscount && (
              <th scope="col" className="num">
                {t('order.items.discount')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.orderItemId} data-testid="order-item" data-order-item-id={item.orderItemId}>
              <td>
                <div className="cell-stack">
                  <span>{item.title}</span>
                  <span className="muted small mono">
                    {t('order.items.sku')} {item.sku}
                  </span>
                </div>
              </td>
              <td className="num">{format.number(item.quantityOrdered)}</td>
              <td className="num">{format.number(item.quantityShipped)}</td>
              {hasCanceled && (
                <td className="num" data-testid="item-canceled">
                  {format.number(item.quantityCanceled ?? 0)}
                </td>
              )}
              {hasPoints && (
                <td className="num" data-testid="item-points">
                  {format.number(item.pointsGranted ?? 0)}
                </td>
              )}
              <td className="num nowrap">{format.money(item.unitPrice)}</td>
              <td className="num nowrap">{format.money(item.itemPrice)}</td>
              <td className="num nowrap">{format.money(item.shippingPrice)}</td>
              {hasTax && <td className="num nowrap">{item.itemTax ? format.money(item.itemTax) : '—'}</td>}
              {hasDiscount && (
                <td className="num nowrap">
                  {item.promotionDiscount ? `−${format.money(item.promotionDiscount)}` : '—'}
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <TotalRow
            label={t('order.items.subtotal')}
            value={total((item) => item.itemPrice)}
            span={labelSpan}
          />
          <TotalRow
            label={t('order.items.shippingTotal')}
            value={total((item) => item.shippingPrice)}
            span={labelSpan}
          />
          {hasTax && (
            <TotalRow
              label={t('order.items.taxTotal')}
              value={total((item) => item.itemTax)}
              span={labelSpan}
            />
          )}
          {hasDiscount && (
            <TotalRow
              label={t('order.items.discountTotal')}
              value={`−${total((item) => item.promotionDiscount)}`}
              span={labelSpan}
            />
          )}
          <tr className="total-row-grand">
            <th scope="row" colSpan={labelSpan} className="num">
              {t('order.items.orderTotal')}
            </th>
            <td className="num nowrap" data-testid="order-total">
              {format.money(order.orderTotal)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function TotalRow(props: { label: string; value: string; span: number }) {
  return (
    <tr>
      <th scope="row" colSpan={props.span} className="num muted">
        {props.label}
      </th>
      <td className="num nowrap">{props.value}</td>
    </tr>
  );
}
