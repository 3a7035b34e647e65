// Seller web API of the in-app notifications (NTF-10: filter by severity, type, read state) and
// the delivery log (NTF-8: every notification with its deliveries and why one was not sent).
// Session cookie + CSRF like /api/orders. Cursor = base64url of `<createdAt ISO>|<id>`.
import type { Context } from 'hono';
import { invalid } from '../../platform/errors.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses, jsonResponse } from '../../platform/http/openapi-responses.ts';
import type { AuthVariables } from '../identity/index.ts';
import type { NotificationsService } from './notifications.service.ts';

type Env = { Variables: AuthVariables };
type RequireSeller = (c: Context<Env>) => { sellerId: string; userId: string };

const json = jsonResponse;
const errors = errorResponses();
const PAGE = 50;

const ListQuery = z.object({
  severity: z.enum(['critical', 'warning', 'info']).optional(),
  type: z.string().max(64).optional(),
  read: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

const LogQuery = z.object({
  type: z.string().max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

function decodeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()))
    throw invalid('INVALID_CURSOR', 'cursor is not one this list returned; start again without it.');
  return { at: date, id };
}
const encodeCursor = (r: { createdAt: Date; id: string }) =>
  Buffer.from(`${r.createdAt.toISOString()}|${r.id}`, 'utf8').toString('base64url');

/** What the seller sees of a notification (the pipeline's `inApp` flag stays inside). */
function view(n: {
  id: string;
  type: string;
  severity: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}) {
  const { inApp: _inApp, ...data } = n.data;
  return {
    id: n.id,
    type: n.type,
    severity: n.severity,
    data,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

export function createNotificationsWebRoutes(
  notifications: NotificationsService,
  requireSeller: RequireSeller,
) {
  const r = createRouter<Env>();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications',
      tags: ['Web: notifications'],
      summary: 'In-app notifications, newest first, filtered by severity, type and read state (NTF-10)',
      request: { query: ListQuery },
      responses: { 200: json('A page of notifications and the next cursor'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const q = c.req.valid('query');
      const limit = q.limit ?? PAGE;
      const rows = await notifications.listNotifications({
        sellerId,
        severity: q.severity,
        type: q.type,
        read: q.read === undefined ? undefined : q.read === 'true',
        cursor: decodeCursor(q.cursor),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json(
        {
          notifications: page.map(view),
          nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications/deliveries',
      tags: ['Web: notifications'],
      summary:
        'Delivery log: every notification with its deliveries, attempts, outcome and skip reason (NTF-8)',
      request: { query: LogQuery },
      responses: { 200: json('A page of log entries and the next cursor'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const q = c.req.valid('query');
      const limit = q.limit ?? PAGE;
      const rows = await notifications.deliveryLog({
        sellerId,
        type: q.type,
        cursor: decodeCursor(q.cursor),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json(
        {
          entries: page.map((e) => ({
            notification: view(e.notification),
            deliveries: e.deliveries.map((d) => ({
              id: d.id,
              channel: d.channel,
              address: d.address,
              state: d.state,
              // NTF-8: why it was not sent (type_disabled, address_failed, endpoint_disabled,
              // no_recipient; `digest` state = waiting for its digest).
              reason: d.reason ?? (d.state === 'digest' ? 'digest_pending' : null),
              attempts: d.attempts,
              lastCode: d.lastCode,
              lastError: d.lastError,
              nextAttemptAt: d.state === 'pending' ? d.nextAttemptAt.toISOString() : null,
              sentAt: d.sentAt?.toISOString() ?? null,
            })),
          })),
          nextCursor: rows.length > limit && last ? encodeCursor(last.notification) : null,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/notifications/{id}/read',
      tags: ['Web: notifications'],
      summary: 'Mark an in-app notification read (NTF-10)',
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: { 200: json('The notification'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const n = await notifications.markRead(sellerId, c.req.valid('param').id);
      return c.json({ notification: view(n) }, 200);
    },
  );

  return r;
}
