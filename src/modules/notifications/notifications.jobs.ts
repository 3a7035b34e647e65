// The pipeline's workers (NTF-8/9): one fan-out loop and one send loop per channel (a slow webhook
// endpoint never holds up email). Each loop runs batches back to back while there is work and
// polls briefly when idle; a fan-out or a reset wakes the send loops at once. Work is claimed
// with FOR UPDATE SKIP LOCKED, so any number of worker processes can run these loops.
import type { Logger } from '../../platform/logger.ts';
import type { DeliveryChannel } from './channel.ts';
import type { NotificationsService } from './notifications.service.ts';

/** Idle poll: how soon an event published by another process is picked up. */
export const NOTIFICATIONS_POLL_MS = 200;

export function startNotificationsWorkers(o: {
  notifications: NotificationsService;
  log: Logger;
  pollMs?: number;
}): { stop(): Promise<void> } {
  const pollMs = o.pollMs ?? NOTIFICATIONS_POLL_MS;
  let stopped = false;
  const sleepers = new Set<() => void>();
  const wakeAll = () => {
    for (const s of [...sleepers]) s();
  };
  const unsubscribe = o.notifications.onWake(wakeAll);

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  }

  async function loop(name: string, step: () => Promise<number>) {
    while (!stopped) {
      let n = 0;
      try {
        n = await step();
      } catch (err) {
        if (stopped) break;
        o.log.error({ err, loop: name }, 'notification worker step failed');
        await sleep(1000);
        continue;
      }
      if (n === 0 && !stopped) await sleep(pollMs);
    }
  }

  const loops: Promise<void>[] = [loop('fan-out', () => o.notifications.fanOutBatch())];
  const running = new Set<DeliveryChannel>();
  const startChannelLoops = () => {
    for (const c of o.notifications.channels()) {
      if (running.has(c)) continue;
      running.add(c);
      loops.push(loop(`send:${c}`, () => o.notifications.sendBatch(c)));
    }
  };
  startChannelLoops();
  // A channel registered after start (composition order) gets its loop on the next wake.
  const channelCheck = setInterval(startChannelLoops, 1000);
  channelCheck.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(channelCheck);
      unsubscribe();
      wakeAll();
      await Promise.all(loops);
    },
  };
}
