// Edge schemas of cancellations, buyer edits and carrier scans (ORD-5, ORD-13, tracking).
import { z } from '../../platform/http/openapi.ts';
import { RETURN_REASONS, SELLER_CANCEL_REASONS } from './order-changes.service.ts';
import { AddressSchema } from './orders.schemas.ts';
import { TRACKING_STATUSES } from './orders.types.ts';

export const SellerCancelSchema = z
  .object({
    reason: z.enum(SELLER_CANCEL_REASONS),
    note: z.string().trim().max(1000).nullish(),
  })
  .strict()
  .openapi('SellerCancel', { example: { reason: 'NoInventory', note: 'Last unit was damaged' } });

export const BuyerCancelRequestSchema = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .strict()
  .openapi('BuyerCancelRequest', { example: { reason: 'Ordered by mistake' } });

export const MarketplaceCancelSchema = z
  .object({ reason: z.string().trim().min(1).max(200) })
  .strict()
  .openapi('MarketplaceCancel', { example: { reason: 'PaymentNotCompleted' } });

export const BuyerEditSchema = z
  .object({
    shippingAddress: AddressSchema.optional(),
    items: z
      .array(
        z
          .object({ orderItemId: z.string().min(1).max(64), quantity: z.number().int().min(1).max(9999) })
          .strict(),
      )
      .max(100)
      .optional(),
  })
  .strict()
  .openapi('BuyerEdit', { example: { items: [{ orderItemId: '12345678901234', quantity: 2 }] } });

export const CarrierScanSchema = z
  .object({
    carrierCode: z.string().trim().min(1).max(100).optional(),
    trackingNumber: z.string().trim().min(1).max(100),
    status: z.enum(TRACKING_STATUSES),
    at: z.iso.datetime({ offset: true }).optional(),
    location: z.string().trim().max(200).nullish(),
    externalId: z.string().trim().min(1).max(200).nullish(),
    returnReason: z.enum(RETURN_REASONS).nullish(),
  })
  .strict()
  .openapi('CarrierScan', {
    example: {
      carrierCode: 'Yamato',
      trackingNumber: '123456789012',
      status: 'Delivered',
      externalId: 'scan-1',
    },
  });
