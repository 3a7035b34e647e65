// Seller web API: confirm shipments from a CSV upload (ORD-7, Manage Orders bulk action) and the
// template to start from. Mounted by orders.routes.ts.
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.ts';
import { invalid } from '../../platform/errors.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { errorResponses } from '../../platform/http/openapi-responses.ts';
import type { AuthVariables } from '../identity/index.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { CSV_COLUMNS, CSV_MAX_BYTES, CSV_MAX_ROWS, csvTemplate } from './orders-csv.ts';
import { confirmShipmentsFromCsv } from './orders-csv.service.ts';
import type { OrdersService } from './orders.service.ts';

type Env = { Variables: AuthVariables };

const errors = errorResponses([400, 401, 403]);

const RowResult = z.object({
  row: z.number().int().openapi({ description: 'Line in the file (the header is line 1).' }),
  orderId: z.string().nullable(),
  orderItemId: z.string().nullable(),
  quantity: z.number().int().nullable(),
  trackingNumber: z.string().nullable(),
  result: z.enum(['applied', 'unchanged', 'refused']),
  code: z.string().optional(),
  message: z.string().optional(),
  orderStatus: z.string().optional(),
});
const Report = z
  .object({
    rows: z.number().int(),
    applied: z.number().int(),
    unchanged: z.number().int(),
    refused: z.number().int(),
    results: z.array(RowResult),
  })
  .openapi('ShipmentCsvReport');

export function createOrdersCsvRoutes(
  orders: OrdersService,
  clock: Clock,
  requireSeller: (c: Context<Env>) => { sellerId: string; userId: string },
  marketplaces: Pick<MarketplacesService, 'getMarketplace' | 'getSeller'>,
) {
  const r = createRouter<Env>();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/orders/shipment-confirmations',
      tags: ['Web: orders'],
      summary: 'Confirm shipments from a CSV upload (ORD-7): a verdict per row',
      description:
        `multipart/form-data with a \`file\` (CSV or tab-separated, UTF-8, at most ${CSV_MAX_ROWS} rows and ` +
        `${CSV_MAX_BYTES / 1_000_000} MB). Columns: ${CSV_COLUMNS.join(', ')}; an empty order-item-id ships every ` +
        'remaining item of the order. Rows of one order with the same carrier, tracking number and ship date are ' +
        'one parcel. Good rows are applied even when others are refused; uploading the same parcel again changes nothing.',
      request: {
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
            },
          },
          required: true,
        },
      },
      responses: {
        200: { content: { 'application/json': { schema: Report } }, description: 'Report' },
        ...errors,
      },
    }),
    async (c) => {
      const { sellerId, userId } = requireSeller(c);
      const { file } = c.req.valid('form') as { file: unknown };
      if (!(file instanceof File)) {
        throw invalid('CSV_FILE_MISSING', 'Attach the CSV file (form field "file").');
      }
      if (file.size > CSV_MAX_BYTES) {
        throw invalid('CSV_TOO_LARGE', 'The file is larger than 1 MB. Split it into smaller files.');
      }
      const seller = await marketplaces.getSeller(sellerId);
      const m = await marketplaces.getMarketplace(seller.marketplaceId);
      const report = await confirmShipmentsFromCsv(orders, {
        sellerId,
        text: await file.text(),
        timeZone: m.timeZone,
        now: () => clock.now(),
        actor: { kind: 'seller', id: userId },
      });
      return c.json(report, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/orders/shipment-confirmations/template.csv',
      tags: ['Web: orders'],
      summary: 'The CSV template for confirming shipments',
      responses: {
        200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV template' },
        ...errors,
      },
    }),
    async (c) => {
      requireSeller(c);
      const today = clock.now().toISOString().slice(0, 10);
      const body = csvTemplate({
        orderId: '503-1234567-1234567',
        orderItemId: '12345678901234',
        carrier: 'Yamato Transport',
        date: today,
      });
      return c.body(`${body}\r\n`, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="confirm-shipments-template.csv"',
      });
    },
  );

  return r;
}
