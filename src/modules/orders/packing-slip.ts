// ORD-9 packing slips, pure: what a slip carries (order id, items, ship-to, Business Buyer mark
// and Buyer PO number, seller name) and its labels in the buyer's language. The HTML print page
// (packing-slip-html.ts) and the PDF (packing-slip-pdf.ts) draw the same slip.
import type { OrderItemRow, OrderRow } from './orders.repository.ts';

export type SlipLanguage = 'en' | 'ja' | 'it';

export type PackingSlip = {
  amazonOrderId: string;
  purchaseDate: string;
  shipServiceLevel: string;
  sellerName: string;
  isBusinessOrder: boolean;
  purchaseOrderNumber: string | null;
  /** Name first, then address lines, postal code and city, country. */
  shipTo: string[];
  items: { sku: string; title: string; quantity: number; giftMessage: string | null }[];
};

export type SlipRefusal = { code: string; message: string };

/**
 * A slip goes into the parcel, so only orders that can be (or were) shipped get one: a Pending
 * order has no address yet (ORD-2) and must not ship; a cancelled one ships nothing.
 */
export function slipRefusal(o: Pick<OrderRow, 'amazonOrderId' | 'status'>): SlipRefusal | null {
  if (o.status === 'Pending' || o.status === 'PendingAvailability') {
    return {
      code: 'PACKING_SLIP_ORDER_PENDING',
      message: `Order ${o.amazonOrderId} is Pending: it has no shipping address and must not ship until the payment completes.`,
    };
  }
  if (o.status === 'Canceled') {
    return {
      code: 'PACKING_SLIP_ORDER_CANCELED',
      message: `Order ${o.amazonOrderId} is cancelled: there is nothing to ship.`,
    };
  }
  return null;
}

export function packingSlip(
  o: OrderRow,
  items: readonly OrderItemRow[],
  sellerName: string,
  formatDate: (d: Date) => string,
): PackingSlip {
  const a = o.shippingAddress;
  const cityLine = [a.postalCode, a.city, a.stateOrRegion].filter(Boolean).join(' ');
  return {
    amazonOrderId: o.amazonOrderId,
    purchaseDate: formatDate(o.purchaseDate),
    shipServiceLevel: o.shipServiceLevel,
    sellerName,
    isBusinessOrder: o.isBusinessOrder,
    purchaseOrderNumber: o.purchaseOrderNumber,
    shipTo: [a.name, a.addressLine1, a.addressLine2, a.addressLine3, cityLine, a.countryCode].filter(
      (line): line is string => typeof line === 'string' && line.trim() !== '',
    ),
    // ORD-11/12: units that will never ship (cancelled or refunded as unavailable) are not packed.
    items: items
      .map((i) => ({
        sku: i.sku,
        title: i.title,
        quantity: i.quantityOrdered - i.quantityCanceled,
        giftMessage: i.giftMessageText,
      }))
      .filter((i) => i.quantity > 0),
  };
}

export const SLIP_LABELS = {
  en: {
    title: 'Packing slip',
    orderId: 'Order ID',
    orderDate: 'Order date',
    shippingService: 'Shipping service',
    seller: 'Seller',
    shipTo: 'Ship to',
    businessBuyer: 'Business Buyer',
    poNumber: 'Buyer PO number',
    sku: 'SKU',
    product: 'Product',
    quantity: 'Qty',
    giftMessage: 'Gift message',
    thanks: 'Thank you for your order.',
    print: 'Print',
  },
  ja: {
    title: '納品書',
    orderId: '注文番号',
    orderDate: '注文日',
    shippingService: '配送サービス',
    seller: '出品者',
    shipTo: 'お届け先',
    businessBuyer: '法人購入者',
    poNumber: '購買発注番号（PO）',
    sku: 'SKU',
    product: '商品名',
    quantity: '数量',
    giftMessage: 'ギフトメッセージ',
    thanks: 'このたびはご注文いただきありがとうございます。',
    print: '印刷',
  },
  it: {
    title: 'Documento di trasporto',
    orderId: 'Numero ordine',
    orderDate: 'Data ordine',
    shippingService: 'Servizio di spedizione',
    seller: 'Venditore',
    shipTo: 'Spedire a',
    businessBuyer: 'Acquirente Business',
    poNumber: 'Numero ordine d’acquisto (PO)',
    sku: 'SKU',
    product: 'Prodotto',
    quantity: 'Qtà',
    giftMessage: 'Messaggio regalo',
    thanks: 'Grazie per il tuo ordine.',
    print: 'Stampa',
  },
} satisfies Record<SlipLanguage, Record<string, string>>;

export type SlipLabels = (typeof SLIP_LABELS)['en'];

export function slipLanguage(value: string | undefined): SlipLanguage {
  return value === 'ja' || value === 'it' ? value : 'en';
}
