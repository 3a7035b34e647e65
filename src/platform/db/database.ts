// The database behind every module: PGlite in-process (embedded default) or PostgreSQL via `pg`.
// Both are driven through Drizzle with the same schema and the same SQL migrations.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type pg from 'pg';
import type { Config } from '../config.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** Anything queries can run on: the database or an open transaction. */
export type DbOrTx = Db | Tx;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** Where the embedded data lives (pglite only). */
  dataDir?: string;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

/** Opens the embedded database, taking the exclusive lock on its folder first. */
export async function openPglite(dataDir: string | null, opts: { lock?: boolean } = {}): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let lock: DataDirLock | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    if (opts.lock !== false) lock = await acquireDataDirLock(dataDir);
  }
  try {
    const pglite = dataDir ? await PGlite.create(path.join(dataDir, 'pgdata')) : await PGlite.create();
    const db = drizzle({ client: pglite }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      pglite,
      dataDir: dataDir ?? undefined,
      async close() {
        await pglite.close();
        await lock?.release();
      },
    };
  } catch (err) {
    await lock?.release();
    throw err;
  }
}

export async function openPostgres(url: string, poolSize = 20): Promise<Database> {
  const { default: pgMod } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pgMod.Pool({ connectionString: url, max: poolSize, application_name: 'mercato' });
  pool.on('error', () => {
    // An idle client's connection dropped; the pool replaces it. Nothing to do here.
  });
  const db = drizzle({ client: pool }) as unknown as Db;
  return { kind: 'postgres', db, pool, close: () => pool.end() };
}

export function openDatabase(config: Config): Promise<Database> {
  return config.database.kind === 'postgres'
    ? openPostgres(config.database.url, config.database.poolSize)
    : openPglite(config.database.dataDir);
}

/** Applies the SQL migrations in order; on PostgreSQL under an advisory lock so that several
 *  processes starting at once do not race. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
  const pool = database.pool;
  if (!pool) throw new Error('postgres database without a pool');
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(7263001)');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    await run(drizzle({ client }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('select pg_advisory_unlock(7263001)').catch(() => undefined);
    client.release();
  }
}

/** Runs raw SQL and returns its rows, on either driver. */
export async function queryRows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
