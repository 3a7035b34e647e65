import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded database in ./.mercato, sandbox mode, port 3000', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.database).toEqual({ kind: 'pglite', dataDir: '/srv/app/.mercato' });
    expect(c.mode).toBe('sandbox');
    expect(c.http.port).toBe(3000);
    expect(c.demo).toBe(true);
  });
  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database.kind).toBe('postgres');
  });
  it('refuses production mode without a secret', () => {
    expect(() => loadConfig({ MERCATO_MODE: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ MERCATO_MODE: 'production' })).toThrow(/MERCATO_SECRET/);
  });
  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(
      /PORT.*LOG_LEVEL|LOG_LEVEL.*PORT/,
    );
  });
});
