import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { useSession } from '../../app/session';

export interface SandboxClock {
  enabled: boolean;
  now: string;
  offsetMs: number;
}

export const sandboxClockKey = ['sandbox', 'clock'] as const;

/** The sandbox clock, polled so the header stays current; disabled outside sandbox mode. */
export function useSandboxClock() {
  const session = useSession();
  return useQuery({
    queryKey: sandboxClockKey,
    queryFn: ({ signal }) => api.get<SandboxClock>('/api/sandbox/clock', signal),
    enabled: session.sandbox.enabled,
    initialData: { enabled: session.sandbox.enabled, now: session.sandbox.now, offsetMs: 0 },
    initialDataUpdatedAt: 0,
    refetchInterval: 30_000,
  });
}

/** "Now" for the rules the UI shows (late shipments, default ship date): the sandbox time in sandbox mode. */
export function useNow(): Date {
  const clock = useSandboxClock();
  return clock.data.enabled ? new Date(clock.data.now) : new Date();
}

export const advanceChoices = ['PT1H', 'P1D', 'P7D', 'P8D'] as const;
export type AdvanceBy = (typeof advanceChoices)[number];

export function useAdvanceClock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (by: AdvanceBy) => api.post<SandboxClock>('/api/sandbox/clock/advance', { by }),
    onSuccess: async (clock) => {
      queryClient.setQueryData(sandboxClockKey, clock);
      // Time moved: statuses, deadlines and alerts may all have changed.
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== 'session' && query.queryKey[0] !== 'sandbox',
      });
    },
  });
}
