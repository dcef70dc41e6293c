import type { Logger } from './logger';
import { runHealthChecks, type HealthCheck } from './health-server';

/** How often the watch probes the dependencies and the pipeline. */
const PROBE_EVERY_MS = 2_000;
/** While a dependency stays away, how often the watch says so again. */
const REMIND_EVERY_MS = 30_000;

/** What the watch looks after. */
export interface LivenessWatchOptions {
  /** The services the process cannot work without (Redis, MongoDB), each as a health check. */
  dependencies: Record<string, HealthCheck>;
  /** How long a dependency may stay unreachable before the process gives up. */
  outageLimitMs: number;
  /** How long the oldest event in the pipeline has been running (null when none is); absent for processes without one. */
  oldestEventMs?: () => number | null;
  /** How long one event may be in the pipeline before the process counts itself stuck (with `oldestEventMs`). */
  stallLimitMs?: number;
  log: Logger;
  /** Called once, with one line saying why, when an outage or a stuck event outlasted its bound. */
  onGiveUp: (reason: string) => void;
  probeEveryMs?: number;
  now?: () => number;
}

/**
 * Keeps a long-running process from staying up and deaf. Every few seconds it probes the
 * dependencies: the first failure is logged once (then a reminder every 30 s while it lasts),
 * the return once with how long the outage lasted, and an outage longer than `outageLimitMs`
 * gives up. It also reads the age of the oldest event in the pipeline: one older than
 * `stallLimitMs` (a promise that never settles) gives up too. Giving up happens once, through
 * `onGiveUp`, which logs the fatal line and exits non-zero so the supervisor restarts the
 * process. The same state answers /healthz (`pipeline` check), so a stuck bot is unhealthy
 * before it exits.
 */
export class LivenessWatch {
  private readonly downSince = new Map<string, { since: number; remindedAt: number; error: string }>();
  private timer: NodeJS.Timeout | null = null;
  private probing = false;
  private gaveUp = false;
  private readonly now: () => number;

  constructor(private readonly options: LivenessWatchOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Starts probing. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.probe(), this.options.probeEveryMs ?? PROBE_EVERY_MS);
    this.timer.unref();
  }

  /** Stops probing (at shutdown). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The /healthz check of the pipeline: fails while an event has been running longer than the stall bound. */
  pipelineCheck(): HealthCheck {
    return async () => {
      const age = this.stalledFor();
      if (age !== null) throw new Error(`an event has been in the pipeline for ${Math.round(age / 1000)} s`);
    };
  }

  /** Runs one round of probes now (the timer calls it; tests call it with their own clock). */
  async probe(): Promise<void> {
    if (this.probing || this.gaveUp) return;
    this.probing = true;
    try {
      const report = await runHealthChecks(this.options.dependencies);
      const now = this.now();
      for (const [name, result] of Object.entries(report.checks)) this.track(name, result.ok, result.error ?? '', now);
      const age = this.stalledFor();
      if (age !== null) {
        this.giveUp(`an event has been in the pipeline for ${Math.round(age / 1000)} s (EVENT_STALL_SECONDS ${Math.round((this.options.stallLimitMs ?? 0) / 1000)}); the process is stuck`);
      }
    } finally {
      this.probing = false;
    }
  }

  /** The age of the oldest event when it is past the stall bound, else null. */
  private stalledFor(): number | null {
    const { oldestEventMs, stallLimitMs } = this.options;
    const age = oldestEventMs?.() ?? null;
    return age !== null && stallLimitMs !== undefined && age > stallLimitMs ? age : null;
  }

  private track(name: string, ok: boolean, error: string, now: number): void {
    const { log, outageLimitMs } = this.options;
    const down = this.downSince.get(name);
    if (ok) {
      if (down) {
        this.downSince.delete(name);
        log.info({ dependency: name, outageSeconds: Math.round((now - down.since) / 1000) }, `${name} is reachable again`);
      }
      return;
    }
    if (!down) {
      this.downSince.set(name, { since: now, remindedAt: now, error });
      log.warn({ dependency: name, error, limitSeconds: Math.round(outageLimitMs / 1000) }, `${name} is unreachable; waiting for it to come back`);
      return;
    }
    down.error = error;
    if (now - down.since > outageLimitMs) {
      this.giveUp(`${name} has been unreachable for ${Math.round((now - down.since) / 1000)} s (OUTAGE_LIMIT_SECONDS ${Math.round(outageLimitMs / 1000)}): ${error}`);
      return;
    }
    if (now - down.remindedAt >= REMIND_EVERY_MS) {
      down.remindedAt = now;
      log.warn({ dependency: name, error, downSeconds: Math.round((now - down.since) / 1000) }, `${name} is still unreachable`);
    }
  }

  private giveUp(reason: string): void {
    if (this.gaveUp) return;
    this.gaveUp = true;
    this.stop();
    this.options.onGiveUp(reason);
  }
}
