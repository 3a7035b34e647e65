// Listings routes: the marketplace API the storefront drives (operator key, API-2) and the seller
// web API behind the Inventory page (NTF-2 Listings, NTF-5 views).
import type { Context } from 'hono';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import type { AuthVariables } from '../identity/index.ts';
import type { ListingsService } from './listings.service.ts';

const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.any().optional() }),
});
const errors = Object.fromEntries(
  [400, 401, 403, 404, 409, 422].map((s) => [
    s,
    { content: { 'application/json': { schema: ErrorBody } }, description: 'Error' },
  ]),
);
const json = (description: string) => ({
  content: { 'application/json': { schema: z.record(z.string(), z.any()) } },
  description,
});

const Sku = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\x21-\x7e]+$/, 'A SKU is 1-40 printable characters without spaces.');
const SellerId = z.string().min(1).max(64);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is YYYY-MM-DD.');

const PutListingBody = z
  .object({
    title: z.string().trim().min(1).max(500),
    price: z.object({
      amount: z.string().regex(/^\d{1,15}(\.\d+)?$/, 'An amount is a decimal number such as 1500 or 12.50.'),
      currencyCode: z.string().length(3),
    }),
    quantity: z.number().int().min(0).max(1_000_000),
    asin: z
      .string()
      .regex(/^[A-Z0-9]{10}$/)
      .optional(),
    status: z.enum(['active', 'inactive']).optional(),
  })
  .openapi('PutListing');

const ViewsBody = z
  .object({
    views: z
      .array(
        z.object({
          sellerId: SellerId,
          sku: Sku,
          day: Day.optional().openapi({ description: "Local day in the seller's zone; today when absent." }),
          views: z.number().int().min(0).max(10_000_000),
          outOfStockViews: z.number().int().min(0).max(10_000_000).optional(),
        }),
      )
      .min(1)
      .max(1000),
  })
  .openapi('ListingViews');

export function createListingsMarketplaceRoutes(listings: ListingsService) {
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'put',
      path: '/marketplace/v1/sellers/{sellerId}/listings/{sku}',
      tags: ['Marketplace API: listings'],
      summary: 'Create or update a listing (title, price, quantity)',
      description:
        'Creates the listing (publishes `listing.created`) or updates it. A closed SKU offered again is re-opened and counts as created.',
      request: {
        params: z.object({ sellerId: SellerId, sku: Sku }),
        body: { content: { 'application/json': { schema: PutListingBody } }, required: true },
      },
      responses: { 200: json('Updated'), 201: json('Created'), ...errors },
    }),
    async (c) => {
      const { sellerId, sku } = c.req.valid('param');
      const res = await listings.putListing(sellerId, sku, c.req.valid('json'));
      return c.json({ listing: res.listing }, res.created ? 201 : 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/marketplace/v1/sellers/{sellerId}/listings/{sku}/close',
      tags: ['Marketplace API: listings'],
      summary: 'Close a listing (publishes `listing.closed`; closing twice changes nothing)',
      request: { params: z.object({ sellerId: SellerId, sku: Sku }) },
      responses: { 200: json('Closed'), ...errors },
    }),
    async (c) => {
      const { sellerId, sku } = c.req.valid('param');
      return c.json(await listings.closeListing(sellerId, sku), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/marketplace/v1/sellers/{sellerId}/listings/{sku}',
      tags: ['Marketplace API: listings'],
      summary: 'Read a listing',
      request: { params: z.object({ sellerId: SellerId, sku: Sku }) },
      responses: { 200: json('Listing'), ...errors },
    }),
    async (c) => {
      const { sellerId, sku } = c.req.valid('param');
      return c.json({ listing: await listings.getListing(sellerId, sku) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/marketplace/v1/listing-views',
      tags: ['Marketplace API: listings'],
      summary: 'Report detail-page views per SKU and day, and how many found it out of stock (NTF-5)',
      description: 'Counts are added to what was already reported for the same SKU and day.',
      request: { body: { content: { 'application/json': { schema: ViewsBody } }, required: true } },
      responses: { 200: json('Recorded'), ...errors },
    }),
    async (c) => c.json(await listings.reportViews(c.req.valid('json').views), 200),
  );
  return r;
}

type Env = { Variables: AuthVariables };

export function createListingsWebRoutes(
  listings: ListingsService,
  requireSeller: (c: Context<Env>) => { sellerId: string },
) {
  const r = createRouter<Env>();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/listings',
      tags: ['Web: listings'],
      summary: 'Inventory: the seller’s listings with filters',
      request: {
        query: z.object({
          status: z.enum(['active', 'inactive', 'closed']).optional(),
          stock: z.enum(['in', 'out']).optional(),
          q: z.string().max(200).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: json('Listings'), ...errors },
    }),
    async (c) => {
      const { sellerId } = requireSeller(c);
      const q = c.req.valid('query');
      const res = await listings.listListings({
        sellerId,
        status: q.status,
        stock: q.stock,
        q: q.q?.trim() || undefined,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return c.json({ ...res, page: q.page, pageSize: q.pageSize }, 200);
    },
  );
  return r;
}
