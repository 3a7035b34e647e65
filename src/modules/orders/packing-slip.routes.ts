// Seller web API: packing slips for one or many orders (ORD-9), as an HTML print page and as one
// PDF. Mounted by orders.routes.ts before `/api/orders/{amazonOrderId}` so the paths win.
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.ts';
import { invalid, notFound, ruleViolation } from '../../platform/errors.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses } from '../../platform/http/openapi-responses.ts';
import type { AuthVariables } from '../identity/index.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { packingSlip, SLIP_LABELS, type SlipLanguage, slipLanguage, slipRefusal } from './packing-slip.ts';
import { packingSlipsHtml } from './packing-slip-html.ts';
import { packingSlipsPdf } from './packing-slip-pdf.ts';
import type { OrdersService } from './orders.service.ts';

type Env = { Variables: AuthVariables };

export const MAX_SLIPS = 100;

const errors = errorResponses([400, 401, 403, 404, 422]);

const SlipQuery = z.object({
  ids: z
    .string()
    .min(1)
    .max(MAX_SLIPS * 30)
    .openapi({
      description: `Comma-separated order ids (at most ${MAX_SLIPS}), printed in this order.`,
      example: '503-1234567-1234567,503-7654321-7654321',
    }),
  lang: z
    .enum(['en', 'ja', 'it'])
    .optional()
    .openapi({ description: "Language of the slip's labels; default: the marketplace's language." }),
});

export function createPackingSlipRoutes(
  orders: OrdersService,
  clock: Clock,
  requireSeller: (c: Context<Env>) => { sellerId: string; userId: string },
  marketplaces: Pick<MarketplacesService, 'getMarketplace' | 'getSeller'>,
) {
  const r = createRouter<Env>();

  async function slips(sellerId: string, q: z.infer<typeof SlipQuery>) {
    const ids = [
      ...new Set(
        q.ids
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    if (ids.length === 0) throw invalid('PACKING_SLIP_NO_ORDERS', 'Choose at least one order.');
    if (ids.length > MAX_SLIPS) {
      throw invalid('PACKING_SLIP_TOO_MANY', `At most ${MAX_SLIPS} packing slips can be printed at once.`);
    }
    const seller = await marketplaces.getSeller(sellerId);
    const m = await marketplaces.getMarketplace(seller.marketplaceId);
    const language: SlipLanguage = q.lang ?? slipLanguage(m.language);
    const date = new Intl.DateTimeFormat({ en: 'en-US', ja: 'ja-JP', it: 'it-IT' }[language], {
      dateStyle: 'medium',
      timeZone: m.timeZone,
    });
    const rows = [];
    for (const id of ids) {
      const order = await orders.repo.findByAmazonId(id, sellerId);
      if (!order) throw notFound('ORDER_NOT_FOUND', `There is no order ${id} in your account.`);
      const refusal = slipRefusal(order);
      if (refusal) throw ruleViolation(refusal.code, refusal.message, { amazonOrderId: id });
      rows.push(order);
    }
    const items = await orders.repo.itemsOf(
      sellerId,
      rows.map((o) => o.id),
    );
    return {
      language,
      labels: SLIP_LABELS[language],
      slips: rows.map((o) =>
        packingSlip(
          o,
          items.filter((i) => i.orderId === o.id),
          seller.name,
          (d) => date.format(d),
        ),
      ),
    };
  }

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/orders/packing-slips',
      tags: ['Web: orders'],
      summary: 'Packing slips as a print page (ORD-9), one slip per printed page',
      request: { query: SlipQuery },
      responses: {
        200: { content: { 'text/html': { schema: z.string() } }, description: 'Print page' },
        ...errors,
      },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const s = await slips(sellerId, c.req.valid('query'));
      c.header('cache-control', 'no-store');
      return c.html(packingSlipsHtml(s.slips, s.labels, s.language), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/orders/packing-slips.pdf',
      tags: ['Web: orders'],
      summary: 'Packing slips as one PDF (ORD-9), each order on its own page',
      request: { query: SlipQuery },
      responses: {
        200: {
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
          description: 'PDF',
        },
        ...errors,
      },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const s = await slips(sellerId, c.req.valid('query'));
      const pdf = await packingSlipsPdf(s.slips, s.labels, s.language, clock.now());
      const name =
        s.slips.length === 1
          ? `packing-slip-${s.slips[0]?.amazonOrderId}.pdf`
          : `packing-slips-${s.slips.length}.pdf`;
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      });
    },
  );

  return r;
}
