// Turns any thrown error into a response. Route families (SP-API, the web API, the marketplace
// API) render errors in their own wire format; the kind → status table lives in errors.ts.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export type ErrorRenderer = {
  /** Whether this renderer owns the request path. */
  matches(path: string): boolean;
  render(c: Context, err: AppError): Response;
};

/** The default format: `{"error":{"code","message","details"}}`. */
export function renderAppError(c: Context, err: AppError): Response {
  return c.json(
    { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
    err.status as ContentfulStatusCode,
  );
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (/malformed json/i.test(err.message)) {
      return new AppError('invalid', 'MALFORMED_JSON', 'The request body is not valid JSON.');
    }
    const kind = err.status === 401 ? 'unauthenticated' : err.status === 403 ? 'forbidden' : 'invalid';
    return new AppError(
      kind,
      kind === 'invalid' ? 'BAD_REQUEST' : kind.toUpperCase(),
      err.message || 'Bad request',
    );
  }
  if (err instanceof SyntaxError)
    return new AppError('invalid', 'MALFORMED_JSON', 'The request body is not valid JSON.');
  return new AppError(
    'internal',
    'INTERNAL_ERROR',
    'Something went wrong on our side. The error was logged.',
  );
}

export function createErrorHandler(renderers: ErrorRenderer[], log: Logger) {
  return (err: unknown, c: Context): Response => {
    const appErr = toAppError(err);
    if (appErr.kind === 'internal') {
      // Never leak a stack trace to the client; log it with the request id instead.
      log.error({ err, requestId: c.get('requestId' as never), path: c.req.path }, 'unhandled error');
    }
    const renderer = renderers.find((r) => r.matches(c.req.path));
    return renderer ? renderer.render(c, appErr) : renderAppError(c, appErr);
  };
}
