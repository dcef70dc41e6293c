import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { createSignInLink } from './sign-in-link';
import { CONSOLE_LINKS_PER_HOUR, takeLinkRequest } from './link-limit';
import { CONSOLE_LINK, CONSOLE_NOBODY, CONSOLE_NOT_SET_UP, consoleLinkReply, consoleLinkTooOften } from './texts';

/**
 * 后台, privately: answers with a one-time sign-in link to the staff console, bound to the
 * sender. Anyone the bot knows (a member of a cohort, an administrator) may have one; what the
 * console shows depends on their roles. In a group the role guard asks for a private message,
 * so a link never appears in a group. At most CONSOLE_LINKS_PER_HOUR links per person an hour.
 */
export const consoleLinkCommand = defineCommand({
  name: '后台',
  aliases: ['console'],
  summary: CONSOLE_LINK.summary,
  usage: CONSOLE_LINK.usage,
  allowed: 'all',
  where: 'private',
  needsCohort: false,
  args: z.custom<RawArgs>().transform(() => ({})),
  async handle(ctx) {
    const { config, stores } = ctx.deps;
    const { platform, sender } = ctx.event;
    if (!config.CONSOLE_SECRET) {
      await ctx.reply(CONSOLE_NOT_SET_UP);
      return;
    }
    if (!ctx.isAdmin && (await stores.members.listForUser(platform, sender.id)).length === 0) {
      await ctx.reply(CONSOLE_NOBODY);
      return;
    }
    if (!(await takeLinkRequest(ctx.deps.redis, config.QUEUE_PREFIX, platform, sender.id))) {
      ctx.log.warn({ platform, userId: sender.id }, 'console sign-in link refused: too many this hour');
      await ctx.reply(consoleLinkTooOften(CONSOLE_LINKS_PER_HOUR));
      return;
    }
    const link = await createSignInLink(
      stores.console,
      { secret: config.CONSOLE_SECRET, publicUrl: config.CONSOLE_PUBLIC_URL, minutes: config.CONSOLE_LINK_MINUTES, now: ctx.now },
      { platform, userId: sender.id },
    );
    ctx.log.info({ platform, userId: sender.id, expiresAt: link.expiresAt.toISOString() }, 'console sign-in link issued');
    await ctx.reply(consoleLinkReply(link.url, config.CONSOLE_LINK_MINUTES));
  },
});
