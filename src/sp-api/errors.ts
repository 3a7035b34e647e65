// SP-API error bodies: `{"errors":[{"code","message","details"}]}` with the codes that client
// libraries react to (reference/sp-api.md §1.7): InvalidInput, Unauthorized (with the
// "access token ... expired" details that make amazon-sp-api refresh), NotFound, QuotaExceeded.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppError } from '../platform/errors.ts';
import type { ErrorRenderer } from '../platform/http/http-errors.ts';

export type SpApiError = { code: string; message: string; details?: string };

export const EXPIRED_TOKEN_DETAILS = 'The access token you provided has expired.';

export function spApiErrorBody(code: string, message: string, details?: string): { errors: SpApiError[] } {
  return { errors: [{ code, message, ...(details !== undefined ? { details } : {}) }] };
}

/** AppError → SP-API status and error. Our stable code travels in `details`. */
export function toSpApiError(err: AppError): { status: number; body: { errors: SpApiError[] } } {
  switch (err.kind) {
    case 'unauthenticated':
    case 'forbidden':
      return {
        status: 403,
        body: spApiErrorBody(
          'Unauthorized',
          'Access to requested resource is denied.',
          err.code === 'ACCESS_TOKEN_EXPIRED' ? EXPIRED_TOKEN_DETAILS : err.message,
        ),
      };
    case 'not_found':
      return { status: 404, body: spApiErrorBody('NotFound', err.message, err.code) };
    case 'rate_limited':
      return {
        status: 429,
        body: spApiErrorBody('QuotaExceeded', 'You exceeded your quota for the requested resource.'),
      };
    case 'invalid':
    case 'rule_violation':
    case 'conflict':
      return { status: 400, body: spApiErrorBody('InvalidInput', err.message, err.code) };
    case 'unavailable':
      return { status: 503, body: spApiErrorBody('ServiceUnavailable', err.message) };
    default:
      return {
        status: 500,
        body: spApiErrorBody('InternalFailure', 'We encountered an internal error. Please try again.'),
      };
  }
}

const SP_API_PREFIXES = [
  '/orders/v0/',
  '/orders/2026-01-01/',
  '/notifications/v1/',
  '/messaging/v1/',
  '/solicitations/v1/',
  '/feeds/2021-06-30/',
  '/reports/2021-06-30/',
  '/tokens/2021-03-01/',
  '/uploads/2020-11-01/',
];

export function isSpApiPath(path: string): boolean {
  return SP_API_PREFIXES.some((p) => path.startsWith(p)) || path === '/orders/v0/orders';
}

export const spApiErrorRenderer: ErrorRenderer = {
  matches: isSpApiPath,
  render(c: Context, err: AppError) {
    const { status, body } = toSpApiError(err);
    return c.json(body, status as ContentfulStatusCode);
  },
};
