// Words of the receipt (ORD-14) in the marketplace languages. English is complete; a missing
// Japanese or Italian word falls back to English rather than leaving a blank on a legal document.

export const RECEIPT_LANGUAGES = ['en', 'ja', 'it'] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];

const en = {
  title: 'Receipt',
  issuedOnBehalf: 'Issued by {marketplace} on behalf of the seller {seller}',
  seller: 'Seller (issuer)',
  marketplace: 'Marketplace',
  orderId: 'Order ID',
  orderDate: 'Order date',
  paymentDate: 'Payment date',
  receiptDate: 'Receipt date',
  billedTo: 'Billed to',
  items: 'Items',
  item: 'Item',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  tax: 'Tax',
  amount: 'Amount',
  itemsSubtotal: 'Items subtotal',
  shipping: 'Shipping',
  discounts: 'Discounts',
  taxTotal: 'Tax included in total',
  orderTotal: 'Order total',
  refunds: 'Refunds',
  refundDate: 'Date',
  refundReason: 'Reason',
  refundedTotal: 'Refunded',
  amountPaid: 'Amount paid',
  lessShipping: '(less shipping {amount})',
  canceledUnits: '{count} not shipped',
  footer: 'Order {orderId} · {marketplace} · Receipt issued on behalf of {seller}',
  notAvailable: 'A receipt is available once the seller ships your order and you are charged.',
} as const;

export type ReceiptLabels = { [K in keyof typeof en]: string };

const ja: Partial<ReceiptLabels> = {
  title: '領収書',
  issuedOnBehalf: '{marketplace} が販売者 {seller} に代わって発行しています',
  seller: '販売者（発行者）',
  marketplace: 'マーケットプレイス',
  orderId: '注文番号',
  orderDate: '注文日',
  paymentDate: 'お支払い日',
  receiptDate: '発行日',
  billedTo: '宛名',
  items: '商品',
  item: '商品名',
  quantity: '数量',
  unitPrice: '単価',
  tax: '税',
  amount: '金額',
  itemsSubtotal: '商品の小計',
  shipping: '配送料',
  discounts: '割引',
  taxTotal: 'うち消費税',
  orderTotal: 'ご注文合計',
  refunds: '返金',
  refundDate: '日付',
  refundReason: '理由',
  refundedTotal: '返金額',
  amountPaid: 'お支払い金額',
  lessShipping: '（配送料 {amount} を差し引き）',
  canceledUnits: '{count} 点未発送',
  footer: '注文番号 {orderId} · {marketplace} · {seller} に代わって発行',
  notAvailable: '領収書は、販売者が商品を発送しお支払いが確定した後にご利用いただけます。',
};

const it: Partial<ReceiptLabels> = {
  title: 'Ricevuta',
  issuedOnBehalf: 'Emessa da {marketplace} per conto del venditore {seller}',
  seller: 'Venditore (emittente)',
  marketplace: 'Marketplace',
  orderId: 'Numero ordine',
  orderDate: "Data dell'ordine",
  paymentDate: 'Data di pagamento',
  receiptDate: 'Data della ricevuta',
  billedTo: 'Intestata a',
  items: 'Articoli',
  item: 'Articolo',
  quantity: 'Qtà',
  unitPrice: 'Prezzo unitario',
  tax: 'IVA',
  amount: 'Importo',
  itemsSubtotal: 'Subtotale articoli',
  shipping: 'Spedizione',
  discounts: 'Sconti',
  taxTotal: 'di cui IVA',
  orderTotal: "Totale dell'ordine",
  refunds: 'Rimborsi',
  refundDate: 'Data',
  refundReason: 'Motivo',
  refundedTotal: 'Rimborsato',
  amountPaid: 'Importo pagato',
  lessShipping: '(meno spedizione {amount})',
  canceledUnits: '{count} non spediti',
  footer: 'Ordine {orderId} · {marketplace} · Ricevuta emessa per conto di {seller}',
  notAvailable:
    'La ricevuta è disponibile quando il venditore spedisce il tuo ordine e il pagamento viene addebitato.',
};

const REFUND_REASONS: Record<ReceiptLanguage, Record<string, string>> = {
  en: {
    NoInventory: 'Item not available',
    CouldNotShip: 'Could not ship',
    CustomerReturn: 'Return',
    CustomerCancel: 'Cancelled by you',
    BuyerCanceled: 'Cancelled by you',
    GeneralAdjustment: 'Adjustment',
    CombinedShipping: 'Combined shipping',
    Undeliverable: 'Parcel could not be delivered',
  },
  ja: {
    NoInventory: '在庫切れ',
    CouldNotShip: '発送不可',
    CustomerReturn: '返品',
    CustomerCancel: 'お客様によるキャンセル',
    BuyerCanceled: 'お客様によるキャンセル',
    GeneralAdjustment: '調整',
    CombinedShipping: '同梱発送',
    Undeliverable: '配達できなかった荷物',
  },
  it: {
    NoInventory: 'Articolo non disponibile',
    CouldNotShip: 'Spedizione impossibile',
    CustomerReturn: 'Reso',
    CustomerCancel: 'Annullato da te',
    BuyerCanceled: 'Annullato da te',
    GeneralAdjustment: 'Rettifica',
    CombinedShipping: 'Spedizione combinata',
    Undeliverable: 'Pacco non consegnabile',
  },
};

const dictionaries: Record<ReceiptLanguage, Partial<ReceiptLabels>> = { en, ja, it };

export function isReceiptLanguage(value: unknown): value is ReceiptLanguage {
  return value === 'en' || value === 'ja' || value === 'it';
}

/** Every label in `language`, English where that language has none. */
export function receiptLabels(language: ReceiptLanguage): ReceiptLabels {
  return { ...en, ...dictionaries[language] };
}

/** A refund reason code in words (the code itself when it has none: it is still meaningful). */
export function refundReasonText(language: ReceiptLanguage, reason: string): string {
  return REFUND_REASONS[language][reason] ?? REFUND_REASONS.en[reason] ?? reason;
}

export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
