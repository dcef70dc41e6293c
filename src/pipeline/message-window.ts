import type { RedisClient } from '../queue/redis-connection';
import type { ChatEvent } from '../platform/chat-event';
import type { Config } from '../kernel/load-config';

/** Counts a message in its bucket and gives a new bucket its expiry, in one command. */
const COUNT_IN_BUCKET = "local n = redis.call('incr', KEYS[1]) if n == 1 then redis.call('expire', KEYS[1], ARGV[1]) end return n";

/** A group message counted in its sender's window: the bucket, and the count with it in. */
export interface WindowCount {
  key: string;
  count: Promise<number>;
}

/** The counter a group message is counted in, and the seconds it lives (two windows). */
export interface WindowBucket {
  key: string;
  ttlSeconds: number;
}

/** The bucket of a group message in its sender's FLOOD_WINDOW_SECONDS window; null for anything that is not a group message. */
export function windowBucket(config: Config, event: ChatEvent, now: Date): WindowBucket | null {
  if (event.type !== 'message' || event.conversation.kind !== 'group') return null;
  const window = config.FLOOD_WINDOW_SECONDS;
  const bucket = Math.floor(now.getTime() / (window * 1000));
  return { key: `${config.QUEUE_PREFIX}:flood:${event.platform}:${event.conversation.id}:${event.sender.id}:${bucket}`, ttlSeconds: window * 2 };
}

/**
 * Counts a group message in its sender's FLOOD_WINDOW_SECONDS window (what flood control reads,
 * SPEC §3.7); null for anything that is not a group message. The counter expires after two windows.
 */
export function countInWindow(redis: RedisClient, config: Config, event: ChatEvent, now: Date): WindowCount | null {
  const bucket = windowBucket(config, event, now);
  if (!bucket) return null;
  const count = redis.eval(COUNT_IN_BUCKET, 1, bucket.key, bucket.ttlSeconds).then(Number);
  // Read later (or never, for a duplicate): a failure surfaces where the count is read.
  count.catch(() => undefined);
  return { key: bucket.key, count };
}
