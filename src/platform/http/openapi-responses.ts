// The response pieces every web and marketplace route documents the same way: the `{error}` body
// of http-errors.ts and a free-form JSON object.
import { z } from './openapi.ts';

export const ErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.any().optional() }) })
  .openapi('Error');

/** The error statuses of a route, each with the `{error:{code,message,details}}` body. */
export function errorResponses(statuses: number[] = [400, 401, 403, 404, 409, 422]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { content: { 'application/json': { schema: ErrorBody } }, description: 'Error' },
    ]),
  );
}

/** A JSON object response documented by its description only (shapes in docs/web-api.md). */
export function jsonResponse(description: string) {
  return { content: { 'application/json': { schema: z.record(z.string(), z.any()) } }, description };
}

/** A required JSON request body (spread into `request`: `{ params, ...jsonBody(Schema) }`). */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}
