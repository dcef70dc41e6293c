import type { Middleware } from '../compose';
import type { ChatContext } from '../chat-context';
import type { Command } from '../command';
import { ROLE_NAMES } from '../../domain/role-names';

/** Why the sender may not run this command here, or null when they may. */
export function refusalFor(ctx: ChatContext, def: Command): string | null {
  if (def.where === 'group' && !ctx.isGroup) return `「${def.name}」要在班级群里使用。`;
  if (def.where === 'private' && ctx.isGroup) return `「${def.name}」请私聊我使用。`;
  if (def.needsCohort && !ctx.cohort) {
    return ctx.isGroup
      ? '本群还没有绑定班级。请工作人员先发送 #新建班级 <名称> <开始日期> <结束日期>，再在本群发送 #绑定 <班级码>。'
      : '你还没有加入任何班级。请在班级群里使用，或联系工作人员。';
  }
  if (def.allowed === 'all' || def.allowed.some((r) => ctx.roles.has(r))) return null;
  const who = def.allowed.map((r) => ROLE_NAMES[r]).join('、');
  const mine = ctx.roles.size > 0 ? [...ctx.roles].map((r) => ROLE_NAMES[r]).join('、') : '未登记';
  return `「${def.name}」只有${who}可以使用（你的身份：${mine}），本次没有做任何改动。`;
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
