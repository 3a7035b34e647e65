// Notification Preferences (NTF-1/3/6, PERF-7): each type offered to the seller's selling plan with
// its effective choice (saved row, or the catalogue's defaults), saving one type with every field
// checked, and the seller's webhook endpoints (Standard Webhooks secrets shown once).
import { randomBytes } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { type AppError, invalid, notFound, ruleViolation } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { failureReasonText } from './email-templates.ts';
import {
  type NotificationGroup,
  type NotificationType,
  notificationType,
  type SellingPlan,
  typesForPlan,
} from './notification-catalogue.ts';
import {
  checkPreference,
  defaultPreference,
  EMERGENCY_TYPE,
  type FieldError,
  type Preference,
  type PreferenceInput,
} from './preferences-rules.ts';
import { checkWebhookUrl, isPublicAddress, privateRefusal } from './preferences-webhook-url.ts';
import {
  createPreferencesRepository,
  type FailedAddressRow,
  type PreferenceRow,
} from './preferences.repository.ts';

/** The page's rows, in the seed's order (Seller Central help "Notification preferences"). */
export const PREFERENCE_GROUPS: readonly NotificationGroup[] = [
  'orders',
  'returns_claims',
  'listings',
  'reports',
  'selling_coach',
  'account',
  'emergency',
  'out_of_stock',
  'performance',
  'messages',
];

export type TypePreferenceView = {
  type: string;
  group: NotificationGroup;
  severity: NotificationType['severity'];
  mandatory: boolean;
  channels: NotificationType['channels'];
  frequencies: NotificationType['frequencies'];
  /** false while the seller has not saved this type (the catalogue's defaults apply). */
  customized: boolean;
  preference: Preference;
  updatedAt: string | null;
  updatedBy: string | null;
};

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string | null;
  status: 'active' | 'disabled';
  disabledReason: string | null;
  createdAt: string;
};

export type PreferencesDeps = {
  db: Db;
  ids: Ids;
  clock: Clock;
  marketplaces: Pick<MarketplacesService, 'getSeller' | 'getMarketplace'>;
  /** The seller's users' emails: the default email recipients (identity.sellerContacts). */
  sellerContacts: (sellerId: string) => Promise<{ email: string }[]>;
  allowPrivateWebhooks: boolean;
  /** DNS resolution of a webhook host (injected so tests can run without DNS). */
  resolveHost?: (host: string) => Promise<string[]>;
};

const dnsResolve = async (host: string) => {
  const { lookup } = await import('node:dns/promises');
  return (await lookup(host, { all: true })).map((a) => a.address);
};

/** A failed address as the page and the home alert show it; `reasonText` in the seller's language. */
const toFailedView = (f: FailedAddressRow, language: string) => ({
  /** Stable code of the home alert (NTF-7): EMAIL_DELIVERY_FAILED, SMS_DELIVERY_FAILED... */
  code: `${f.channel.toUpperCase()}_DELIVERY_FAILED`,
  channel: f.channel,
  address: f.address,
  reason: f.reason,
  reasonText: failureReasonText(f.reason, language),
  evidence: f.evidence,
  failedAt: f.failedAt.toISOString(),
});

export function createPreferencesService(d: PreferencesDeps) {
  const repo = createPreferencesRepository(d.db);
  const resolveHost = d.resolveHost ?? dnsResolve;

  function fieldsError(errors: FieldError[]): AppError {
    const first = errors[0] as FieldError;
    const summary = errors
      .slice(0, 5)
      .map((e) => `${e.field}: ${e.message}`)
      .join('; ');
    const details = { fields: errors };
    // A mandatory type is a rule, not a typing mistake: 422 like the other refusals of a rule.
    return first.code === 'MANDATORY_TYPE'
      ? ruleViolation('MANDATORY_TYPE', first.message, details)
      : invalid(first.code, `Please correct: ${summary}`, details);
  }

  function view(t: NotificationType, row: PreferenceRow | undefined, contacts: string[]): TypePreferenceView {
    const preference: Preference = row
      ? {
          enabled: t.mandatory ? true : row.enabled,
          frequency: row.frequency,
          emails: row.emails,
          phones: row.phones,
          webhooks: row.webhooks,
          inApp: row.inApp,
          metrics: (row.metrics as Preference['metrics']) ?? null,
          minSeverity: row.minSeverity ?? null,
        }
      : defaultPreference(t, contacts);
    return {
      type: t.id,
      group: t.group,
      severity: t.severity,
      mandatory: t.mandatory,
      channels: t.channels,
      frequencies: t.frequencies,
      customized: row !== undefined,
      preference,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedBy: row?.updatedBy ?? null,
    };
  }

  async function offeredType(sellerId: string, typeId: string): Promise<NotificationType> {
    const seller = await d.marketplaces.getSeller(sellerId);
    const t = notificationType(typeId);
    if (!t?.plans.includes(seller.sellingPlan as SellingPlan)) {
      throw notFound(
        'NOTIFICATION_TYPE_NOT_FOUND',
        `There is no notification "${typeId}" for your selling plan (${seller.sellingPlan}).`,
      );
    }
    return t;
  }

  const toWebhookView = (w: {
    id: string;
    url: string;
    description: string | null;
    status: 'active' | 'disabled';
    disabledReason: string | null;
    createdAt: Date;
  }): WebhookEndpointView => ({
    id: w.id,
    url: w.url,
    description: w.description,
    status: w.status,
    disabledReason: w.disabledReason,
    createdAt: w.createdAt.toISOString(),
  });

  return {
    /** NTF-7: addresses that failed and were not reset (home alert, badges on the page). */
    async failedAddresses(sellerId: string) {
      const [seller, rows] = await Promise.all([
        d.marketplaces.getSeller(sellerId),
        repo.activeFailedAddresses(sellerId),
      ]);
      return rows.map((f) => toFailedView(f, seller.language));
    },

    /** NTF-1: every type the seller's plan offers, grouped as the page's rows. */
    async list(sellerId: string) {
      const seller = await d.marketplaces.getSeller(sellerId);
      const [rows, contacts, webhooks, failed] = await Promise.all([
        repo.preferencesOf(sellerId),
        d.sellerContacts(sellerId),
        repo.webhooksOf(sellerId),
        repo.activeFailedAddresses(sellerId),
      ]);
      const byType = new Map(rows.map((r) => [r.type, r]));
      const emails = contacts.map((c) => c.email);
      const types = typesForPlan(seller.sellingPlan as SellingPlan);
      return {
        sellingPlan: seller.sellingPlan,
        groups: PREFERENCE_GROUPS.map((group) => ({
          group,
          types: types.filter((t) => t.group === group).map((t) => view(t, byType.get(t.id), emails)),
        })).filter((g) => g.types.length > 0),
        webhooks: webhooks.map(toWebhookView),
        failedAddresses: failed.map((f) => toFailedView(f, seller.language)),
      };
    },

    /** NTF-3/6, PERF-7: saves one type's choice; records who changed it and when. */
    async save(sellerId: string, userId: string, typeId: string, input: PreferenceInput) {
      const t = await offeredType(sellerId, typeId);
      const seller = await d.marketplaces.getSeller(sellerId);
      const m = await d.marketplaces.getMarketplace(seller.marketplaceId);
      return d.db.transaction(async (tx) => {
        const [rows, webhooks] = await Promise.all([
          repo.preferencesOf(sellerId, tx),
          repo.webhooksOf(sellerId, tx),
        ]);
        // NTF-2: the emergency number is distinct from every other type's numbers, both ways.
        const phonesThatMustDiffer = new Set(
          rows
            .filter((r) => (t.id === EMERGENCY_TYPE ? r.type !== EMERGENCY_TYPE : r.type === EMERGENCY_TYPE))
            .flatMap((r) => r.phones),
        );
        const verdict = checkPreference(t, input, {
          defaultRegion: m.countryCode as CountryCode,
          webhookIds: new Set(webhooks.map((w) => w.id)),
          phonesThatMustDiffer,
        });
        if (!verdict.ok) throw fieldsError(verdict.errors);
        const row: PreferenceRow = {
          sellerId,
          type: t.id,
          ...verdict.value,
          updatedAt: d.clock.now(),
          updatedBy: userId,
        };
        await repo.upsertPreference(tx, row);
        return view(t, row, []);
      });
    },

    async listWebhooks(sellerId: string): Promise<WebhookEndpointView[]> {
      return (await repo.webhooksOf(sellerId)).map(toWebhookView);
    },

    /** NTF-6: registers an endpoint; its signing secret is returned here and never again. */
    async createWebhook(sellerId: string, input: { url: string; description?: string | null }) {
      const verdict = checkWebhookUrl(input.url, d.allowPrivateWebhooks);
      const refuse = (r: { code: string; message: string }) =>
        invalid(r.code, r.message, { fields: [{ field: 'url', code: r.code, message: r.message }] });
      if (!verdict.ok) throw refuse(verdict);
      if (!d.allowPrivateWebhooks && !verdict.literalIp) {
        // A public-looking name may still resolve inside the network. A name that does not resolve
        // now is accepted: the send worker resolves again before each attempt.
        const addresses = await resolveHost(verdict.host).catch(() => [] as string[]);
        if (addresses.some((a) => !isPublicAddress(a))) throw refuse(privateRefusal());
      }
      const existing = await repo.webhooksOf(sellerId);
      if (existing.length >= 20) {
        throw ruleViolation(
          'TOO_MANY_WEBHOOKS',
          'You can register at most 20 webhook endpoints; delete one first.',
        );
      }
      const row = {
        sellerId,
        id: d.ids.next('whk'),
        url: verdict.url.toString(),
        // Standard Webhooks: `whsec_` + base64 of 24 random bytes (192 bits).
        secret: `whsec_${randomBytes(24).toString('base64')}`,
        description: input.description?.trim() || null,
        status: 'active' as const,
        disabledReason: null,
        createdAt: d.clock.now(),
      };
      await repo.insertWebhook(row);
      return { ...toWebhookView(row), secret: row.secret };
    },

    async deleteWebhook(sellerId: string, userId: string, id: string): Promise<void> {
      const done = await repo.deleteWebhook(sellerId, id, d.clock.now(), userId);
      if (!done) throw notFound('WEBHOOK_NOT_FOUND', `There is no webhook endpoint ${id}.`);
    },
  };
}

export type PreferencesService = ReturnType<typeof createPreferencesService>;
