import type { RedisClient } from '../../queue/redis-connection';
import type { ChatEvent } from '../../platform/chat-event';
import type { Middleware } from '../compose';
import type { ChatContext } from '../chat-context';

const PROCESSING_TTL_MS = 60_000;
const DONE_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Takes an event's mark (KEYS[1]) and counts the message in its flood-window counter (KEYS[2])
 * in one command: -1 when the mark was held already (a duplicate, not counted), else the count.
 * A counter that cannot be counted gives the mark back and fails, as if nothing had run.
 */
const MARK_AND_COUNT =
  "if not redis.call('set', KEYS[1], 'processing', 'PX', ARGV[1], 'NX') then return -1 end " +
  "local n = redis.pcall('incr', KEYS[2]) " +
  "if type(n) == 'table' then redis.call('del', KEYS[1]) return n end " +
  "if n == 1 then redis.call('expire', KEYS[2], ARGV[2]) end return n";

/**
 * Handles each platform event id once. The key is taken while the event is processed and
 * kept as done afterwards; if processing fails the key is released, so a redelivery retries.
 * A group message is counted in its sender's flood window by the command that takes the mark
 * (a duplicate is not counted), so the two cost one command.
 */
export const dedupe: Middleware = async (ctx, next) => {
  const { redis, config } = ctx.deps;
  const key = seenKey(config.QUEUE_PREFIX, ctx.event);
  if (!(await takeMark(ctx, key))) {
    ctx.log.debug('duplicate event dropped');
    return;
  }
  try {
    await next();
  } catch (err) {
    await redis.del(key);
    throw err;
  }
  await markDone(redis, key);
};

/** Marks events done (KEYS), each for DONE_TTL_SECONDS (ARGV[1]), in one command. */
const MARK_DONE = "for _, key in ipairs(KEYS) do redis.call('set', key, 'done', 'EX', ARGV[1]) end return #KEYS";

/** Done marks asked for in this tick on one connection, with who waits for them. */
interface DoneBatch {
  keys: string[];
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
}

const doneBatches = new WeakMap<RedisClient, DoneBatch>();

/**
 * Marks an event done. The marks asked for in one tick go out together at its end as one
 * command (the events one batch of replies wakes finish together); one alone is a plain SET.
 * Every key starts with the prefix, one hash tag on a cluster, so the script stays in one slot.
 */
function markDone(redis: RedisClient, key: string): Promise<void> {
  let batch = doneBatches.get(redis);
  if (!batch) {
    const fresh: DoneBatch = { keys: [], waiters: [] };
    doneBatches.set(redis, fresh);
    process.nextTick(() => {
      doneBatches.delete(redis);
      const { keys, waiters } = fresh;
      const sent = keys.length === 1 ? redis.set(keys[0]!, 'done', 'EX', DONE_TTL_SECONDS) : redis.eval(MARK_DONE, keys.length, ...keys, DONE_TTL_SECONDS);
      sent.then(
        () => waiters.forEach((w) => w.resolve()),
        (err: unknown) => waiters.forEach((w) => w.reject(err)),
      );
    });
    batch = fresh;
  }
  const { keys, waiters } = batch;
  return new Promise((resolve, reject) => {
    keys.push(key);
    waiters.push({ resolve, reject });
  });
}

/** Takes the event's mark, counting a group message in its flood window with it; false for a duplicate. */
async function takeMark(ctx: ChatContext, key: string): Promise<boolean> {
  const { redis } = ctx.deps;
  const bucket = ctx.windowBucket();
  if (!bucket) return (await redis.set(key, 'processing', 'PX', PROCESSING_TTL_MS, 'NX')) !== null;
  const count = Number(await redis.eval(MARK_AND_COUNT, 2, key, bucket.key, PROCESSING_TTL_MS, bucket.ttlSeconds));
  if (count < 0) return false;
  ctx.countedInWindow({ key: bucket.key, count: Promise.resolve(count) });
  return true;
}

function seenKey(prefix: string, event: ChatEvent): string {
  return `${prefix}:seen:${event.platform}:${event.id}`;
}

const RELEASE_IF_PROCESSING = "if redis.call('get', KEYS[1]) == 'processing' then return redis.call('del', KEYS[1]) end return 0";

/**
 * Frees the mark of an event a killed process was still processing (its mark would hold the
 * event off as a duplicate until it expires), so the next process can finish it; an event
 * marked done stays done. Only for events resumed from a dead process's inbox.
 */
export async function releaseInterrupted(redis: RedisClient, prefix: string, event: ChatEvent): Promise<boolean> {
  return (await redis.eval(RELEASE_IF_PROCESSING, 1, seenKey(prefix, event))) === 1;
}
