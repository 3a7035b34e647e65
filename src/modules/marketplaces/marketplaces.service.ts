// Marketplaces (with their policy settings) and sellers. Both change rarely and are read on
// every request, so they are cached in memory for a few seconds; edits show up after that.
import type { Clock } from '../../platform/clock.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import { SEEDED_MARKETPLACES } from './marketplace-policy.ts';
import {
  createMarketplacesRepository,
  type MarketplaceRow,
  type SellerRow,
} from './marketplaces.repository.ts';

export type Marketplace = MarketplaceRow;
export type Seller = SellerRow;

const CACHE_MS = 5000;

export function createMarketplacesService(o: { db: Db; ids: Ids; clock: Clock }) {
  const repo = createMarketplacesRepository(o.db);
  let marketplaceCache: { at: number; byId: Map<string, Marketplace> } | null = null;
  const sellerCache = new Map<string, { at: number; seller: Seller }>();
  const tick = () => performance.now();

  let refreshing: Promise<void> | null = null;

  async function load(): Promise<Map<string, Marketplace>> {
    const rows = await repo.allMarketplaces();
    marketplaceCache = { at: tick(), byId: new Map(rows.map((r) => [r.id, r])) };
    return marketplaceCache.byId;
  }

  /**
   * Stale-while-revalidate: once loaded, callers never wait for the database. Services read the
   * marketplace inside their transactions, and on PGlite (one connection) a query beside an open
   * transaction would wait for it forever; a background refresh simply runs after it.
   */
  async function marketplaces(): Promise<Map<string, Marketplace>> {
    if (!marketplaceCache) return load();
    if (tick() - marketplaceCache.at >= CACHE_MS && !refreshing) {
      refreshing = load()
        .then(() => undefined)
        .catch(() => undefined)
        .finally(() => {
          refreshing = null;
        });
    }
    return marketplaceCache.byId;
  }

  return {
    /** Inserts the seeded marketplaces (Japan, Italy) that are missing. */
    async seedMarketplaces(): Promise<void> {
      for (const m of SEEDED_MARKETPLACES) await repo.upsertMarketplace({ ...m, createdAt: o.clock.now() });
      await load();
    },

    async listMarketplaces(): Promise<Marketplace[]> {
      return [...(await marketplaces()).values()];
    },

    async findMarketplace(id: string): Promise<Marketplace | undefined> {
      return (await marketplaces()).get(id);
    },

    async getMarketplace(id: string): Promise<Marketplace> {
      const m = (await marketplaces()).get(id);
      if (!m) throw notFound('MARKETPLACE_NOT_FOUND', `Unknown marketplace id ${id}.`);
      return m;
    },

    async findSeller(id: string): Promise<Seller | undefined> {
      const hit = sellerCache.get(id);
      if (hit && tick() - hit.at < CACHE_MS) return hit.seller;
      const seller = await repo.seller(id);
      if (seller) sellerCache.set(id, { at: tick(), seller });
      return seller;
    },

    async getSeller(id: string): Promise<Seller> {
      const s = await this.findSeller(id);
      if (!s) throw notFound('SELLER_NOT_FOUND', `Unknown seller id ${id}.`);
      return s;
    },

    /**
     * MSG-3: the seller's Customer Service Reply-to address. A new address is unverified until
     * its link is followed (`verifiedAt`); the same address keeps its verification.
     */
    async setCustomerServiceEmail(
      sellerId: string,
      email: string | null,
      verifiedAt: Date | null,
      on?: DbOrTx,
    ): Promise<void> {
      await repo.updateCustomerServiceEmail(
        sellerId,
        { customerServiceEmail: email, customerServiceEmailVerifiedAt: verifiedAt },
        on,
      );
      sellerCache.delete(sellerId);
    },

    async listSellers(): Promise<Seller[]> {
      return repo.allSellers();
    },

    async createSeller(input: {
      id?: string;
      marketplaceId: string;
      name: string;
      sellingPlan: 'Individual' | 'Professional';
      timeZone?: string;
      language?: string;
      customerServiceEmail?: string | null;
      emergencyPhone?: string | null;
    }): Promise<Seller> {
      const m = await this.getMarketplace(input.marketplaceId);
      if (!input.name.trim()) throw invalid('VALIDATION_FAILED', 'A seller needs a name.');
      const row = {
        id: input.id ?? o.ids.next('sel'),
        marketplaceId: m.id,
        name: input.name.trim(),
        sellingPlan: input.sellingPlan,
        timeZone: input.timeZone ?? m.timeZone,
        language: input.language ?? m.language,
        customerServiceEmail: input.customerServiceEmail ?? null,
        customerServiceEmailVerifiedAt: null,
        emergencyPhone: input.emergencyPhone ?? null,
        createdAt: o.clock.now(),
      };
      await repo.insertSeller(row);
      return row;
    },
  };
}

export type MarketplacesService = ReturnType<typeof createMarketplacesService>;
