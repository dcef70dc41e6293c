import type { BoardTiming } from '../../src/pipeline/live-board';

/** A clock the test moves and timers the test fires, so a board test never waits on real time. */
export function manualTiming() {
  let now = 1_000_000;
  const timers: { refresh: () => Promise<void>; at: number; cancelled: boolean }[] = [];
  const timing: BoardTiming = {
    now: () => now,
    schedule(refresh, ms) {
      const timer = { refresh, at: now + ms, cancelled: false };
      timers.push(timer);
      return { cancel: () => (timer.cancelled = true) };
    },
  };
  return {
    timing,
    advance(ms: number) {
      now += ms;
    },
    pending: () => timers.filter((t) => !t.cancelled),
    /** Fires every timer that is due, as setTimeout would, and waits for the refreshes they started. */
    async fireDue() {
      const due = timers.filter((t) => !t.cancelled && t.at <= now);
      for (const t of due) t.cancelled = true;
      await Promise.all(due.map((t) => t.refresh()));
      return due.length;
    },
  };
}
