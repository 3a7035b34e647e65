// NTF-1/3/6/7: who receives a notification, on which channel, and why someone does not. A pure
// function of the catalogue type, the seller's preference row (absent = the type's defaults), the
// seller's contacts, extra recipients (SP-API subscriptions, ...) and the failed addresses.
import type { DeliveryChannel } from './channel.ts';
import type { Frequency, NotificationType } from './notification-catalogue.ts';

export type Preference = {
  enabled: boolean;
  frequency: Frequency;
  emails: string[];
  phones: string[];
  webhooks: string[];
  inApp: boolean;
};

export type SkipReason = 'type_disabled' | 'address_failed' | 'endpoint_disabled' | 'no_recipient';

export type PlannedDelivery = {
  channel: DeliveryChannel;
  address: string;
  /** pending = send now; digest = collect into the frequency's digest; skipped = see reason. */
  state: 'pending' | 'digest' | 'skipped';
  reason: SkipReason | null;
};

export type RecipientPlan = {
  /** Whether the notification shows in the in-app list (NTF-10). */
  inApp: boolean;
  frequency: Frequency;
  deliveries: PlannedDelivery[];
};

export type RecipientInput = {
  type: NotificationType;
  preference: Preference | undefined;
  /** The seller's users' emails: the default email recipients when no preference row exists. */
  contactEmails: string[];
  /** Recipients that come from elsewhere (SP-API subscriptions, ...), already per channel. */
  extra: { channel: DeliveryChannel; address: string }[];
  /** `${channel}:${address}` of addresses failed and not reset. */
  failed: ReadonlySet<string>;
  /** Webhook endpoint ids that are disabled (a 410 answer). */
  disabledEndpoints: ReadonlySet<string>;
};

/** The effective preference: the row, or the catalogue defaults; mandatory types stay enabled. */
export function effectivePreference(
  type: NotificationType,
  row: Preference | undefined,
  contactEmails: string[],
) {
  if (row) return { ...row, enabled: type.mandatory ? true : row.enabled };
  const ch = type.defaults.channels;
  return {
    enabled: type.defaults.enabled,
    frequency: type.defaults.frequency,
    emails: ch.includes('email') ? contactEmails : [],
    phones: [],
    webhooks: [],
    inApp: ch.includes('in_app'),
  } satisfies Preference;
}

export function planRecipients(input: RecipientInput): RecipientPlan {
  const { type } = input;
  const pref = effectivePreference(type, input.preference, input.contactEmails);
  const frequency = type.frequencies.includes(pref.frequency) ? pref.frequency : type.defaults.frequency;
  const wanted: { channel: DeliveryChannel; address: string }[] = [];
  const allow = (c: DeliveryChannel) => type.channels.includes(c);
  if (allow('email'))
    for (const a of pref.emails) wanted.push({ channel: 'email', address: normaliseEmail(a) });
  if (allow('sms')) for (const a of pref.phones) wanted.push({ channel: 'sms', address: a });
  if (allow('webhook')) for (const a of pref.webhooks) wanted.push({ channel: 'webhook', address: a });
  for (const e of input.extra) if (allow(e.channel)) wanted.push(e);

  const seen = new Set<string>();
  const deliveries: PlannedDelivery[] = [];
  for (const w of wanted) {
    const key = `${w.channel}:${w.address}`;
    if (seen.has(key)) continue; // the same address twice in a list is one delivery (NTF-9)
    seen.add(key);
    let reason: SkipReason | null = null;
    if (!pref.enabled) reason = 'type_disabled';
    else if (input.failed.has(key)) reason = 'address_failed';
    else if (w.channel === 'webhook' && input.disabledEndpoints.has(w.address)) reason = 'endpoint_disabled';
    const state = reason ? 'skipped' : frequency === 'immediate' ? 'pending' : 'digest';
    deliveries.push({ channel: w.channel, address: w.address, state, reason });
  }
  // NTF-8: an enabled type that reaches nobody is recorded as such in the log.
  if (deliveries.length === 0 && !(pref.enabled && pref.inApp)) {
    deliveries.push({
      channel: 'email',
      address: '',
      state: 'skipped',
      reason: pref.enabled ? 'no_recipient' : 'type_disabled',
    });
  }
  return { inApp: pref.enabled && pref.inApp, frequency, deliveries };
}

/** Email addresses compare case-insensitively in practice; one spelling per address. */
export function normaliseEmail(a: string): string {
  return a.trim().toLowerCase();
}
