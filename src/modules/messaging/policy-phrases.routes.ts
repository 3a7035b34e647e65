// Operator policy phrases (MSG-8..11): list, add and remove the extra phrases the policy engine
// matches for one marketplace. The same routes serve the operator web pages (/api/ops, operator
// session + CSRF) and the marketplace API (/marketplace/v1, operator API key): `prefix` and
// `operator` say which. A phrase applies to the next message checked, without a restart.
import type { Context } from 'hono';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses, jsonBody } from '../../platform/http/openapi-responses.ts';
import {
  PHRASE_MAX_CHARS,
  PHRASE_MIN_CHARS,
  POLICY_PHRASE_RULES,
  type PolicyPhrasesService,
} from './policy-phrases.service.ts';

/** Who acts: the operator user's id or `key:<operator key id>` (stored as created_by). */
// biome-ignore lint/suspicious/noExplicitAny: any route's context
export type RequireOperator = (c: Context<any, any, any>) => { actor: string };

const PolicyPhrase = z
  .object({
    id: z.string(),
    marketplaceId: z.string(),
    rule: z.enum(POLICY_PHRASE_RULES),
    phrase: z.string(),
    language: z.enum(['ja', 'it', 'en']).nullable(),
    createdAt: z.string(),
  })
  .openapi('PolicyPhrase');

const AddPolicyPhrase = z
  .object({
    marketplaceId: z.string().trim().min(1).max(40),
    rule: z.enum(POLICY_PHRASE_RULES),
    phrase: z.string().trim().min(PHRASE_MIN_CHARS).max(PHRASE_MAX_CHARS),
    language: z.enum(['ja', 'it', 'en']).nullish(),
  })
  .strict()
  .openapi('AddPolicyPhrase');

const errors = errorResponses([400, 401, 403, 404, 409]);
const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const view = (p: Awaited<ReturnType<PolicyPhrasesService['add']>>) => ({
  id: p.id,
  marketplaceId: p.marketplaceId,
  rule: p.rule,
  phrase: p.phrase,
  language: p.language,
  createdAt: p.createdAt,
});

export function createPolicyPhrasesRoutes(
  phrases: PolicyPhrasesService,
  operator: RequireOperator,
  opts: { prefix: '/api/ops/policy-phrases' | '/marketplace/v1/policy-phrases'; tag: string },
) {
  const r = createRouter();
  const P = opts.prefix;
  const TAGS = [opts.tag];

  r.openapi(
    createRoute({
      method: 'get',
      path: P,
      tags: TAGS,
      summary: 'Extra communication-policy phrases, of one marketplace or all (MSG-8..11)',
      request: { query: z.object({ marketplaceId: z.string().max(40).optional() }) },
      responses: { 200: ok(z.object({ phrases: z.array(PolicyPhrase) }), 'The phrases'), ...errors },
    }),
    async (c) => {
      operator(c);
      const { marketplaceId } = c.req.valid('query');
      return c.json({ phrases: (await phrases.list(marketplaceId || undefined)).map(view) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: P,
      tags: TAGS,
      summary:
        'Add a phrase to a rule of one marketplace: seller messages containing it are blocked from now on',
      request: jsonBody(AddPolicyPhrase),
      responses: { 201: ok(PolicyPhrase, 'The phrase added'), ...errors },
    }),
    async (c) => {
      const { actor } = operator(c);
      const body = c.req.valid('json');
      return c.json(view(await phrases.add({ ...body, createdBy: actor })), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: `${P}/{id}`,
      tags: TAGS,
      summary: 'Remove a phrase',
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: { 200: ok(PolicyPhrase, 'The phrase removed'), ...errors },
    }),
    async (c) => {
      operator(c);
      return c.json(view(await phrases.remove(c.req.valid('param').id)), 200);
    },
  );

  return r;
}
