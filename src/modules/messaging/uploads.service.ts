// SP-API Uploads 2020-11-01 for Messaging v1 attachments (reference/sp-api.md §4.2): a seller's
// app creates an upload destination for a resource with the file's Content-MD5, PUTs the bytes
// to the returned URL (a signed URL on this server, standing in for Amazon's pre-signed S3 URL:
// no SP-API token, expires after 15 minutes), then references `uploadDestinationId` in a message.
// The bytes are checked against the declared MD5, the marketplace's size limit and its accepted
// content types, and stored in messaging_uploads.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { messagingUploads } from './messaging.tables.ts';
import type { StoredAttachment } from './messaging.types.ts';

/** Amazon's pre-signed upload URLs last 900 s (X-Amz-Expires=900). */
export const UPLOAD_URL_TTL_MS = 15 * 60_000;
/** How long an uploaded file may be referenced by a message. */
export const UPLOAD_TTL_MS = 24 * 60 * 60_000;
const MAX_RESOURCE_CHARS = 512;
const MAX_FILE_NAME_CHARS = 255;

export type UploadsDeps = {
  db: Db;
  ids: Ids;
  clock: Clock;
  /** Signs the upload URLs. */
  secret: string;
  marketplaces: MarketplacesService;
};

export type UploadsService = ReturnType<typeof createUploads>;

/** The PUT's refusals that SP-API answers with their own status (413, 415). */
export class UploadRefusal extends AppError {
  constructor(
    readonly httpStatus: 400 | 403 | 413 | 415,
    readonly spApiCode: string,
    code: string,
    message: string,
  ) {
    super('invalid', code, message);
  }
}

/** Content-MD5 in base64 (RFC 1864); the hex form of Amazon's own example is accepted too. */
export function normaliseMd5(value: string): string | null {
  const v = value.trim();
  if (/^[0-9a-f]{32}$/i.test(v)) return Buffer.from(v, 'hex').toString('base64');
  if (/^[A-Za-z0-9+/]{22}==$/.test(v)) return v;
  return null;
}

/** `application/pdf; charset=…` → `application/pdf`. */
const mediaType = (value: string | undefined | null) => value?.split(';')[0]?.trim().toLowerCase() || null;

export function createUploads(d: UploadsDeps) {
  const sign = (sellerId: string, id: string, expires: number) =>
    createHmac('sha256', d.secret).update(`upload:${sellerId}:${id}:${expires}`).digest('hex');

  async function policyOf(marketplaceId: string) {
    const m = await d.marketplaces.findMarketplace(marketplaceId);
    if (!m) throw invalid('INVALID_MARKETPLACE', `Invalid marketplaceIds: ${marketplaceId}.`);
    return m.policy.messaging;
  }

  return {
    /** createUploadDestinationForResource: the destination id, the signed URL's path and headers. */
    async createDestination(input: {
      sellerId: string;
      marketplaceId: string;
      resource: string;
      contentMD5: string;
      contentType?: string;
    }): Promise<{ uploadDestinationId: string; path: string; headers: Record<string, string> }> {
      const policy = await policyOf(input.marketplaceId);
      const resource = input.resource.replace(/^\/+/, '');
      if (!resource || resource.length > MAX_RESOURCE_CHARS || resource.split('/').includes('..')) {
        throw invalid(
          'INVALID_RESOURCE',
          'resource must name the operation the file is for, e.g. messaging/v1/orders/{amazonOrderId}/messages/invoice.',
        );
      }
      const md5 = normaliseMd5(input.contentMD5);
      if (!md5)
        throw invalid('INVALID_CONTENT_MD5', 'contentMD5 must be the base64-encoded MD5 digest of the file.');
      const contentType = mediaType(input.contentType);
      if (contentType && !policy.attachmentContentTypes.includes(contentType)) {
        throw new UploadRefusal(
          415,
          'UnsupportedMediaType',
          'UPLOAD_CONTENT_TYPE',
          `Files of type ${contentType} cannot be attached. Accepted: ${policy.attachmentContentTypes.join(', ')}.`,
        );
      }
      const now = d.clock.now();
      const id = d.ids.next('upl');
      await d.db.insert(messagingUploads).values({
        sellerId: input.sellerId,
        id,
        resource,
        contentMd5: md5,
        contentType: contentType ?? '',
        createdAt: now,
        expiresAt: new Date(now.getTime() + UPLOAD_TTL_MS),
      });
      const expires = Math.floor((now.getTime() + UPLOAD_URL_TTL_MS) / 1000);
      const qs = new URLSearchParams({
        'X-Mercato-Seller': input.sellerId,
        'X-Mercato-Expires': String(expires),
        'X-Mercato-Signature': sign(input.sellerId, id, expires),
      });
      return {
        uploadDestinationId: id,
        path: `/uploads/2020-11-01/files/${id}?${qs}`,
        headers: { 'Content-MD5': md5, ...(contentType ? { 'Content-Type': contentType } : {}) },
      };
    },

    /**
     * The PUT to a signed URL. Refusals: 403 bad or expired signature, 400 MD5 mismatch, 413 over
     * the marketplace's maxAttachmentBytes, 415 a content type the marketplace does not accept.
     */
    async receive(input: {
      uploadDestinationId: string;
      sellerId: string;
      expires: string;
      signature: string;
      contentLength?: number;
      contentMd5Header?: string;
      contentTypeHeader?: string;
      body: () => Promise<Buffer>;
    }): Promise<{ size: number }> {
      const expires = Number(input.expires);
      const expected = Buffer.from(sign(input.sellerId, input.uploadDestinationId, expires));
      const given = Buffer.from(input.signature);
      if (
        !Number.isInteger(expires) ||
        expected.length !== given.length ||
        !timingSafeEqual(expected, given)
      ) {
        throw new UploadRefusal(
          403,
          'AccessDenied',
          'UPLOAD_SIGNATURE_INVALID',
          'The upload URL is not valid.',
        );
      }
      if (d.clock.now().getTime() >= expires * 1000) {
        throw new UploadRefusal(
          403,
          'AccessDenied',
          'UPLOAD_URL_EXPIRED',
          'The upload URL has expired. Create a new upload destination.',
        );
      }
      const [row] = await d.db
        .select()
        .from(messagingUploads)
        .where(
          and(
            eq(messagingUploads.sellerId, input.sellerId),
            eq(messagingUploads.id, input.uploadDestinationId),
          ),
        );
      if (!row)
        throw notFound('UPLOAD_NOT_FOUND', `There is no upload destination ${input.uploadDestinationId}.`);
      const seller = await d.marketplaces.getSeller(input.sellerId);
      const policy = await policyOf(seller.marketplaceId);
      const tooLarge = () =>
        new UploadRefusal(
          413,
          'RequestEntityTooLarge',
          'UPLOAD_TOO_LARGE',
          `The file is larger than ${policy.maxAttachmentBytes} bytes, the most a message may carry.`,
        );
      // Refuse before reading a body the header already says is too large.
      if (input.contentLength !== undefined && input.contentLength > policy.maxAttachmentBytes)
        throw tooLarge();
      const contentType = mediaType(input.contentTypeHeader) ?? (row.contentType || null);
      if (!contentType || !policy.attachmentContentTypes.includes(contentType)) {
        throw new UploadRefusal(
          415,
          'UnsupportedMediaType',
          'UPLOAD_CONTENT_TYPE',
          `Files of type ${contentType ?? '(none)'} cannot be attached. Accepted: ${policy.attachmentContentTypes.join(', ')}.`,
        );
      }
      if (row.contentType && contentType !== row.contentType) {
        throw new UploadRefusal(
          400,
          'InvalidInput',
          'UPLOAD_CONTENT_TYPE_MISMATCH',
          `The destination was created for ${row.contentType}, not ${contentType}.`,
        );
      }
      const data = await input.body();
      if (data.length > policy.maxAttachmentBytes) throw tooLarge();
      if (data.length === 0)
        throw new UploadRefusal(400, 'InvalidInput', 'UPLOAD_EMPTY', 'The file is empty.');
      const md5 = createHash('md5').update(data).digest('base64');
      const header = input.contentMd5Header ? normaliseMd5(input.contentMd5Header) : null;
      if (md5 !== row.contentMd5 || (input.contentMd5Header && header !== md5)) {
        throw new UploadRefusal(
          400,
          'BadDigest',
          'UPLOAD_MD5_MISMATCH',
          'The Content-MD5 you specified did not match what we received.',
        );
      }
      await d.db
        .update(messagingUploads)
        .set({ data, size: data.length, contentType, uploadedAt: d.clock.now() })
        .where(and(eq(messagingUploads.sellerId, input.sellerId), eq(messagingUploads.id, row.id)));
      return { size: data.length };
    },

    /**
     * Messaging v1 `attachments[]` → stored attachments. Each must be an upload of this seller that
     * was uploaded and has not expired; together they stay within maxAttachmentBytes.
     */
    async resolveAttachments(
      sellerId: string,
      marketplaceId: string,
      attachments: readonly { uploadDestinationId: string; fileName: string }[],
    ): Promise<StoredAttachment[]> {
      if (attachments.length === 0) return [];
      const ids = [...new Set(attachments.map((a) => a.uploadDestinationId))];
      const rows = await d.db
        .select({
          id: messagingUploads.id,
          size: messagingUploads.size,
          contentType: messagingUploads.contentType,
          uploadedAt: messagingUploads.uploadedAt,
          expiresAt: messagingUploads.expiresAt,
        })
        .from(messagingUploads)
        .where(and(eq(messagingUploads.sellerId, sellerId), inArray(messagingUploads.id, ids)));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const now = d.clock.now().getTime();
      const out: StoredAttachment[] = [];
      for (const a of attachments) {
        const r = byId.get(a.uploadDestinationId);
        if (!r) {
          throw invalid(
            'ATTACHMENT_NOT_FOUND',
            `uploadDestinationId ${a.uploadDestinationId} is not an upload destination of yours.`,
          );
        }
        if (!r.uploadedAt || r.size === null) {
          throw invalid(
            'ATTACHMENT_NOT_UPLOADED',
            `Nothing was uploaded to ${a.uploadDestinationId} yet: PUT the file to its url first.`,
          );
        }
        if (now >= r.expiresAt.getTime()) {
          throw invalid(
            'ATTACHMENT_EXPIRED',
            `The upload ${a.uploadDestinationId} has expired. Upload the file again.`,
          );
        }
        const fileName = a.fileName.trim();
        if (
          !fileName ||
          fileName.length > MAX_FILE_NAME_CHARS ||
          [...fileName].some((ch) => ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20)
        ) {
          throw invalid(
            'ATTACHMENT_FILE_NAME',
            `fileName must be a file name of 1 to ${MAX_FILE_NAME_CHARS} characters without slashes.`,
          );
        }
        out.push({ uploadId: r.id, fileName, contentType: r.contentType, size: r.size });
      }
      const policy = await policyOf(marketplaceId);
      const total = out.reduce((n, a) => n + a.size, 0);
      if (total > policy.maxAttachmentBytes) {
        throw new UploadRefusal(
          413,
          'RequestEntityTooLarge',
          'ATTACHMENTS_TOO_LARGE',
          `The attachments total ${total} bytes; a message may carry ${policy.maxAttachmentBytes}.`,
        );
      }
      return out;
    },

    /** The bytes of an attachment (forwarding by mail, the seller's inbox). */
    async content(sellerId: string, uploadId: string) {
      const [row] = await d.db
        .select({ data: messagingUploads.data, contentType: messagingUploads.contentType })
        .from(messagingUploads)
        .where(and(eq(messagingUploads.sellerId, sellerId), eq(messagingUploads.id, uploadId)));
      if (!row?.data) throw notFound('UPLOAD_NOT_FOUND', `There is no uploaded file ${uploadId}.`);
      return { data: row.data, contentType: row.contentType };
    },
  };
}
