// Key/value settings of this installation (the generated signing secret, demo credentials).
import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from './database.ts';
import { instanceSettings } from './platform.tables.ts';

export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key)).limit(1);
  return row?.value;
}

/** Stores the value unless the key exists; returns the value that is stored. */
export async function putSettingOnce(db: Db, key: string, value: string): Promise<string> {
  await db.insert(instanceSettings).values({ key, value }).onConflictDoNothing();
  return (await getSetting(db, key)) ?? value;
}

/** The signing secret: from configuration, else generated once per installation and kept. */
export async function resolveSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  return putSettingOnce(db, 'signing_secret', randomBytes(48).toString('base64url'));
}
