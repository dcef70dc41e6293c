import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { cohortCode } from '../../pipeline/arg-schemas';
import { AppError } from '../../kernel/app-error';
import { accountId } from '../../platform/bot-account';
import { bindGroup } from './cohort-service';
import { BIND_REFUSED, COHORT_CODE_WRONG, cohortCodeNotFound, groupBound } from './texts';

const args = z.custom<RawArgs>().transform((raw, ctx) => {
  const code = cohortCode.safeParse(raw.tokens[0]);
  if (!code.success) {
    ctx.addIssue({ code: 'custom', message: code.error.issues[0]?.message ?? COHORT_CODE_WRONG });
    return z.NEVER;
  }
  return { code: code.data };
});

/**
 * 绑定: ties this group to a cohort; current members are enrolled as trainees (staff). The
 * binding records the bot account that handled it: that account sends the group's messages.
 */
export const bindCommand = defineCommand({
  name: '绑定',
  aliases: ['bind'],
  summary: '把本群绑定到一个班级',
  usage: '#绑定 <班级码>',
  examples: ['#绑定 K7Q2MX'],
  // Staff of the target cohort may bind, which the guard cannot know before parsing the code.
  allowed: 'all',
  where: 'group',
  needsCohort: false,
  args,
  async handle(ctx, { code }) {
    const { deps, event } = ctx;
    const cohort = await deps.stores.cohorts.findByCode(code);
    if (!cohort) throw new AppError('COHORT_NOT_FOUND', cohortCodeNotFound(code));
    const member = await deps.stores.members.find(cohort.id, event.platform, event.sender.id);
    if (!ctx.isAdmin && !member?.roles.includes('staff')) {
      throw new AppError('ROLE_REFUSED', BIND_REFUSED);
    }
    const group = { id: event.conversation.id, title: event.conversation.title ?? '' };
    const { enrolled, newTrainees, lecturerLike } = await bindGroup(deps, { cohort, platform: event.platform, group, by: event.sender.id, at: ctx.now });
    // Written after bindGroup, which reads the binding it replaces first.
    const account = accountId(deps.config, event.platform);
    await deps.stores.bindings.bind({ platform: event.platform, groupId: group.id, cohortId: cohort.id, title: group.title, boundBy: event.sender.id, account });
    await ctx.reply(groupBound(cohort.name, cohort.code, enrolled, newTrainees.map((m) => m.name), lecturerLike.map((m) => m.name)));
  },
});
