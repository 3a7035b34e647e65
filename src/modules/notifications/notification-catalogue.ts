// NTF-2: the catalogue of notification types, as code. Each type has a group (the rows of the
// Notification Preferences page), a severity (NTF-10), whether the seller may disable it
// (mandatory types cannot be), the channels and frequencies it allows, its defaults, and the
// selling plans that offer it (NTF-1). Pure data; the pipeline and the pages read it.

export type Severity = 'critical' | 'warning' | 'info';
export type Frequency = 'immediate' | 'daily' | 'weekly' | 'monthly';
export type Channel = 'email' | 'sms' | 'webhook' | 'sp_api' | 'in_app';
export type SellingPlan = 'Individual' | 'Professional';

export type NotificationGroup =
  | 'orders'
  | 'returns_claims'
  | 'listings'
  | 'reports'
  | 'selling_coach'
  | 'account'
  | 'emergency'
  | 'out_of_stock'
  | 'performance'
  | 'messages';

export type NotificationType = {
  id: string;
  group: NotificationGroup;
  severity: Severity;
  mandatory: boolean;
  channels: Channel[];
  frequencies: Frequency[];
  defaults: { enabled: boolean; frequency: Frequency; channels: Channel[] };
  plans: SellingPlan[];
  /** Which issue wires its trigger (types exist in preferences before their trigger does). */
  wiredBy: 'orders' | 'notifications' | 'listings' | 'returns' | 'messaging' | 'reports' | 'performance';
};

const both: SellingPlan[] = ['Individual', 'Professional'];
const pro: SellingPlan[] = ['Professional'];
const all: Channel[] = ['email', 'sms', 'webhook', 'sp_api', 'in_app'];
const anyFrequency: Frequency[] = ['immediate', 'daily', 'weekly', 'monthly'];

function type(
  id: string,
  group: NotificationGroup,
  severity: Severity,
  wiredBy: NotificationType['wiredBy'],
  o: Partial<Omit<NotificationType, 'id' | 'group' | 'severity' | 'wiredBy'>> = {},
): NotificationType {
  return {
    id,
    group,
    severity,
    wiredBy,
    mandatory: o.mandatory ?? false,
    channels: o.channels ?? all,
    frequencies: o.frequencies ?? anyFrequency,
    defaults: o.defaults ?? { enabled: true, frequency: 'immediate', channels: ['email', 'in_app'] },
    plans: o.plans ?? both,
  };
}

export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  // Orders (NTF-2, NTF-4: one email per order once it is Unshipped)
  type('order.new', 'orders', 'info', 'orders'),
  type('order.new_afn', 'orders', 'info', 'orders', {
    defaults: { enabled: false, frequency: 'immediate', channels: ['email', 'in_app'] },
  }),
  type('order.canceled', 'orders', 'warning', 'orders'),
  type('order.shipment_confirmed', 'orders', 'info', 'orders', {
    defaults: { enabled: true, frequency: 'immediate', channels: ['in_app'] },
  }),
  type('order.refund_issued', 'orders', 'info', 'orders', {
    defaults: { enabled: true, frequency: 'immediate', channels: ['in_app'] },
  }),
  // ORD-8: from the ship-by date, confirm or the order is cancelled.
  type('order.ship_by_warning', 'orders', 'warning', 'orders', { frequencies: ['immediate', 'daily'] }),
  // Returns and claims (wired by the returns issue)
  type('returns.request', 'returns_claims', 'warning', 'returns'),
  type('claims.a_to_z', 'returns_claims', 'critical', 'returns', { mandatory: true }),
  type('claims.chargeback', 'returns_claims', 'critical', 'returns', { mandatory: true }),
  // Listings
  type('listing.created', 'listings', 'info', 'listings', {
    defaults: { enabled: true, frequency: 'daily', channels: ['email', 'in_app'] },
  }),
  type('listing.closed', 'listings', 'info', 'listings', {
    defaults: { enabled: true, frequency: 'daily', channels: ['email', 'in_app'] },
  }),
  // Reports (wired by the reports issue)
  type('report.ready', 'reports', 'info', 'reports', { plans: pro }),
  // Selling coach
  type('selling_coach.recommendation', 'selling_coach', 'info', 'notifications', {
    defaults: { enabled: true, frequency: 'weekly', channels: ['email', 'in_app'] },
  }),
  // Account (operator notices; delivery failures are account-critical)
  type('account.business_update', 'account', 'info', 'notifications'),
  type('account.new_feature', 'account', 'info', 'notifications'),
  type('account.planned_outage', 'account', 'warning', 'notifications', { mandatory: true }),
  type('account.technical_issue', 'account', 'warning', 'notifications', { mandatory: true }),
  type('account.delivery_failure', 'account', 'critical', 'notifications', {
    mandatory: true,
    frequencies: ['immediate'],
    defaults: { enabled: true, frequency: 'immediate', channels: ['in_app', 'email'] },
  }),
  // Emergency: a phone number only, never shown to buyers, distinct from the others.
  type('emergency.contact', 'emergency', 'critical', 'notifications', {
    mandatory: true,
    channels: ['sms'],
    frequencies: ['immediate'],
    defaults: { enabled: true, frequency: 'immediate', channels: ['sms'] },
  }),
  // Out-of-stock weekly report (NTF-5)
  type('out_of_stock.weekly', 'out_of_stock', 'info', 'listings', {
    channels: ['email', 'in_app'],
    frequencies: ['weekly'],
    defaults: { enabled: true, frequency: 'weekly', channels: ['email', 'in_app'] },
  }),
  // Performance (PERF-7; wired by the account-health issue)
  type('performance.metric', 'performance', 'warning', 'performance'),
  type('performance.policy_violation', 'performance', 'critical', 'performance', { mandatory: true }),
  // Messages (wired by the messaging issue)
  // In-app by default: the buyer's message itself already reaches the seller's Customer Service
  // Reply-to address (MSG-3); an email notification on top would be a second copy of every message.
  type('messages.new', 'messages', 'info', 'messaging', {
    defaults: { enabled: true, frequency: 'immediate', channels: ['in_app'] },
  }),
  type('messages.overdue', 'messages', 'warning', 'messaging'),
  // MSG-15: the buyer did not answer by the seller's reply deadline (remind to cancel, once).
  type('messages.reply_deadline', 'messages', 'warning', 'messaging'),
];

const BY_ID = new Map(NOTIFICATION_TYPES.map((t) => [t.id, t]));

export function notificationType(id: string): NotificationType | undefined {
  return BY_ID.get(id);
}

/** NTF-1: the types a seller on this plan is offered. */
export function typesForPlan(plan: SellingPlan): NotificationType[] {
  return NOTIFICATION_TYPES.filter((t) => t.plans.includes(plan));
}
