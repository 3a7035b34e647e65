// A fresh, migrated database per test file, on the engine the run targets (MERCATO_TEST_DB):
// PGlite loaded from a template dump, or a PostgreSQL database cloned from a template database.
// The templates are built once per run by global-setup.ts, so a file starts in about a second.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS_DIR, type Database } from '../../src/platform/db/database.ts';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  return process.env.MERCATO_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function pgBaseUrl(): string {
  return process.env.MERCATO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Changes whenever a migration changes, so stale templates are never reused. */
export function schemaHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    h.update(f).update(readFileSync(path.join(MIGRATIONS_DIR, f)));
  }
  h.update(readFileSync(new URL('../../node_modules/pg-boss/package.json', import.meta.url)));
  return h.digest('hex').slice(0, 12);
}

export const pgliteTemplatePath = () => path.join(tmpdir(), `mercato-test-template-${schemaHash()}.tar`);
export const pgTemplateName = () => `mercato_tpl_${schemaHash()}`;

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Opens a fresh database for one test file. */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  if (testDbKind() === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const template = pgliteTemplatePath();
    const pglite = existsSync(template)
      ? await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]) })
      : await PGlite.create();
    return {
      kind: 'pglite',
      db: drizzle({ client: pglite }) as never,
      pglite,
      close: () => pglite.close(),
    };
  }
  const { default: pg } = await import('pg');
  const { openPostgres } = await import('../../src/platform/db/database.ts');
  const name = `mercato_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgBaseUrl() });
  await admin.connect();
  try {
    const tpl = pgTemplateName();
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [tpl]);
    await admin.query(rows.length ? `create database ${name} template ${tpl}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(pgBaseUrl(), name);
  const database = await openPostgres(url, 10);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: pgBaseUrl() });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await dropper.end();
    },
  };
}
