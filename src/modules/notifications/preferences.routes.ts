// Seller web API for Notification Preferences (NTF-1/3/6/7, PERF-7): the page's rows, saving one
// type, webhook endpoints, and resetting a failed address. Session cookie + CSRF like /api/orders.
import type { Context } from 'hono';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses, jsonResponse } from '../../platform/http/openapi-responses.ts';
import type { AuthVariables } from '../identity/index.ts';
import { PERFORMANCE_METRICS } from './preferences-rules.ts';
import type { PreferencesService } from './preferences.service.ts';

type Env = { Variables: AuthVariables };
type RequireSeller = (c: Context<Env>) => { sellerId: string; userId: string };
/** NTF-7: the notifications service's reset (clears the alert and re-sends what was missed). */
export type ResetFailedAddress = (
  sellerId: string,
  channel: 'email' | 'sms' | 'webhook' | 'sp_api',
  address: string,
) => Promise<unknown>;

const json = jsonResponse;
const errors = errorResponses();

export const PreferenceBody = z
  .object({
    enabled: z.boolean(),
    frequency: z.enum(['immediate', 'daily', 'weekly', 'monthly']),
    emails: z.array(z.string().max(320)).max(50).default([]),
    phones: z.array(z.string().max(40)).max(20).default([]),
    webhooks: z.array(z.string().max(64)).max(20).default([]),
    inApp: z.boolean().default(true),
    metrics: z
      .array(z.string().max(64))
      .max(20)
      .nullish()
      .openapi({ description: `Performance types only (PERF-7): ${PERFORMANCE_METRICS.join(', ')}.` }),
    minSeverity: z.enum(['critical', 'warning', 'info']).nullish(),
  })
  .strict();

/**
 * The same routes serve the seller web API (`/api/notifications`, session + CSRF) and the seller
 * API for a seller's own tools (`/mercato/notifications/v1`, an LWA access token, no operator key):
 * `prefix` and `requireSeller` say which.
 */
export function createPreferencesRoutes(
  prefs: PreferencesService,
  requireSeller: RequireSeller,
  resetFailedAddress?: ResetFailedAddress,
  opts: { prefix?: string; tag?: string } = {},
) {
  const r = createRouter<Env>();
  const P = opts.prefix ?? '/api/notifications';
  const TAGS = [opts.tag ?? 'Web: notifications'];

  r.openapi(
    createRoute({
      method: 'get',
      path: `${P}/preferences`,
      tags: TAGS,
      summary: 'Every notification type of your selling plan with its effective preference (NTF-1)',
      responses: { 200: json('Groups of types, webhook endpoints and failed addresses'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json(await prefs.list(sellerId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: `${P}/preferences/{type}`,
      tags: TAGS,
      summary: 'Save one notification type: state, recipients, frequency (NTF-3, NTF-6, PERF-7)',
      request: {
        params: z.object({ type: z.string().max(64) }),
        body: { content: { 'application/json': { schema: PreferenceBody } } },
      },
      responses: { 200: json('The saved preference'), ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      const saved = await prefs.save(sellerId, userId, c.req.valid('param').type, c.req.valid('json'));
      return c.json({ preference: saved }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${P}/webhooks`,
      tags: TAGS,
      summary: 'Your webhook endpoints (secrets are never shown again)',
      responses: { 200: json('Endpoints'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json({ webhooks: await prefs.listWebhooks(sellerId) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: `${P}/webhooks`,
      tags: TAGS,
      summary: 'Register a webhook endpoint; the Standard Webhooks secret (whsec_…) is shown once',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z
                .object({ url: z.string().min(1).max(2000), description: z.string().max(200).nullish() })
                .strict(),
            },
          },
        },
      },
      responses: { 201: json('The endpoint with its secret'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json({ webhook: await prefs.createWebhook(sellerId, c.req.valid('json')) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: `${P}/webhooks/{id}`,
      tags: TAGS,
      summary: 'Delete a webhook endpoint (and remove it from every notification type)',
      request: { params: z.object({ id: z.string().max(64) }) },
      responses: { 204: { description: 'Deleted' }, ...errors },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      await prefs.deleteWebhook(sellerId, userId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${P}/failed-addresses`,
      tags: TAGS,
      summary: 'Addresses that failed and are not reset: the home page alert (NTF-7, EMAIL_DELIVERY_FAILED)',
      responses: { 200: json('Failed addresses with reason and evidence'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      return c.json({ failedAddresses: await prefs.failedAddresses(sellerId) }, 200);
    },
  );

  if (resetFailedAddress) {
    r.openapi(
      createRoute({
        method: 'post',
        path: `${P}/failed-addresses/reset`,
        tags: TAGS,
        summary: 'Reset a failed address: clears the home alert and re-sends what was missed (NTF-7)',
        request: {
          body: {
            content: {
              'application/json': {
                schema: z
                  .object({
                    channel: z.enum(['email', 'sms', 'webhook', 'sp_api']),
                    address: z.string().min(1).max(320),
                  })
                  .strict(),
              },
            },
          },
        },
        responses: { 200: json('The reset result'), ...errors },
      }),
      async (c) => {
        const { sellerId } = requireSeller(c);
        const { channel, address } = c.req.valid('json');
        const result = await resetFailedAddress(sellerId, channel, address);
        return c.json({ reset: result ?? true }, 200);
      },
    );
  }

  return r;
}
