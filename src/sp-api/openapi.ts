// OpenAPI pieces every SP-API route family shares: the `{errors:[…]}` body (reference/sp-api.md
// §1.5) on the statuses the models declare.
import { z } from '../platform/http/openapi.ts';

export const SpApiErrorList = z
  .object({
    errors: z.array(z.object({ code: z.string(), message: z.string(), details: z.string().optional() })),
  })
  .openapi('SpApiErrorList');

export const spApiErrorResponses = Object.fromEntries(
  [400, 403, 404, 429, 500, 503].map((s) => [
    s,
    { content: { 'application/json': { schema: SpApiErrorList } }, description: 'Error' },
  ]),
);
