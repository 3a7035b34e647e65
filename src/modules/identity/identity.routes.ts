// Web sign-in (sessions with CSRF tokens), the seller's developer-app settings, and the
// middlewares other route families use to know who is calling.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { forbidden, unauthenticated } from '../../platform/errors.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import type { IdentityService, WebSession } from './identity.service.ts';

export type AuthVariables = {
  session?: WebSession;
  sessionToken?: string;
  operatorKey?: { id: string; name: string };
};

export const SESSION_COOKIE = 'mercato_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Loads the web session from its cookie and enforces the CSRF header on state changes. */
export function sessionMiddleware(
  identity: IdentityService,
  opts: { required: boolean },
): MiddlewareHandler<{
  Variables: AuthVariables;
}> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await identity.session(token) : null;
    if (session && token) {
      c.set('session', session);
      c.set('sessionToken', token);
      if (!SAFE_METHODS.has(c.req.method) && c.req.header('x-csrf-token') !== session.csrfToken) {
        throw forbidden(
          'CSRF_TOKEN_INVALID',
          'This request is missing its security token. Reload the page and try again.',
        );
      }
    } else if (opts.required) {
      throw unauthenticated('UNAUTHENTICATED', 'Please sign in.');
    }
    await next();
  };
}

/** Marketplace API: `Authorization: Bearer <operator key>`. */
export function operatorKeyMiddleware(
  identity: IdentityService,
): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const key = m?.[1] ? await identity.verifyOperatorKey(m[1]) : null;
    if (!key)
      throw unauthenticated(
        'INVALID_API_KEY',
        'A valid operator API key is required (Authorization: Bearer <key>).',
      );
    c.set('operatorKey', key);
    await next();
  };
}

/** The signed-in seller, or 401 / 403 SELLER_ONLY. */
export function requireSeller(c: Context<{ Variables: AuthVariables }>): {
  sellerId: string;
  userId: string;
  session: WebSession;
} {
  const session = c.get('session');
  if (!session) throw unauthenticated('UNAUTHENTICATED', 'Please sign in.');
  if (!session.user.sellerId) throw forbidden('SELLER_ONLY', 'This page is for seller accounts.');
  return { sellerId: session.user.sellerId, userId: session.user.id, session };
}

/** The signed-in operator, or 401 / 403 OPERATOR_ONLY. */
export function requireOperator(c: Context<{ Variables: AuthVariables }>): WebSession {
  const session = c.get('session');
  if (!session) throw unauthenticated('UNAUTHENTICATED', 'Please sign in.');
  if (session.user.role !== 'operator')
    throw forbidden('OPERATOR_ONLY', 'This page is for marketplace operators.');
  return session;
}

const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.any().optional() }),
});
const Language = z.enum(['en', 'ja', 'it']);

/**
 * `describeSession` adds the seller and sandbox parts of GET /api/session, which other modules own.
 */
export function createIdentityRoutes(
  identity: IdentityService,
  describeSession: (s: WebSession) => Promise<Record<string, unknown>>,
  opts: { secureCookies: boolean },
) {
  const r = createRouter<{ Variables: AuthVariables }>();
  const jsonError = { content: { 'application/json': { schema: ErrorBody } }, description: 'Error' };
  const sessionBody = {
    content: { 'application/json': { schema: z.record(z.string(), z.any()) } },
    description: 'Session',
  };

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/session',
      tags: ['Web: session'],
      summary: 'Sign in with email and password',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({ email: z.string().email().max(320), password: z.string().min(1).max(200) }),
            },
          },
        },
      },
      responses: { 200: sessionBody, 401: jsonError, 429: jsonError },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { token, session } = await identity.login(email, password, clientAddress(c));
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: opts.secureCookies,
        path: '/',
        expires: session.expiresAt,
      });
      return c.json(await describeSession(session), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/session',
      tags: ['Web: session'],
      summary: 'The signed-in user, their seller and the CSRF token',
      responses: { 200: sessionBody, 401: jsonError },
    }),
    async (c) => {
      const session = c.get('session');
      if (!session) throw unauthenticated('UNAUTHENTICATED', 'Please sign in.');
      return c.json(await describeSession(session), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/api/session',
      tags: ['Web: session'],
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const token = c.get('sessionToken');
      if (token) await identity.logout(token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/api/session/language',
      tags: ['Web: session'],
      summary: 'Set the user interface language',
      request: { body: { content: { 'application/json': { schema: z.object({ language: Language }) } } } },
      responses: { 204: { description: 'Saved' }, 401: jsonError },
    }),
    async (c) => {
      const session = c.get('session');
      if (!session) throw unauthenticated('UNAUTHENTICATED', 'Please sign in.');
      await identity.setLanguage(session.user.id, c.req.valid('json').language);
      return c.body(null, 204);
    },
  );

  const AppId = z.object({ id: z.string().min(1).max(64) });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/settings/apps',
      tags: ['Web: settings'],
      summary: "The seller's SP-API developer apps",
      responses: {
        200: {
          content: {
            'application/json': { schema: z.object({ apps: z.array(z.record(z.string(), z.unknown())) }) },
          },
          description: 'Apps',
        },
      },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json({ apps: await identity.listApps(sellerId) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/settings/apps',
      tags: ['Web: settings'],
      summary: 'Register a developer app (client id and secret; the secret is shown once)',
      request: {
        body: {
          content: {
            'application/json': { schema: z.object({ name: z.string().trim().min(1).max(100) }).strict() },
          },
        },
      },
      responses: {
        201: {
          content: { 'application/json': { schema: z.object({ app: z.record(z.string(), z.unknown()) }) } },
          description: 'Created',
        },
        400: jsonError,
      },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json({ app: await identity.createApp(sellerId, c.req.valid('json').name) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/settings/apps/{id}/authorizations',
      tags: ['Web: settings'],
      summary: 'Authorize an app for this seller (returns a refresh token, shown once)',
      request: { params: AppId },
      responses: {
        201: {
          content: {
            'application/json': { schema: z.object({ authorization: z.record(z.string(), z.unknown()) }) },
          },
          description: 'Authorized',
        },
        404: jsonError,
      },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json({ authorization: await identity.authorizeApp(sellerId, c.req.valid('param').id) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/settings/apps/{id}/authorization-code',
      tags: ['Web: settings'],
      summary: 'A one-time code for the website authorization flow (spapi_oauth_code)',
      request: { params: AppId },
      responses: {
        201: {
          content: { 'application/json': { schema: z.object({ code: z.string() }) } },
          description: 'Code',
        },
        404: jsonError,
      },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json(await identity.issueAuthorizationCode(sellerId, c.req.valid('param').id), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/api/settings/apps/{id}/authorizations/{authId}',
      tags: ['Web: settings'],
      summary: 'Revoke an authorization',
      request: { params: z.object({ id: z.string().min(1).max(64), authId: z.string().min(1).max(64) }) },
      responses: { 204: { description: 'Revoked' }, 404: jsonError },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const { id, authId } = c.req.valid('param');
      await identity.revokeAuthorization(sellerId, id, authId);
      return c.body(null, 204);
    },
  );

  return r;
}
