// A request repeated with the same Idempotency-Key does its work once and answers the same.
// The key row is inserted first in the same transaction as the work: a concurrent duplicate waits
// on the key's unique index until the first commits, then replays its stored answer.
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
  return db.transaction(async (tx) => {
    if (key !== undefined) {
      const inserted = await tx
        .insert(idempotencyKeys)
        .values({ scope, key, requestHash: hash, status: 0, body: {} })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length === 0) {
        const [prior] = await tx
          .select()
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
          .limit(1);
        if (prior && prior.requestHash !== hash) {
          throw new AppError(
            'conflict',
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
          );
        }
        if (prior) return { status: prior.status, body: prior.body as B, replayed: true };
      }
    }
    const res = await work(tx);
    if (key !== undefined) {
      await tx
        .update(idempotencyKeys)
        .set({ status: res.status, body: res.body as never })
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    }
    return { ...res, replayed: false };
  });
}
