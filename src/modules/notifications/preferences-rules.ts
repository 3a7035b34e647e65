// NTF-1/3/6, PERF-7: what a seller may choose for one notification type, as a pure check. Every
// problem names its field so the page can show it beside the input (NTF-1 "addresses validated").
import { type CountryCode, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { z } from 'zod';
import type { Frequency, NotificationType, Severity } from './notification-catalogue.ts';

/** PERF-7: the metrics a seller may watch (fixed list; the account-health issue computes them). */
export const PERFORMANCE_METRICS = [
  'ODR',
  'LATE_SHIPMENT_RATE',
  'PRE_FULFILLMENT_CANCEL_RATE',
  'VALID_TRACKING_RATE',
  'ON_TIME_DELIVERY_RATE',
  'RESPONSE_TIME',
  'POLICY_VIOLATIONS',
] as const;
export type PerformanceMetric = (typeof PERFORMANCE_METRICS)[number];

/** NTF-3: several addresses per type, but a bounded list (a page row, not a mailing list). */
export const MAX_EMAILS = 10;
export const MAX_PHONES = 5;
export const MAX_WEBHOOKS = 10;
export const EMERGENCY_TYPE = 'emergency.contact';

export type PreferenceInput = {
  enabled: boolean;
  frequency: Frequency;
  emails: string[];
  phones: string[];
  webhooks: string[];
  inApp: boolean;
  metrics?: string[] | null;
  minSeverity?: Severity | null;
};

export type Preference = {
  enabled: boolean;
  frequency: Frequency;
  emails: string[];
  phones: string[];
  webhooks: string[];
  inApp: boolean;
  metrics: PerformanceMetric[] | null;
  minSeverity: Severity | null;
};

export type FieldError = { field: string; code: string; message: string };

export type PreferenceContext = {
  /** The marketplace's country: phone numbers written without +country are read as local. */
  defaultRegion: CountryCode;
  /** The seller's webhook endpoint ids. */
  webhookIds: ReadonlySet<string>;
  /** E.164 phones of the emergency type (when checking another type) or of every other type. */
  phonesThatMustDiffer: ReadonlySet<string>;
};

const emailSchema = z.email();

/** PERF-7 applies to the performance group only. */
export const isPerformanceType = (t: NotificationType) => t.group === 'performance';

/** The effective preference when the seller saved none: the catalogue's defaults. */
export function defaultPreference(t: NotificationType, contactEmails: string[]): Preference {
  const d = t.defaults;
  return {
    enabled: d.enabled,
    frequency: d.frequency,
    // Absent a choice, email goes to the seller's users (the pipeline does the same).
    emails: d.channels.includes('email') ? contactEmails.slice(0, MAX_EMAILS) : [],
    phones: [],
    webhooks: [],
    inApp: d.channels.includes('in_app'),
    metrics: isPerformanceType(t) ? [...PERFORMANCE_METRICS] : null,
    minSeverity: isPerformanceType(t) ? 'warning' : null,
  };
}

/** Lower-cases the domain only: the local part is the mailbox owner's (RFC 5321 §2.4). */
function normalizeEmail(raw: string): string {
  const trimmed = raw.trim();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** E.164 or a reason; libphonenumber-js "max" metadata checks the number really exists in its plan. */
export function normalizePhone(raw: string, region: CountryCode): { ok: true; e164: string } | { ok: false } {
  try {
    const p = parsePhoneNumberWithError(raw.trim(), region);
    return p.isValid() ? { ok: true, e164: p.number } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/**
 * Checks and normalises one type's preference. Mandatory types (NTF-3) cannot be disabled; each
 * address list is allowed only when the type offers that channel; the emergency phone (NTF-2) must
 * be an SMS number distinct from every other type's phone.
 */
export function checkPreference(
  t: NotificationType,
  input: PreferenceInput,
  ctx: PreferenceContext,
): { ok: true; value: Preference } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (field: string, code: string, message: string) => errors.push({ field, code, message });

  if (t.mandatory && !input.enabled) {
    err(
      'enabled',
      'MANDATORY_TYPE',
      'This notification is required for your account and cannot be disabled.',
    );
  }
  if (!t.frequencies.includes(input.frequency)) {
    err(
      'frequency',
      'FREQUENCY_NOT_ALLOWED',
      `This notification can be sent: ${t.frequencies.join(', ')}; not "${input.frequency}".`,
    );
  }

  const emails: string[] = [];
  const seenEmails = new Set<string>();
  if (input.emails.length > 0 && !t.channels.includes('email')) {
    err('emails', 'CHANNEL_NOT_ALLOWED', 'This notification cannot be sent by email.');
  } else {
    input.emails.forEach((raw, i) => {
      const email = normalizeEmail(raw);
      if (!emailSchema.safeParse(email).success) {
        err(`emails.${i}`, 'INVALID_EMAIL', `"${raw}" is not a valid email address.`);
        return;
      }
      const key = email.toLowerCase();
      if (seenEmails.has(key)) return;
      seenEmails.add(key);
      emails.push(email);
    });
    if (emails.length > MAX_EMAILS) {
      err('emails', 'TOO_MANY_EMAILS', `Enter at most ${MAX_EMAILS} email addresses for one notification.`);
    }
  }

  const phones: string[] = [];
  if (input.phones.length > 0 && !t.channels.includes('sms')) {
    err('phones', 'CHANNEL_NOT_ALLOWED', 'This notification cannot be sent by SMS.');
  } else {
    input.phones.forEach((raw, i) => {
      const p = normalizePhone(raw, ctx.defaultRegion);
      if (!p.ok) {
        err(
          `phones.${i}`,
          'INVALID_PHONE',
          `"${raw}" is not a valid phone number. Write it with its country code, e.g. +81 90 1234 5678.`,
        );
        return;
      }
      if (phones.includes(p.e164)) return;
      if (ctx.phonesThatMustDiffer.has(p.e164)) {
        err(
          `phones.${i}`,
          'EMERGENCY_PHONE_NOT_DISTINCT',
          t.id === EMERGENCY_TYPE
            ? `${p.e164} is already used by another notification; the emergency number must be a separate one.`
            : `${p.e164} is your emergency contact number; use another number here.`,
        );
        return;
      }
      phones.push(p.e164);
    });
    if (phones.length > MAX_PHONES) {
      err('phones', 'TOO_MANY_PHONES', `Enter at most ${MAX_PHONES} phone numbers for one notification.`);
    }
  }
  if (t.id === EMERGENCY_TYPE && input.phones.length === 0) {
    err('phones', 'EMERGENCY_PHONE_REQUIRED', 'Enter the phone number we can call or text in an emergency.');
  }

  const webhooks = [...new Set(input.webhooks)];
  if (webhooks.length > 0 && !t.channels.includes('webhook')) {
    err('webhooks', 'CHANNEL_NOT_ALLOWED', 'This notification cannot be sent to a webhook.');
  } else {
    input.webhooks.forEach((id, i) => {
      if (!ctx.webhookIds.has(id))
        err(`webhooks.${i}`, 'UNKNOWN_WEBHOOK', `There is no webhook endpoint ${id}.`);
    });
    if (webhooks.length > MAX_WEBHOOKS) {
      err('webhooks', 'TOO_MANY_WEBHOOKS', `Choose at most ${MAX_WEBHOOKS} webhook endpoints.`);
    }
  }

  if (input.inApp && !t.channels.includes('in_app')) {
    err('inApp', 'CHANNEL_NOT_ALLOWED', 'This notification is not shown in the notification list.');
  }

  let metrics: PerformanceMetric[] | null = null;
  let minSeverity: Severity | null = null;
  if (isPerformanceType(t)) {
    metrics = [];
    (input.metrics ?? PERFORMANCE_METRICS).forEach((m, i) => {
      if (!(PERFORMANCE_METRICS as readonly string[]).includes(m)) {
        err(
          `metrics.${i}`,
          'UNKNOWN_METRIC',
          `"${m}" is not a metric; choose from ${PERFORMANCE_METRICS.join(', ')}.`,
        );
      } else if (!metrics?.includes(m as PerformanceMetric)) metrics?.push(m as PerformanceMetric);
    });
    minSeverity = input.minSeverity ?? 'warning';
  } else {
    if (input.metrics != null && input.metrics.length > 0) {
      err('metrics', 'METRICS_NOT_APPLICABLE', 'Metrics can be chosen for performance notifications only.');
    }
    if (input.minSeverity != null) {
      err(
        'minSeverity',
        'METRICS_NOT_APPLICABLE',
        'A minimum severity applies to performance notifications only.',
      );
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      enabled: input.enabled,
      frequency: input.frequency,
      emails,
      phones,
      webhooks,
      inApp: input.inApp,
      metrics,
      minSeverity,
    },
  };
}
