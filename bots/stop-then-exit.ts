import type { Logger } from '../src/kernel/logger';

/** How long a process that gives up waits for its orderly stop before it exits anyway. */
export const GIVE_UP_STOP_MS = 10_000;

/**
 * Ends a process that gave up (a lost platform session, a dependency away too long, a stuck
 * event): runs its orderly stop for at most GIVE_UP_STOP_MS, then `exit(1)` so the restart
 * policy starts it again. Without `exit` (in-process tests) it only stops.
 */
export function stopThenExit(stop: () => Promise<void>, log: Logger, exit?: (code: number) => void): void {
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, GIVE_UP_STOP_MS).unref());
  void Promise.race([stop(), deadline])
    .catch((err: unknown) => log.error({ err }, 'stop after giving up failed'))
    .finally(() => exit?.(1));
}
