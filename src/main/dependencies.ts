// The composition root: the only place that wires platform pieces and modules together.
import { OffsetClock, systemClock, type Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { migrate, openDatabase, type Database } from '../platform/db/database.ts';
import { resolveSecret } from '../platform/db/instance-settings.ts';
import { createIds, type Ids } from '../platform/ids.ts';
import { JobQueue } from '../platform/jobs/job-queue.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import { createMailboxMailer, createSmtpMailer, type Mailer } from '../platform/mail/mailer.ts';
import { type BuyersService, createBuyersService } from '../modules/buyers/index.ts';
import { createIdentityService, type IdentityService } from '../modules/identity/index.ts';
import { createMarketplacesService, type MarketplacesService } from '../modules/marketplaces/index.ts';
import {
  createOrdersService,
  DEADLINE_SWEEP_INTERVAL_MS,
  defineOrdersQueues,
  startOrdersWorkers,
  type OrdersService,
} from '../modules/orders/index.ts';
import { createSandboxClock, type SandboxClock } from '../modules/sandbox/index.ts';
import { createListingsService, type ListingsService } from '../modules/listings/index.ts';
import {
  createEmailChannel,
  createNotificationsService,
  type NotificationsService,
  publishEvent,
  startNotificationsWorkers,
} from '../modules/notifications/index.ts';
import { createDigests, type Digests, isDigestCarrier } from '../modules/notifications/digests.service.ts';
import { createNotificationSchedule } from '../modules/notifications/digests.jobs.ts';
import {
  createSmsChannel,
  createSpApiNotificationsService,
  createWebhookChannel,
  type SpApiNotificationsService,
} from '../modules/notifications/index.ts';
import { parseRateLimitSetting, RateLimiter } from '../sp-api/rate-limit.ts';
import {
  createCustomerServiceEmailService,
  createMailRelay,
  createMessagingService,
  createPolicyPhrases,
  type CustomerServiceEmailService,
  type MailRelay,
  MESSAGING_SWEEP_INTERVAL_MS,
  type MessagingService,
  type PolicyPhrasesService,
} from '../modules/messaging/index.ts';

export type Services = {
  config: Config;
  log: Logger;
  database: Database;
  /** Business time: the sandbox clock in sandbox mode, else real time plus a zero offset. */
  clock: OffsetClock;
  sandboxClock: SandboxClock;
  /** Security time (token expiry, throttling): always real. */
  realClock: Clock;
  ids: Ids;
  jobs: JobQueue;
  mailer: Mailer;
  secret: string;
  rateLimiter: RateLimiter;
  marketplaces: MarketplacesService;
  identity: IdentityService;
  buyers: BuyersService;
  orders: OrdersService;
  /** NTF-7..10: the notification pipeline (outbox fan-out, send workers, failed addresses, in-app). */
  notifications: NotificationsService;
  /** SP-API Notifications v1: destinations, subscriptions, and the `sp_api` channel. */
  spApiNotifications: SpApiNotificationsService;
  /** Listings (NTF-2 Listings, NTF-5 views and the weekly out-of-stock report). */
  listings: ListingsService;
  /** NTF-6 digest batches: collect (fan-out) and flushDue (schedule). */
  digests: Digests;
  /** MSG-3/4/5: the relay route of the inbound SMTP server and the forwarding outbox worker. */
  mailRelay: MailRelay;
  /** MSG-3: the seller's Customer Service Reply-to address and its verification link. */
  customerServiceEmail: CustomerServiceEmailService;
  /** MSG-9/10/11: operator-added policy phrases per marketplace. */
  phrases: PolicyPhrasesService;
  /** MSG-1..16: buyer–seller messaging (threads, the one write path, inbox, sweeps). */
  messaging: MessagingService;
  /** Runs the scheduled notification tasks now (digest flush, weekly out-of-stock). */
  runNotificationSchedule(): Promise<void>;
  /** Starts the background workers in this process. */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
};

export type BuildOptions = {
  /** An already opened database (tests). */
  database?: Database;
  logger?: Logger;
  mailer?: Mailer;
  realClock?: Clock;
  ids?: Ids;
};

export async function buildServices(config: Config, opts: BuildOptions = {}): Promise<Services> {
  const log = opts.logger ?? createLogger(config.logLevel);
  const database = opts.database ?? (await openDatabase(config));
  try {
    await migrate(database);
    const realClock = opts.realClock ?? systemClock;
    const clock = new OffsetClock(0, realClock);
    const sandboxClock = createSandboxClock(database.db, clock);
    if (config.mode === 'sandbox') await sandboxClock.load();
    const ids = opts.ids ?? createIds(realClock);
    const secret = await resolveSecret(database.db, config.secret);
    const jobs = new JobQueue(database, log);
    const mailer =
      opts.mailer ??
      (config.mail.smtpUrl
        ? createSmtpMailer(config.mail.smtpUrl, config.mail.poolSize, config.mail.from)
        : createMailboxMailer(database.db, ids, realClock, config.mail.from));
    const rl = parseRateLimitSetting(config.spApiRateLimits);
    const marketplaces = createMarketplacesService({ db: database.db, ids, clock });
    await marketplaces.seedMarketplaces();
    const identity = createIdentityService({
      db: database.db,
      ids,
      clock: realClock,
      secret,
      accessTokenTtlSeconds: config.accessTokenTtlSeconds,
      sessionTtlHours: config.sessionTtlHours,
    });
    const buyers = createBuyersService({
      db: database.db,
      ids,
      clock: realClock,
      sessionTtlHours: config.sessionTtlHours,
      publicUrl: config.http.publicUrl ?? `http://localhost:${config.http.port}`,
      throttle: identity.loginThrottle,
    });
    const orders = createOrdersService({
      db: database.db,
      ids,
      clock,
      jobs,
      marketplaces,
      relaySecret: secret,
      buyers,
    });
    const listings = createListingsService({ db: database.db, ids, clock, marketplaces, publishEvent });
    const digests = createDigests({ db: database.db, ids });
    const notifications = createNotificationsService({
      db: database.db,
      ids,
      clock,
      getSeller: (id) => marketplaces.getSeller(id),
      sellerContacts: (id) => identity.sellerContacts(id),
      leaseMs: config.notifications.leaseMs,
    });
    // NTF-6: non-immediate deliveries join their open digest batch in the fan-out's transaction.
    notifications.setDigestCollector(digests);
    // A flushed digest's carrier delivery is rendered as the list of its batch's items, in the
    // seller's language and zone (not as a copy of its latest item).
    notifications.registerRenderer(async (d) => {
      if (!isDigestCarrier(d) || !d.digestBatchId) return undefined;
      const seller = await marketplaces.getSeller(d.sellerId);
      return digests.renderDigest(
        database.db,
        { sellerId: d.sellerId, digestBatchId: d.digestBatchId },
        { language: seller.language, timeZone: seller.timeZone, name: seller.name },
      );
    });
    notifications.registerChannel(
      'email',
      createEmailChannel({ mailer, from: config.mail.from, bounceDomain: config.inboundSmtp.bounceDomain }),
    );
    // NTF-6: webhooks (Standard Webhooks), SMS (HTTP provider, when configured) and SP-API
    // Notifications v1 webhook destinations (a recipient source adds their deliveries).
    const webhookOptions = {
      db: database.db,
      clock,
      realClock,
      allowPrivateWebhooks: config.allowPrivateWebhooks,
      timeoutMs: config.webhooks.timeoutMs,
    };
    notifications.registerChannel('webhook', createWebhookChannel(webhookOptions));
    const sms = createSmsChannel(config.sms);
    if (sms) notifications.registerChannel('sms', sms);
    const spApiNotifications = createSpApiNotificationsService({ ...webhookOptions, ids });
    notifications.registerChannel('sp_api', spApiNotifications.channel());
    notifications.registerRecipientSource(spApiNotifications.recipientSource);
    let notificationWorkers: { stop(): Promise<void> } | undefined;
    // NTF-5/6: digest flush and the weekly out-of-stock report, every minute and on clock moves.
    const notificationSchedule = createNotificationSchedule({
      clock,
      log,
      tasks: [
        { name: 'digest flush', run: (now) => digests.flushDue(now) },
        { name: 'weekly out-of-stock', run: (now) => listings.runWeeklyOutOfStock(now) },
      ],
    });
    const customerServiceEmail = createCustomerServiceEmailService({
      db: database.db,
      ids,
      clock: realClock,
      marketplaces,
      mailer,
      publicUrl: config.http.publicUrl ?? `http://localhost:${config.http.port}`,
    });
    const phrases = createPolicyPhrases({
      db: database.db,
      ids,
      clock,
      marketplaceExists: async (id) => Boolean(await marketplaces.findMarketplace(id)),
    });
    const messaging = createMessagingService({
      db: database.db,
      ids,
      clock,
      marketplaces,
      buyers,
      orders,
      identity,
      secret,
      log,
      phrases,
    });
    const mailRelay = createMailRelay({
      buyers,
      db: database.db,
      ids,
      clock,
      marketplaces,
      identity,
      messaging,
      mailer,
      log,
    });
    defineOrdersQueues(jobs);
    await jobs.start();
    let workersStarted = false;
    let sweepTimer: NodeJS.Timeout | undefined;
    let messagingSweepTimer: NodeJS.Timeout | undefined;
    return {
      config,
      log,
      database,
      clock,
      sandboxClock,
      realClock,
      ids,
      jobs,
      mailer,
      secret,
      rateLimiter: new RateLimiter(rl.enabled, rl.plans),
      marketplaces,
      identity,
      buyers,
      orders,
      notifications,
      spApiNotifications,
      listings,
      digests,
      customerServiceEmail,
      mailRelay,
      phrases,
      messaging,
      runNotificationSchedule: () => notificationSchedule.runAll(),
      async startWorkers() {
        if (workersStarted) return;
        workersStarted = true;
        await startOrdersWorkers({
          jobs,
          orders,
          marketplaces,
          mailer,
          clock,
          ids,
          log,
        });
        // ORD-8: sweep at start (whatever fell due while no worker ran), then every minute, and at
        // once whenever the sandbox clock moves (API-4).
        const sweep = () =>
          orders
            .runDeadlineSweeps()
            .then((r) => {
              if (r.warned || r.canceled) log.info(r, 'order deadline sweep');
            })
            .catch((err) => log.error({ err }, 'order deadline sweep failed'));
        void sweep();
        sweepTimer = setInterval(sweep, DEADLINE_SWEEP_INTERVAL_MS);
        sweepTimer.unref();
        sandboxClock.onAdvance(async () => {
          await orders.runDeadlineSweeps();
        });
        // MSG-14/15: overdue flags and reply-deadline reminders, every minute and on clock moves.
        const messagingSweep = () =>
          messaging
            .runSweeps()
            .then((r) => {
              if (r.overdue || r.replyDeadlineReminders) log.info(r, 'messaging sweep');
            })
            .catch((err) => log.error({ err }, 'messaging sweep failed'));
        void messagingSweep();
        messagingSweepTimer = setInterval(messagingSweep, MESSAGING_SWEEP_INTERVAL_MS);
        messagingSweepTimer.unref();
        sandboxClock.onAdvance(async () => {
          await messaging.runSweeps();
        });
        // MSG-3/4: forward stored messages by mail (polls; leases make a crashed send due again).
        mailRelay.forwarding.start();
        notificationWorkers = startNotificationsWorkers({ notifications, log });
        notificationSchedule.start();
        sandboxClock.onAdvance(() => notificationSchedule.runAll());
        if (config.mode === 'sandbox') sandboxClock.startRefreshing();
      },
      async close() {
        sandboxClock.stop();
        if (sweepTimer) clearInterval(sweepTimer);
        if (messagingSweepTimer) clearInterval(messagingSweepTimer);
        notificationSchedule.stop();
        await notificationWorkers?.stop();
        await mailRelay.forwarding.stop();
        await jobs.stop().catch((err) => log.warn({ err }, 'job queue stop failed'));
        await mailer.close();
        if (!opts.database) await database.close();
      },
    };
  } catch (err) {
    if (!opts.database) await database.close().catch(() => undefined);
    throw err;
  }
}
