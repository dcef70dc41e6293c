import type { Middleware } from '../compose';

/** Drops what the bot itself said, so it never answers its own messages, and what nobody said (no sender id). */
export const ignoreSelf: Middleware = async (ctx, next) => {
  if (ctx.event.fromSelf || ctx.event.sender.id === '' || ctx.event.sender.id === ctx.deps.self().id) return;
  await next();
};
