// Operator web API for account notices (NTF-2 Account): publish to all sellers or one
// marketplace, and list what was published. Operator web session only.
import type { Context } from 'hono';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { type AccountNotices, NOTICE_KINDS } from './account-notices.service.ts';

const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.any().optional() }),
});
const errors = Object.fromEntries(
  [400, 401, 403].map((s) => [
    s,
    { content: { 'application/json': { schema: ErrorBody } }, description: 'Error' },
  ]),
);
const json = (description: string) => ({
  content: { 'application/json': { schema: z.record(z.string(), z.any()) } },
  description,
});

const PublishBody = z
  .object({
    kind: z.enum(NOTICE_KINDS),
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(5000),
    marketplaceId: z.string().min(1).max(40).nullish(),
  })
  .openapi('PublishAccountNotice');

export function createAccountNoticesRoutes(
  notices: AccountNotices,
  requireOperator: (c: Context) => { user: { id: string } },
) {
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/ops/account-notices',
      tags: ['Web: operator'],
      summary: 'Publish an account notice to every seller, or to the sellers of one marketplace',
      request: { body: { content: { 'application/json': { schema: PublishBody } }, required: true } },
      responses: { 201: json('Published'), ...errors },
    }),
    async (c) => {
      const session = requireOperator(c);
      const body = c.req.valid('json');
      return c.json(await notices.publish({ ...body, publishedBy: session.user.id }), 201);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/account-notices',
      tags: ['Web: operator'],
      summary: 'Account notices published, newest first',
      responses: { 200: json('Notices'), ...errors },
    }),
    async (c) => {
      requireOperator(c);
      return c.json({ notices: await notices.list() }, 200);
    },
  );
  return r;
}
