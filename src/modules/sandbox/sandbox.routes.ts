// API-4 sandbox controls. Only in sandbox mode; any authenticated caller (operator key, SP-API
// access token, or web session) may move the clock, since the sandbox is theirs to test with.
import type { Context } from 'hono';
import { parseDurationMs } from '../../platform/duration.ts';
import { AppError, forbidden, invalid } from '../../platform/errors.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses } from '../../platform/http/openapi-responses.ts';
import type { Db } from '../../platform/db/database.ts';
import { readDemoCredentials } from './demo-data.service.ts';
import type { SandboxClock } from './sandbox-clock.service.ts';

const ClockState = z
  .object({ enabled: z.boolean(), now: z.string(), offsetMs: z.number() })
  .openapi('SandboxClock', {
    example: { enabled: true, now: '2026-11-30T09:00:00.000Z', offsetMs: 691200000 },
  });
const errors = errorResponses([400, 401, 403]);
const AdvanceBody = z
  .object({
    by: z
      .string()
      .min(2)
      .max(40)
      .openapi({ example: 'P8D', description: 'ISO 8601 duration: PT1H, P1D, P8D, P1W' }),
  })
  .strict();

export function createSandboxRoutes(o: {
  enabled: boolean;
  clock: SandboxClock;
  db: Db;
  /** Throws when the caller is not authenticated by any of the accepted means. */
  authenticate: (c: Context) => Promise<void>;
  /** The token the local CLI reads from server.json (see platform/db/data-dir-lock.ts). */
  cliToken?: string;
}) {
  const r = createRouter();
  const state = () => ({
    enabled: o.enabled,
    now: o.clock.clock.now().toISOString(),
    offsetMs: o.clock.clock.offset,
  });

  async function advance(c: Context, by: string) {
    if (!o.enabled)
      throw forbidden(
        'SANDBOX_DISABLED',
        'The sandbox clock can only be moved in sandbox mode (MERCATO_MODE=sandbox).',
      );
    const ms = parseDurationMs(by);
    if (ms === null) {
      throw invalid(
        'INVALID_DURATION',
        `"${by}" is not a forward ISO 8601 duration such as PT1H, P1D or P8D (months and years are not allowed).`,
      );
    }
    if (ms > 400 * 24 * 3600_000)
      throw invalid('INVALID_DURATION', 'Advance the clock by at most 400 days at a time.');
    void c;
    await o.clock.advance(ms);
    return state();
  }

  for (const prefix of ['/sandbox/v1', '/api/sandbox']) {
    r.openapi(
      createRoute({
        method: 'get',
        path: `${prefix}/clock`,
        tags: ['Sandbox'],
        summary: 'Current sandbox time',
        responses: {
          200: { content: { 'application/json': { schema: ClockState } }, description: 'Clock' },
          ...errors,
        },
      }),
      async (c) => {
        await o.authenticate(c);
        return c.json(state(), 200);
      },
    );
    r.openapi(
      createRoute({
        method: 'post',
        path: `${prefix}/clock/advance`,
        tags: ['Sandbox'],
        summary: 'Move sandbox time forward (sweeps that became due run at once)',
        request: { body: { content: { 'application/json': { schema: AdvanceBody } }, required: true } },
        responses: {
          200: { content: { 'application/json': { schema: ClockState } }, description: 'Clock' },
          ...errors,
        },
      }),
      async (c) => {
        await o.authenticate(c);
        return c.json(await advance(c, c.req.valid('json').by), 200);
      },
    );
  }

  // For `mercato demo credentials` while this process holds the embedded database: loopback only.
  r.get('/sandbox/v1/demo/credentials', async (c) => {
    const from = clientAddress(c);
    if (!o.enabled || !['127.0.0.1', '::1', '::ffff:127.0.0.1', 'local'].includes(from)) {
      throw new AppError(
        'forbidden',
        'LOOPBACK_ONLY',
        'Demo credentials are only served to this machine, in sandbox mode.',
      );
    }
    const creds = await readDemoCredentials(o.db);
    if (!creds) throw new AppError('not_found', 'NO_DEMO_DATA', 'This database has no demo data.');
    return c.json(creds, 200);
  });

  return r;
}
