// Builds A's PolicyContext from a marketplace, an order and the reader's language, and turns a
// refusing verdict into the one error every path throws (MSG-6: each violation named).
import { AppError } from '../../../platform/errors.ts';
import type { Marketplace } from '../../marketplaces/index.ts';
import type { OrderMessagingContext } from '../../orders/index.ts';
import type {
  MessageLanguage,
  PolicyContext,
  PolicyDirection,
  PolicyPhraseRule,
  PolicyVerdict,
  PolicyViolation,
} from '../messaging.types.ts';
import { asMessageLanguage } from '../thread-subject.ts';

export function buildPolicyContext(o: {
  marketplace: Marketplace;
  direction: PolicyDirection;
  language: MessageLanguage;
  order?: Pick<OrderMessagingContext, 'amazonOrderId' | 'trackingNumbers' | 'deliveredAt'> | null;
  preOrderReply?: boolean;
  now: Date;
  maxChars?: number;
  phrases?: readonly { rule: PolicyPhraseRule; phrase: string }[];
}): PolicyContext {
  const m = o.marketplace;
  return {
    direction: o.direction,
    marketplace: {
      id: m.id,
      countryCode: m.countryCode,
      language: asMessageLanguage(m.language),
      carrierTrackingHosts: m.policy.messaging.carrierTrackingHosts,
      relayDomain: `relay.${m.domain}`,
    },
    language: o.language,
    ...(o.order
      ? {
          order: {
            amazonOrderId: o.order.amazonOrderId,
            trackingNumbers: o.order.trackingNumbers,
            deliveredAt: o.order.deliveredAt,
          },
        }
      : {}),
    ...(o.preOrderReply ? { preOrderReply: true } : {}),
    now: o.now,
    messagingWindowDaysAfterDelivery: m.policy.messaging.messagingWindowDaysAfterDelivery,
    maxChars: o.maxChars ?? m.policy.messaging.maxMessageChars,
    ...(o.phrases?.length ? { extraPhrases: o.phrases } : {}),
  };
}

const SPEC_OF_RULE: Partial<Record<PolicyViolation['rule'], string>> = {
  html: 'MSG-2/8',
  link: 'MSG-8',
  opt_out_link: 'MSG-8',
  marketing: 'MSG-9',
  review_manipulation: 'MSG-10',
  email_address: 'MSG-11',
  phone_number: 'MSG-11',
  messenger_handle: 'MSG-11',
  off_platform: 'MSG-11',
  order_id_missing: 'MSG-7',
  messaging_window: 'MSG-13',
  purpose: 'MSG-6',
};

/** MSG-6: the refusal names every violation (the SP-API renders only `message`). */
export function policyViolationError(verdict: PolicyVerdict): AppError {
  const parts = verdict.violations.map((v) => {
    const spec = SPEC_OF_RULE[v.rule];
    return spec ? `${v.message} (${spec})` : v.message;
  });
  return new AppError(
    'rule_violation',
    'MESSAGE_POLICY_VIOLATION',
    `Blocked by the communication policy: ${parts.join('; ')}`,
    { violations: verdict.violations },
  );
}
