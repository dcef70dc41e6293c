import type { Middleware } from '../../pipeline/compose';
import { floodWarning } from './texts';

/** Counts a message in its bucket and gives a new bucket its expiry, in one round trip. */
const COUNT_IN_BUCKET = "local n = redis.call('incr', KEYS[1]) if n == 1 then redis.call('expire', KEYS[1], ARGV[1]) end return n";

/**
 * Flood control (SPEC §3.7: flooding is rate-limited): a member who sends more than
 * FLOOD_MAX_MESSAGES in FLOOD_WINDOW_SECONDS in a group is told once per window, and the
 * bot does not act on their further messages until the window passes.
 */
export const floodControl: Middleware = async (ctx, next) => {
  const { event, deps } = ctx;
  if (event.type !== 'message' || !ctx.isGroup || ctx.isAdmin || ctx.roles.has('staff') || ctx.roles.has('lecturer')) return next();
  const { FLOOD_MAX_MESSAGES: max, FLOOD_WINDOW_SECONDS: window, QUEUE_PREFIX: prefix } = deps.config;
  const bucket = Math.floor(ctx.now.getTime() / (window * 1000));
  const key = `${prefix}:flood:${event.platform}:${event.conversation.id}:${event.sender.id}:${bucket}`;
  const count = Number(await deps.redis.eval(COUNT_IN_BUCKET, 1, key, window * 2));
  if (count <= max) return next();
  if (count === max + 1) {
    await ctx.reply(floodWarning(window, max));
    ctx.log.info({ count }, 'flood limited');
  }
};
