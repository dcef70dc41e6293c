import type { Middleware } from '../compose';
import { realMsBetween } from '../../kernel/clock';

/**
 * Drops messages older than STALE_MESSAGE_SECONDS of real time (platforms replay history after a
 * login). The age is measured in real seconds on a simulated clock too: a fast demo's minute is
 * not a reason to drop what a person has just written.
 */
export const dropStale: Middleware = async (ctx, next) => {
  const limitMs = ctx.deps.config.STALE_MESSAGE_SECONDS * 1000;
  if (limitMs > 0 && realMsBetween(ctx.deps.clock, ctx.event.timestamp, ctx.now) > limitMs) {
    ctx.log.info({ sentAt: ctx.event.timestamp }, 'stale event dropped');
    return;
  }
  await next();
};
