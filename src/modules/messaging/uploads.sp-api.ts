// SP-API Uploads 2020-11-01 (model uploads_2020-11-01.json): createUploadDestinationForResource,
// and the signed PUT URL it returns (our stand-in for Amazon's pre-signed S3 URL). `{resource}` is a
// greedy path parameter (`messaging/v1/orders/{id}/messages/invoice`); clients send it with its
// slashes, or percent-encoded as one segment (amazon-sp-api does), so the route takes the rest of
// the path.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { invalid } from '../../platform/errors.ts';
import { createRoute, createRouter, z } from '../../platform/http/openapi.ts';
import { spApiErrorBody } from '../../sp-api/errors.ts';
import { SpApiErrorList, spApiErrorResponses } from '../../sp-api/openapi.ts';
import type { SpApiDeps } from '../orders/index.ts';
import { singleMarketplaceId } from './sp-api-hal.ts';
import { UploadRefusal, type UploadsService } from './uploads.service.ts';

const TAGS = ['SP-API: Uploads 2020-11-01'];
const CREATE_PREFIX = '/uploads/2020-11-01/uploadDestinations/';

/** UploadRefusal → SP-API status and body (413 and 415 have no AppError kind). */
// biome-ignore lint/suspicious/noExplicitAny: any route's context
export function renderUploadRefusal(c: Context<any, any, any>, err: unknown) {
  if (!(err instanceof UploadRefusal)) throw err;
  return c.json(spApiErrorBody(err.spApiCode, err.message, err.code), err.httpStatus as ContentfulStatusCode);
}

const UploadDestination = z
  .object({
    payload: z.object({
      uploadDestinationId: z.string(),
      url: z.string(),
      headers: z.record(z.string(), z.string()),
    }),
  })
  .openapi('CreateUploadDestinationResponse');

const errorsWith413 = {
  ...spApiErrorResponses,
  413: { content: { 'application/json': { schema: SpApiErrorList } }, description: 'Request too large' },
  415: { content: { 'application/json': { schema: SpApiErrorList } }, description: 'Unsupported media type' },
};

export function createUploadsSpApiRoutes(uploads: UploadsService, sp: SpApiDeps & { publicUrl?: string }) {
  const r = createRouter();

  // Documented as Amazon's operation; served by the greedy handler below.
  r.openAPIRegistry.registerPath({
    method: 'post',
    path: '/uploads/2020-11-01/uploadDestinations/{resource}',
    operationId: 'createUploadDestinationForResource',
    tags: TAGS,
    summary: 'An upload destination for a file a message will attach (createUploadDestinationForResource)',
    description:
      '`resource` is the operation the file is for, e.g. `messaging/v1/orders/{amazonOrderId}/messages/invoice` (slashes may be percent-encoded). PUT the file to `url` with `headers` within 15 minutes; the URL needs no access token.',
    request: {
      params: z.object({
        resource: z.string().openapi({ example: 'messaging/v1/orders/503-1234567-1234567/messages/invoice' }),
      }),
      query: z.object({
        marketplaceIds: z.string().openapi({ example: 'A1VC38T7YXB528' }),
        contentMD5: z.string().openapi({ description: 'base64 MD5 digest of the file' }),
        contentType: z.string().optional(),
      }),
    },
    responses: {
      201: { content: { 'application/json': { schema: UploadDestination } }, description: 'Success.' },
      ...errorsWith413,
    },
  });
  r.post(`${CREATE_PREFIX}*`, sp.auth, sp.plan('createUploadDestinationForResource'), async (c) => {
    const sellerId = sp.sellerId(c);
    let resource = c.req.path.slice(CREATE_PREFIX.length);
    try {
      resource = decodeURIComponent(resource);
    } catch {
      throw invalid('INVALID_RESOURCE', 'resource is not a valid path.');
    }
    const m = singleMarketplaceId(c.req.queries('marketplaceIds'));
    if (!m.ok) throw invalid('INVALID_MARKETPLACE', m.message);
    const contentMD5 = c.req.query('contentMD5');
    if (!contentMD5) throw invalid('CONTENT_MD5_REQUIRED', 'contentMD5 is required.');
    try {
      const dest = await uploads.createDestination({
        sellerId,
        marketplaceId: m.marketplaceId,
        resource,
        contentMD5,
        contentType: c.req.query('contentType'),
      });
      const base = sp.publicUrl ?? new URL(c.req.url).origin;
      return c.json(
        {
          payload: {
            uploadDestinationId: dest.uploadDestinationId,
            url: `${base.replace(/\/+$/, '')}${dest.path}`,
            headers: dest.headers,
          },
        },
        201,
      );
    } catch (err) {
      return renderUploadRefusal(c, err);
    }
  });

  r.openapi(
    createRoute({
      method: 'put',
      path: '/uploads/2020-11-01/files/{uploadDestinationId}',
      tags: TAGS,
      summary: 'Upload the file to a destination (the signed url of createUploadDestinationForResource)',
      description:
        'No access token: the signature in the query authorizes the upload. Send the bytes with Content-Type and (optionally) Content-MD5; 413 over the marketplace limit, 415 for a type it does not accept.',
      request: {
        params: z.object({ uploadDestinationId: z.string().max(64) }),
        query: z.object({
          'X-Mercato-Seller': z.string().max(64),
          'X-Mercato-Expires': z.string().max(16),
          'X-Mercato-Signature': z.string().max(128),
        }),
      },
      responses: { 200: { description: 'Stored.' }, ...errorsWith413 },
    }),
    async (c) => {
      const { uploadDestinationId } = c.req.valid('param');
      const q = c.req.valid('query');
      const length = c.req.header('content-length');
      try {
        await uploads.receive({
          uploadDestinationId,
          sellerId: q['X-Mercato-Seller'],
          expires: q['X-Mercato-Expires'],
          signature: q['X-Mercato-Signature'],
          contentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined,
          contentMd5Header: c.req.header('content-md5'),
          contentTypeHeader: c.req.header('content-type'),
          body: async () => Buffer.from(await c.req.arrayBuffer()),
        });
        // S3 answers an accepted PUT with 200 and no body; clients check for exactly 200.
        return c.body(null, 200);
      } catch (err) {
        return renderUploadRefusal(c, err);
      }
    },
  );

  return r;
}
