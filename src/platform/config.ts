// The one place that reads process.env (DESIGN: "Config: one typed object parsed from the
// environment at startup"). Everything else receives a Config.
import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const EnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  MERCATO_MODE: z.enum(['sandbox', 'production']).optional(),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  MERCATO_DATA_DIR: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  MAIL_FROM: z.string().default('Mercato <no-reply@mercato.local>'),
  MERCATO_INBOUND_SMTP_PORT: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).optional(),
  ),
  MERCATO_INBOUND_SMTP_HOST: z.string().default('0.0.0.0'),
  MERCATO_BOUNCE_DOMAIN: z.string().optional(),
  MERCATO_SECRET: z.string().min(32).optional(),
  MERCATO_DEMO: boolish.optional(),
  MERCATO_DEMO_ORDERS: z.coerce.number().int().min(0).max(100000).default(150),
  SPAPI_RATE_LIMITS: z.string().default('default'),
  MERCATO_WORKERS: boolish.optional(),
  MERCATO_ALLOW_PRIVATE_WEBHOOKS: boolish.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(3600),
  SMS_PROVIDER_URL: z.string().url().optional(),
  SMS_PROVIDER_TOKEN: z.string().optional(),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  NOTIFICATION_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
});

export type Config = {
  mode: 'sandbox' | 'production';
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  http: { port: number; host: string; publicUrl: string | undefined };
  mail: { smtpUrl: string | undefined; poolSize: number; from: string };
  /** Signs access tokens and sessions. Generated and stored in the database when absent (sandbox only). */
  secret: string | undefined;
  /** Load demo data on an empty database. */
  demo: boolean;
  /** Demo orders per demo seller. */
  demoOrdersPerSeller: number;
  /** 'default' (SP-API's published rates), 'off', or a JSON object {"getOrders":{"rate":1,"burst":5}}. */
  spApiRateLimits: string;
  /** Run background workers in this process (the default for `start`). */
  workers: boolean;
  /** NTF-6: let sellers register webhooks on private/loopback addresses (SSRF guard off). */
  allowPrivateWebhooks: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  accessTokenTtlSeconds: number;
  sessionTtlHours: number;
  /** NTF-6 SMS through an HTTP provider (POST JSON {to, text}); none = SMS deliveries are skipped. */
  sms: { providerUrl: string | undefined; providerToken: string | undefined };
  /** NTF-6 webhooks: the per-attempt timeout (a slow endpoint never holds up the others). */
  webhooks: { timeoutMs: number };
  /** NTF-9: how long a claimed delivery stays a worker's; a crashed worker's are re-sent after it. */
  notifications: { leaseMs: number };
  /**
   * NTF-7 bounces: the inbound SMTP server (off when the port is unset; 0 = any free port) and the
   * domain of the per-delivery return addresses `bounce+<deliveryId>@<domain>` (default: the
   * domain of MAIL_FROM). Point the domain's MX at this server so remote bounces reach it.
   */
  inboundSmtp: { port: number | undefined; host: string; bounceDomain: string; portIsDefault: boolean };
};

export class ConfigError extends Error {}

/** MSG-4/NTF-7: the inbound SMTP port `npm start` uses in sandbox mode when none is configured. */
export const DEFAULT_SANDBOX_INBOUND_SMTP_PORT = 2525;

/** Parses the environment once. Throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const mode = e.MERCATO_MODE ?? (e.NODE_ENV === 'production' ? 'production' : 'sandbox');
  if (mode === 'production' && !e.MERCATO_SECRET) {
    throw new ConfigError('MERCATO_SECRET (at least 32 characters) is required in production mode');
  }
  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
    : { kind: 'pglite', dataDir: path.resolve(cwd, e.MERCATO_DATA_DIR ?? '.mercato') };
  return {
    mode,
    database,
    http: { port: e.PORT, host: e.HOST, publicUrl: e.PUBLIC_URL },
    mail: { smtpUrl: e.SMTP_URL || undefined, poolSize: e.SMTP_POOL_SIZE, from: e.MAIL_FROM },
    secret: e.MERCATO_SECRET,
    demo: e.MERCATO_DEMO ?? mode === 'sandbox',
    demoOrdersPerSeller: e.MERCATO_DEMO_ORDERS,
    spApiRateLimits: e.SPAPI_RATE_LIMITS,
    workers: e.MERCATO_WORKERS ?? true,
    allowPrivateWebhooks: e.MERCATO_ALLOW_PRIVATE_WEBHOOKS ?? false,
    logLevel: e.LOG_LEVEL,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sms: { providerUrl: e.SMS_PROVIDER_URL || undefined, providerToken: e.SMS_PROVIDER_TOKEN || undefined },
    webhooks: { timeoutMs: e.WEBHOOK_TIMEOUT_MS },
    notifications: { leaseMs: e.NOTIFICATION_LEASE_SECONDS * 1000 },
    inboundSmtp: {
      // Sandbox listens on 2525 unless told otherwise (`off` disables it), so a newcomer can mail
      // a relay address at once; a busy default port only warns. Production: off unless set.
      port:
        e.MERCATO_INBOUND_SMTP_PORT === 'off'
          ? undefined
          : (e.MERCATO_INBOUND_SMTP_PORT ??
            (mode === 'sandbox' ? DEFAULT_SANDBOX_INBOUND_SMTP_PORT : undefined)),
      portIsDefault: e.MERCATO_INBOUND_SMTP_PORT === undefined && mode === 'sandbox',
      host: e.MERCATO_INBOUND_SMTP_HOST,
      bounceDomain: (
        e.MERCATO_BOUNCE_DOMAIN ??
        /@([^>\s]+)/.exec(e.MAIL_FROM)?.[1] ??
        'mercato.local'
      ).toLowerCase(),
    },
  };
}
