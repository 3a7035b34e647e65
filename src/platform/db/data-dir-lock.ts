// PGlite has no cross-process lock and two processes on one folder silently lose writes
// (reference/stack-trials.md §1). The server takes this exclusive lock before opening it.
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export type DataDirLock = { release(): Promise<void> };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: ServerInfo | null,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Mercato process` +
        (owner ? ` (pid ${owner.pid}, ${owner.url})` : '') +
        '. Stop it first, or point this command at it with MERCATO_DATA_DIR.',
    );
  }
}

/** What a running server writes beside its data so that CLI commands can talk to it. */
export type ServerInfo = { pid: number; url: string; startedAt: string; cliToken?: string };

const infoPath = (dataDir: string) => path.join(dataDir, 'server.json');

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  try {
    // A crashed owner stops refreshing the lock; after `stale` ms it can be taken over.
    const release = await lockfile.lock(dataDir, {
      stale: 4000,
      update: 1000,
      retries: { retries: 6, minTimeout: 400, maxTimeout: 1000 },
      lockfilePath: path.join(dataDir, 'mercato.lock'),
    });
    return {
      async release() {
        rmSync(infoPath(dataDir), { force: true });
        await release().catch(() => undefined);
      },
    };
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED')
      throw new DataDirLockedError(dataDir, readServerInfo(dataDir));
    throw err;
  }
}

export function isDataDirLocked(dataDir: string): boolean {
  try {
    return lockfile.checkSync(dataDir, { stale: 4000, lockfilePath: path.join(dataDir, 'mercato.lock') });
  } catch {
    return false;
  }
}

export function writeServerInfo(dataDir: string, info: ServerInfo): void {
  // Readable by this user only: it holds the CLI token of the running server.
  writeFileSync(infoPath(dataDir), JSON.stringify(info), { mode: 0o600 });
}

export function readServerInfo(dataDir: string): ServerInfo | null {
  try {
    return JSON.parse(readFileSync(infoPath(dataDir), 'utf8')) as ServerInfo;
  } catch {
    return null;
  }
}
