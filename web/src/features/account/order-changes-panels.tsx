// ORD-5: edit address or quantities inside the window; after it, the refusal reason and the way
// out (cancellation, ORD-13).
import { type FormEvent, useState } from 'react';
import { useToast } from '../../app/toast';
import { useFormat } from '../../i18n/format';
import { Panel } from '../../ui/panel';
import {
  type Address,
  BUYER_CANCEL_REASONS,
  type BuyerOrder,
  useEditOrder,
  useRequestCancellation,
} from './account-api';
import { useAccountT } from './account-i18n';

const ADDRESS_FIELDS = [
  ['name', 'edit.name'],
  ['addressLine1', 'edit.line1'],
  ['addressLine2', 'edit.line2'],
  ['city', 'edit.city'],
  ['stateOrRegion', 'edit.region'],
  ['postalCode', 'edit.postalCode'],
  ['phone', 'edit.phone'],
] as const;

export function OrderEditPanel({ order }: { order: BuyerOrder }) {
  const { t, tCode } = useAccountT();
  const format = useFormat();
  const toast = useToast();
  const edit = useEditOrder(order.amazonOrderId);
  const [address, setAddress] = useState<Address>(order.shippingAddress);
  const [quantities, setQuantities] = useState<Record<string, number>>(
    Object.fromEntries(order.items.map((i) => [i.orderItemId, i.quantityOrdered])),
  );
  if (order.cancellation) return null;
  if (!order.edit.allowed) {
    const refusal = order.edit.refusal;
    return (
      <Panel title={t('edit.closed')} testId="account-edit-closed">
        {refusal && (
          <p className="form-refusal" data-testid="account-edit-refusal" data-code={refusal.code}>
            {tCode('errors', refusal.code, refusal.message)}
          </p>
        )}
      </Panel>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const changedItems = order.items
      .filter((i) => quantities[i.orderItemId] !== i.quantityOrdered)
      .map((i) => ({ orderItemId: i.orderItemId, quantity: quantities[i.orderItemId] ?? i.quantityOrdered }));
    const addressChanged = JSON.stringify(address) !== JSON.stringify(order.shippingAddress);
    edit.mutate(
      {
        ...(addressChanged ? { shippingAddress: address } : {}),
        ...(changedItems.length ? { items: changedItems } : {}),
      },
      { onSuccess: () => toast(t('edit.saved'), 'success') },
    );
  }

  return (
    <Panel title={t('edit.title')} testId="account-edit">
      <p className="muted">{t('edit.intro', { time: format.dateTime(order.edit.closesAt) })}</p>
      <form className="form" onSubmit={submit}>
        <fieldset className="form-fieldset">
          <legend>{t('edit.quantities')}</legend>
          {order.items.map((i) => (
            <div className="field" key={i.orderItemId}>
              <label htmlFor={`qty-${i.orderItemId}`}>{i.title}</label>
              <input
                id={`qty-${i.orderItemId}`}
                className="input input-qty"
                type="number"
                min={1}
                max={9999}
                value={quantities[i.orderItemId] ?? i.quantityOrdered}
                onChange={(e) =>
                  setQuantities({ ...quantities, [i.orderItemId]: Math.max(1, Number(e.target.value) || 1) })
                }
                data-testid="account-edit-qty"
              />
            </div>
          ))}
        </fieldset>
        <fieldset className="form-fieldset">
          <legend>{t('edit.address')}</legend>
          {ADDRESS_FIELDS.map(([field, label]) => (
            <div className="field" key={field}>
              <label htmlFor={`addr-${field}`}>{t(label)}</label>
              <input
                id={`addr-${field}`}
                className="input"
                value={address[field] ?? ''}
                onChange={(e) => setAddress({ ...address, [field]: e.target.value })}
                data-testid={`account-edit-${field}`}
              />
            </div>
          ))}
        </fieldset>
        {edit.isError && (
          <p className="form-error" role="alert" data-testid="account-edit-error">
            {tCode('errors', (edit.error as { code?: string }).code ?? '', edit.error.message)}
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-sm"
          disabled={edit.isPending}
          data-testid="account-edit-save"
        >
          {edit.isPending ? t('edit.saving') : t('edit.save')}
        </button>
      </form>
    </Panel>
  );
}

export function OrderCancelPanel({ order }: { order: BuyerOrder }) {
  const { t, tCode } = useAccountT();
  const format = useFormat();
  const toast = useToast();
  const cancel = useRequestCancellation(order.amazonOrderId);
  const [reason, setReason] = useState<string>(BUYER_CANCEL_REASONS[0]);
  if (order.cancelRequest) {
    return (
      <Panel title={t('cancel.title')} testId="account-cancel-requested">
        <p>{t('cancel.requested', { date: format.dateTime(order.cancelRequest.requestedAt) })}</p>
      </Panel>
    );
  }
  if (!order.cancel.allowed) return null;
  return (
    <Panel title={t('cancel.title')} testId="account-cancel">
      <p className="muted">{t('cancel.intro')}</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          cancel.mutate(reason, { onSuccess: () => toast(t('cancel.sent'), 'success') });
        }}
      >
        <div className="field">
          <label htmlFor="cancel-reason">{t('cancel.reason')}</label>
          <select
            id="cancel-reason"
            className="select"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="account-cancel-reason"
          >
            {BUYER_CANCEL_REASONS.map((r) => (
              <option key={r} value={r}>
                {tCode('cancelReason', r, r)}
              </option>
            ))}
          </select>
        </div>
        {cancel.isError && (
          <p className="form-error" role="alert">
            {tCode('errors', (cancel.error as { code?: string }).code ?? '', cancel.error.message)}
          </p>
        )}
        <button
          type="submit"
          className="btn btn-danger btn-sm"
          disabled={cancel.isPending}
          data-testid="account-cancel-submit"
        >
          {t('cancel.submit')}
        </button>
      </form>
    </Panel>
  );
}
