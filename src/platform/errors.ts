// One error type for services (DESIGN "Errors"): a kind that decides the HTTP status, a stable
// code clients can branch on, and a message a person understands.

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule_violation'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

/** The one table from error kind to HTTP status. */
export const HTTP_STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return HTTP_STATUS_BY_KIND[this.kind];
  }
}

export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('invalid', code, message, details);
export const notFound = (code: string, message: string) => new AppError('not_found', code, message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('conflict', code, message, details);
export const ruleViolation = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('rule_violation', code, message, details);
export const forbidden = (code: string, message: string) => new AppError('forbidden', code, message);
export const unauthenticated = (code: string, message: string) =>
  new AppError('unauthenticated', code, message);
