// ORD-8 sweeps. From the ship-by date on, each unconfirmed order gets its warning once (timeline
// event + one notification to the seller); past the cutoff it is cancelled once, unpaid (nothing is
// captured before a confirmation, ORD-7), counted as a seller cancellation unless the buyer had asked
// to cancel (PERF-3). Set-based and in batches: each batch locks its rows with SKIP LOCKED, so two
// workers sweeping at once split the work instead of doubling it, and the state lives in the rows
// (status, ship_by_warning_at), so a restart simply sweeps again.
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Ids } from '../../platform/ids.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Marketplace, MarketplacesService } from '../marketplaces/index.ts';
import { CANCELLATION_EMAIL_QUEUE } from './order-changes.service.ts';
import { createOrderChangesRepository, type SweepCandidate } from './order-changes.repository.ts';
import { autoCancelCutoff, type DeadlineRules, isAutoCancelDue, sweepBounds } from './order-deadlines.ts';
import { publishOrdersCanceled, publishShipByWarnings } from './order-notifications.service.ts';
import { createOrdersRepository } from './orders.repository.ts';

const BATCH = 2000;

type Deps = {
  db: Db;
  ids: Ids;
  clock: Clock;
  jobs: JobQueue;
  marketplaces: Pick<MarketplacesService, 'listMarketplaces'>;
};

export type SweepResult = { warned: number; canceled: number; tookMs: number };

function bySeller(rows: { sellerId: string; id: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.sellerId, [...(m.get(r.sellerId) ?? []), r.id]);
  return m;
}

export function createDeadlineSweeps(d: Deps) {
  const changes = createOrderChangesRepository();
  const repo = createOrdersRepository(d.db);
  let running: Promise<SweepResult> | null = null;

  const rulesOf = (m: Marketplace): DeadlineRules => ({
    timeZone: m.timeZone,
    autoCancelDaysAfterShipBy: m.policy.orders.autoCancelDaysAfterShipBy,
  });

  async function cancelBatch(m: Marketplace, now: Date): Promise<{ canceled: number; more: boolean }> {
    const rules = rulesOf(m);
    const bounds = sweepBounds(now, rules);
    return d.db.transaction(async (tx) => {
      const candidates = await changes.lockAutoCancelCandidates(
        tx,
        m.id,
        bounds.cancelShipByAtOrBefore,
        BATCH,
      );
      const due = candidates.filter((c) => isAutoCancelDue(c.latestShipDate, rules, now));
      if (!due.length) return { canceled: 0, more: false };
      const done = await changes.markAutoCanceled(
        tx,
        due.map((c) => ({
          sellerId: c.sellerId,
          id: c.id,
          kind: c.buyerCancelRequestedAt ? 'buyer_requested' : 'auto',
        })),
        now,
      );
      const doneIds = new Set(done.map((r) => r.id));
      const canceled = due.filter((c) => doneIds.has(c.id));
      await repo.insertEvents(
        tx,
        canceled.map((c) => ({
          sellerId: c.sellerId,
          id: d.ids.next('oev'),
          orderId: c.id,
          at: now,
          kind: 'order_canceled',
          actor: 'system',
          data: {
            kind: c.buyerCancelRequestedAt ? 'buyer_requested' : 'auto',
            reason: 'ShipmentNotConfirmed',
            from: 'Unshipped',
            cutoff: autoCancelCutoff(c.latestShipDate, rules).toISOString(),
          },
        })),
      );
      await publishOrdersCanceled(tx, canceled, m.id, now, 'ShipmentNotConfirmed');
      // One email job per seller and batch: 100,000 cancellations are 50 jobs, not 100,000.
      for (const [sellerId, orderIds] of bySeller(canceled)) {
        await d.jobs.send(tx, CANCELLATION_EMAIL_QUEUE, { sellerId, orderIds });
      }
      return {
        canceled: canceled.length,
        more: due.length === candidates.length && candidates.length === BATCH,
      };
    });
  }

  async function warnBatch(m: Marketplace, now: Date): Promise<{ warned: number; more: boolean }> {
    const rules = rulesOf(m);
    const bounds = sweepBounds(now, rules);
    return d.db.transaction(async (tx) => {
      const due: SweepCandidate[] = await changes.lockWarningCandidates(
        tx,
        m.id,
        bounds.warnShipByBefore,
        BATCH,
      );
      if (!due.length) return { warned: 0, more: false };
      await changes.markWarned(tx, due, now);
      await repo.insertEvents(
        tx,
        due.map((c) => ({
          sellerId: c.sellerId,
          id: d.ids.next('oev'),
          orderId: c.id,
          at: now,
          kind: 'ship_by_warning',
          actor: 'system',
          data: { cutoff: autoCancelCutoff(c.latestShipDate, rules).toISOString() },
        })),
      );
      // ORD-8 warning to the seller: one `order.ship_by_warning` notification per order, in this
      // transaction (NTF-9); the seller's preferences decide email, in-app, SMS... (issue 4).
      await publishShipByWarnings(
        tx,
        due.map((c) => ({ ...c, cancelAt: autoCancelCutoff(c.latestShipDate, rules) })),
        m.id,
        now,
        m.timeZone,
      );
      return { warned: due.length, more: due.length === BATCH };
    });
  }

  async function sweep(): Promise<SweepResult> {
    const started = performance.now();
    const now = d.clock.now();
    let warned = 0;
    let canceled = 0;
    for (const m of await d.marketplaces.listMarketplaces()) {
      // Cancel first: an order already past its cutoff is cancelled, not warned about.
      for (let more = true; more; ) {
        const r = await cancelBatch(m, now);
        canceled += r.canceled;
        more = r.more;
      }
      for (let more = true; more; ) {
        const r = await warnBatch(m, now);
        warned += r.warned;
        more = r.more;
      }
    }
    return { warned, canceled, tookMs: Math.round(performance.now() - started) };
  }

  return {
    /**
     * Runs the ORD-8 sweeps for every marketplace at the clock's "now". Calls inside this process
     * run one after the other; other processes are kept apart by the row locks.
     */
    async runDeadlineSweeps(): Promise<SweepResult> {
      if (running) await running.catch(() => undefined);
      running = sweep();
      try {
        return await running;
      } finally {
        running = null;
      }
    },
  };
}
