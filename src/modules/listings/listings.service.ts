// Listings (NTF-2 Listings, NTF-5): a minimal model (SKU, title, price, quantity, status) the
// storefront manages through the marketplace API. Creating and closing a listing publish
// `listing.created` / `listing.closed` in the same transaction (NTF-9); the storefront reports
// detail-page views, and the weekly job publishes the out-of-stock products buyers looked for.
import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid, notFound, ruleViolation } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import { formatAmount, parseAmount } from '../../platform/money.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import type { PublishedEvent } from '../notifications/index.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { createListingsRepository, type ListingRow, type ListingStatus } from './listings.repository.ts';
import { outOfStockWeek } from './out-of-stock-week.ts';

export type PutListingInput = {
  title: string;
  price: { amount: string; currencyCode: string };
  quantity: number;
  asin?: string;
  /** `inactive` hides an open listing without closing it. */
  status?: 'active' | 'inactive';
};

export type ViewReport = {
  sellerId: string;
  sku: string;
  /** Local day (YYYY-MM-DD) in the seller's zone; today when absent. */
  day?: string;
  views: number;
  outOfStockViews?: number;
};

export type ListingView = {
  sku: string;
  marketplaceId: string;
  asin: string | null;
  title: string;
  price: { amount: string; currencyCode: string };
  quantity: number;
  status: ListingStatus;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
};

export function listingView(l: ListingRow): ListingView {
  return {
    sku: l.sku,
    marketplaceId: l.marketplaceId,
    asin: l.asin,
    title: l.title,
    price: { amount: formatAmount(l.price, l.currency), currencyCode: l.currency },
    quantity: l.quantity,
    status: l.status,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    closedAt: l.closedAt?.toISOString() ?? null,
  };
}

export type ListingsDeps = {
  db: Db;
  clock: Clock;
  marketplaces: MarketplacesService;
  /** The notifications module's outbox writer (notifications index `publishEvent`). */
  publishEvent: (tx: DbOrTx, e: PublishedEvent) => Promise<boolean>;
  ids: Ids;
};

const SELLERS_PER_QUERY = 500;

export function createListingsService(d: ListingsDeps) {
  const repo = createListingsRepository(d.db);
  // NTF-5: the last week each zone was reported for, so the minute-by-minute schedule does the
  // work once per week per process (the dedupe key makes it once overall).
  const reportedWeek = new Map<string, string>();

  async function sellerOf(sellerId: string) {
    const seller = await d.marketplaces.findSeller(sellerId);
    if (!seller) throw notFound('SELLER_NOT_FOUND', `No seller ${sellerId}.`);
    return seller;
  }

  return {
    /** Creates the listing, or updates its title, price, quantity (a closed listing is re-opened). */
    async putListing(sellerId: string, sku: string, input: PutListingInput) {
      const seller = await sellerOf(sellerId);
      const marketplace = await d.marketplaces.getMarketplace(seller.marketplaceId);
      if (input.price.currencyCode !== marketplace.currency) {
        throw invalid(
          'LISTING_CURRENCY_MISMATCH',
          `Prices on ${marketplace.name} are in ${marketplace.currency}, not ${input.price.currencyCode}.`,
          { field: 'price.currencyCode' },
        );
      }
      const price = parseAmount(input.price.amount, marketplace.currency);
      if (typeof price !== 'bigint' || price < 0n) {
        throw invalid(
          'LISTING_PRICE_INVALID',
          `The price "${input.price.amount}" is not a valid ${marketplace.currency} amount.`,
          { field: 'price.amount' },
        );
      }
      const now = d.clock.now();
      return d.db.transaction(async (tx) => {
        const existing = await repo.find(tx, sellerId, sku, true);
        if (!existing) {
          const row = {
            sellerId,
            sku,
            marketplaceId: seller.marketplaceId,
            asin: input.asin ?? null,
            title: input.title,
            price,
            currency: marketplace.currency,
            quantity: input.quantity,
            status: input.status ?? ('active' as const),
            createdAt: now,
            updatedAt: now,
          };
          if (!(await repo.insert(tx, row))) {
            throw ruleViolation(
              'LISTING_CONFLICT',
              `SKU ${sku} was created by another request at the same time; try again.`,
            );
          }
          await publishCreated(tx, row as ListingRow, now);
          return { created: true, listing: listingView({ ...row, closedAt: null } as ListingRow) };
        }
        const reopened = existing.status === 'closed';
        const updated = await repo.update(tx, sellerId, sku, {
          title: input.title,
          price,
          quantity: input.quantity,
          asin: input.asin ?? existing.asin,
          status: input.status ?? (reopened ? 'active' : existing.status),
          closedAt: reopened ? null : existing.closedAt,
          updatedAt: now,
        });
        // A closed SKU offered again is a new listing for the seller.
        if (reopened) await publishCreated(tx, updated, now);
        return { created: reopened, listing: listingView(updated) };
      });
    },

    /** Closes a listing; closing a closed listing changes nothing and publishes nothing. */
    async closeListing(sellerId: string, sku: string) {
      await sellerOf(sellerId);
      const now = d.clock.now();
      return d.db.transaction(async (tx) => {
        const existing = await repo.find(tx, sellerId, sku, true);
        if (!existing) throw notFound('LISTING_NOT_FOUND', `No listing with SKU ${sku}.`);
        if (existing.status === 'closed') return { alreadyClosed: true, listing: listingView(existing) };
        const closed = await repo.update(tx, sellerId, sku, {
          status: 'closed',
          closedAt: now,
          updatedAt: now,
        });
        await d.publishEvent(tx, {
          sellerId,
          type: 'listing.closed',
          dedupeKey: changeKey('listing.closed', sellerId, sku),
          payload: { sku, title: closed.title, marketplaceId: closed.marketplaceId },
          occurredAt: now,
        });
        return { alreadyClosed: false, listing: listingView(closed) };
      });
    },

    async getListing(sellerId: string, sku: string): Promise<ListingView> {
      const l = await repo.find(d.db, sellerId, sku);
      if (!l) throw notFound('LISTING_NOT_FOUND', `No listing with SKU ${sku}.`);
      return listingView(l);
    },

    async listListings(f: Parameters<typeof repo.list>[0]) {
      const { rows, total } = await repo.list(f);
      return { listings: rows.map(listingView), total };
    },

    /** NTF-5 input: views per SKU and local day, added to what was already reported. */
    async reportViews(reports: ViewReport[]) {
      const zones = new Map<string, string>();
      for (const r of reports) {
        if (!zones.has(r.sellerId)) zones.set(r.sellerId, (await sellerOf(r.sellerId)).timeZone);
        if ((r.outOfStockViews ?? 0) > r.views) {
          throw invalid('VIEWS_INVALID', `SKU ${r.sku}: out-of-stock views cannot exceed views.`, {
            field: 'outOfStockViews',
          });
        }
      }
      const now = d.clock.now();
      await d.db.transaction(async (tx) => {
        for (const r of reports) {
          const listing = await repo.find(tx, r.sellerId, r.sku);
          if (!listing)
            throw notFound('LISTING_NOT_FOUND', `No listing with SKU ${r.sku} for seller ${r.sellerId}.`);
          const day =
            r.day ??
            Temporal.Instant.fromEpochMilliseconds(now.getTime())
              .toZonedDateTimeISO(zones.get(r.sellerId) ?? 'UTC')
              .toPlainDate()
              .toString();
          await repo.addViews(tx, {
            sellerId: r.sellerId,
            sku: r.sku,
            day,
            views: r.views,
            outOfStockViews: r.outOfStockViews ?? 0,
          });
        }
      });
      return { recorded: reports.length };
    },

    /**
     * NTF-5: for every seller whose local week ended, one `out_of_stock.weekly` event listing the
     * out-of-stock listings buyers looked for that week; none when there are none. The dedupe key
     * (seller + week) makes a re-run, a second worker or a clock moved back and forth one event.
     */
    async runWeeklyOutOfStock(now: Date): Promise<{ published: number }> {
      const sellers = await d.marketplaces.listSellers();
      const byZone = new Map<string, string[]>();
      for (const s of sellers) byZone.set(s.timeZone, [...(byZone.get(s.timeZone) ?? []), s.id]);
      let published = 0;
      for (const [zone, ids] of byZone) {
        const week = outOfStockWeek(now, zone);
        // Sellers who join later in the week had no views last week: the zone's week is done.
        if (reportedWeek.get(zone) === week.from) continue;
        for (let i = 0; i < ids.length; i += SELLERS_PER_QUERY) {
          const chunk = ids.slice(i, i + SELLERS_PER_QUERY);
          const found = await repo.outOfStockLooked(chunk, week.from, week.to);
          if (found.size === 0) continue;
          await d.db.transaction(async (tx) => {
            for (const [sellerId, items] of found) {
              const fresh = await d.publishEvent(tx, {
                sellerId,
                type: 'out_of_stock.weekly',
                dedupeKey: `out_of_stock.weekly:${sellerId}:${week.from}`,
                payload: {
                  weekStart: week.from,
                  weekEnd: week.last,
                  items,
                  summary: items.map((x) => x.sku).join(', '),
                },
                occurredAt: now,
              });
              if (fresh) published++;
            }
          });
        }
        reportedWeek.set(zone, week.from);
      }
      return { published };
    },
  };

  // Each create/close is decided once, under the row lock of its transaction: a fresh id per
  // change is its identity (a time stamp is not: two changes can share one sandbox instant).
  function changeKey(type: string, sellerId: string, sku: string) {
    return `${type}:${sellerId}:${sku}:${d.ids.next('lch')}`;
  }

  async function publishCreated(tx: DbOrTx, l: ListingRow, now: Date) {
    await d.publishEvent(tx, {
      sellerId: l.sellerId,
      type: 'listing.created',
      dedupeKey: changeKey('listing.created', l.sellerId, l.sku),
      payload: {
        sku: l.sku,
        title: l.title,
        marketplaceId: l.marketplaceId,
        price: { amount: formatAmount(l.price, l.currency), currencyCode: l.currency },
        quantity: l.quantity,
      },
      occurredAt: now,
    });
  }
}

export type ListingsService = ReturnType<typeof createListingsService>;
