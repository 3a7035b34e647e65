// Background jobs on pg-boss, in the same database as the data (DESIGN "Jobs and schedules").
// A job is enqueued with `send(tx, ...)` inside the transaction of the change that causes it, so
// it exists if and only if that change committed (transactional outbox without a separate table).
import { PgBoss, fromDrizzle, fromPglite } from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/database.ts';
import type { Logger } from '../logger.ts';

export type QueueDefinition = {
  name: string;
  /** Retries after the first attempt before the job ends `failed` (kept, visible). */
  retryLimit?: number;
  /** First retry delay in seconds; doubles with jitter (exponential backoff). */
  retryDelaySeconds?: number;
  retryDelayMaxSeconds?: number;
  expireInSeconds?: number;
};

export type SendOptions = {
  /** A job with the same key that is still queued or active is not created twice. */
  singletonKey?: string;
  startAfter?: Date;
};

export type JobHandler<T> = (data: T, meta: { id: string; retryCount: number }) => Promise<void>;

export type QueueStats = {
  name: string;
  created: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
  cancelled: number;
};

export type FailedJob = { id: string; name: string; error: string; failedAt: string; retryCount: number };

export class JobQueue {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, QueueDefinition>();
  private started = false;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
  ) {
    const common = { schedule: false, useListenNotify: true } as const;
    this.boss =
      database.kind === 'pglite' && database.pglite
        ? new PgBoss({ ...common, db: fromPglite(database.pglite), backend: 'pglite' })
        : new PgBoss({ ...common, db: undefined, ...poolOptions(database) });
    this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
  }

  define(def: QueueDefinition): void {
    this.definitions.set(def.name, def);
  }

  /** Defines a queue after start (creates it at once). */
  async defineNow(def: QueueDefinition): Promise<void> {
    this.define(def);
    if (this.started) await this.createQueue(def);
  }

  private async createQueue(def: QueueDefinition): Promise<void> {
    await this.boss.createQueue(def.name, {
      retryLimit: def.retryLimit ?? 5,
      retryDelay: def.retryDelaySeconds ?? 5,
      retryBackoff: true,
      retryDelayMax: def.retryDelayMaxSeconds ?? 600,
      expireInSeconds: def.expireInSeconds ?? 300,
      notify: true,
    });
    // Warm pg-boss's queue cache now: on a cache miss `send` looks the queue up on its own
    // connection, which inside a PGlite transaction would wait for that transaction forever.
    await this.boss.findJobs(def.name, { key: '__warm__' });
  }

  /** Creates pg-boss's schema and the defined queues. Idempotent. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const def of this.definitions.values()) await this.createQueue(def);
    this.started = true;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 5000, close: true });
  }

  /** Enqueues a job on the given transaction (or database): it commits or rolls back with it. */
  async send<T extends object>(on: DbOrTx, queue: string, data: T, opts: SendOptions = {}): Promise<void> {
    if (!this.definitions.has(queue)) throw new Error(`unknown queue ${queue}`);
    await this.boss.send(queue, data, {
      db: fromDrizzle(on as never, sql),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
    });
  }

  /** Runs `handler` for each job of the queue. A thrown error schedules a retry with backoff;
   *  after `retryLimit` retries the job stays `failed` in the table, visible in the jobs view. */
  async work<T>(
    queue: string,
    handler: JobHandler<T>,
    opts: { batchSize?: number; concurrency?: number } = {},
  ) {
    await this.boss.work<T>(
      queue,
      {
        batchSize: opts.batchSize ?? 10,
        localConcurrency: opts.concurrency ?? 2,
        pollingIntervalSeconds: 1,
        notifyPollingIntervalSeconds: 2,
        perJobResults: true,
      },
      async (jobs) => {
        // Each job settles on its own: one failure must not retry its batch mates.
        return Promise.all(
          jobs.map(async (job) => {
            try {
              await handler(job.data, { id: job.id, retryCount: job.retryCount });
              return { id: job.id, status: 'completed' as const };
            } catch (err) {
              this.log.warn(
                { queue, jobId: job.id, retryCount: job.retryCount, err: errorMessage(err) },
                'job failed',
              );
              return { id: job.id, status: 'failed' as const, output: { message: errorMessage(err) } };
            }
          }),
        );
      },
    );
  }

  async stats(): Promise<QueueStats[]> {
    const rows = await this.database.db.execute(sql`
      select name, state, count(*)::int as n from pgboss.job group by name, state order by name`);
    const byName = new Map<string, QueueStats>();
    for (const name of this.definitions.keys()) byName.set(name, emptyStats(name));
    for (const row of (rows as unknown as { rows: { name: string; state: string; n: number }[] }).rows) {
      const s = byName.get(row.name) ?? emptyStats(row.name);
      if (row.state in s) (s as unknown as Record<string, number>)[row.state] = row.n;
      byName.set(row.name, s);
    }
    return [...byName.values()];
  }

  async failedJobs(limit = 50): Promise<FailedJob[]> {
    const res = (await this.database.db.execute(sql`
      select id::text, name, output, completed_on, retry_count from pgboss.job
      where state = 'failed' order by completed_on desc nulls last limit ${limit}`)) as unknown as {
      rows: {
        id: string;
        name: string;
        output: unknown;
        completed_on: Date | string | null;
        retry_count: number;
      }[];
    };
    return res.rows.map((r) => ({
      id: r.id,
      name: r.name,
      error: errorMessage(r.output),
      failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : '',
      retryCount: r.retry_count,
    }));
  }

  /** Waits until no job of the given queues is queued or active (tests, sandbox). */
  async drain(queues: string[] = [...this.definitions.keys()], timeoutMs = 20000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const res = (await this.database.db.execute(sql`
        select count(*)::int as n from pgboss.job
        where name = any(${sql.param(queues)}::text[]) and state in ('created','retry','active')
          and start_after <= now() + interval '1 second'`)) as unknown as { rows: { n: number }[] };
      if ((res.rows[0]?.n ?? 0) === 0) return;
      if (performance.now() > deadline) throw new Error(`jobs still pending after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function emptyStats(name: string): QueueStats {
  return { name, created: 0, retry: 0, active: 0, completed: 0, failed: 0, cancelled: 0 };
}

function errorMessage(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (reason && typeof reason === 'object' && 'message' in reason)
    return String((reason as { message: unknown }).message);
  return typeof reason === 'string' ? reason : JSON.stringify(reason);
}

function poolOptions(database: Database) {
  const opts = database.pool?.options as { connectionString?: string } | undefined;
  return { connectionString: opts?.connectionString, max: 4 };
}
