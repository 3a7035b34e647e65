// The seller's actions on an order (ORD-10..13), each a small form that shows the server's refusal
// inline (its stable code translated, else its own sentence).
import { type FormEvent, type ReactNode, useState } from 'react';
import { fieldErrors, useErrorMessage } from '../../app/error-message';
import { useToast } from '../../app/toast';
import { useFormat } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Panel } from '../../ui/panel';
import { ShipmentFields, shipmentInput, useShipmentFields } from './shipment-fields';
import {
  useCancelOrder,
  useCombinable,
  useCombinedShipment,
  useRefund,
  useRefundUndeliverable,
  useShipAvailable,
} from './orders-api';
import { cancelReasons, type OrderDetail, refundReasons } from './order-types';

function FormProblem({ lines, testId }: { lines: string[]; testId: string }) {
  if (lines.length === 0) return null;
  return (
    <div className="form-error" role="alert" data-testid={testId}>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

function useServerProblem(error: unknown, isError: boolean): string[] {
  const errorMessage = useErrorMessage();
  return isError ? [errorMessage(error), ...fieldErrors(error)] : [];
}

function ActionPanel(props: { title: string; testId: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Panel
      title={props.title}
      testId={props.testId}
      className="action-panel"
      actions={
        <button type="button" className="btn btn-ghost btn-sm" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      }
    >
      {props.children}
    </Panel>
  );
}

/** ORD-13: cancel with a reason; nothing was charged yet, so nothing is refunded. */
export function CancelOrderForm({ order, onClose }: { order: OrderDetail; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const cancel = useCancelOrder(order.amazonOrderId);
  const [reason, setReason] = useState(order.buyerCancelRequest ? 'BuyerCanceled' : '');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const server = useServerProblem(cancel.error, cancel.isError);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason) return setProblem(t('action.cancel.chooseReason'));
    setProblem(null);
    cancel.mutateAsync({ reason, ...(note.trim() ? { note: note.trim() } : {}) }).then(
      () => {
        toast(t('action.cancel.done', { orderId: order.amazonOrderId }));
        onClose();
      },
      () => {},
    );
  }

  return (
    <ActionPanel title={t('action.cancel.title')} testId="cancel-form" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FormProblem lines={problem ? [problem] : server} testId="cancel-error" />
        <p className="muted">
          {order.buyerCancelRequest ? t('action.cancel.buyerRequested') : t('action.cancel.intro')}
        </p>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="cancel-reason">{t('action.reason')}</label>
            <select
              id="cancel-reason"
              className="select"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid="cancel-reason"
            >
              <option value="">{t('action.chooseReason')}</option>
              {cancelReasons.map((r) => (
                <option key={r} value={r}>
                  {t(`reason.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cancel-note">{t('action.note')}</label>
            <input
              id="cancel-note"
              className="input"
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-danger"
            disabled={cancel.isPending}
            data-testid="cancel-submit"
          >
            {t('action.cancel.submit')}
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}

/** ORD-12: refund per item, with a reason; units, or amounts, never more than is left. */
export function RefundForm({ order, onClose }: { order: OrderDetail; onClose: () => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const toast = useToast();
  const refund = useRefund(order.amazonOrderId);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<
    Record<string, { quantity: string; itemPrice: string; shippingPrice: string }>
  >(() =>
    Object.fromEntries(
      order.items.map((i) => [i.orderItemId, { quantity: '', itemPrice: '', shippingPrice: '' }]),
    ),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const server = useServerProblem(refund.error, refund.isError);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason) return setProblem(t('action.refund.chooseReason'));
    const out = [];
    for (const item of order.items) {
      const l = lines[item.orderItemId];
      if (!l) continue;
      const quantity = l.quantity.trim();
      if (quantity && !/^\d+$/.test(quantity))
        return setProblem(t('confirm.error.quantity', { title: item.title }));
      const line = {
        orderItemId: item.orderItemId,
        ...(quantity && Number(quantity) > 0 ? { quantity: Number(quantity) } : {}),
        ...(l.itemPrice.trim() ? { itemPrice: l.itemPrice.trim() } : {}),
        ...(l.shippingPrice.trim() ? { shippingPrice: l.shippingPrice.trim() } : {}),
      };
      if (Object.keys(line).length > 1) out.push(line);
    }
    if (out.length === 0) return setProblem(t('action.refund.nothing'));
    setProblem(null);
    refund.mutateAsync({ reason, ...(note.trim() ? { note: note.trim() } : {}), lines: out }).then(
      () => {
        toast(t('action.refund.done', { orderId: order.amazonOrderId }));
        onClose();
      },
      () => {},
    );
  }

  const set = (id: string, key: 'quantity' | 'itemPrice' | 'shippingPrice', value: string) =>
    setLines((current) => ({
      ...current,
      [id]: { ...(current[id] ?? { quantity: '', itemPrice: '', shippingPrice: '' }), [key]: value },
    }));

  return (
    <ActionPanel title={t('action.refund.title')} testId="refund-form" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FormProblem lines={problem ? [problem] : server} testId="refund-error" />
        <p className="muted">{t('action.refund.intro')}</p>
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('order.items.product')}</th>
              <th scope="col" className="num">
                {t('action.refund.left')}
              </th>
              <th scope="col" className="num">
                {t('action.refund.units')}
              </th>
              <th scope="col" className="num">
                {t('action.refund.itemAmount')}
              </th>
              <th scope="col" className="num">
                {t('action.refund.shippingAmount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.orderItemId} data-testid="refund-line" data-order-item-id={item.orderItemId}>
                <td>{item.title}</td>
                <td className="num nowrap">{item.refundable ? format.money(item.refundable.total) : '—'}</td>
                <td className="num">
                  <input
                    className="input input-qty"
                    type="number"
                    min={0}
                    max={item.refundable?.quantity ?? item.quantityOrdered}
                    aria-label={t('action.refund.unitsOf', { title: item.title })}
                    value={lines[item.orderItemId]?.quantity ?? ''}
                    onChange={(event) => set(item.orderItemId, 'quantity', event.target.value)}
                    data-testid="refund-qty"
                  />
                </td>
                <td className="num">
                  <input
                    className="input input-amount"
                    inputMode="decimal"
                    aria-label={t('action.refund.itemAmountOf', { title: item.title })}
                    value={lines[item.orderItemId]?.itemPrice ?? ''}
                    onChange={(event) => set(item.orderItemId, 'itemPrice', event.target.value)}
                    data-testid="refund-item-amount"
                  />
                </td>
                <td className="num">
                  <input
                    className="input input-amount"
                    inputMode="decimal"
                    aria-label={t('action.refund.shippingAmountOf', { title: item.title })}
                    value={lines[item.orderItemId]?.shippingPrice ?? ''}
                    onChange={(event) => set(item.orderItemId, 'shippingPrice', event.target.value)}
                    data-testid="refund-shipping-amount"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="field-hint">{t('action.refund.hint')}</p>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="refund-reason">{t('action.reason')}</label>
            <select
              id="refund-reason"
              className="select"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid="refund-reason"
            >
              <option value="">{t('action.chooseReason')}</option>
              {refundReasons.map((r) => (
                <option key={r} value={r}>
                  {t(`reason.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="refund-note">{t('action.note')}</label>
            <input
              id="refund-note"
              className="input"
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={refund.isPending}
            data-testid="refund-submit"
          >
            {t('action.refund.submit')}
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}

/** ORD-11: with the buyer's consent, ship what is there; the rest is refunded as NoInventory. */
export function ShipAvailableForm({ order, onClose }: { order: OrderDetail; onClose: () => void }) {
  const { t, timeZone } = useI18n();
  const toast = useToast();
  const ship = useShipAvailable(order.amazonOrderId);
  const fields = useShipmentFields(order.marketplaceId);
  const left = (i: OrderDetail['items'][number]) =>
    Math.max(0, i.quantityOrdered - i.quantityShipped - (i.quantityCanceled ?? 0));
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(order.items.map((i) => [i.orderItemId, String(left(i))])),
  );
  const [consent, setConsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const server = useServerProblem(ship.error, ship.isError);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!consent) return setProblem(t('action.shipAvailable.needConsent'));
    const parcel = shipmentInput(fields.value, timeZone, order.purchaseDate);
    if (!parcel.ok) return setProblem(t(parcel.problem));
    const items = [];
    for (const item of order.items) {
      const raw = (quantities[item.orderItemId] ?? '').trim();
      const quantity = raw === '' ? 0 : Number(raw);
      if (!Number.isInteger(quantity) || quantity < 0)
        return setProblem(t('confirm.error.quantity', { title: item.title }));
      if (quantity > left(item))
        return setProblem(t('confirm.error.quantityTooHigh', { title: item.title, max: left(item) }));
      if (quantity > 0) items.push({ orderItemId: item.orderItemId, quantity });
    }
    setProblem(null);
    ship.mutateAsync({ ...parcel.input, items, buyerConsent: true }).then(
      () => {
        toast(t('action.shipAvailable.done', { orderId: order.amazonOrderId }));
        onClose();
      },
      () => {},
    );
  }

  return (
    <ActionPanel title={t('action.shipAvailable.title')} testId="ship-available-form" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FormProblem lines={problem ? [problem] : server} testId="ship-available-error" />
        <p className="muted">{t('action.shipAvailable.intro')}</p>
        <ShipmentFields idPrefix="ship-available" fields={fields} />
        <table className="table table-compact confirm-items">
          <thead>
            <tr>
              <th scope="col">{t('order.items.product')}</th>
              <th scope="col" className="num">
                {t('confirm.remaining')}
              </th>
              <th scope="col" className="num">
                {t('action.shipAvailable.available')}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.orderItemId}>
                <td>
                  <label htmlFor={`avail-${item.orderItemId}`}>{item.title}</label>
                </td>
                <td className="num">{left(item)}</td>
                <td className="num">
                  <input
                    id={`avail-${item.orderItemId}`}
                    className="input input-qty"
                    type="number"
                    min={0}
                    max={left(item)}
                    value={quantities[item.orderItemId] ?? ''}
                    onChange={(event) =>
                      setQuantities((c) => ({ ...c, [item.orderItemId]: event.target.value }))
                    }
                    data-testid="available-qty"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={consent}
            onChange={(event) => setConsent(event.target.checked)}
            data-testid="buyer-consent"
          />{' '}
          {t('action.shipAvailable.consent')}
        </label>
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={ship.isPending}
            data-testid="ship-available-submit"
          >
            {t('action.shipAvailable.submit')}
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}

/** ORD-10: one parcel for several orders of one buyer to one address; shipping saved is refunded. */
export function CombinedShipmentForm({ order, onClose }: { order: OrderDetail; onClose: () => void }) {
  const { t, timeZone } = useI18n();
  const format = useFormat();
  const toast = useToast();
  const candidates = useCombinable(order.amazonOrderId, true);
  const combine = useCombinedShipment();
  const fields = useShipmentFields(order.marketplaceId);
  const [picked, setPicked] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const server = useServerProblem(combine.error, combine.isError);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (picked.length === 0) return setProblem(t('action.combine.pickOne'));
    const parcel = shipmentInput(fields.value, timeZone, order.purchaseDate);
    if (!parcel.ok) return setProblem(t(parcel.problem));
    setProblem(null);
    const amazonOrderIds = [order.amazonOrderId, ...picked];
    combine.mutateAsync({ ...parcel.input, amazonOrderIds }).then(
      () => {
        toast(t('action.combine.done', { count: amazonOrderIds.length }));
        onClose();
      },
      () => {},
    );
  }

  const list = candidates.data ?? [];
  return (
    <ActionPanel title={t('action.combine.title')} testId="combine-form" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FormProblem lines={problem ? [problem] : server} testId="combine-error" />
        <p className="muted">{t('action.combine.intro')}</p>
        {candidates.isLoading ? (
          <p className="muted">{t('common.loading')}</p>
        ) : list.length === 0 ? (
          <p className="muted" data-testid="combine-none">
            {t('action.combine.none')}
          </p>
        ) : (
          <ul className="pick-list">
            {list.map((o) => (
              <li key={o.amazonOrderId}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={picked.includes(o.amazonOrderId)}
                    onChange={(event) =>
                      setPicked((c) =>
                        event.target.checked
                          ? [...c, o.amazonOrderId]
                          : c.filter((id) => id !== o.amazonOrderId),
                      )
                    }
                    data-testid="combine-pick"
                    data-order-id={o.amazonOrderId}
                  />{' '}
                  <span className="mono">{o.amazonOrderId}</span>
                  <span className="muted">
                    {' '}
                    · {format.dateTime(o.purchaseDate)} · {format.money(o.orderTotal)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <ShipmentFields idPrefix="combine" fields={fields} />
        <div className="form-actions">
          <p className="field-hint">{t('action.combine.note')}</p>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={combine.isPending || list.length === 0}
            data-testid="combine-submit"
          >
            {t('action.combine.submit')}
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}

/** ORD-12: a parcel came back undeliverable: refund everything charged less the actual shipping cost. */
export function UndeliverableRefundForm({ order, onClose }: { order: OrderDetail; onClose: () => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const toast = useToast();
  const refund = useRefundUndeliverable(order.amazonOrderId);
  const returned = order.shipments.filter((s) => s.returnedAt);
  const [shipmentId, setShipmentId] = useState(returned[0]?.id ?? '');
  const [cost, setCost] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const server = useServerProblem(refund.error, refund.isError);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!cost.trim()) return setProblem(t('action.undeliverable.needCost'));
    setProblem(null);
    refund.mutateAsync({ ...(shipmentId ? { shipmentId } : {}), actualShippingCost: cost.trim() }).then(
      () => {
        toast(t('action.refund.done', { orderId: order.amazonOrderId }));
        onClose();
      },
      () => {},
    );
  }

  return (
    <ActionPanel title={t('action.undeliverable.title')} testId="undeliverable-form" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FormProblem lines={problem ? [problem] : server} testId="undeliverable-error" />
        <p className="muted">{t('action.undeliverable.intro')}</p>
        <div className="form-grid">
          {returned.length > 1 && (
            <div className="field">
              <label htmlFor="undeliverable-shipment">{t('action.undeliverable.parcel')}</label>
              <select
                id="undeliverable-shipment"
                className="select"
                value={shipmentId}
                onChange={(event) => setShipmentId(event.target.value)}
              >
                {returned.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.trackingNumber} · {s.returnedAt ? format.date(s.returnedAt) : ''}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="undeliverable-cost">
              {t('action.undeliverable.cost', { currency: order.orderTotal.currencyCode })}
            </label>
            <input
              id="undeliverable-cost"
              className="input"
              inputMode="decimal"
              value={cost}
              onChange={(event) => setCost(event.target.value)}
              data-testid="undeliverable-cost"
            />
          </div>
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={refund.isPending}
            data-testid="undeliverable-submit"
          >
            {t('action.undeliverable.submit')}
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}
