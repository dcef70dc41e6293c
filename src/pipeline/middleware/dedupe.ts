import type { Middleware } from '../compose';

const PROCESSING_TTL_MS = 60_000;
const DONE_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Handles each platform event id once. The key is taken while the event is processed and
 * kept as done afterwards; if processing fails the key is released, so a redelivery retries.
 */
export const dedupe: Middleware = async (ctx, next) => {
  const { redis, config } = ctx.deps;
  const key = `${config.QUEUE_PREFIX}:seen:${ctx.event.platform}:${ctx.event.id}`;
  const taken = await redis.set(key, 'processing', 'PX', PROCESSING_TTL_MS, 'NX');
  if (taken === null) {
    ctx.log.debug('duplicate event dropped');
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
