/**
 * Every Redis command the bot process sends, by name, and the round trips they take: ioredis's
 * `sendCommand` is where every client of the process passes (the bot's own, BullMQ's, the
 * hot-state subscriber), a pipeline's or MULTI's commands included. A command sent alone is
 * one round trip; the commands of one pipeline (or MULTI … EXEC) share one. Nothing is sent:
 * the watch only counts what the bot sends anyway.
 */
import { Redis } from 'ioredis';

/** What ioredis hands `sendCommand`: the command, and for a pipeline the stream it writes into. */
type SendCommand = (this: Redis, command: { name: string }, stream?: object) => unknown;

/** Counts the process's Redis commands while watching. */
export class RedisWatch {
  readonly commands = new Map<string, number>();
  roundTrips = 0;
  private watching = false;
  private readonly pipelines = new WeakSet<object>();

  /** Patches ioredis for the whole process (once). */
  attach(): void {
    const proto = Redis.prototype as unknown as { sendCommand: SendCommand; __benchRedisWatch?: boolean };
    if (proto.__benchRedisWatch) return;
    proto.__benchRedisWatch = true;
    const original = proto.sendCommand;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the patched method needs both the client (this) and the watch
    const watch = this;
    proto.sendCommand = function (this: Redis, command, stream) {
      if (watch.watching) watch.note(command.name, stream);
      return original.call(this, command, stream);
    };
  }

  /** Starts counting from zero. */
  start(): void {
    this.commands.clear();
    this.roundTrips = 0;
    this.watching = true;
  }

  private note(name: string, stream: object | undefined): void {
    this.commands.set(name, (this.commands.get(name) ?? 0) + 1);
    if (!stream) this.roundTrips++;
    else if (!this.pipelines.has(stream)) {
      this.pipelines.add(stream);
      this.roundTrips++;
    }
  }
}
