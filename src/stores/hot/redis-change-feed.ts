import { randomUUID } from 'node:crypto';
import { Cluster } from 'ioredis';
import type { RedisClient } from '../../queue/redis-connection';
import type { Logger } from '../../kernel/logger';
import { reviveChanges, type ChangeFeed, type HotChange } from './hot-change';
import { HotState } from './hot-state';

/**
 * Changes over Redis pub/sub on `<prefix>:hot-state`. Publishes of one tick go out as one
 * message. Pub/sub does not keep messages for a subscriber that was disconnected, so every
 * reconnection reports a gap and the hot state starts over from the database.
 */
export class RedisChangeFeed implements ChangeFeed {
  private readonly origin = randomUUID();
  private readonly channel: string;
  private pending: HotChange[] = [];
  private subscriber: RedisClient | null = null;
  private lastSend: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly redis: RedisClient,
    prefix: string,
    private readonly log?: Logger,
  ) {
    this.channel = `${prefix}:hot-state`;
  }

  publish(changes: HotChange[]): void {
    if (changes.length === 0) return;
    if (this.pending.length === 0) queueMicrotask(() => this.send());
    this.pending.push(...changes);
  }

  private send(): void {
    const changes = this.pending;
    this.pending = [];
    this.lastSend = this.redis.publish(this.channel, JSON.stringify({ origin: this.origin, changes })).catch((err: unknown) => {
      // Others keep their state until its age runs out; say so rather than fail the write.
      this.log?.warn({ err, channel: this.channel }, 'hot-state change not published');
    });
  }

  async subscribe(onChanges: (changes: HotChange[]) => void, onGap: () => void): Promise<void> {
    const sub: RedisClient = this.redis instanceof Cluster ? this.redis.duplicate(undefined, { lazyConnect: true }) : this.redis.duplicate({ lazyConnect: true });
    this.subscriber = sub;
    let connectedBefore = false;
    sub.on('ready', () => {
      if (connectedBefore) onGap();
      connectedBefore = true;
    });
    sub.on('error', (err: unknown) => this.log?.debug({ err }, 'hot-state subscriber error'));
    sub.on('message', (_channel: string, text: string) => {
      try {
        const parsed = JSON.parse(text) as { origin?: string; changes?: unknown };
        if (parsed.origin === this.origin) return;
        onChanges(reviveChanges(parsed.changes));
      } catch (err) {
        this.log?.warn({ err }, 'unreadable hot-state change; starting over');
        onGap();
      }
    });
    await sub.connect();
    await sub.subscribe(this.channel);
  }

  async close(): Promise<void> {
    if (this.pending.length > 0) this.send();
    await this.lastSend;
    const sub = this.subscriber;
    this.subscriber = null;
    if (sub) sub.disconnect();
  }
}

/** A process's hot state on the feed `<prefix>:hot-state`, listening before it returns (when it keeps state). */
export async function startHotState(redis: RedisClient, prefix: string, log: Logger | undefined, options: { cache: boolean; keepWarmMs?: number }): Promise<HotState> {
  const hot = new HotState(new RedisChangeFeed(redis, prefix, log), options);
  await hot.listen();
  return hot;
}
