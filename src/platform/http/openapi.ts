// Route families are OpenAPIHono apps: every route is declared with its zod schemas, which both
// validate at the edge and produce /openapi.json (API-3).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { validationError } from './validation.ts';

export function createRouter<E extends Env = Env>(): OpenAPIHono<E> {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}

export { createRoute, z } from '@hono/zod-openapi';
