/** Where services read the time from, so rules can be tested at any instant. */
export interface Clock {
  now(): Date;
  /**
   * What this clock showed at the real instant `real`. Platforms stamp messages in real time; the
   * pipeline judges them on the bot's clock, which is a simulated one in a fast demo or test.
   * Computed from `real` alone, so a message stamped the instant a clock was set reads that instant.
   */
  at(real: Date): Date;
  /** Real milliseconds until this clock shows `at` (0 when it already has); delays of planned jobs use it. */
  msUntil(at: Date): number;
  /** Clock milliseconds that pass in one real millisecond: 1, or a simulated clock's speed. */
  readonly speed: number;
}

/** The wall clock used in production. */
export const systemClock: Clock = {
  now: () => new Date(),
  at: (real) => new Date(real.getTime()),
  msUntil: (at) => Math.max(0, at.getTime() - Date.now()),
  speed: 1,
};

/** How many real milliseconds pass between two readings of `clock` (`to` − `from`). */
export function realMsBetween(clock: Clock, from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / clock.speed;
}

/** A clock tests can set and move; it follows real time from the instant it was set. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  readonly speed = 1;

  constructor(start?: Date) {
    if (start) this.set(start);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  at(real: Date): Date {
    return new Date(real.getTime() + this.offsetMs);
  }

  msUntil(at: Date): number {
    return Math.max(0, at.getTime() - this.now().getTime());
  }

  /** Makes `now()` read `at` from this moment on. */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  /** Moves the clock forward by `ms`. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/**
 * A simulated clock that shows `start` at the real instant `anchorMs` and runs `speed` times
 * faster than real time. Several processes given the same three values share one time line,
 * so a whole cohort (reminders, closings) can be run in seconds for demos and tests.
 */
export class ScaledClock implements Clock {
  constructor(
    readonly start: Date,
    readonly anchorMs: number,
    readonly speed: number,
  ) {}

  now(): Date {
    return this.at(new Date());
  }

  at(real: Date): Date {
    return new Date(this.start.getTime() + (real.getTime() - this.anchorMs) * this.speed);
  }

  msUntil(at: Date): number {
    return Math.max(0, (at.getTime() - this.now().getTime()) / this.speed);
  }

  /** The SIMULATED_CLOCK form of this clock: `<ISO start>@<anchor ms>x<speed>`. */
  toString(): string {
    return `${this.start.toISOString()}@${this.anchorMs}x${this.speed}`;
  }
}

/** Builds the process clock: the wall clock, or the simulated one SIMULATED_CLOCK describes. */
export function clockFrom(simulated: string | undefined): Clock {
  if (!simulated) return systemClock;
  const m = /^(.+)@(\d+)x(\d+(?:\.\d+)?)$/.exec(simulated);
  const start = m ? new Date(m[1]!) : new Date(Number.NaN);
  if (!m || Number.isNaN(start.getTime())) throw new Error(`SIMULATED_CLOCK must look like 2027-03-01T08:00:00+08:00@<anchor ms>x<speed>`);
  return new ScaledClock(start, Number(m[2]), Number(m[3]));
}
