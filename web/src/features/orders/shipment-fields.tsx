import { useState } from 'react';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { fromZonedInputValue, toZonedInputValue } from '../../i18n/zoned-time';
import { useNow } from '../sandbox/sandbox-clock';
import { carrierLabel, carriersFor, otherCarrier } from './carriers';
import { notBeforePurchase } from './confirm-shipment-form';

export interface ShipmentFieldsValue {
  carrier: string;
  carrierName: string;
  tracking: string;
  shipDate: string;
  method: string;
}

/** Carrier, tracking number, ship date and method of a parcel, shared by the shipping actions. */
export function useShipmentFields(marketplaceId: string) {
  const { timeZone } = useI18n();
  const session = useSession();
  const now = useNow();
  const carriers = carriersFor(session.seller?.marketplaceId ?? marketplaceId);
  const [value, setValue] = useState<ShipmentFieldsValue>(() => ({
    carrier: carriers[0] ?? otherCarrier,
    carrierName: '',
    tracking: '',
    shipDate: toZonedInputValue(now, timeZone),
    method: '',
  }));
  return { value, setValue, carriers };
}

/** The API fields of a parcel, or the key of the first problem. */
export function shipmentInput(
  v: ShipmentFieldsValue,
  timeZone: string | undefined,
  purchaseDate: string,
):
  | {
      ok: true;
      input: {
        carrierCode: string;
        carrierName?: string;
        shippingMethod?: string;
        trackingNumber: string;
        shipDate: string;
      };
    }
  | {
      ok: false;
      problem: 'confirm.error.carrierName' | 'confirm.error.tracking' | 'confirm.error.shipDate';
    } {
  if (v.carrier === otherCarrier && !v.carrierName.trim())
    return { ok: false, problem: 'confirm.error.carrierName' };
  if (!v.tracking.trim()) return { ok: false, problem: 'confirm.error.tracking' };
  const iso = fromZonedInputValue(v.shipDate, timeZone);
  if (!iso) return { ok: false, problem: 'confirm.error.shipDate' };
  return {
    ok: true,
    input: {
      carrierCode: v.carrier,
      ...(v.carrier === otherCarrier ? { carrierName: v.carrierName.trim() } : {}),
      ...(v.method.trim() ? { shippingMethod: v.method.trim() } : {}),
      trackingNumber: v.tracking.trim(),
      shipDate: notBeforePurchase(iso, purchaseDate),
    },
  };
}

export function ShipmentFields(props: { idPrefix: string; fields: ReturnType<typeof useShipmentFields> }) {
  const { t, language, timeZone } = useI18n();
  const { value, setValue, carriers } = props.fields;
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const set = (patch: Partial<ShipmentFieldsValue>) => setValue((current) => ({ ...current, ...patch }));
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor={id('carrier')}>{t('confirm.carrier')}</label>
        <select
          id={id('carrier')}
          className="select"
          value={value.carrier}
          onChange={(event) => set({ carrier: event.target.value })}
          data-testid={id('carrier')}
        >
          {carriers.map((code) => (
            <option key={code} value={code}>
              {carrierLabel(code, language)}
            </option>
          ))}
          <option value={otherCarrier}>{t('confirm.carrierOther')}</option>
        </select>
      </div>
      {value.carrier === otherCarrier && (
        <div className="field">
          <label htmlFor={id('carrier-name')}>{t('confirm.carrierName')}</label>
          <input
            id={id('carrier-name')}
            className="input"
            value={value.carrierName}
            onChange={(event) => set({ carrierName: event.target.value })}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={id('tracking')}>{t('confirm.tracking')}</label>
        <input
          id={id('tracking')}
          className="input mono"
          value={value.tracking}
          onChange={(event) => set({ tracking: event.target.value })}
          autoComplete="off"
          spellCheck={false}
          data-testid={id('tracking')}
        />
      </div>
      <div className="field">
        <label htmlFor={id('ship-date')}>{t('confirm.shipDate')}</label>
        <input
          id={id('ship-date')}
          className="input"
          type="datetime-local"
          value={value.shipDate}
          onChange={(event) => set({ shipDate: event.target.value })}
        />
        {timeZone && <span className="field-hint">{t('confirm.timeZone', { zone: timeZone })}</span>}
      </div>
      <div className="field">
        <label htmlFor={id('method')}>{t('confirm.method')}</label>
        <input
          id={id('method')}
          className="input"
          value={value.method}
          onChange={(event) => set({ method: event.target.value })}
        />
      </div>
    </div>
  );
}
