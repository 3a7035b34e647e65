// Users and web sessions, SP-API developer apps and their LWA tokens, operator API keys.
// Security time (token and session expiry, login throttling) reads the real clock given here,
// never the sandbox clock: moving sandbox time must not log everybody out.
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import { type AccessTokenClaims, signAccessToken, verifyAccessToken } from './access-tokens.ts';
import { createIdentityRepository, type UserRow } from './identity.repository.ts';
import { LOGIN_THROTTLE, retryAfter } from './login-throttle.ts';
import { sha256 } from './secrets.ts';

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: 'seller' | 'operator';
  sellerId: string | null;
  language: string;
};

export type WebSession = { user: SessionUser; csrfToken: string; expiresAt: Date };

export type TokenGrant =
  | { grant_type: 'refresh_token'; refresh_token: string; client_id: string; client_secret: string }
  | { grant_type: 'client_credentials'; scope: string; client_id: string; client_secret: string }
  | {
      grant_type: 'authorization_code';
      code: string;
      client_id: string;
      client_secret: string;
      redirect_uri?: string;
    };

export type TokenResponse = {
  access_token: string;
  refresh_token?: string;
  token_type: 'bearer';
  expires_in: number;
};

/** LWA's own error shape: `{error, error_description}` with 400/401. */
export class LwaError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export type SpApiPrincipal = AccessTokenClaims;

export type IdentityOptions = {
  db: Db;
  ids: Ids;
  /** Real time, for expiry and throttling. */
  clock: Clock;
  secret: string;
  accessTokenTtlSeconds: number;
  sessionTtlHours: number;
};

const GRANTLESS_SCOPES = new Set([
  'sellingpartnerapi::notifications',
  'sellingpartnerapi::client_credential:rotation',
]);

const OPERATOR_KEY_CACHE_MS = 5000;

export function createIdentityService(o: IdentityOptions) {
  const repo = createIdentityRepository(o.db);
  const operatorKeyCache = new Map<string, { key: { id: string; name: string }; until: number }>();

  const toSessionUser = (u: UserRow): SessionUser => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    sellerId: u.sellerId,
    language: u.language,
  });

  async function tokenForAuthorization(
    appId: string,
    sellerId: string,
    authId: string,
  ): Promise<TokenResponse> {
    const exp = Math.floor(o.clock.now().getTime() / 1000) + o.accessTokenTtlSeconds;
    return {
      access_token: signAccessToken(
        { app: appId, seller: sellerId, auth: authId, scope: null, exp },
        o.secret,
      ),
      token_type: 'bearer',
      expires_in: o.accessTokenTtlSeconds,
    };
  }

  async function checkClient(clientId: string, clientSecret: string) {
    const app = await repo.appByClientId(clientId ?? '');
    if (!app || app.clientSecretHash !== sha256(clientSecret ?? '')) {
      throw new LwaError(401, 'invalid_client', 'Client authentication failed');
    }
    return app;
  }

  /** Throws TOO_MANY_LOGIN_ATTEMPTS while the email or the client address is throttled. */
  async function assertLoginAllowed(emailKey: string, ipKey: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - LOGIN_THROTTLE.windowMs);
    // Per email: a handful of guesses; per client address: more, since offices share one.
    const blockedUntil =
      retryAfter(await repo.loginFailuresSince([emailKey], since), now, LOGIN_THROTTLE) ??
      retryAfter(await repo.loginFailuresSince([ipKey], since), now, {
        ...LOGIN_THROTTLE,
        maxFailures: 20,
      });
    if (blockedUntil) {
      const minutes = Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 60000));
      throw new AppError(
        'rate_limited',
        'TOO_MANY_LOGIN_ATTEMPTS',
        `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { retryAfterSeconds: Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000) },
      );
    }
  }

  return {
    /**
     * Login throttling shared by every password form (buyers' "Your Account" too): same policy,
     * same store. Callers namespace their keys (`buyer-email:...`) so one form cannot lock the other.
     */
    loginThrottle: {
      check: (emailKey: string, ipKey: string) => assertLoginAllowed(emailKey, ipKey, o.clock.now()),
      async fail(keys: string[]) {
        for (const key of keys) await repo.recordLoginFailure(o.ids.next('lgf'), key, o.clock.now());
      },
      clear: (key: string) => repo.clearLoginFailures(key),
    },

    /** Default email recipients of seller notifications (NTF-3): the seller's users. */
    async sellerContacts(sellerId: string): Promise<{ email: string; language: string }[]> {
      const rows = await repo.usersOfSeller(sellerId);
      return rows.map((u) => ({ email: u.email, language: u.language }));
    },

    async hashPassword(password: string): Promise<string> {
      return argonHash(password);
    },

    async createUser(input: {
      id?: string;
      email: string;
      password?: string;
      passwordHash?: string;
      name: string;
      role: 'seller' | 'operator';
      sellerId: string | null;
      language: string;
    }): Promise<SessionUser> {
      const passwordHash = input.passwordHash ?? (await argonHash(input.password ?? ''));
      const row = {
        id: input.id ?? o.ids.next('usr'),
        email: input.email.toLowerCase(),
        passwordHash,
        name: input.name,
        role: input.role,
        sellerId: input.sellerId,
        language: input.language,
        createdAt: o.clock.now(),
      };
      await repo.insertUser(row);
      return toSessionUser(row);
    },

    /** Logs in with email and password; throttled per email and per client address. */
    async login(email: string, password: string, clientAddress: string) {
      const now = o.clock.now();
      const keys = [`email:${email.toLowerCase()}`, `ip:${clientAddress}`];
      const [emailKey, ipKey] = keys as [string, string];
      await assertLoginAllowed(emailKey, ipKey, now);
      const user = await repo.userByEmail(email);
      const ok = user ? await argonVerify(user.passwordHash, password).catch(() => false) : false;
      if (!user || !ok) {
        for (const key of keys) await repo.recordLoginFailure(o.ids.next('lgf'), key, now);
        throw unauthenticated('INVALID_CREDENTIALS', 'The email address or password is not correct.');
      }
      await repo.clearLoginFailures(keys[0] as string);
      const token = o.ids.token('', 32);
      const csrfToken = o.ids.token('', 24);
      const expiresAt = new Date(now.getTime() + o.sessionTtlHours * 3600 * 1000);
      await repo.insertSession({
        tokenHash: sha256(token),
        userId: user.id,
        csrfToken,
        createdAt: now,
        expiresAt,
      });
      return { token, session: { user: toSessionUser(user), csrfToken, expiresAt } satisfies WebSession };
    },

    async session(token: string): Promise<WebSession | null> {
      const s = await repo.sessionByHash(sha256(token), o.clock.now());
      if (!s) return null;
      const user = await repo.userById(s.userId);
      return user ? { user: toSessionUser(user), csrfToken: s.csrfToken, expiresAt: s.expiresAt } : null;
    },

    async logout(token: string): Promise<void> {
      await repo.deleteSession(sha256(token));
    },

    async setLanguage(userId: string, language: string): Promise<void> {
      await repo.setUserLanguage(userId, language);
    },

    // --- SP-API developer apps -------------------------------------------------------------

    async createApp(sellerId: string, name: string, fixed?: { clientId: string; clientSecret: string }) {
      const clientId = fixed?.clientId ?? `amzn1.application-oa2-client.${o.ids.token('', 16).toLowerCase()}`;
      const clientSecret = fixed?.clientSecret ?? o.ids.token('amzn1.oa2-cs.v1.', 32);
      const row = {
        id: o.ids.next('app'),
        sellerId,
        name,
        clientId,
        clientSecretHash: sha256(clientSecret),
        createdAt: o.clock.now(),
      };
      await repo.insertApp(row);
      return { id: row.id, name, clientId, clientSecret, createdAt: row.createdAt };
    },

    async listApps(sellerId: string) {
      const apps = await repo.appsOfSeller(sellerId);
      const auths = await repo.authorizationsOfApps(apps.map((a) => a.id));
      return apps.map((a) => ({
        id: a.id,
        name: a.name,
        clientId: a.clientId,
        createdAt: a.createdAt,
        authorizations: auths
          .filter((x) => x.appId === a.id)
          .map((x) => ({ id: x.id, createdAt: x.createdAt, revokedAt: x.revokedAt })),
      }));
    },

    /** The seller authorizes their app and receives a refresh token (shown once). */
    async authorizeApp(sellerId: string, appId: string, fixedRefreshToken?: string) {
      const app = await repo.appOfSeller(sellerId, appId);
      if (!app) throw notFound('APP_NOT_FOUND', 'No such developer app.');
      const refreshToken = fixedRefreshToken ?? o.ids.token('Atzr|', 48);
      const row = {
        id: o.ids.next('aut'),
        appId,
        sellerId,
        refreshTokenHash: sha256(refreshToken),
        createdAt: o.clock.now(),
      };
      await repo.insertAuthorization(row);
      return { id: row.id, refreshToken, createdAt: row.createdAt };
    },

    async revokeAuthorization(sellerId: string, appId: string, authId: string) {
      if (!(await repo.revokeAuthorization(sellerId, appId, authId, o.clock.now()))) {
        throw notFound('AUTHORIZATION_NOT_FOUND', 'No such active authorization.');
      }
    },

    /** A one-time code for the website authorization flow (`spapi_oauth_code`), valid 5 minutes. */
    async issueAuthorizationCode(sellerId: string, appId: string) {
      const app = await repo.appOfSeller(sellerId, appId);
      if (!app) throw notFound('APP_NOT_FOUND', 'No such developer app.');
      const code = o.ids.token('', 24);
      await repo.insertAuthorizationCode({
        codeHash: sha256(code),
        appId,
        sellerId,
        expiresAt: new Date(o.clock.now().getTime() + 5 * 60 * 1000),
      });
      return { code };
    },

    /** POST /auth/o2/token: the three LWA grants. Throws LwaError in LWA's wire format. */
    async exchangeToken(grant: TokenGrant): Promise<TokenResponse> {
      const app = await checkClient(grant.client_id, grant.client_secret);
      if (grant.grant_type === 'refresh_token') {
        const auth = await repo.authorizationByRefreshHash(sha256(grant.refresh_token ?? ''));
        if (!auth || auth.appId !== app.id) {
          throw new LwaError(
            400,
            'invalid_grant',
            'The request has an invalid grant parameter : refresh_token',
          );
        }
        return tokenForAuthorization(app.id, auth.sellerId, auth.id);
      }
      if (grant.grant_type === 'authorization_code') {
        const code = await repo.consumeAuthorizationCode(sha256(grant.code ?? ''), app.id, o.clock.now());
        if (!code || code.appId !== app.id) {
          throw new LwaError(400, 'invalid_grant', 'The request has an invalid grant parameter : code');
        }
        const auth = await this.authorizeApp(code.sellerId, app.id);
        const token = await tokenForAuthorization(app.id, code.sellerId, auth.id);
        return { ...token, refresh_token: auth.refreshToken };
      }
      const scopes = (grant.scope ?? '').split(/\s+/).filter(Boolean);
      if (scopes.length === 0 || scopes.some((s) => !GRANTLESS_SCOPES.has(s))) {
        throw new LwaError(400, 'invalid_scope', 'An unknown scope was requested');
      }
      const exp = Math.floor(o.clock.now().getTime() / 1000) + o.accessTokenTtlSeconds;
      return {
        access_token: signAccessToken(
          { app: app.id, seller: null, auth: null, scope: scopes.join(' '), exp },
          o.secret,
        ),
        token_type: 'bearer',
        expires_in: o.accessTokenTtlSeconds,
      };
    },

    verifyAccessToken(token: string) {
      return verifyAccessToken(token, o.secret, o.clock.now().getTime());
    },

    // --- Operator API keys -------------------------------------------------------------------

    async createOperatorKey(name: string, fixedKey?: string) {
      if (!name.trim()) throw invalid('VALIDATION_FAILED', 'An operator key needs a name.');
      const key = fixedKey ?? o.ids.token('mko_', 32);
      await repo.insertOperatorKey({
        id: o.ids.next('okey'),
        name,
        keyHash: sha256(key),
        createdAt: o.clock.now(),
      });
      return { key };
    },

    /** Every storefront request carries the key: valid keys are remembered for a few seconds
     *  (a revoked key stops working within OPERATOR_KEY_CACHE_MS), unknown keys always hit the
     *  database so a new key works at once. */
    async verifyOperatorKey(key: string): Promise<{ id: string; name: string } | null> {
      const hash = sha256(key);
      const now = o.clock.now().getTime();
      const hit = operatorKeyCache.get(hash);
      if (hit && hit.until > now) return hit.key;
      const k = await repo.operatorKeyByHash(hash);
      if (!k) return null;
      if (operatorKeyCache.size > 1000) operatorKeyCache.clear();
      operatorKeyCache.set(hash, { key: { id: k.id, name: k.name }, until: now + OPERATOR_KEY_CACHE_MS });
      return { id: k.id, name: k.name };
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
