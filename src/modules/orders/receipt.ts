// ORD-14: the receipt the marketplace issues on the seller's behalf, with the seller's name as
// issuer. One model, already worded and formatted in the receipt's language, rendered both as a
// PDF (receipt-pdf.ts) and as the web print page, so the two never disagree.
import { formatAmount } from '../../platform/money.ts';
import type { BuyerOrderFacts } from './buyer-order-view.ts';
import {
  fill,
  type ReceiptLabels,
  type ReceiptLanguage,
  receiptLabels,
  refundReasonText,
} from './receipt-labels.ts';

const LOCALES: Record<ReceiptLanguage, string> = { en: 'en-US', ja: 'ja-JP', it: 'it-IT' };

export type ReceiptRow = { label: string; value: string; bold?: boolean };

export type Receipt = {
  language: ReceiptLanguage;
  labels: ReceiptLabels;
  title: string;
  issuedOnBehalf: string;
  seller: { name: string };
  marketplace: { name: string };
  amazonOrderId: string;
  buyerName: string;
  /** Label/value pairs of the header: order id, dates, billed to. */
  fields: ReceiptRow[];
  items: {
    title: string;
    quantity: string;
    unitPrice: string;
    tax: string;
    amount: string;
    note: string | null;
  }[];
  summary: ReceiptRow[];
  refunds: { date: string; reason: string; amount: string }[];
  footer: string;
  currencyCode: string;
  /** The bare numbers, for machines reading the JSON (decimal strings in the currency). */
  amounts: { total: string; tax: string; refunded: string; paid: string };
};

/** The receipt of a charged order; `null` while nothing was charged (there is nothing to receipt). */
export function buildReceipt(f: BuyerOrderFacts, language: ReceiptLanguage, issuedAt: Date): Receipt | null {
  if (!f.charge) return null;
  const { order: o, items } = f;
  const labels = receiptLabels(language);
  const locale = LOCALES[language];
  const currency = o.currency;
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const fmt = (minor: bigint) => moneyFormat.format(formatAmount(minor, currency) as `${number}`);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: f.marketplace.timeZone });
  const date = (d: Date) => dateFormat.format(d);
  const quantity = new Intl.NumberFormat(locale);

  const sum = (pick: (i: (typeof items)[number]) => bigint) => items.reduce((a, i) => a + pick(i), 0n);
  const tax = sum((i) => i.itemTax + i.shippingTax);
  const shipping = sum((i) => i.shippingPrice);
  const discounts = sum((i) => i.promotionDiscount + i.shippingDiscount);
  const refunded = f.refunds.reduce((a, r) => a + r.total, 0n);
  const paid = f.charge.amount - refunded;
  const vars = { marketplace: f.marketplace.salesChannel, seller: f.sellerName, orderId: o.amazonOrderId };

  const summary: ReceiptRow[] = [
    { label: labels.itemsSubtotal, value: fmt(sum((i) => i.itemPrice)) },
    { label: labels.shipping, value: fmt(shipping) },
    ...(discounts > 0n ? [{ label: labels.discounts, value: fmt(-discounts) }] : []),
    { label: labels.orderTotal, value: fmt(o.orderTotal), bold: true },
    { label: labels.taxTotal, value: fmt(tax) },
    ...(refunded > 0n ? [{ label: labels.refundedTotal, value: fmt(-refunded) }] : []),
    { label: labels.amountPaid, value: fmt(paid), bold: true },
  ];

  return {
    language,
    labels,
    title: labels.title,
    issuedOnBehalf: fill(labels.issuedOnBehalf, vars),
    seller: { name: f.sellerName },
    marketplace: { name: f.marketplace.salesChannel },
    amazonOrderId: o.amazonOrderId,
    buyerName: o.buyerName,
    fields: [
      { label: labels.seller, value: f.sellerName },
      { label: labels.marketplace, value: f.marketplace.salesChannel },
      { label: labels.orderId, value: o.amazonOrderId },
      { label: labels.orderDate, value: date(o.purchaseDate) },
      { label: labels.paymentDate, value: date(f.charge.chargedAt) },
      { label: labels.receiptDate, value: date(issuedAt) },
      { label: labels.billedTo, value: o.buyerName },
    ],
    items: items.map((i) => ({
      title: i.title,
      quantity: quantity.format(i.quantityOrdered),
      unitPrice: fmt(i.unitPrice),
      tax: fmt(i.itemTax),
      amount: fmt(i.itemPrice),
      note: i.quantityCanceled > 0 ? fill(labels.canceledUnits, { count: i.quantityCanceled }) : null,
    })),
    summary,
    refunds: f.refunds.map((r) => ({
      date: date(r.createdAt),
      reason:
        refundReasonText(language, r.reason) +
        (r.deductedShipping > 0n ? ` ${fill(labels.lessShipping, { amount: fmt(r.deductedShipping) })}` : ''),
      amount: fmt(-r.total),
    })),
    footer: fill(labels.footer, vars),
    currencyCode: currency,
    amounts: {
      total: formatAmount(o.orderTotal, currency),
      tax: formatAmount(tax, currency),
      refunded: formatAmount(refunded, currency),
      paid: formatAmount(paid, currency),
    },
  };
}
