// Identifiers (DESIGN "IDs"): internal ids are prefixed and time-sortable (`ord_01J...`);
// public, SP-API-shaped ids (`503-1234567-1234567`) are generated beside them.
import { randomBytes, randomInt } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import type { Clock } from './clock.ts';

export interface Ids {
  /** A prefixed, time-sortable id, e.g. `ord_01JD3...`. */
  next(prefix: string): string;
  /** An SP-API order id in the 3-7-7 digit format. */
  amazonOrderId(): string;
  /** A 14-digit SP-API OrderItemId. */
  orderItemId(): string;
  /** An unguessable random token (base64url) with an optional prefix. */
  token(prefix?: string, bytes?: number): string;
}

function digits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += randomInt(10).toString();
  return s;
}

export function createIds(clock: Clock): Ids {
  const ulid = monotonicFactory();
  return {
    next: (prefix) => `${prefix}_${ulid(clock.now().getTime())}`,
    // 503 is a marketplace-neutral first group; the two groups are random so ids reveal no volume.
    amazonOrderId: () => `503-${digits(7)}-${digits(7)}`,
    orderItemId: () => `${randomInt(1, 10)}${digits(13)}`,
    token: (prefix = '', bytes = 32) => `${prefix}${randomBytes(bytes).toString('base64url')}`,
  };
}

/** Deterministic ids for tests: counters instead of randomness. */
export function createSequentialIds(): Ids {
  let n = 0;
  const pad = (v: number, w: number) => v.toString().padStart(w, '0');
  return {
    next: (prefix) => `${prefix}_${pad(++n, 26)}`,
    amazonOrderId: () => {
      const v = ++n;
      return `503-${pad(Math.floor(v / 1e7) % 1e7, 7)}-${pad(v % 1e7, 7)}`;
    },
    orderItemId: () => `1${pad(++n, 13)}`,
    token: (prefix = '') => `${prefix}tok${pad(++n, 20)}`,
  };
}
