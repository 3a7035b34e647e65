// MSG-3 settings: the seller's Customer Service Reply-to address (session + CSRF like the other
// /api/settings routes) and the public verification endpoint the /verify-email page calls.
import type { Context } from 'hono';
import type { AuthVariables } from '../identity/index.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses, jsonResponse } from '../../platform/http/openapi-responses.ts';
import type { CustomerServiceEmailService } from './customer-service-email.service.ts';

type Env = { Variables: AuthVariables };
type RequireSeller = (c: Context<Env>) => { sellerId: string; userId: string };

const json = jsonResponse;
const errors = errorResponses();
const TAGS = ['Web: messages'];
const P = '/api/settings/customer-service-email';

export function createCustomerServiceEmailRoutes(
  service: CustomerServiceEmailService,
  requireSeller: RequireSeller,
) {
  const r = createRouter<Env>();

  r.openapi(
    createRoute({
      method: 'get',
      path: P,
      tags: TAGS,
      summary: 'Your Customer Service Reply-to address and whether it is verified (MSG-3)',
      responses: { 200: json('{ email, verified, verificationSentAt }'), ...errors },
    }),
    async (c) => c.json(await service.get(requireSeller(c).sellerId), 200),
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: P,
      tags: TAGS,
      summary: 'Set the address; a new address is unverified and receives a verification link (MSG-3)',
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ email: z.string().max(254) }).strict() } },
        },
      },
      responses: { 200: json('{ email, verified, verificationSentAt }'), ...errors },
    }),
    async (c) => c.json(await service.set(requireSeller(c).sellerId, c.req.valid('json').email), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: `${P}/resend`,
      tags: TAGS,
      summary: 'Send the verification link again (MSG-3)',
      responses: { 200: json('{ email, verified, verificationSentAt }'), ...errors },
    }),
    async (c) => c.json(await service.resend(requireSeller(c).sellerId), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/public/customer-service-email/verify',
      tags: TAGS,
      summary: 'Verify the address with the one-time token from the link (no sign-in; MSG-3)',
      request: {
        body: {
          content: {
            'application/json': { schema: z.object({ token: z.string().min(1).max(200) }).strict() },
          },
        },
      },
      responses: { 200: json('{ email, verified: true }'), ...errors },
    }),
    async (c) => c.json(await service.verify(c.req.valid('json').token), 200),
  );

  return r;
}
