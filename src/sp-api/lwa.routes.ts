// POST /auth/o2/token: the Login with Amazon token endpoint, JSON or form body, three grants
// (reference/sp-api.md §1.2). Errors use LWA's own shape `{error, error_description}`.
import { Hono } from 'hono';
import { LwaError, type IdentityService, type TokenGrant } from '../modules/identity/index.ts';

export function createLwaRoutes(identity: IdentityService) {
  const r = new Hono();
  r.post('/auth/o2/token', async (c) => {
    const type = c.req.header('content-type') ?? '';
    let body: Record<string, unknown>;
    try {
      body = type.includes('application/json')
        ? ((await c.req.json()) as Record<string, unknown>)
        : Object.fromEntries(Object.entries(await c.req.parseBody()).map(([k, v]) => [k, String(v)]));
    } catch {
      return c.json(
        { error: 'invalid_request', error_description: 'The request body could not be parsed' },
        400,
      );
    }
    const grantType = String(body.grant_type ?? '');
    if (!['refresh_token', 'client_credentials', 'authorization_code'].includes(grantType)) {
      return c.json(
        {
          error: 'unsupported_grant_type',
          error_description: 'The authorization grant type is not supported',
        },
        400,
      );
    }
    const required = {
      refresh_token: 'refresh_token',
      client_credentials: 'scope',
      authorization_code: 'code',
    }[grantType] as string;
    for (const field of ['client_id', 'client_secret', required]) {
      if (typeof body[field] !== 'string' || !body[field]) {
        return c.json(
          {
            error: 'invalid_request',
            error_description: `The request is missing a required parameter : ${field}`,
          },
          400,
        );
      }
    }
    try {
      const token = await identity.exchangeToken(body as unknown as TokenGrant);
      c.header('cache-control', 'no-store');
      return c.json(token, 200);
    } catch (err) {
      if (err instanceof LwaError)
        return c.json({ error: err.error, error_description: err.description }, err.status);
      throw err;
    }
  });
  return r;
}
