import type { RedisClient } from '../../queue/redis-connection';
import type { ChatEvent } from '../../platform/chat-event';
import type { Middleware } from '../compose';
import { uncount } from '../message-window';

const PROCESSING_TTL_MS = 60_000;
const DONE_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Handles each platform event id once. The key is taken while the event is processed and
 * kept as done afterwards; if processing fails the key is released, so a redelivery retries.
 * A group message's flood count is sent with the mark (one round trip for both, where the
 * commands pipeline) and taken back when the event turns out to be a duplicate.
 */
export const dedupe: Middleware = async (ctx, next) => {
  const { redis, config } = ctx.deps;
  const key = seenKey(config.QUEUE_PREFIX, ctx.event);
  const counted = ctx.messagesInWindow();
  const taken = await redis.set(key, 'processing', 'PX', PROCESSING_TTL_MS, 'NX');
  if (taken === null) {
    ctx.log.debug('duplicate event dropped');
    if (counted) await uncount(redis, counted).catch((err: unknown) => ctx.log.warn({ err }, 'flood count of a duplicate not taken back'));
    return;
  }
  try {
    await next();
  } catch (err) {
    await redis.del(key);
    throw err;
  }
  await redis.set(key, 'done', 'EX', DONE_TTL_SECONDS);
};

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
