// PERF-6 data: buyer messages of the last `days` answered within the response time (MSG-14).
// Messages marked "no response needed" and those still inside their window unanswered are not
// decided yet / not counted against the seller, so they leave the rate's denominator.
import { answeredInTime, responseDueAt } from '../response-deadline.ts';
import type { MessagingCore } from './core.ts';

const DAY_MS = 86_400_000;

export async function responseTimeStats(core: MessagingCore, sellerId: string, days: number) {
  const { deps, repo } = core;
  const now = deps.clock.now();
  const seller = await deps.marketplaces.getSeller(sellerId);
  const hours = (await deps.marketplaces.getMarketplace(seller.marketplaceId)).policy.messaging
    .responseTimeHours;
  const rows = await repo.buyerMessagesSince(sellerId, new Date(now.getTime() - days * DAY_MS));
  let inTime = 0;
  let noResponse = 0;
  let pending = 0;
  for (const r of rows) {
    if (r.noResponseNeededAt && !r.respondedAt) noResponse++;
    else if (answeredInTime(r.createdAt, r.respondedAt, hours)) inTime++;
    else if (!r.respondedAt && now.getTime() < responseDueAt(r.createdAt, hours).getTime()) pending++;
  }
  const decided = rows.length - noResponse - pending;
  return {
    buyerMessages: rows.length,
    answeredInTime: inTime,
    noResponseNeeded: noResponse,
    rate: decided > 0 ? inTime / decided : null,
  };
}
