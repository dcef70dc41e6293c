/** Where services read the time from, so rules can be tested at any instant. */
export interface Clock {
  now(): Date;
}

/** The wall clock used in production. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move; it follows real time from the instant it was set. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  constructor(start?: Date) {
    if (start) this.set(start);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
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
