import type { Middleware } from '../compose';
import type { ChatContext } from '../chat-context';
import type { Command } from '../command';
import { GROUP_NOT_BOUND, groupOnly, howToGetRole, NOT_IN_COHORT, privateOnly, roleRefusal } from '../texts';

/** Why the sender may not run this command here (and, for a role they lack, how to get it), or null when they may. */
export function refusalFor(ctx: ChatContext, def: Command): string | null {
  if (def.where === 'group' && !ctx.isGroup) return groupOnly(def.name);
  if (def.where === 'private' && ctx.isGroup) return privateOnly(def.name);
  if (def.needsCohort && !ctx.cohort) return ctx.isGroup ? GROUP_NOT_BOUND : NOT_IN_COHORT;
  if (def.allowed === 'all' || def.allowed.some((r) => ctx.roles.has(r))) return null;
  // Who may, who the sender is, and how to become one of those who may.
  return `${roleRefusal(def.name, def.allowed, [...ctx.roles])}${howToGetRole(def.allowed)}`;
}

/** Refuses a command its sender may not run, with the reason; nothing changes. */
export const roleGuard: Middleware = async (ctx, next) => {
  if (ctx.command) {
    const refusal = refusalFor(ctx, ctx.command.def);
    if (refusal) {
      ctx.log.info({ command: ctx.command.def.name }, 'command refused');
      await ctx.reply(refusal);
      return;
    }
  }
  await next();
};
