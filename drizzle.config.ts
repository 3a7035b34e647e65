import { defineConfig } from 'drizzle-kit';

// One schema, SQL migrations generated once and applied unchanged to PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/db/platform.tables.ts', './src/modules/*/*.tables.ts'],
  out: './migrations',
});
