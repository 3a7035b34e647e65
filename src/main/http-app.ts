// The HTTP application: every route family on one Hono app, with one error handler that renders
// each family's wire format, the OpenAPI document and the built web app.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import { requestId } from 'hono/request-id';
import { AppError, unauthenticated } from '../platform/errors.ts';
import { createErrorHandler, renderAppError } from '../platform/http/http-errors.ts';
import {
  buyerSessionMiddleware,
  createBuyerSessionRoutes,
  createBuyersMarketplaceRoutes,
  requireBuyer,
} from '../modules/buyers/index.ts';
import {
  createIdentityRoutes,
  operatorKeyMiddleware,
  requireOperator as requireOperatorSession,
  requireSeller,
  sessionMiddleware,
  type AuthVariables,
  type WebSession,
} from '../modules/identity/index.ts';
import {
  createOrdersBuyerRoutes,
  createOrderChangesMarketplaceRoutes,
  createOrderChangesWebRoutes,
  createOrdersMarketplaceRoutes,
  createOrdersRefundsWebRoutes,
  createOrdersSpApiRoutes,
  createOrdersWebRoutes,
} from '../modules/orders/index.ts';
import {
  createNotificationsWebRoutes,
  createPreferencesRoutes,
  createPreferencesService,
  type ResetFailedAddress,
} from '../modules/notifications/index.ts';
import { createNotificationsSpApiRoutes } from '../modules/notifications/index.ts';
import { createSandboxRoutes } from '../modules/sandbox/index.ts';
import { createAccountNoticesRoutes } from '../modules/notifications/account-notices.routes.ts';
import { createAccountNotices } from '../modules/notifications/account-notices.service.ts';
import { createListingsMarketplaceRoutes, createListingsWebRoutes } from '../modules/listings/index.ts';
import { isSpApiPath, spApiErrorBody, spApiErrorRenderer } from '../sp-api/errors.ts';
import { createLwaRoutes } from '../sp-api/lwa.routes.ts';
import { sellerOf, spApiAuth, usagePlan, type SpApiVariables } from '../sp-api/middleware.ts';
import type { Services } from './dependencies.ts';
import { createOpsRoutes } from './ops.routes.ts';
import {
  createCustomerServiceEmailRoutes,
  createMessagingBuyerRoutes,
  createMessagingSpApiRoutes,
  createMessagingWebRoutes,
  createPolicyPhrasesRoutes,
  createSolicitations,
  createSolicitationsSpApiRoutes,
  createUploads,
  createUploadsSpApiRoutes,
  asMessageLanguage,
} from '../modules/messaging/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'web/dist');
const SWAGGER_DIST = path.join(ROOT, 'node_modules/swagger-ui-dist');

type Env = { Variables: AuthVariables & Partial<SpApiVariables> };

export function createHttpApp(s: Services, opts: { isReady: () => boolean; cliToken?: string }) {
  const app = new OpenAPIHono<Env>();
  const { identity, orders, marketplaces, log } = s;

  app.use('*', requestId({ headerName: 'x-amzn-RequestId' }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // Path only: query strings can carry buyer emails (getOrders BuyerEmail).
    log.debug(
      {
        requestId: c.get('requestId' as never),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.onError(createErrorHandler([spApiErrorRenderer], log));

  app.get('/healthz', (c) =>
    opts.isReady() ? c.json({ status: 'ok' }, 200) : c.json({ status: 'starting' }, 503),
  );

  // --- web API (session cookie + CSRF) -----------------------------------------------------------
  // The buyer pages (/api/buyer) have their own session cookie and CSRF token: a seller session
  // in the same browser must not demand its token there.
  const sellerSession = sessionMiddleware(identity, { required: false });
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/buyer/') ? next() : sellerSession(c, next)));
  app.use('/api/buyer/*', buyerSessionMiddleware(s.buyers));

  const describeSession = async (session: WebSession) => {
    const seller = session.user.sellerId ? await marketplaces.findSeller(session.user.sellerId) : undefined;
    const m = seller ? await marketplaces.findMarketplace(seller.marketplaceId) : undefined;
    return {
      user: session.user,
      seller:
        seller && m
          ? {
              id: seller.id,
              name: seller.name,
              marketplaceId: m.id,
              marketplaceName: m.salesChannel,
              currencyCode: m.currency,
              timeZone: seller.timeZone,
              sellingPlan: seller.sellingPlan,
            }
          : null,
      csrfToken: session.csrfToken,
      sandbox: { enabled: s.config.mode === 'sandbox', now: s.clock.now().toISOString() },
    };
  };

  const requireOperator = (c: Context) => {
    requireOperatorSession(c as Context<Env>);
  };

  app.route(
    '/',
    createIdentityRoutes(identity, describeSession, { secureCookies: s.config.mode === 'production' }),
  );
  app.get('/api/settings/account', async (c) => {
    const { sellerId } = requireSeller(c);
    const seller = await marketplaces.getSeller(sellerId);
    return c.json({
      seller: {
        id: seller.id,
        name: seller.name,
        sellingPlan: seller.sellingPlan,
        timeZone: seller.timeZone,
        language: seller.language,
        customerServiceEmail: seller.customerServiceEmail,
        emergencyPhone: seller.emergencyPhone,
      },
    });
  });
  app.route(
    '/',
    // NTF-7: failed notification addresses join the home alerts (EMAIL_DELIVERY_FAILED).
    createOrdersWebRoutes(orders, s.clock, requireSeller, marketplaces, (sellerId) =>
      s.notifications.homeAlerts(sellerId),
    ),
  );
  // NTF-8/10: in-app notifications and the delivery log.
  app.route('/', createNotificationsWebRoutes(s.notifications, requireSeller));
  app.route('/', createOrderChangesWebRoutes(orders, requireSeller));
  app.route('/', createOrdersRefundsWebRoutes(orders, requireSeller));
  app.route('/', createListingsWebRoutes(s.listings, requireSeller));
  // Notification Preferences (NTF-1/3/6/7, PERF-7).
  const preferences = createPreferencesService({
    db: s.database.db,
    ids: s.ids,
    clock: s.clock,
    marketplaces,
    sellerContacts: (sellerId) => identity.sellerContacts(sellerId),
    allowPrivateWebhooks: s.config.allowPrivateWebhooks,
  });
  // The reset re-sends what was missed: the notifications service's (NTF-7).
  const resetFailedAddress: ResetFailedAddress = (sellerId, channel, address) =>
    s.notifications.resetFailedAddress(sellerId, channel, address);
  app.route('/', createPreferencesRoutes(preferences, requireSeller, resetFailedAddress));
  // MSG-3: Customer Service Reply-to address, its verification link (public endpoint).
  app.route('/', createCustomerServiceEmailRoutes(s.customerServiceEmail, requireSeller));
  // MSG-1..16: Buyer-Seller Messages. The policy check also takes an SP-API access token.
  app.route(
    '/',
    createMessagingWebRoutes(s.messaging, requireSeller, async (c) => {
      const session = (c as Context<Env>).get('session');
      // Violations are explained in the signed-in user's language (an SP-API caller: the seller's).
      if (session)
        return { sellerId: requireSeller(c).sellerId, language: asMessageLanguage(session.user.language) };
      const token = c.req.header('x-amz-access-token');
      if (!token)
        throw unauthenticated(
          'UNAUTHENTICATED',
          'Sign in, or send an SP-API access token (x-amz-access-token).',
        );
      const check = identity.verifyAccessToken(token);
      if (!check.ok)
        throw unauthenticated(
          check.reason === 'expired' ? 'ACCESS_TOKEN_EXPIRED' : 'ACCESS_TOKEN_INVALID',
          'The access token you provided is not valid or has expired.',
        );
      return { sellerId: sellerOf(check.claims) };
    }),
  );
  app.route('/', createMessagingBuyerRoutes(s.messaging, requireBuyer));
  // "Your Account" (buyers): sign-in and sessions, then the buyer's orders and receipts.
  app.route('/', createBuyerSessionRoutes(s.buyers, { secureCookies: s.config.mode === 'production' }));
  app.route('/', createOrdersBuyerRoutes(orders, requireBuyer));
  app.route('/', createOpsRoutes({ db: s.database.db, jobs: s.jobs, requireOperator }));
  // NTF-2 Account: the operator publishes notices to all sellers or one marketplace.
  const accountNotices = createAccountNotices({
    db: s.database.db,
    ids: s.ids,
    clock: s.clock,
    listSellers: () => marketplaces.listSellers(),
    marketplaceExists: async (id) => Boolean(await marketplaces.findMarketplace(id)),
  });
  app.route(
    '/',
    createAccountNoticesRoutes(accountNotices, (c) => requireOperatorSession(c as Context<Env>)),
  );

  // MSG-8..11: the operator's extra policy phrases (operator session; the same under /marketplace/v1).
  app.route(
    '/',
    createPolicyPhrasesRoutes(
      s.phrases,
      (c) => ({ actor: requireOperatorSession(c as Context<Env>).user.id }),
      {
        prefix: '/api/ops/policy-phrases',
        tag: 'Web: operator',
      },
    ),
  );

  // --- marketplace API (operator API keys) -----------------------------------------------------
  app.use('/marketplace/*', operatorKeyMiddleware(identity));
  app.route(
    '/',
    createPolicyPhrasesRoutes(
      s.phrases,
      (c) => ({ actor: `key:${(c as Context<Env>).get('operatorKey')?.id ?? 'unknown'}` }),
      { prefix: '/marketplace/v1/policy-phrases', tag: 'Marketplace: policy phrases' },
    ),
  );
  app.route('/', createOrdersMarketplaceRoutes(orders));
  app.route('/', createBuyersMarketplaceRoutes(s.buyers));
  app.route('/', createOrderChangesMarketplaceRoutes(orders));
  app.route('/', createListingsMarketplaceRoutes(s.listings));

  // --- SP-API (LWA access tokens) ---------------------------------------------------------------
  app.route('/', createLwaRoutes(identity));
  const auth = spApiAuth(identity);
  // The preferences for a seller's own tools (LWA access token of an authorized app, no operator key).
  app.use('/mercato/notifications/v1/*', auth as never);
  app.route(
    '/',
    createPreferencesRoutes(
      preferences,
      (c) => {
        const principal = (c as unknown as Context<Env>).get('spapi') as SpApiVariables['spapi'];
        return { sellerId: sellerOf(principal), userId: `app:${principal.app}` };
      },
      resetFailedAddress,
      { prefix: '/mercato/notifications/v1', tag: 'Seller API: notification preferences' },
    ),
  );
  app.route(
    '/',
    createOrdersSpApiRoutes(orders, marketplaces, s.clock, {
      auth: auth as never,
      plan: (op) => usagePlan(s.rateLimiter, op) as never,
      sellerId: (c) => sellerOf((c as Context<Env>).get('spapi') as SpApiVariables['spapi']),
      // Amazon's static-sandbox examples (TEST_CASE_200, ...) answer only in sandbox mode.
      staticSandbox: s.config.mode === 'sandbox',
    }),
  );

  // SP-API Notifications v1: destinations (grantless) and subscriptions.
  app.route(
    '/',
    createNotificationsSpApiRoutes(s.spApiNotifications, {
      auth: auth as never,
      plan: (op) => usagePlan(s.rateLimiter, op) as never,
      caller: (c) => (c as Context<Env>).get('spapi') as SpApiVariables['spapi'],
    }),
  );

  // SP-API Messaging v1, Solicitations v1 and Uploads 2020-11-01: every message goes through
  // messaging.postMessage, so the communication policy (MSG-6..13) applies as on the web.
  const messagingSp = {
    auth: auth as never,
    plan: (op: string) => usagePlan(s.rateLimiter, op) as never,
    sellerId: (c: Context) => sellerOf((c as Context<Env>).get('spapi') as SpApiVariables['spapi']),
  };
  const uploads = createUploads({
    db: s.database.db,
    ids: s.ids,
    clock: s.clock,
    secret: s.secret,
    marketplaces,
  });
  app.route('/', createUploadsSpApiRoutes(uploads, { ...messagingSp, publicUrl: s.config.http.publicUrl }));
  app.route(
    '/',
    createMessagingSpApiRoutes({ messaging: s.messaging, marketplaces, uploads, sp: messagingSp }),
  );
  app.route(
    '/',
    createSolicitationsSpApiRoutes(
      createSolicitations({ db: s.database.db, clock: s.clock, messaging: s.messaging, marketplaces }),
      messagingSp,
    ),
  );

  // --- sandbox ------------------------------------------------------------------------------------
  app.route(
    '/',
    createSandboxRoutes({
      enabled: s.config.mode === 'sandbox',
      clock: s.sandboxClock,
      db: s.database.db,
      cliToken: opts.cliToken,
      authenticate: async (c) => {
        if ((c as Context<Env>).get('session')) return;
        // The CLI of this machine (mercato clock) talks to the server that holds the database.
        const cli = c.req.header('x-mercato-cli-token');
        if (cli && opts.cliToken && cli === opts.cliToken) return;
        const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
        if (bearer && (await identity.verifyOperatorKey(bearer))) return;
        const token = c.req.header('x-amz-access-token');
        if (token && identity.verifyAccessToken(token).ok) return;
        throw unauthenticated(
          'UNAUTHENTICATED',
          'Send an operator API key, an SP-API access token, or sign in.',
        );
      },
    }),
  );

  // --- OpenAPI (API-3) ----------------------------------------------------------------------------
  app.openAPIRegistry.registerComponent('securitySchemes', 'spApiAccessToken', {
    type: 'apiKey',
    in: 'header',
    name: 'x-amz-access-token',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'operatorKey', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Mercato API',
      version: '0.1.0',
      description:
        'Seller web API (/api), marketplace API for the storefront (/marketplace/v1, operator key), SP-API compatible seller API (/orders/v0, LWA token at /auth/o2/token) and sandbox controls (/sandbox/v1).',
    },
  });
  app.get('/api-docs', (c) => c.html(SWAGGER_PAGE));
  app.use(
    '/api-docs/assets/*',
    serveStatic({ root: SWAGGER_DIST, rewriteRequestPath: (p) => p.replace('/api-docs/assets', '') }),
  );

  // --- web app ------------------------------------------------------------------------------------
  app.use('/assets/*', serveStatic({ root: WEB_DIST }));
  app.use('/favicon.svg', serveStatic({ root: WEB_DIST }));
  app.notFound((c) => {
    if (isSpApiPath(c.req.path)) return c.json(spApiErrorBody('NotFound', 'Resource not found.'), 404);
    if (
      c.req.method === 'GET' &&
      !c.req.path.startsWith('/api/') &&
      !c.req.path.startsWith('/marketplace/')
    ) {
      const index = path.join(WEB_DIST, 'index.html');
      if (existsSync(index)) return c.html(readFileSync(index, 'utf8'));
      return c.text('The web app is not built. Run `npm run build:web` (npm start does it for you).', 503);
    }
    return renderAppError(
      c,
      new AppError('not_found', 'ROUTE_NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`),
    );
  });

  return app;
}

const SWAGGER_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mercato API</title>
<link rel="stylesheet" href="/api-docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api-docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true });</script>
</body></html>`;
