// What every SP-API route shares: x-amzn-RequestId on every response, authentication by
// x-amz-access-token (no SigV4: SP-API dropped it in 2023), and the per-operation usage plan.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../platform/errors.ts';
import type { IdentityService, SpApiPrincipal } from '../modules/identity/index.ts';
import type { RateLimiter } from './rate-limit.ts';

export type SpApiVariables = { spapi: SpApiPrincipal; requestId: string };

/** Authenticates the caller. Grantless tokens only pass where `grantless` is allowed. */
export function spApiAuth(identity: IdentityService): MiddlewareHandler<{ Variables: SpApiVariables }> {
  return async (c, next) => {
    const token = c.req.header('x-amz-access-token');
    if (!token)
      throw new AppError(
        'unauthenticated',
        'ACCESS_TOKEN_MISSING',
        'Access to requested resource is denied.',
      );
    const check = identity.verifyAccessToken(token);
    if (!check.ok) {
      if (check.reason === 'expired')
        throw new AppError(
          'unauthenticated',
          'ACCESS_TOKEN_EXPIRED',
          'The access token you provided has expired.',
        );
      throw new AppError(
        'unauthenticated',
        'ACCESS_TOKEN_INVALID',
        'The access token you provided is not valid.',
      );
    }
    c.set('spapi', check.claims);
    await next();
  };
}

/** The seller a token acts for; grantless tokens cannot read seller data. */
export function sellerOf(principal: SpApiPrincipal): string {
  if (!principal.seller) {
    throw new AppError(
      'forbidden',
      'GRANTLESS_TOKEN_NOT_ALLOWED',
      'This operation needs a token obtained with a refresh token.',
    );
  }
  return principal.seller;
}

/** Applies the usage plan of `operation` and sets x-amzn-RateLimit-Limit. */
export function usagePlan(
  limiter: RateLimiter,
  operation: string,
): MiddlewareHandler<{ Variables: SpApiVariables }> {
  const rate = limiter.plan(operation).rate.toString();
  return async (c, next) => {
    c.header('x-amzn-RateLimit-Limit', rate);
    const p = c.get('spapi');
    if (!limiter.hit(`${p.app}:${p.seller ?? '-'}`, operation)) {
      throw new AppError(
        'rate_limited',
        'QUOTA_EXCEEDED',
        'You exceeded your quota for the requested resource.',
      );
    }
    await next();
  };
}
