// Confirm shipments from a CSV upload (Manage Orders bulk action, ORD-7): every package of the
// file goes through `orders.confirmShipment` on its own, so good rows are applied even when others
// are refused, and each row gets its verdict (applied, already applied, or refused with the
// service's stable code and sentence).
import { AppError, invalid } from '../../platform/errors.ts';
import {
  type CsvPackage,
  groupPackages,
  packageLines,
  parseShipmentCsv,
  resolveShipDate,
} from './orders-csv.ts';
import type { OrdersService } from './orders.service.ts';
import type { Actor } from './orders.types.ts';

export type CsvRowResult = {
  row: number;
  orderId: string | null;
  orderItemId: string | null;
  quantity: number | null;
  trackingNumber: string | null;
  /** applied: confirmed now; unchanged: this parcel was already confirmed (a re-upload). */
  result: 'applied' | 'unchanged' | 'refused';
  code?: string;
  message?: string;
  orderStatus?: string;
};

export type CsvConfirmReport = {
  rows: number;
  applied: number;
  unchanged: number;
  refused: number;
  results: CsvRowResult[];
};

export async function confirmShipmentsFromCsv(
  orders: OrdersService,
  input: { sellerId: string; text: string; timeZone: string; now: () => Date; actor: Actor },
): Promise<CsvConfirmReport> {
  const parsed = parseShipmentCsv(input.text);
  if (!parsed.ok) throw invalid(parsed.code, parsed.message);
  const results: CsvRowResult[] = parsed.problems.map((p) => ({
    row: p.row,
    orderId: p.orderId,
    orderItemId: null,
    quantity: null,
    trackingNumber: null,
    result: 'refused',
    code: p.code,
    message: p.message,
  }));
  for (const pkg of groupPackages(parsed.rows)) {
    const verdict = await confirmPackage(orders, input, pkg);
    for (const r of pkg.rows) {
      results.push({
        row: r.row,
        orderId: r.orderId,
        orderItemId: r.orderItemId,
        quantity: r.quantity,
        trackingNumber: r.trackingNumber,
        ...verdict,
      });
    }
  }
  results.sort((a, b) => a.row - b.row);
  const count = (k: CsvRowResult['result']) => results.filter((r) => r.result === k).length;
  return {
    rows: results.length,
    applied: count('applied'),
    unchanged: count('unchanged'),
    refused: count('refused'),
    results,
  };
}

type Verdict = Pick<CsvRowResult, 'result' | 'code' | 'message' | 'orderStatus'>;

async function confirmPackage(
  orders: OrdersService,
  input: { sellerId: string; timeZone: string; now: () => Date; actor: Actor },
  pkg: CsvPackage,
): Promise<Verdict> {
  const first = pkg.rows[0];
  if (!first) return { result: 'refused', code: 'CSV_EMPTY', message: 'No rows.' };
  try {
    const order = await orders.getOrder(input.sellerId, first.orderId);
    const items = await orders.repo.itemsOf(input.sellerId, [order.id]);
    const left = items.map((i) => ({
      orderItemId: i.orderItemId,
      left: Math.max(0, i.quantityOrdered - i.quantityShipped - i.quantityCanceled),
    }));
    const done = await orders.confirmShipment({
      sellerId: input.sellerId,
      amazonOrderId: order.amazonOrderId,
      // The same parcel uploaded again is recognised by its carrier and tracking number and
      // changes nothing (the service's per-package idempotency).
      packageReferenceId: `csv:${first.carrierCode}:${first.trackingNumber}`.slice(0, 200),
      carrierCode: first.carrierCode,
      carrierName: first.carrierName,
      shippingMethod: first.shipMethod,
      trackingNumber: first.trackingNumber,
      shipDate: resolveShipDate(first.shipDate, {
        purchaseDate: order.purchaseDate,
        now: input.now(),
        timeZone: input.timeZone,
      }),
      items: packageLines(pkg, left),
      source: 'web',
      actor: input.actor,
    });
    return done.replayed
      ? {
          result: 'unchanged',
          code: 'ALREADY_CONFIRMED',
          message: `This parcel (tracking ${first.trackingNumber}) was already confirmed; nothing changed.`,
          orderStatus: done.status,
        }
      : { result: 'applied', orderStatus: done.status };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'SHIPMENT_HAS_NO_ITEMS') {
      return {
        result: 'refused',
        code: 'NOTHING_LEFT_TO_SHIP',
        message: `Every item of order ${first.orderId} is already shipped or cancelled.`,
      };
    }
    return { result: 'refused', code: error.code, message: error.message };
  }
}
