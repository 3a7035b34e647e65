// The scheduled side of notifications: the NTF-6 digest flush and the other weekly/periodic
// producers (NTF-5 out-of-stock report, wired by the composition root) run every minute, at
// start (what fell due while no worker ran), and at once when the sandbox clock moves (API-4).
// Each task is idempotent (unique window keys, dedupe keys), so two workers or a re-run are safe.
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';

export const NOTIFICATION_SCHEDULE_INTERVAL_MS = 60_000;

export type ScheduledTask = { name: string; run(now: Date): Promise<unknown> };

export function createNotificationSchedule(o: { clock: Clock; log: Logger; tasks: ScheduledTask[] }) {
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function runAll(): Promise<void> {
    // One run at a time in this process; a clock move during a run waits for it, then runs again
    // with the new time, so nothing due at the new time is missed.
    while (running) await running;
    running = (async () => {
      for (const task of o.tasks) {
        try {
          const r = await task.run(o.clock.now());
          o.log.debug({ task: task.name, result: r }, 'notification schedule');
        } catch (err) {
          o.log.error({ err, task: task.name }, 'notification schedule task failed');
        }
      }
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  }

  return {
    runAll,
    start(intervalMs = NOTIFICATION_SCHEDULE_INTERVAL_MS) {
      void runAll();
      timer = setInterval(() => void runAll(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
