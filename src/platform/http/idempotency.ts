// A request repeated with the same Idempotency-Key does its work once and answers the same.
// The key row is written in the same transaction as the work, so the work exists if and only if
// the key does.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.ts';
import { idempotencyKeys } from '../db/platform.tables.ts';
import { AppError } from '../errors.ts';

export type StoredResponse<B> = { status: number; body: B };

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url');
}

export async function runIdempotent<B>(
  db: Db,
  scope: string,
  key: string | undefined,
  request: unknown,
  work: (tx: Tx) => Promise<StoredResponse<B>>,
): Promise<StoredResponse<B> & { replayed: boolean }> {
  if (key !== undefined && (key.length < 1 || key.length > 200)) {
    throw new AppError('invalid', 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 200 characters.');
  }
  const hash = requestHash(request);
  const stored = async (): Promise<(StoredResponse<B> & { replayed: boolean }) | null> => {
    if (key === undefined) return null;
    const [prior] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
      .limit(1);
    if (!prior) return null;
    if (prior.requestHash !== hash) {
      throw new AppError(
        'conflict',
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
      );
    }
    return { status: prior.status, body: prior.body as B, replayed: true };
  };
  // A retry usually comes after the first answer: replay it without opening a transaction.
  const earlier = await stored();
  if (earlier) return earlier;
  try {
    return await db.transaction(async (tx) => {
      const res = await work(tx);
      if (key !== undefined) {
        // The key row is written last, with the answer. A concurrent duplicate waits here on the
        // key's unique index until the first commits, then finds the key taken and rolls back all
        // of its work, and the caller replays the first answer.
        const inserted = await tx
          .insert(idempotencyKeys)
          .values({ scope, key, requestHash: hash, status: res.status, body: res.body as never })
          .onConflictDoNothing()
          .returning({ key: idempotencyKeys.key });
        if (inserted.length === 0) throw new DuplicateRequest();
      }
      return { ...res, replayed: false };
    });
  } catch (err) {
    if (!(err instanceof DuplicateRequest)) throw err;
    const first = await stored();
    if (!first) throw err;
    return first;
  }
}

class DuplicateRequest extends Error {}
