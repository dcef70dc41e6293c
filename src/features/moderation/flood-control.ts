import type { Middleware } from '../../pipeline/compose';
import { floodWarning } from './texts';

/**
 * Flood control (SPEC §3.7: flooding is rate-limited): a member who sends more than
 * FLOOD_MAX_MESSAGES in FLOOD_WINDOW_SECONDS in a group is told once per window, and the
 * bot does not act on their further messages until the window passes.
 */
export const floodControl: Middleware = async (ctx, next) => {
  const { event, deps } = ctx;
  if (event.type !== 'message' || !ctx.isGroup || ctx.isAdmin || ctx.roles.has('staff') || ctx.roles.has('lecturer')) return next();
  const { FLOOD_MAX_MESSAGES: max, FLOOD_WINDOW_SECONDS: window } = deps.config;
  // Counted when the event came in (see dedupe), or now.
  const counted = ctx.messagesInWindow();
  if (!counted) return next();
  const count = await counted.count;
  if (count <= max) return next();
  if (count === max + 1) {
    await ctx.reply(floodWarning(window, max));
    ctx.log.info({ count }, 'flood limited');
  }
};
