// What the use cases share: dependencies, the repository, the order facts and relay aliases.
import type { Clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Ids } from '../../../platform/ids.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { BuyersService } from '../../buyers/index.ts';
import type { IdentityService } from '../../identity/index.ts';
import type { MarketplacesService } from '../../marketplaces/index.ts';
import {
  loadOrderMessagingContext,
  type OrderMessagingContext,
  type OrdersService,
  relayAddress,
} from '../../orders/index.ts';
import type { MessagingRepository } from '../messaging.repository.ts';
import type { PolicyPhraseRule } from '../messaging.types.ts';

export type MessagingDeps = {
  db: Db;
  ids: Ids;
  clock: Clock;
  marketplaces: MarketplacesService;
  buyers: BuyersService;
  orders: OrdersService;
  identity: IdentityService;
  secret: string;
  log: Logger;
  /** Operator phrases (D's policy-phrases.service.ts), injected by the composition root. */
  phrases: { forMarketplace(marketplaceId: string): Promise<{ rule: PolicyPhraseRule; phrase: string }[]> };
};

export type MessagingCore = {
  deps: MessagingDeps;
  repo: MessagingRepository;
  orderContext(sellerId: string, amazonOrderId: string, on?: DbOrTx): Promise<OrderMessagingContext>;
  /**
   * MSG-4: both aliases of the pair exist (in the caller's transaction). `existing`: both were
   * stored before this call (false: written now, in the caller's transaction).
   */
  ensureRelays(
    on: DbOrTx,
    sellerId: string,
    buyerId: string,
    domain: string,
    buyerEmail?: string,
  ): Promise<{ buyerAlias: string; sellerAlias: string; existing: boolean }>;
};

/** Pairs remembered by one process (a bound on memory; past it the memory starts again). */
const KNOWN_PAIRS_MAX = 20_000;

export function createCore(deps: MessagingDeps, repo: MessagingRepository): MessagingCore {
  // Relay rows are never changed or deleted once stored (an alias stays valid for good, MSG-4), so
  // a pair whose two rows were read is remembered: the write path and the forwarder do not read
  // them again for every message (issue 5: 200 mails/s). Only rows read back are remembered,
  // never rows this call inserted (the caller's transaction may still roll back).
  const knownPairs = new Map<string, { buyerAlias: string; sellerAlias: string; existing: true }>();
  return {
    deps,
    repo,
    async orderContext(sellerId, amazonOrderId, on) {
      const o = await loadOrderMessagingContext(on ?? deps.db, sellerId, amazonOrderId);
      if (!o) throw notFound('ORDER_NOT_FOUND', `No order ${amazonOrderId} for this seller.`);
      return o;
    },
    async ensureRelays(on, sellerId, buyerId, domain, buyerEmail) {
      const key = `${sellerId}\n${buyerId}`;
      const known = knownPairs.get(key);
      if (known) return known;
      const existing = await repo.relayFor(on, sellerId, buyerId);
      const buyerRow = existing.find((r) => r.party === 'buyer');
      const sellerRow = existing.find((r) => r.party === 'seller');
      if (buyerRow && sellerRow) {
        const pair = {
          buyerAlias: buyerRow.address,
          sellerAlias: sellerRow.address,
          existing: true as const,
        };
        if (knownPairs.size >= KNOWN_PAIRS_MAX) knownPairs.clear();
        knownPairs.set(key, pair);
        return pair;
      }
      const email = buyerEmail ?? (await repo.buyer(on, buyerId))?.email;
      if (!email) throw notFound('BUYER_NOT_FOUND', 'No such buyer.');
      // Buyer alias = what orders already carry as BuyerEmail; seller alias keyed on `seller:<id>`.
      const buyerAlias = buyerRow?.address ?? relayAddress(deps.secret, sellerId, email, domain);
      const sellerAlias =
        sellerRow?.address ?? relayAddress(deps.secret, `seller:${sellerId}`, email, domain);
      const now = deps.clock.now();
      await repo.insertRelays(on, [
        ...(buyerRow
          ? []
          : [{ address: buyerAlias, sellerId, buyerId, party: 'buyer' as const, createdAt: now }]),
        ...(sellerRow
          ? []
          : [{ address: sellerAlias, sellerId, buyerId, party: 'seller' as const, createdAt: now }]),
      ]);
      return { buyerAlias, sellerAlias, existing: false };
    },
  };
}
