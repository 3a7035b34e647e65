// `mercato start | api | worker`: one process runs HTTP, workers and (embedded) the database.
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import type { Config } from '../platform/config.ts';
import { writeServerInfo } from '../platform/db/data-dir-lock.ts';
import { hasDemoData, loadDemoData, type DemoCredentials } from '../modules/sandbox/index.ts';
import { bounceRoute } from '../modules/notifications/index.ts';
import { inboundMaxBytes } from '../modules/messaging/index.ts';
import { type InboundSmtpServer, startInboundSmtp } from '../platform/mail/inbound-smtp.ts';
import { buildServices, type Services } from './dependencies.ts';
import { createHttpApp } from './http-app.ts';

export type RunningServer = {
  services: Services;
  url: string;
  port: number;
  /** NTF-7: the inbound bounce SMTP server's port (undefined when off). */
  inboundSmtpPort: number | undefined;
  stop(): Promise<void>;
};

export async function startServer(
  config: Config,
  opts: { http: boolean; workers: boolean; out?: (line: string) => void },
): Promise<RunningServer> {
  const out = opts.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const services = await buildServices(config);
  let ready = false;
  let server: ReturnType<typeof serve> | undefined;
  let bounces: InboundSmtpServer | undefined;
  try {
    let demo: DemoCredentials | null = null;
    if (
      config.demo &&
      config.mode === 'sandbox' &&
      (await services.marketplaces.listSellers()).length === 0
    ) {
      out('Loading demo data (first start only)...');
      let last = 0;
      demo = await loadDemoData({
        db: services.database.db,
        clock: services.clock,
        marketplaces: services.marketplaces,
        identity: services.identity,
        orders: services.orders,
        buyers: services.buyers,
        messaging: services.messaging,
        ordersPerSeller: config.demoOrdersPerSeller,
        onProgress: (done, total) => {
          const pct = Math.floor((done / total) * 10);
          if (pct > last) {
            last = pct;
            out(`  ${done}/${total} demo orders`);
          }
        },
      });
    } else if (config.demo && (await hasDemoData(services.database.db))) {
      const { readDemoCredentials } = await import('../modules/sandbox/index.ts');
      demo = await readDemoCredentials(services.database.db);
    }
    if (opts.workers) await services.startWorkers();
    // One inbound SMTP server where the workers run (`start`, `worker`), when configured: bounces
    // (NTF-7) and mail to relay aliases (MSG-4). Sandbox listens on 2525 by default; a busy
    // default port only warns (another Mercato may be running).
    if (opts.workers && config.inboundSmtp.port !== undefined) {
      try {
        bounces = await startInboundSmtp({
          port: config.inboundSmtp.port,
          host: config.inboundSmtp.host,
          log: services.log,
          maxBytes: await inboundMaxBytes(services.marketplaces),
          routes: [
            bounceRoute({
              domain: config.inboundSmtp.bounceDomain,
              log: services.log,
              recordBounce: (deliveryId, b) => services.notifications.recordBounce(deliveryId, b),
            }),
            services.mailRelay.route,
          ],
        });
      } catch (err) {
        if (!config.inboundSmtp.portIsDefault) throw err;
        services.log.warn(
          { err, port: config.inboundSmtp.port },
          'inbound SMTP not started (port busy); set MERCATO_INBOUND_SMTP_PORT to another port or to off',
        );
      }
    }

    const cliToken = randomBytes(24).toString('base64url');
    let url = '';
    let port = config.http.port;
    if (opts.http) {
      const app = createHttpApp(services, { isReady: () => ready, cliToken });
      await new Promise<void>((resolve, reject) => {
        server = serve({ fetch: app.fetch, port: config.http.port, hostname: config.http.host }, (info) => {
          port = info.port;
          resolve();
        });
        server.once('error', reject);
      });
      url = config.http.publicUrl ?? `http://localhost:${port}`;
      if (services.database.dataDir) {
        writeServerInfo(services.database.dataDir, {
          pid: process.pid,
          url: `http://127.0.0.1:${port}`,
          startedAt: new Date().toISOString(),
          cliToken,
        });
      }
    }
    ready = true;
    out(banner(config, url, opts, demo));
    if (bounces)
      out(
        `  inbound mail: SMTP on port ${bounces.port} for relay addresses (<alias>@relay.<marketplace domain>) and bounce+<delivery>@${config.inboundSmtp.bounceDomain}`,
      );
    return {
      services,
      url,
      port,
      inboundSmtpPort: bounces?.port,
      async stop() {
        ready = false;
        if (server) await new Promise<void>((r) => server?.close(() => r()));
        await bounces?.close();
        await services.close();
      },
    };
  } catch (err) {
    if (server) server.close();
    await bounces?.close();
    await services.close();
    throw err;
  }
}

function banner(
  config: Config,
  url: string,
  opts: { http: boolean; workers: boolean },
  demo: DemoCredentials | null,
): string {
  const db =
    config.database.kind === 'pglite' ? `embedded (${config.database.dataDir})` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `Mercato is running${url ? ` at ${url}` : ''}`,
    `  mode: ${config.mode} · database: ${db} · workers: ${opts.workers ? 'on' : 'off'} · mail: ${config.mail.smtpUrl ? 'SMTP' : 'local mailbox (Sent mail page)'}`,
  ];
  if (url) lines.push(`  API docs: ${url}/api-docs · OpenAPI: ${url}/openapi.json · health: ${url}/healthz`);
  if (demo) {
    lines.push('', `Demo logins (password for all: ${demo.operator.password}):`);
    for (const s of demo.sellers) lines.push(`  seller   ${s.login.email}  (${s.name}, ${s.marketplaceId})`);
    lines.push(`  operator ${demo.operator.email}`);
    for (const b of demo.buyers ?? [])
      lines.push(`  buyer    ${b.login.email}  (${b.name}, ${url ?? ''}/account)`);
    lines.push('  SP-API and operator API credentials: npx mercato demo credentials --json');
  }
  return lines.join('\n');
}
