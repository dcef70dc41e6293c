import type { Middleware } from '../compose';

/** Drops messages older than STALE_MESSAGE_SECONDS (platforms replay history after a login). */
export const dropStale: Middleware = async (ctx, next) => {
  const limitMs = ctx.deps.config.STALE_MESSAGE_SECONDS * 1000;
  if (limitMs > 0 && ctx.now.getTime() - ctx.event.timestamp.getTime() > limitMs) {
    ctx.log.info({ sentAt: ctx.event.timestamp }, 'stale event dropped');
    return;
  }
  await next();
};
