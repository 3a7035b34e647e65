// Amazon's static sandbox as a route middleware (reference/sp-api.md §2.6). It runs before the
// request's validation, because some of Amazon's examples are deliberately invalid requests (a
// shipDate of "02/21/2022") whose answer is part of the example. `answer` decides; null lets the
// real operation run.
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { joinedQuery } from './query.ts';

export type StaticSandboxRequest = {
  path: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
};

export type StaticSandboxAnswer = (
  operation: string,
  req: StaticSandboxRequest,
) => { status: number; body: unknown } | null;

// biome-ignore lint/suspicious/noExplicitAny: any route's context
async function readRequest(c: Context<any, any, any>): Promise<StaticSandboxRequest> {
  const query = joinedQuery(c);
  let body: unknown;
  if (c.req.method !== 'GET' && (c.req.header('content-type') ?? '').includes('json')) {
    body = await c.req.json().catch(() => undefined); // malformed JSON: the validator says why
  }
  return { path: c.req.param() as Record<string, string>, query, body };
}

/** When `enabled` (sandbox mode), answers requests that match a static example of `operation`. */
export function staticSandbox(
  enabled: boolean,
  answer: StaticSandboxAnswer,
  operation: string,
): MiddlewareHandler {
  return async (c, next) => {
    if (!enabled) return next();
    const hit = answer(operation, await readRequest(c));
    if (!hit) return next();
    if (hit.status === 204) return c.body(null, 204);
    return c.json(hit.body as object, hit.status as ContentfulStatusCode);
  };
}
