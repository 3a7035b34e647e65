import { describe, expect, it } from 'vitest';
import { packingSlipsHtml } from './packing-slip-html.ts';
import { packingSlip, SLIP_LABELS, slipRefusal } from './packing-slip.ts';
import type { OrderItemRow, OrderRow } from './orders.repository.ts';

const order = {
  amazonOrderId: '503-1111111-2222222',
  status: 'Unshipped',
  purchaseDate: new Date('2026-11-20T01:00:00Z'),
  shipServiceLevel: 'Std JP D2D Dom',
  isBusinessOrder: true,
  purchaseOrderNumber: 'PO-<1>',
  shippingAddress: {
    name: '山田 太郎',
    addressLine1: '1-2-3 Shibuya',
    addressLine2: null,
    city: 'Shibuya-ku',
    stateOrRegion: 'Tokyo',
    postalCode: '150-0002',
    countryCode: 'JP',
  },
} as unknown as OrderRow;
const item = (over: Partial<OrderItemRow>) =>
  ({
    sku: 'SKU-A',
    title: 'Tea',
    quantityOrdered: 2,
    quantityCanceled: 0,
    giftMessageText: null,
    ...over,
  }) as OrderItemRow;

describe('packing slips (ORD-9)', () => {
  it('carry the order id, items to pack, ship-to, Business Buyer mark and PO number', () => {
    const slip = packingSlip(
      order,
      [item({}), item({ sku: 'SKU-B', quantityOrdered: 1, quantityCanceled: 1 })],
      'Kyoto Tea',
      () => 'Nov 20',
    );
    expect(slip).toEqual({
      amazonOrderId: '503-1111111-2222222',
      purchaseDate: 'Nov 20',
      shipServiceLevel: 'Std JP D2D Dom',
      sellerName: 'Kyoto Tea',
      isBusinessOrder: true,
      purchaseOrderNumber: 'PO-<1>',
      shipTo: ['山田 太郎', '1-2-3 Shibuya', '150-0002 Shibuya-ku Tokyo', 'JP'],
      items: [{ sku: 'SKU-A', title: 'Tea', quantity: 2, giftMessage: null }],
    });
  });

  it('are refused for Pending and cancelled orders', () => {
    expect(slipRefusal({ amazonOrderId: 'X', status: 'Pending' })?.code).toBe('PACKING_SLIP_ORDER_PENDING');
    expect(slipRefusal({ amazonOrderId: 'X', status: 'Canceled' })?.code).toBe('PACKING_SLIP_ORDER_CANCELED');
    expect(slipRefusal({ amazonOrderId: 'X', status: 'Shipped' })).toBeNull();
  });

  it('escape every value in the print page and break pages between slips', () => {
    const slip = packingSlip(order, [item({ title: '<script>x</script>' })], 'A & B', () => 'd');
    const html = packingSlipsHtml([slip, slip], SLIP_LABELS.ja, 'ja');
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('PO-&lt;1&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).toContain('page-break-after: always');
    expect(html).toContain('<html lang="ja">');
  });
});
