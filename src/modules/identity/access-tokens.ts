// LWA-style access tokens (`Atza|...`) are signed, not stored: verifying one costs an HMAC, not
// a database round trip, which keeps SP-API latency low. They expire (ACCESS_TOKEN_TTL_SECONDS);
// revoking an authorization stops new tokens at once and old ones at their expiry.
import { hmac, safeEqual } from './secrets.ts';

export type AccessTokenClaims = {
  /** developer app id */
  app: string;
  /** seller the token acts for; null for grantless (client_credentials) tokens */
  seller: string | null;
  /** authorization id (refresh-token grant) */
  auth: string | null;
  scope: string | null;
  /** expiry, epoch seconds */
  exp: number;
};

export type TokenCheck =
  | { ok: true; claims: AccessTokenClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

const PREFIX = 'Atza|';

export function signAccessToken(claims: AccessTokenClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${PREFIX}${body}.${hmac(secret, body)}`;
}

export function verifyAccessToken(token: string, secret: string, nowMs: number): TokenCheck {
  if (!token.startsWith(PREFIX)) return { ok: false, reason: 'malformed' };
  const [body, sig] = token.slice(PREFIX.length).split('.');
  if (!body || !sig) return { ok: false, reason: 'malformed' };
  if (!safeEqual(sig, hmac(secret, body))) return { ok: false, reason: 'bad_signature' };
  let claims: AccessTokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as AccessTokenClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
