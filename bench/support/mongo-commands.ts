/** Counts the MongoDB commands a connection sends (driver command monitoring), by command name. */
import type { Connection } from 'mongoose';

/** A running count of commands started on one connection's client. */
export class CommandCounter {
  readonly byName = new Map<string, number>();
  private counting = false;

  /** Listens on `conn`'s client; it must have been opened with `monitorCommands: true`. */
  constructor(conn: Connection) {
    conn.getClient().on('commandStarted', (event: { commandName: string }) => {
      if (this.counting) this.byName.set(event.commandName, (this.byName.get(event.commandName) ?? 0) + 1);
    });
  }

  /** Clears the counts and starts counting. */
  start(): void {
    this.byName.clear();
    this.counting = true;
  }

  /** Stops counting and returns the counts (name → commands). */
  stop(): Record<string, number> {
    this.counting = false;
    return Object.fromEntries([...this.byName].sort((a, b) => b[1] - a[1]));
  }

  /** Commands counted so far, all names together. */
  get total(): number {
    let n = 0;
    for (const v of this.byName.values()) n += v;
    return n;
  }
}
