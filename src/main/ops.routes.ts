// Operator views of platform state: the local mailbox ("Sent mail") and the job queues.
import { count, desc, ilike, or } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { mailbox } from '../platform/db/platform.tables.ts';
import { createRoute, createRouter, z } from '../platform/http/openapi.ts';
import type { JobQueue } from '../platform/jobs/job-queue.ts';
import type { Context } from 'hono';

const json = (d: string) => ({
  content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
  description: d,
});

export function createOpsRoutes(o: { db: Db; jobs: JobQueue; requireOperator: (c: Context) => void }) {
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/mail',
      tags: ['Web: operator'],
      summary: 'Mail kept in the local mailbox (no SMTP_URL configured)',
      request: {
        query: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
          q: z.string().max(200).optional(),
        }),
      },
      responses: { 200: json('Messages') },
    }),
    async (c) => {
      o.requireOperator(c);
      const { page, pageSize, q } = c.req.valid('query');
      const where = q ? or(ilike(mailbox.to, `%${q}%`), ilike(mailbox.subject, `%${q}%`)) : undefined;
      const rows = await o.db
        .select()
        .from(mailbox)
        .where(where)
        .orderBy(desc(mailbox.createdAt), desc(mailbox.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [t] = await o.db.select({ n: count() }).from(mailbox).where(where);
      return c.json(
        {
          messages: rows.map((m) => ({
            id: m.id,
            to: m.to,
            from: m.from,
            subject: m.subject,
            text: m.text,
            html: m.html,
            sentAt: m.createdAt.toISOString(),
            transport: m.transport,
          })),
          total: Number(t?.n ?? 0),
        },
        200,
      );
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/jobs',
      tags: ['Web: operator'],
      summary: 'Job queues and failed jobs',
      responses: { 200: json('Jobs') },
    }),
    async (c) => {
      o.requireOperator(c);
      return c.json({ queues: await o.jobs.stats(), failed: await o.jobs.failedJobs() }, 200);
    },
  );
  return r;
}
