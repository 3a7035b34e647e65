// The composition of the mail side of messaging (MSG-3/4/5): the relay route for the inbound SMTP
// server and the forwarding worker, built from the services the composition root already has.
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Ids } from '../../../platform/ids.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import type { MarketplacesService } from '../../marketplaces/index.ts';
import { orderBuyerIds } from '../../orders/index.ts';
import { createForwardingRepository } from './forwarding.repository.ts';
import { createForwardingService, type ForwardingDeps } from './forwarding.service.ts';
import { createRelayRepository } from './relay.repository.ts';
import { type RelayMessaging, relayRoute } from './relay-route.ts';

export type MailRelayDeps = {
  db: Db;
  ids: Ids;
  /** Business time (the messages' forward_next_at is written with it). */
  clock: Clock;
  marketplaces: MarketplacesService;
  identity: { sellerContacts(sellerId: string): Promise<{ email: string }[]> };
  messaging: RelayMessaging & ForwardingDeps['messaging'];
  buyers: {
    findById(id: string): Promise<{ id: string; email: string; name: string; language: string } | undefined>;
  };
  mailer: Mailer;
  log: Logger;
  forwarding?: Pick<ForwardingDeps, 'leaseMs' | 'batchSize' | 'pollMs'>;
};

export function createMailRelay(d: MailRelayDeps) {
  const buyer = (id: string) => d.buyers.findById(id);
  const route = relayRoute({
    messaging: d.messaging,
    repo: createRelayRepository(d.db, {
      buyer,
      orderBuyerIds: (sellerId, ids) => orderBuyerIds(d.db, sellerId, ids),
    }),
    marketplaces: d.marketplaces,
    sellerLogins: async (sellerId) => (await d.identity.sellerContacts(sellerId)).map((c) => c.email),
    mailer: d.mailer,
    ids: d.ids,
    clock: d.clock,
    log: d.log,
  });
  const forwarding = createForwardingService({
    repo: createForwardingRepository(d.db, { buyer }),
    mailer: d.mailer,
    marketplaces: d.marketplaces,
    messaging: d.messaging,
    clock: d.clock,
    log: d.log,
    ...d.forwarding,
  });
  return { route, forwarding };
}

/**
 * The inbound server's size limit: the largest attachment allowance of any marketplace, as base64
 * (4/3) plus 1 MB for the text and headers. Past it: 552 before the data is stored.
 */
export async function inboundMaxBytes(marketplaces: MarketplacesService): Promise<number> {
  const max = Math.max(
    ...(await marketplaces.listMarketplaces()).map((m) => m.policy.messaging.maxAttachmentBytes),
  );
  return Math.ceil((max * 4) / 3) + 1024 * 1024;
}

export type MailRelay = ReturnType<typeof createMailRelay>;
