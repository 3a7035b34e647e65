// Edge schemas of the messaging web and buyer APIs (zod + OpenAPI). Lengths are bounded here
// only loosely (the marketplace's maxMessageChars is the real limit, checked by the service).
import { z } from '../../platform/http/openapi.ts';

/** A body a person typed: generous upper bound; the marketplace's limit answers MESSAGE_TOO_LONG. */
const MessageText = z.string().max(20_000).openapi({ description: 'Plain text (MSG-2).' });

export const InboxQuerySchema = z.object({
  filter: z.enum(['all', 'awaiting', 'overdue', 'no_response_needed', 'unread']).optional(),
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Order id, buyer name, relay address or words of the subject.' }),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const ThreadParams = z.object({ threadId: z.string().min(1).max(64) });
export const OrderParams = z.object({ amazonOrderId: z.string().min(1).max(64) });
export const TemplateParams = OrderParams.extend({
  templateId: z.enum(['order_unavailable', 'delay_notice', 'return_confirmation']),
});
export const LanguageQuery = z.object({ language: z.enum(['ja', 'it', 'en']).optional() });

export const ReplyBody = z.object({ text: MessageText }).strict();

export const ReplyDeadlineBody = z
  .object({
    deadline: z
      .string()
      .datetime({ offset: true })
      .openapi({ description: 'ISO 8601; within the marketplace bounds (MSG-15).' }),
    text: MessageText.optional(),
  })
  .strict();

export const ComposeBody = z
  .object({
    kind: z
      .string()
      .min(1)
      .max(64)
      .openapi({ description: "'reply', an SP-API action name or a template id." }),
    text: MessageText,
    subject: z.string().max(200).optional(),
  })
  .strict();

export const CheckBody = z.object({
  direction: z.enum(['seller-to-buyer', 'buyer-to-seller']).default('seller-to-buyer'),
  marketplaceId: z.string().min(1).max(32),
  orderId: z.string().max(64).optional(),
  threadId: z.string().max(64).optional(),
  text: MessageText,
  /** Language of the violation messages and hints (default: the signed-in user's). */
  language: z.enum(['ja', 'it', 'en']).optional(),
});

export const BuyerContactBody = z
  .object({
    sellerId: z.string().min(1).max(64),
    topic: z.enum(['product_details', 'shipping', 'returns_policy', 'other']),
    amazonOrderId: z.string().max(64).optional(),
    productRef: z.string().max(64).optional(),
    text: MessageText,
  })
  .strict();

export const BuyerCheckBody = z.object({
  sellerId: z.string().min(1).max(64),
  text: MessageText,
  language: z.enum(['ja', 'it', 'en']).optional(),
});
export const SellerParams = z.object({ sellerId: z.string().min(1).max(64) });

/** Request bodies above this are refused with 413 MESSAGE_BODY_TOO_LARGE before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;
