// API-4: the sandbox clock is real time plus an offset kept in the database, so API processes,
// workers and the CLI all see the same sandbox time. Each process caches the offset and refreshes
// it every second; the process that advances it applies the change at once and tells listeners
// (sweeps that became due run immediately instead of at the next schedule tick).
import { eq, sql } from 'drizzle-orm';
import type { OffsetClock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { sandboxClock } from './sandbox.tables.ts';

export type ClockAdvanced = { previous: Date; now: Date; byMs: number };
export type ClockListener = (e: ClockAdvanced) => Promise<void> | void;

export function createSandboxClock(db: Db, clock: OffsetClock) {
  const listeners: ClockListener[] = [];
  let timer: NodeJS.Timeout | undefined;

  async function readOffset(): Promise<number> {
    const [row] = await db.select().from(sandboxClock).where(eq(sandboxClock.id, 1)).limit(1);
    return row?.offsetMs ?? 0;
  }

  return {
    clock,
    async load(): Promise<void> {
      clock.setOffset(await readOffset());
    },
    /** Moves sandbox time forward by `ms` (never backwards: deadlines already passed stay passed). */
    async advance(ms: number): Promise<ClockAdvanced> {
      const previous = clock.now();
      const [row] = await db
        .insert(sandboxClock)
        .values({ id: 1, offsetMs: ms })
        .onConflictDoUpdate({
          target: sandboxClock.id,
          set: { offsetMs: sql`${sandboxClock.offsetMs} + ${ms}`, updatedAt: sql`now()` },
        })
        .returning({ offsetMs: sandboxClock.offsetMs });
      clock.setOffset(Math.max(clock.offset, row?.offsetMs ?? ms));
      const event = { previous, now: clock.now(), byMs: ms };
      for (const l of listeners) await l(event);
      return event;
    },
    onAdvance(listener: ClockListener): void {
      listeners.push(listener);
    },
    /** Keeps this process's view of the offset fresh (another process may advance it). */
    startRefreshing(intervalMs = 1000): void {
      timer = setInterval(() => {
        readOffset()
          .then(async (ms) => {
            const previous = clock.now();
            const before = clock.offset;
            // Sandbox time only moves forward. A read that started before this process advanced
            // the clock may finish after it: applying it would move time back under the sweeps.
            if (ms <= before) return;
            clock.setOffset(ms);
            // Another process (e.g. `mercato clock advance`) moved the clock: run the due sweeps here.
            const event = { previous, now: clock.now(), byMs: ms - before };
            for (const l of listeners) await l(event);
          })
          .catch(() => undefined);
      }, intervalMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
    },
  };
}

export type SandboxClock = ReturnType<typeof createSandboxClock>;
