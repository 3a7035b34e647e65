// Edge schemas of the orders module (marketplace API and web API). Unknown fields are refused
// (`strict`), so a typo in a storefront integration is caught, not silently dropped.
import { z } from '../../platform/http/openapi.ts';
import { ORDER_STATUSES, PAYMENT_METHODS } from './orders.types.ts';

export const MoneySchema = z
  .object({
    amount: z
      .string()
      .regex(/^\d{1,15}(\.\d{1,6})?$/, 'must be a non-negative decimal string such as "1500" or "12.50"'),
    currencyCode: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as JPY or EUR'),
  })
  .strict()
  .openapi('Money', { example: { amount: '1500', currencyCode: 'JPY' } });

export const AddressSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    addressLine1: z.string().trim().min(1).max(300),
    addressLine2: z.string().max(300).nullish(),
    addressLine3: z.string().max(300).nullish(),
    city: z.string().trim().min(1).max(100),
    county: z.string().max(100).nullish(),
    district: z.string().max(100).nullish(),
    stateOrRegion: z.string().max(100).nullish(),
    postalCode: z.string().trim().min(1).max(20),
    countryCode: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as JP or IT'),
    phone: z.string().max(40).nullish(),
    addressType: z.enum(['Residential', 'Commercial']).nullish(),
  })
  .strict()
  .openapi('Address');

export const CreateOrderItemSchema = z
  .object({
    sku: z.string().trim().min(1).max(40),
    asin: z
      .string()
      .regex(/^[A-Z0-9]{10}$/)
      .optional(),
    title: z.string().trim().min(1).max(500),
    quantity: z.number().int().min(1, 'must be at least 1').max(9999),
    unitPrice: MoneySchema,
    shippingPrice: MoneySchema,
    itemTax: MoneySchema.optional(),
    shippingTax: MoneySchema.optional(),
    promotionDiscount: MoneySchema.optional(),
    isGift: z.boolean().optional(),
    /** SP-API getOrderItemsBuyerInfo: the buyer's gift message and wrapping. */
    giftMessageText: z.string().max(1000).optional(),
    giftWrapLevel: z.string().max(100).optional(),
    giftWrapPrice: MoneySchema.optional(),
    /** Marketplace points granted with the item (JP: PointsGranted; shown, never paid by the seller). */
    pointsGranted: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict();

export const CreateOrderSchema = z
  .object({
    marketplaceId: z.string().min(1).max(32),
    sellerId: z.string().min(1).max(64),
    sellerOrderId: z.string().max(64).optional(),
    purchaseDate: z.string().datetime({ offset: true }).optional(),
    buyer: z.object({ name: z.string().trim().min(1).max(200), email: z.string().email().max(320) }).strict(),
    shippingAddress: AddressSchema,
    items: z.array(CreateOrderItemSchema).min(1, 'an order needs at least one item').max(100),
    paymentMethod: z.enum(PAYMENT_METHODS),
    paymentVerified: z.boolean(),
    fulfillmentChannel: z.enum(['MFN', 'AFN']).default('MFN'),
    isBusinessOrder: z.boolean().default(false),
    purchaseOrderNumber: z.string().trim().min(1).max(100).optional(),
    shipServiceLevel: z.string().trim().min(1).max(100).default('Standard'),
    shipmentServiceLevelCategory: z
      .enum([
        'Expedited',
        'FreeEconomy',
        'NextDay',
        'Priority',
        'SameDay',
        'SecondDay',
        'Scheduled',
        'Standard',
      ])
      .default('Standard'),
    handlingDays: z.number().int().min(0).max(30).optional(),
  })
  .strict()
  .openapi('CreateOrderRequest');

export type CreateOrderInput = z.infer<typeof CreateOrderSchema>;

export const CompletePaymentSchema = z
  .object({ completedAt: z.string().datetime({ offset: true }).optional() })
  .strict()
  .openapi('CompletePaymentRequest');

export const WebConfirmShipmentSchema = z
  .object({
    carrierCode: z.string().trim().min(1).max(64),
    carrierName: z.string().trim().max(64).optional(),
    shippingMethod: z.string().trim().max(64).optional(),
    trackingNumber: z.string().trim().min(1).max(64),
    shipDate: z.string().datetime({ offset: true }),
    items: z
      .array(z.object({ orderItemId: z.string().min(1).max(32), quantity: z.number().int() }).strict())
      .min(1)
      .max(100),
  })
  .strict()
  .openapi('ConfirmShipmentForm');

export const OrderStatusSchema = z.enum(ORDER_STATUSES);
