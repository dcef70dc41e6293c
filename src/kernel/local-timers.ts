import { rename, writeFile } from 'node:fs/promises';
import { schedule, type ScheduledTask } from 'node-cron';
import type { Logger } from './logger';

/** Cron pattern of a timer that fires at the start of every minute. */
export const EVERY_MINUTE = '* * * * *';

/**
 * One periodic task that belongs to this process alone (an in-memory sweep, a file check, a
 * liveness mark): nothing durable, nothing another process should run. Durable schedules are
 * BullMQ jobs; these must not go through Redis, so that they keep running when Redis is down.
 */
export interface LocalTimer {
  /** Names the timer in logs. */
  name: string;
  /** node-cron pattern, seconds optional (`EVERY_MINUTE`). */
  pattern: string;
  /** Also run once as the timers start (a heartbeat should not wait a minute for its first mark). */
  runAtStart?: boolean;
  run(): void | Promise<void>;
}

/** The started timers of one process. */
export interface LocalTimers {
  /** node-cron's tasks, one per timer, for inspection. */
  readonly tasks: readonly ScheduledTask[];
  /** Stops every timer and waits for runs in progress; the process's shutdown calls it first. */
  stop(): Promise<void>;
}

/**
 * Starts the process-local timers on node-cron. A run never overlaps the previous run of the
 * same timer, and a failing run is logged and does not stop the timer. The timers do not keep
 * the process alive on their own.
 */
export function startLocalTimers(timers: readonly LocalTimer[], log: Logger): LocalTimers {
  const running = new Set<Promise<void>>();
  const cronLog = {
    info: (message: string) => log.debug({ source: 'node-cron' }, message),
    warn: (message: string) => log.warn({ source: 'node-cron' }, message),
    error: (message: string | Error, err?: Error) => log.error({ source: 'node-cron', err: err ?? message }, 'node-cron error'),
    debug: (message: string | Error) => log.debug({ source: 'node-cron' }, String(message)),
  };
  const runOnce = (timer: LocalTimer): Promise<void> => {
    const run = (async () => {
      try {
        await timer.run();
      } catch (err) {
        log.error({ err, timer: timer.name }, 'local timer failed');
      }
    })();
    running.add(run);
    void run.finally(() => running.delete(run));
    return run;
  };
  const tasks = timers.map((timer) =>
    schedule(timer.pattern, () => runOnce(timer), { name: timer.name, noOverlap: true, unref: true, logger: cronLog }),
  );
  for (const timer of timers) if (timer.runAtStart) void runOnce(timer);
  return {
    tasks,
    async stop() {
      for (const task of tasks) await task.destroy();
      await Promise.all([...running]);
    },
  };
}

/**
 * A timer that marks this process alive every minute: it writes the current time (ISO 8601)
 * to `file` when one is configured (HEARTBEAT_FILE), so a container healthcheck can tell a live
 * process from a hung one by the file's age, and logs the mark at debug level either way. The
 * file is replaced atomically: a reader never sees it half written.
 */
export function heartbeatTimer(file: string | undefined, log: Logger, now: () => Date = () => new Date()): LocalTimer {
  return {
    name: 'heartbeat',
    pattern: EVERY_MINUTE,
    runAtStart: true,
    async run() {
      const at = now().toISOString();
      if (file) {
        const partial = `${file}.${process.pid}.tmp`;
        await writeFile(partial, `${at}\n`);
        await rename(partial, file);
      }
      log.debug({ at }, 'heartbeat');
    },
  };
}
