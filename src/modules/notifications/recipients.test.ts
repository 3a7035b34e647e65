import { describe, expect, it } from 'vitest';
import { notificationType } from './notification-catalogue.ts';
import { planRecipients, type Preference, type RecipientInput } from './recipients.ts';

const orderNew = notificationType('order.new');
const failure = notificationType('account.delivery_failure');
if (!orderNew || !failure) throw new Error('catalogue');

const pref = (p: Partial<Preference>): Preference => ({
  enabled: true,
  frequency: 'immediate',
  emails: [],
  phones: [],
  webhooks: [],
  inApp: true,
  ...p,
});

const base: RecipientInput = {
  type: orderNew,
  preference: undefined,
  contactEmails: ['owner@shop.test'],
  extra: [],
  failed: new Set(),
  disabledEndpoints: new Set(),
};

describe('planRecipients (NTF-1/3/6/7/8)', () => {
  it.each<[string, Partial<RecipientInput>, { inApp: boolean; deliveries: unknown[] }]>([
    [
      'no preference row: the catalogue defaults, email to the seller users',
      {},
      {
        inApp: true,
        deliveries: [{ channel: 'email', address: 'owner@shop.test', state: 'pending', reason: null }],
      },
    ],
    [
      'several addresses of its own, normalised and de-duplicated',
      { preference: pref({ emails: ['A@x.test', 'a@x.test ', 'b@x.test'], phones: ['+819012345678'] }) },
      {
        inApp: true,
        deliveries: [
          { channel: 'email', address: 'a@x.test', state: 'pending', reason: null },
          { channel: 'email', address: 'b@x.test', state: 'pending', reason: null },
          { channel: 'sms', address: '+819012345678', state: 'pending', reason: null },
        ],
      },
    ],
    [
      'disabled type: every delivery skipped with type_disabled, not in-app',
      { preference: pref({ enabled: false, emails: ['a@x.test'] }) },
      {
        inApp: false,
        deliveries: [{ channel: 'email', address: 'a@x.test', state: 'skipped', reason: 'type_disabled' }],
      },
    ],
    [
      'failed address: skipped with address_failed, the others still sent',
      { preference: pref({ emails: ['a@x.test', 'b@x.test'] }), failed: new Set(['email:a@x.test']) },
      {
        inApp: true,
        deliveries: [
          { channel: 'email', address: 'a@x.test', state: 'skipped', reason: 'address_failed' },
          { channel: 'email', address: 'b@x.test', state: 'pending', reason: null },
        ],
      },
    ],
    [
      'disabled webhook endpoint: endpoint_disabled',
      { preference: pref({ webhooks: ['wh_1'] }), disabledEndpoints: new Set(['wh_1']) },
      {
        inApp: true,
        deliveries: [{ channel: 'webhook', address: 'wh_1', state: 'skipped', reason: 'endpoint_disabled' }],
      },
    ],
    [
      'daily frequency: deliveries go to the digest',
      { preference: pref({ frequency: 'daily', emails: ['a@x.test'] }) },
      { inApp: true, deliveries: [{ channel: 'email', address: 'a@x.test', state: 'digest', reason: null }] },
    ],
    [
      'extra recipients (SP-API subscriptions) join the plan',
      { preference: pref({ inApp: false }), extra: [{ channel: 'sp_api', address: 'dest_1' }] },
      {
        inApp: false,
        deliveries: [{ channel: 'sp_api', address: 'dest_1', state: 'pending', reason: null }],
      },
    ],
    [
      'enabled, no address, no in-app: recorded as no_recipient',
      { preference: pref({ inApp: false }) },
      {
        inApp: false,
        deliveries: [{ channel: 'email', address: '', state: 'skipped', reason: 'no_recipient' }],
      },
    ],
  ])('%s', (_name, input, expected) => {
    const plan = planRecipients({ ...base, ...input });
    expect({ inApp: plan.inApp, deliveries: plan.deliveries }).toEqual(expected);
  });

  it('a mandatory type cannot be disabled by its preference row', () => {
    const plan = planRecipients({
      ...base,
      type: failure,
      preference: pref({ enabled: false, emails: ['a@x.test'] }),
    });
    expect(plan.deliveries).toEqual([
      { channel: 'email', address: 'a@x.test', state: 'pending', reason: null },
    ]);
  });

  it('a frequency the type does not offer falls back to its default', () => {
    const plan = planRecipients({
      ...base,
      type: failure,
      preference: pref({ frequency: 'weekly', emails: ['a@x.test'] }),
    });
    expect(plan.frequency).toBe('immediate');
  });
});
