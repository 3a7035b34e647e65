// Account notices (NTF-2 Account: business updates, new features, planned outages, technical
// issues): the operator publishes one notice; every seller of all marketplaces, or of one, gets
// one `account.<kind>` event. Sellers are published in batches, each batch in its own transaction
// (bounded locks on a large marketplace); the dedupe key (notice × seller) makes a re-run of a
// batch one event per seller.
import { desc, eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import { accountNotices } from './notifications.tables.ts';
import { publishEvent } from './notifications.service.ts';

export const NOTICE_KINDS = ['business_update', 'new_feature', 'planned_outage', 'technical_issue'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

const SELLERS_PER_TRANSACTION = 500;

export type AccountNoticesDeps = {
  db: Db;
  ids: Ids;
  clock: Clock;
  /** marketplaces.listSellers / findMarketplace (the notices module owns no seller table). */
  listSellers: () => Promise<{ id: string; marketplaceId: string }[]>;
  marketplaceExists: (id: string) => Promise<boolean>;
};

export function createAccountNotices(d: AccountNoticesDeps) {
  return {
    async publish(input: {
      kind: NoticeKind;
      title: string;
      body: string;
      marketplaceId?: string | null;
      publishedBy: string;
    }) {
      const marketplaceId = input.marketplaceId ?? null;
      if (marketplaceId && !(await d.marketplaceExists(marketplaceId))) {
        throw invalid('MARKETPLACE_NOT_FOUND', `There is no marketplace ${marketplaceId}.`, {
          field: 'marketplaceId',
        });
      }
      const now = d.clock.now();
      const notice = {
        id: d.ids.next('ntc'),
        marketplaceId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        publishedAt: now,
        publishedBy: input.publishedBy,
      };
      const sellers = (await d.listSellers()).filter(
        (s) => !marketplaceId || s.marketplaceId === marketplaceId,
      );
      await d.db.insert(accountNotices).values(notice);
      let published = 0;
      for (let i = 0; i < sellers.length; i += SELLERS_PER_TRANSACTION) {
        const chunk = sellers.slice(i, i + SELLERS_PER_TRANSACTION);
        await d.db.transaction(async (tx) => {
          for (const s of chunk) {
            const fresh = await publishEvent(tx, {
              sellerId: s.id,
              type: `account.${input.kind}`,
              dedupeKey: `account.${input.kind}:${notice.id}:${s.id}`,
              payload: { noticeId: notice.id, title: input.title, summary: input.title, body: input.body },
              occurredAt: now,
            });
            if (fresh) published++;
          }
        });
      }
      return { notice: view(notice), sellers: published };
    },

    async list(limit = 100) {
      const rows = await d.db
        .select()
        .from(accountNotices)
        .orderBy(desc(accountNotices.publishedAt), desc(accountNotices.id))
        .limit(limit);
      return rows.map(view);
    },

    async find(id: string) {
      const [r] = await d.db.select().from(accountNotices).where(eq(accountNotices.id, id));
      return r ? view(r) : undefined;
    },
  };
}

function view(n: typeof accountNotices.$inferSelect) {
  return {
    id: n.id,
    marketplaceId: n.marketplaceId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    publishedAt: n.publishedAt.toISOString(),
    publishedBy: n.publishedBy,
  };
}

export type AccountNotices = ReturnType<typeof createAccountNotices>;
