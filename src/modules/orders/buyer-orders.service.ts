// "Your Account" reads (issue 3 item 9): the buyer's orders across sellers, one order's detail,
// and its receipt (ORD-14). Buyer changes go through the order-changes use cases (editByBuyer,
// requestCancellation) with the buyer id, which refuse other buyers' orders the same way.
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound, ruleViolation } from '../../platform/errors.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { type BuyerOrderFacts, buyerOrderDetail, buyerOrderRow } from './buyer-order-view.ts';
import { createBuyerOrdersRepository } from './buyer-orders.repository.ts';
import type { OrdersRepository } from './orders.repository.ts';
import { buildReceipt } from './receipt.ts';
import { isReceiptLanguage, type ReceiptLanguage, receiptLabels } from './receipt-labels.ts';
import { receiptPdf } from './receipt-pdf.ts';

export function createBuyerOrders(d: {
  db: Db;
  clock: Clock;
  marketplaces: MarketplacesService;
  repo: OrdersRepository;
}) {
  const buyerRepo = createBuyerOrdersRepository(d.db);
  const sellerNames = new Map<string, string>();

  // Seller names are public (shown on listings); cached because a page lists many orders.
  async function sellerName(sellerId: string): Promise<string> {
    let name = sellerNames.get(sellerId);
    if (name === undefined) {
      name = (await d.marketplaces.findSeller(sellerId))?.name ?? '';
      if (sellerNames.size > 10_000) sellerNames.clear();
      sellerNames.set(sellerId, name);
    }
    return name;
  }

  async function facts(buyerId: string, amazonOrderId: string): Promise<BuyerOrderFacts> {
    const order = await buyerRepo.findForBuyer(buyerId, amazonOrderId);
    // Another buyer's order answers exactly like a missing one: ids reveal nothing.
    if (!order) throw notFound('ORDER_NOT_FOUND', `You have no order ${amazonOrderId}.`);
    const m = await d.marketplaces.getMarketplace(order.marketplaceId);
    const [items, shipments, charge, events, refunds, scans, seller] = await Promise.all([
      d.repo.itemsOf(order.sellerId, [order.id]),
      d.repo.shipmentsOf(order.sellerId, order.id),
      d.repo.chargeOf(order.sellerId, order.id),
      d.repo.eventsOf(order.sellerId, order.id),
      buyerRepo.refundsOf(order.sellerId, order.id),
      buyerRepo.scansOf(order.sellerId, order.id),
      sellerName(order.sellerId),
    ]);
    return {
      order,
      items,
      shipments,
      charge,
      events,
      refunds,
      scans,
      sellerName: seller,
      marketplace: {
        id: m.id,
        salesChannel: m.salesChannel,
        timeZone: m.timeZone,
        language: isReceiptLanguage(m.language) ? m.language : 'en',
        editWindowMinutes: m.policy.orders.editWindowMinutes,
      },
    };
  }

  async function receiptOf(buyerId: string, amazonOrderId: string, language?: ReceiptLanguage) {
    const f = await facts(buyerId, amazonOrderId);
    const lang = language ?? f.marketplace.language;
    const issuedAt = d.clock.now();
    const receipt = buildReceipt(f, lang, issuedAt);
    if (!receipt) throw ruleViolation('RECEIPT_NOT_AVAILABLE', receiptLabels('en').notAvailable);
    return { receipt, issuedAt };
  }

  return {
    /** The buyer's orders from every seller, newest first. */
    async buyerOrderPage(buyerId: string, page: number, pageSize: number) {
      const { rows, total } = await buyerRepo.pageForBuyer(buyerId, pageSize, (page - 1) * pageSize);
      const items = await buyerRepo.itemsOfOrders(rows.map((o) => ({ sellerId: o.sellerId, orderId: o.id })));
      const orders = [];
      for (const o of rows) {
        const mine = items.filter((i) => i.sellerId === o.sellerId && i.orderId === o.id);
        orders.push(buyerOrderRow(o, mine, await sellerName(o.sellerId)));
      }
      return { orders, total, page, pageSize };
    },

    async buyerOrderDetail(buyerId: string, amazonOrderId: string) {
      return buyerOrderDetail(await facts(buyerId, amazonOrderId), d.clock.now());
    },

    /** ORD-14: in the marketplace's language unless the buyer asks for another one. */
    buyerReceipt: receiptOf,

    async buyerReceiptPdf(buyerId: string, amazonOrderId: string, language?: ReceiptLanguage) {
      const { receipt, issuedAt } = await receiptOf(buyerId, amazonOrderId, language);
      return { receipt, pdf: await receiptPdf(receipt, issuedAt) };
    },
  };
}
