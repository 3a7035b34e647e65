// Buyer sign-in for "Your Account" (/api/buyer/...): sessions in their own HttpOnly cookie (a
// buyer and a seller may use one browser), CSRF header on state changes like the seller web API,
// and the middleware the buyer-facing routes of other modules use (requireBuyer).
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { forbidden, unauthenticated } from '../../platform/errors.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { BUYER_LANGUAGES, type BuyerSession, type BuyersService } from './buyers.service.ts';

export type BuyerVariables = { buyerSession?: BuyerSession; buyerSessionToken?: string };

export const BUYER_SESSION_COOKIE = 'mercato_buyer_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Signing in replaces whatever session the browser had; it needs no token of the old one.
const SIGN_IN_PATHS = new Set(['/api/buyer/session', '/api/buyer/session/link']);

/** Loads the buyer session from its cookie and enforces the CSRF header on state changes. */
export function buyerSessionMiddleware(
  buyers: BuyersService,
): MiddlewareHandler<{ Variables: BuyerVariables }> {
  return async (c, next) => {
    const token = getCookie(c, BUYER_SESSION_COOKIE);
    const session = token ? await buyers.session(token) : null;
    if (session && token) {
      c.set('buyerSession', session);
      c.set('buyerSessionToken', token);
      const signingIn = c.req.method === 'POST' && SIGN_IN_PATHS.has(c.req.path);
      if (
        !SAFE_METHODS.has(c.req.method) &&
        !signingIn &&
        c.req.header('x-csrf-token') !== session.csrfToken
      ) {
        throw forbidden(
          'CSRF_TOKEN_INVALID',
          'This request is missing its security token. Reload the page and try again.',
        );
      }
    }
    await next();
  };
}

/** The signed-in buyer, or 401 BUYER_UNAUTHENTICATED. */
export function requireBuyer(c: Context): { buyerId: string; session: BuyerSession } {
  const session = (c as Context<{ Variables: BuyerVariables }>).get('buyerSession');
  if (!session) throw unauthenticated('BUYER_UNAUTHENTICATED', 'Please sign in to Your Account.');
  return { buyerId: session.buyer.id, session };
}

const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.any().optional() }),
});
const jsonError = { content: { 'application/json': { schema: ErrorBody } }, description: 'Error' };
const BuyerSessionBody = z
  .object({
    buyer: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      language: z.enum(BUYER_LANGUAGES),
    }),
    csrfToken: z.string(),
  })
  .openapi('BuyerSession');
const sessionResponse = {
  content: { 'application/json': { schema: BuyerSessionBody } },
  description: 'Buyer session',
};
const describe = (s: BuyerSession) => ({ buyer: s.buyer, csrfToken: s.csrfToken });

export function createBuyerSessionRoutes(buyers: BuyersService, opts: { secureCookies: boolean }) {
  const r = createRouter<{ Variables: BuyerVariables }>();
  const startSession = async (c: Context, opened: { token: string; session: BuyerSession }) => {
    const old = (c as Context<{ Variables: BuyerVariables }>).get('buyerSessionToken');
    if (old) await buyers.logout(old);
    setCookie(c, BUYER_SESSION_COOKIE, opened.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: opts.secureCookies,
      path: '/',
      expires: opened.session.expiresAt,
    });
  };

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/buyer/session',
      tags: ['Buyer web: session'],
      summary: 'Buyer sign-in with email and password (buyers that have one)',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({ email: z.string().email().max(320), password: z.string().min(1).max(200) }),
            },
          },
        },
      },
      responses: { 200: sessionResponse, 401: jsonError, 429: jsonError },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const opened = await buyers.login(email, password, clientAddress(c));
      await startSession(c, opened);
      return c.json(describe(opened.session), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/buyer/session/link',
      tags: ['Buyer web: session'],
      summary: 'Buyer sign-in with the token of a one-time sign-in link',
      description:
        'The link opens the web app, which posts its token here: a GET would let mail scanners that ' +
        'preview links use up the single-use token.',
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ token: z.string().min(1).max(200) }) } },
        },
      },
      responses: { 200: sessionResponse, 401: jsonError },
    }),
    async (c) => {
      const opened = await buyers.signInWithLink(c.req.valid('json').token);
      await startSession(c, opened);
      return c.json(describe(opened.session), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/buyer/session',
      tags: ['Buyer web: session'],
      summary: 'The signed-in buyer and the CSRF token',
      responses: { 200: sessionResponse, 401: jsonError },
    }),
    async (c) => c.json(describe(requireBuyer(c).session), 200),
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/api/buyer/session',
      tags: ['Buyer web: session'],
      summary: 'Buyer sign-out',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const token = c.get('buyerSessionToken');
      if (token) await buyers.logout(token);
      deleteCookie(c, BUYER_SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/api/buyer/session/language',
      tags: ['Buyer web: session'],
      summary: "Set the language of the buyer's pages",
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ language: z.enum(BUYER_LANGUAGES) }) } },
        },
      },
      responses: { 204: { description: 'Saved' }, 401: jsonError },
    }),
    async (c) => {
      const { buyerId } = requireBuyer(c);
      await buyers.setLanguage(buyerId, c.req.valid('json').language);
      return c.body(null, 204);
    },
  );

  return r;
}

/** Marketplace API (operator key, checked by the caller): the storefront's sign-in links. */
export function createBuyersMarketplaceRoutes(buyers: BuyersService) {
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'post',
      path: '/marketplace/v1/buyers/sign-in-links',
      tags: ['Marketplace API: buyers'],
      summary: 'A one-time sign-in link to Your Account for a buyer (15 minutes, single use)',
      description:
        'The storefront sends the link to the buyer (or redirects a buyer it has authenticated). Buyer ' +
        'accounts are created by their first order; an unknown email answers 404 BUYER_NOT_FOUND.',
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ email: z.string().email().max(320) }) } },
        },
      },
      responses: {
        201: {
          content: {
            'application/json': {
              schema: z.object({ url: z.string(), expiresAt: z.string() }).openapi('SignInLink'),
            },
          },
          description: 'Link issued',
        },
        400: jsonError,
        401: jsonError,
        404: jsonError,
      },
    }),
    async (c) => {
      const link = await buyers.issueSignInLink(c.req.valid('json').email);
      return c.json({ url: link.url, expiresAt: link.expiresAt.toISOString() }, 201);
    },
  );
  return r;
}
