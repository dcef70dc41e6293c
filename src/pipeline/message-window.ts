import type { RedisClient } from '../queue/redis-connection';
import type { ChatEvent } from '../platform/chat-event';
import type { Config } from '../kernel/load-config';

/** Counts a message in its bucket and gives a new bucket its expiry, in one command. */
const COUNT_IN_BUCKET = "local n = redis.call('incr', KEYS[1]) if n == 1 then redis.call('expire', KEYS[1], ARGV[1]) end return n";

/** Takes one message back out of a bucket that still exists (an expired one is not made again, without an expiry). */
const UNCOUNT_IN_BUCKET = "if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0";

/** A group message counted in its sender's window: the bucket, and the count with it in. */
export interface WindowCount {
  key: string;
  count: Promise<number>;
}

/**
 * Counts a group message in its sender's FLOOD_WINDOW_SECONDS window (what flood control reads,
 * SPEC §3.7); null for anything that is not a group message. The counter expires after two windows.
 */
export function countInWindow(redis: RedisClient, config: Config, event: ChatEvent, now: Date): WindowCount | null {
  if (event.type !== 'message' || event.conversation.kind !== 'group') return null;
  const window = config.FLOOD_WINDOW_SECONDS;
  const bucket = Math.floor(now.getTime() / (window * 1000));
  const key = `${config.QUEUE_PREFIX}:flood:${event.platform}:${event.conversation.id}:${event.sender.id}:${bucket}`;
  const count = redis.eval(COUNT_IN_BUCKET, 1, key, window * 2).then(Number);
  // Read later (or never, for a duplicate): a failure surfaces where the count is read.
  count.catch(() => undefined);
  return { key, count };
}

/** Takes a counted message back out of its window (a duplicate delivery of an event counted once already). */
export async function uncount(redis: RedisClient, counted: WindowCount): Promise<void> {
  await counted.count;
  await redis.eval(UNCOUNT_IN_BUCKET, 1, counted.key);
}
