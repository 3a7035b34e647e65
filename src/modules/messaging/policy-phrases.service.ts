// Operator-added policy phrases (MSG-9/10/11, MSG-8 opt-out wording): the operator adds a phrase
// for one marketplace and the next seller message is checked against it — no deploy, no restart.
// The policy engine reads `forMarketplace` on every message, so it is cached per marketplace for a
// few seconds; add/remove in this process invalidate at once, other processes (worker, a second
// API) see the change within the TTL.
import { performance } from 'node:perf_hooks';
import { asc, eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import { policyPhrases } from './messaging.tables.ts';
import type { MessageLanguage, PolicyPhraseRule } from './messaging.types.ts';

export const POLICY_PHRASE_RULES = [
  'marketing',
  'review_manipulation',
  'off_platform',
  'opt_out_link',
] as const satisfies readonly PolicyPhraseRule[];

export const PHRASE_MIN_CHARS = 2;
export const PHRASE_MAX_CHARS = 100;
/** How long one process may use a marketplace's phrases before reading them again. */
const CACHE_TTL_MS = 5_000;

export type PolicyPhraseView = {
  id: string;
  marketplaceId: string;
  rule: PolicyPhraseRule;
  phrase: string;
  language: MessageLanguage | null;
  createdBy: string;
  createdAt: string;
};

export type PolicyPhrasesDeps = {
  db: Db;
  ids: Ids;
  clock: Clock;
  /** Optional: refuse phrases for a marketplace that does not exist. */
  marketplaceExists?: (id: string) => Promise<boolean>;
};

export type PolicyPhrasesService = ReturnType<typeof createPolicyPhrases>;

export function createPolicyPhrases(d: PolicyPhrasesDeps) {
  // Cache age is wall time (performance.now), not the sandbox clock: moving the sandbox clock
  // forward must not matter, and a FixedClock in tests must not pin the cache forever.
  const cache = new Map<string, { at: number; phrases: { rule: PolicyPhraseRule; phrase: string }[] }>();

  const view = (r: typeof policyPhrases.$inferSelect): PolicyPhraseView => ({
    id: r.id,
    marketplaceId: r.marketplaceId,
    rule: r.rule as PolicyPhraseRule,
    phrase: r.phrase,
    language: (r.language as MessageLanguage | null) ?? null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  });

  return {
    async list(marketplaceId?: string): Promise<PolicyPhraseView[]> {
      const rows = await d.db
        .select()
        .from(policyPhrases)
        .where(marketplaceId ? eq(policyPhrases.marketplaceId, marketplaceId) : undefined)
        .orderBy(asc(policyPhrases.marketplaceId), asc(policyPhrases.rule), asc(policyPhrases.phrase));
      return rows.map(view);
    },

    async add(input: {
      marketplaceId: string;
      rule: PolicyPhraseRule;
      phrase: string;
      language?: MessageLanguage | null;
      createdBy: string;
    }): Promise<PolicyPhraseView> {
      // Whitespace runs collapse: the engine matches on canonicalised text, so "free  gift" and
      // "free gift" are one phrase and the unique index must see them as one.
      const phrase = input.phrase.normalize('NFKC').trim().replace(/\s+/g, ' ');
      if (!POLICY_PHRASE_RULES.includes(input.rule)) {
        throw invalid(
          'POLICY_PHRASE_RULE_INVALID',
          `The rule must be one of ${POLICY_PHRASE_RULES.join(', ')}.`,
          {
            field: 'rule',
          },
        );
      }
      if (phrase.length < PHRASE_MIN_CHARS || phrase.length > PHRASE_MAX_CHARS) {
        throw invalid(
          'POLICY_PHRASE_LENGTH',
          `A phrase has ${PHRASE_MIN_CHARS} to ${PHRASE_MAX_CHARS} characters (this one has ${phrase.length}).`,
          { field: 'phrase' },
        );
      }
      if (d.marketplaceExists && !(await d.marketplaceExists(input.marketplaceId))) {
        throw invalid('MARKETPLACE_NOT_FOUND', `There is no marketplace ${input.marketplaceId}.`, {
          field: 'marketplaceId',
        });
      }
      const row = {
        id: d.ids.next('pph'),
        marketplaceId: input.marketplaceId,
        rule: input.rule,
        phrase,
        language: input.language ?? null,
        createdBy: input.createdBy,
        createdAt: d.clock.now(),
      };
      const inserted = await d.db.insert(policyPhrases).values(row).onConflictDoNothing().returning();
      if (inserted.length === 0) {
        throw conflict(
          'POLICY_PHRASE_EXISTS',
          `The phrase "${phrase}" is already in the ${input.rule} rule of ${input.marketplaceId}.`,
        );
      }
      cache.delete(input.marketplaceId);
      return view(inserted[0] as typeof policyPhrases.$inferSelect);
    },

    async remove(id: string): Promise<PolicyPhraseView> {
      const deleted = await d.db.delete(policyPhrases).where(eq(policyPhrases.id, id)).returning();
      const row = deleted[0];
      if (!row) throw notFound('POLICY_PHRASE_NOT_FOUND', `There is no policy phrase ${id}.`);
      cache.delete(row.marketplaceId);
      return view(row);
    },

    /** The engine's `extraPhrases` for one marketplace (PolicyContext), cached ~5 s. */
    async forMarketplace(marketplaceId: string): Promise<{ rule: PolicyPhraseRule; phrase: string }[]> {
      const hit = cache.get(marketplaceId);
      if (hit && performance.now() - hit.at < CACHE_TTL_MS) return hit.phrases;
      const rows = await d.db
        .select({ rule: policyPhrases.rule, phrase: policyPhrases.phrase })
        .from(policyPhrases)
        .where(eq(policyPhrases.marketplaceId, marketplaceId));
      const phrases = rows.map((r) => ({ rule: r.rule as PolicyPhraseRule, phrase: r.phrase }));
      cache.set(marketplaceId, { at: performance.now(), phrases });
      return phrases;
    },
  };
}
