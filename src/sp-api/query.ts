// Query-string conventions of SP-API clients (reference/sp-api.md §1.4): arrays arrive as one
// comma-joined value (after URL decoding), keys in any order.
import type { Context } from 'hono';

/** "A,B" → ["A","B"]; repeated keys are also accepted. Empty → undefined. */
export function csv(values: string[] | undefined): string[] | undefined {
  if (!values?.length) return undefined;
  const out = values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return out.length ? out : undefined;
}

/** The query with each repeated key's values joined by commas, as the SP-API query rules read it. */
// biome-ignore lint/suspicious/noExplicitAny: any route's context
export function joinedQuery(c: Context<any, any, any>): Record<string, string> {
  return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.join(',')]));
}
