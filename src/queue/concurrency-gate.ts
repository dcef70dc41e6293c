/**
 * At most `limit` runs at once, the others waiting their turn in arrival order. The outbox
 * worker holds more jobs than it sends at once (so the next ones are already fetched while
 * these are sent), and this keeps its sends, with the budget taken for each, to `limit`.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`a gate needs a limit of at least 1, not ${limit}`);
  }

  /** Runs `task` once a place is free, and frees it when `task` settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The place passes straight to the next in line, so `running` never drops below what runs.
      if (next) next();
      else this.running--;
    }
  }
}
