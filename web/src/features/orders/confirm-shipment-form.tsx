import { type FormEvent, useState } from 'react';
import { fieldErrors, useErrorMessage } from '../../app/error-message';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useFormat } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { fromZonedInputValue, toZonedInputValue } from '../../i18n/zoned-time';
import { Panel } from '../../ui/panel';
import { useNow } from '../sandbox/sandbox-clock';
import { carrierLabel, carriersFor, otherCarrier } from './carriers';
import { useConfirmShipment } from './orders-api';
import type { OrderDetail, ShipmentInput } from './order-types';

const remaining = (item: OrderDetail['items'][number]) =>
  Math.max(0, item.quantityOrdered - item.quantityShipped);

/** The ship date input has minute precision: its value in the minute of the purchase means the
 *  purchase time itself (the server refuses ship dates before the purchase). */
export function notBeforePurchase(shipDateIso: string, purchaseDate: string): string {
  const gap = new Date(purchaseDate).getTime() - new Date(shipDateIso).getTime();
  return gap > 0 && gap < 60_000 ? purchaseDate : shipDateIso;
}

export function ConfirmShipmentForm({ order }: { order: OrderDetail }) {
  const { t, tCode, timeZone, language } = useI18n();
  const format = useFormat();
  const session = useSession();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const now = useNow();
  const confirm = useConfirmShipment(order.amazonOrderId);
  const carriers = carriersFor(session.seller?.marketplaceId ?? order.marketplaceId);

  const [carrier, setCarrier] = useState(carriers[0] ?? otherCarrier);
  const [carrierName, setCarrierName] = useState('');
  const [tracking, setTracking] = useState('');
  const [shipDate, setShipDate] = useState(() => toZonedInputValue(now, timeZone));
  const [method, setMethod] = useState('');
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(order.items.map((item) => [item.orderItemId, String(remaining(item))])),
  );
  const [problem, setProblem] = useState<string | null>(null);

  const refusal = order.confirmShipment.allowed
    ? null
    : (order.confirmShipment.refusal ?? { code: 'CONFIRM_NOT_ALLOWED', message: t('confirm.notAllowed') });
  const disabled = refusal !== null || confirm.isPending;

  function validate(): ShipmentInput | string {
    if (carrier === otherCarrier && !carrierName.trim()) return t('confirm.error.carrierName');
    if (!tracking.trim()) return t('confirm.error.tracking');
    const shipDateIso = fromZonedInputValue(shipDate, timeZone);
    if (!shipDateIso) return t('confirm.error.shipDate');
    const items = [];
    for (const item of order.items) {
      const raw = (quantities[item.orderItemId] ?? '').trim();
      const quantity = raw === '' ? 0 : Number(raw);
      if (!Number.isInteger(quantity) || quantity < 0)
        return t('confirm.error.quantity', { title: item.title });
      if (quantity > remaining(item))
        return t('confirm.error.quantityTooHigh', { title: item.title, max: remaining(item) });
      if (quantity > 0) items.push({ orderItemId: item.orderItemId, quantity });
    }
    if (items.length === 0) return t('confirm.error.noItems');
    return {
      carrierCode: carrier,
      ...(carrier === otherCarrier ? { carrierName: carrierName.trim() } : {}),
      ...(method.trim() ? { shippingMethod: method.trim() } : {}),
      trackingNumber: tracking.trim(),
      shipDate: notBeforePurchase(shipDateIso, order.purchaseDate),
      items,
    };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = validate();
    if (typeof input === 'string') {
      setProblem(input);
      return;
    }
    setProblem(null);
    // The form remounts when the refreshed order arrives, so the toast must not hang on this component's
    // mutate callbacks (they are dropped on unmount); errors are shown from `confirm.error`.
    confirm.mutateAsync(input).then(
      () => toast(t('confirm.success', { orderId: order.amazonOrderId })),
      () => {},
    );
  }

  const serverProblem = confirm.isError ? [errorMessage(confirm.error), ...fieldErrors(confirm.error)] : [];
  const shownProblem = refusal
    ? [tCode('errors', refusal.code, refusal.message)]
    : problem
      ? [problem]
      : serverProblem;

  return (
    <Panel title={t('confirm.title')} testId="confirm-shipment" className="confirm-panel">
      <form className="form" onSubmit={submit} noValidate>
        {shownProblem.length > 0 && (
          <div
            className={`form-error${refusal ? ' form-refusal' : ''}`}
            role="alert"
            data-testid="confirm-error"
          >
            {shownProblem.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        )}
        <fieldset className="form-fieldset" disabled={disabled}>
          <legend className="visually-hidden">{t('confirm.title')}</legend>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="confirm-carrier">{t('confirm.carrier')}</label>
              <select
                id="confirm-carrier"
                className="select"
                value={carrier}
                onChange={(event) => setCarrier(event.target.value)}
                data-testid="confirm-carrier"
              >
                {carriers.map((code) => (
                  <option key={code} value={code}>
                    {carrierLabel(code, language)}
                  </option>
                ))}
                <option value={otherCarrier}>{t('confirm.carrierOther')}</option>
              </select>
            </div>
            {carrier === otherCarrier && (
              <div className="field">
                <label htmlFor="confirm-carrier-name">{t('confirm.carrierName')}</label>
                <input
                  id="confirm-carrier-name"
                  className="input"
                  value={carrierName}
                  onChange={(event) => setCarrierName(event.target.value)}
                  data-testid="confirm-carrier-name"
                />
              </div>
            )}
            <div className="field">
              <label htmlFor="confirm-tracking">{t('confirm.tracking')}</label>
              <input
                id="confirm-tracking"
                className="input mono"
                value={tracking}
                onChange={(event) => setTracking(event.target.value)}
                data-testid="confirm-tracking"
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            <div className="field">
              <label htmlFor="confirm-ship-date">{t('confirm.shipDate')}</label>
              <input
                id="confirm-ship-date"
                className="input"
                type="datetime-local"
                value={shipDate}
                onChange={(event) => setShipDate(event.target.value)}
                data-testid="confirm-ship-date"
              />
              {timeZone && <span className="field-hint">{t('confirm.timeZone', { zone: timeZone })}</span>}
            </div>
            <div className="field">
              <label htmlFor="confirm-method">{t('confirm.method')}</label>
              <input
                id="confirm-method"
                className="input"
                value={method}
                placeholder={order.shipServiceLevel}
                onChange={(event) => setMethod(event.target.value)}
                data-testid="confirm-method"
              />
            </div>
          </div>
          <table className="table table-compact confirm-items">
            <thead>
              <tr>
                <th scope="col">{t('order.items.product')}</th>
                <th scope="col" className="num">
                  {t('confirm.remaining')}
                </th>
                <th scope="col" className="num">
                  {t('confirm.quantity')}
                </th>
              </tr>
            </thead>
            <tbody>
              {order.items.map((item) => (
                <tr key={item.orderItemId}>
                  <td>
                    <label htmlFor={`confirm-qty-${item.orderItemId}`}>{item.title}</label>
                  </td>
                  <td className="num">{format.number(remaining(item))}</td>
                  <td className="num">
                    <input
                      id={`confirm-qty-${item.orderItemId}`}
                      className="input input-qty"
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={remaining(item)}
                      step={1}
                      disabled={remaining(item) === 0}
                      value={quantities[item.orderItemId] ?? ''}
                      onChange={(event) =>
                        setQuantities((current) => ({ ...current, [item.orderItemId]: event.target.value }))
                      }
                      data-testid={`confirm-qty-${item.orderItemId}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <p className="field-hint">{t('confirm.chargeNote')}</p>
            <button type="submit" className="btn btn-primary" data-testid="confirm-submit">
              {confirm.isPending ? t('confirm.submitting') : t('confirm.submit')}
            </button>
          </div>
        </fieldset>
      </form>
    </Panel>
  );
}
