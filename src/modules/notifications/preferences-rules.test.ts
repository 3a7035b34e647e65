import { describe, expect, it } from 'vitest';
import { notificationType } from './notification-catalogue.ts';
import {
  checkPreference,
  defaultPreference,
  normalizePhone,
  type PreferenceInput,
} from './preferences-rules.ts';

const type = (id: string) => {
  const t = notificationType(id);
  if (!t) throw new Error(id);
  return t;
};
const ctx = {
  defaultRegion: 'JP' as const,
  webhookIds: new Set(['whk_1']),
  phonesThatMustDiffer: new Set<string>(),
};
const input = (over: Partial<PreferenceInput> = {}): PreferenceInput => ({
  enabled: true,
  frequency: 'immediate',
  emails: [],
  phones: [],
  webhooks: [],
  inApp: true,
  ...over,
});
const codes = (r: ReturnType<typeof checkPreference>) =>
  r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);

describe('checkPreference', () => {
  it('keeps the local part of an email as written and lower-cases the domain, deduplicating', () => {
    const r = checkPreference(
      type('order.new'),
      input({ emails: [' Ops@Example.COM ', 'ops@example.com'] }),
      ctx,
    );
    expect(r.ok && r.value.emails).toEqual(['Ops@example.com']);
  });

  it('names every bad field at once', () => {
    const r = checkPreference(
      type('order.new'),
      input({ emails: ['x@'], phones: ['0'], webhooks: ['whk_2'], frequency: 'immediate' }),
      ctx,
    );
    expect(codes(r)).toEqual([
      'emails.0:INVALID_EMAIL',
      'phones.0:INVALID_PHONE',
      'webhooks.0:UNKNOWN_WEBHOOK',
    ]);
  });

  it('refuses to disable a mandatory type but lets an optional one be disabled', () => {
    expect(codes(checkPreference(type('account.planned_outage'), input({ enabled: false }), ctx))).toEqual([
      'enabled:MANDATORY_TYPE',
    ]);
    expect(checkPreference(type('order.new'), input({ enabled: false }), ctx).ok).toBe(true);
  });

  it('allows only the frequencies of the type', () => {
    expect(
      codes(checkPreference(type('account.delivery_failure'), input({ frequency: 'daily' }), ctx)),
    ).toEqual(['frequency:FREQUENCY_NOT_ALLOWED']);
  });

  it('keeps the emergency phone apart from the numbers that must differ', () => {
    const emergency = type('emergency.contact');
    const base = input({ inApp: false, phones: ['090-1234-5678'] });
    expect(checkPreference(emergency, base, ctx)).toMatchObject({
      ok: true,
      value: { phones: ['+819012345678'] },
    });
    const taken = { ...ctx, phonesThatMustDiffer: new Set(['+819012345678']) };
    expect(codes(checkPreference(emergency, base, taken))).toEqual(['phones.0:EMERGENCY_PHONE_NOT_DISTINCT']);
    expect(codes(checkPreference(type('order.new'), input({ phones: ['+81 90 1234 5678'] }), taken))).toEqual(
      ['phones.0:EMERGENCY_PHONE_NOT_DISTINCT'],
    );
  });

  it('takes metrics and a minimum severity for performance types only', () => {
    const perf = checkPreference(type('performance.metric'), input({ metrics: ['ODR', 'ODR'] }), ctx);
    expect(perf).toMatchObject({ ok: true, value: { metrics: ['ODR'], minSeverity: 'warning' } });
    expect(codes(checkPreference(type('order.new'), input({ minSeverity: 'critical' }), ctx))).toEqual([
      'minSeverity:METRICS_NOT_APPLICABLE',
    ]);
  });
});

describe('defaultPreference', () => {
  it("sends email to the seller's users only for types whose defaults include email", () => {
    expect(defaultPreference(type('order.new'), ['a@example.com']).emails).toEqual(['a@example.com']);
    expect(defaultPreference(type('order.shipment_confirmed'), ['a@example.com']).emails).toEqual([]);
    expect(defaultPreference(type('emergency.contact'), ['a@example.com'])).toMatchObject({
      emails: [],
      inApp: false,
    });
  });
});

describe('normalizePhone', () => {
  it('reads national numbers in the marketplace region and refuses numbers that do not exist', () => {
    expect(normalizePhone('333 123 4567', 'IT')).toEqual({ ok: true, e164: '+393331234567' });
    expect(normalizePhone('+1 202 555 0100', 'JP').ok).toBe(true);
    expect(normalizePhone('090-0000', 'JP').ok).toBe(false);
    expect(normalizePhone('call me', 'JP').ok).toBe(false);
  });
});
