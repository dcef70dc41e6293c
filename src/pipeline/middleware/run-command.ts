import type { Middleware } from '../compose';
import { isAppError } from '../../kernel/app-error';
import { hasCohort } from '../chat-context';
import { didYouMean, formatRefusal, NOT_UNDERSTOOD, unknownCommand } from '../texts';

/**
 * Validates the recognised command's arguments and runs it. Malformed arguments get the
 * right form in Chinese and change nothing; an AppError's safe message goes to the user.
 * Ordinary chat (no command) passes on; a `#word` that names no command gets 「你是不是想发
 * #…？」 or a pointer to 帮助, and so does an @bot message that names no command.
 */
export const runCommand: Middleware = async (ctx, next) => {
  if (!ctx.command) {
    if (ctx.unknownCommand) {
      const { word, suggestion } = ctx.unknownCommand;
      await ctx.reply(suggestion ? didYouMean(suggestion) : unknownCommand(word));
      return;
    }
    if (ctx.event.type === 'message' && ctx.event.mentionsBot && ctx.event.text.trim() !== '') {
      await ctx.reply(NOT_UNDERSTOOD);
      return;
    }
    return next();
  }
  const { def, raw } = ctx.command;
  const parsed = def.args.safeParse(raw);
  if (!parsed.success) {
    const hint = parsed.error.issues.find((i) => /[\u4e00-\u9fff]/u.test(i.message))?.message;
    await ctx.reply(formatRefusal(hint, def.usage, def.examples?.[0]));
    return;
  }
  try {
    if (!def.needsCohort) await def.handle(ctx, parsed.data);
    // The role guard refused it already when no cohort was found; this only narrows the type.
    else if (hasCohort(ctx)) await def.handle(ctx, parsed.data);
    else throw new Error(`command ${def.name} reached run-command without a cohort`);
  } catch (err) {
    if (!isAppError(err)) throw err;
    ctx.log.info({ code: err.code, command: def.name }, 'command failed for the user');
    await ctx.reply(err.userMessage);
  }
};
