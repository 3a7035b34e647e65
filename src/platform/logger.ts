import { pino, type Logger } from 'pino';

export type { Logger };

// Structured logs with no PII and no secrets (DESIGN "Logs"): anything that could carry an
// address, a message body or a token is redacted by path, whatever module logs it.
const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'access_token',
  'refresh_token',
  'client_secret',
  '*.client_secret',
  'email',
  '*.email',
  'buyerEmail',
  '*.buyerEmail',
  'address',
  '*.address',
  'body',
  '*.body',
  'req.headers["x-amz-access-token"]',
  'req.headers.authorization',
  'req.headers.cookie',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'mercato' } },
    destination as never,
  );
}
