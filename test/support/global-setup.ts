// Builds the template database of this run once (migrations + pg-boss schema), so every test
// file can start from a copy instead of running initdb and migrations again.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { pgBaseUrl, pgliteTemplatePath, pgTemplateName, testDbKind, withDatabase } from './test-database.ts';

export default async function setup(): Promise<void> {
  const { buildServices } = await import('../../src/main/dependencies.ts');
  const log = createLogger('silent');
  if (testDbKind() === 'pglite') {
    const file = pgliteTemplatePath();
    if (existsSync(file)) return;
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const pglite = await PGlite.create();
    const database = {
      kind: 'pglite' as const,
      db: drizzle({ client: pglite }) as never,
      pglite,
      close: () => pglite.close(),
    };
    const s = await buildServices(loadConfig({ MERCATO_MODE: 'sandbox' }), { database, logger: log });
    await s.close();
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
    return;
  }
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: pgBaseUrl() });
  await admin.connect();
  try {
    const tpl = pgTemplateName();
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [tpl]);
    if (rows.length) return;
    const building = `${tpl}_build_${process.pid}`;
    await admin.query(`create database ${building}`);
    const { openPostgres } = await import('../../src/platform/db/database.ts');
    const database = await openPostgres(withDatabase(pgBaseUrl(), building), 4);
    const s = await buildServices(
      loadConfig({ MERCATO_MODE: 'sandbox', DATABASE_URL: withDatabase(pgBaseUrl(), building) }),
      {
        database,
        logger: log,
      },
    );
    await s.close();
    await database.close();
    await admin.query(`alter database ${building} rename to ${tpl}`).catch(async () => {
      await admin.query(`drop database if exists ${building} with (force)`);
    });
  } finally {
    await admin.end();
  }
}
