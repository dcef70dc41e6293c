import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { AppError } from '../../kernel/app-error';
import { parseRoleName, ROLE_NAMES } from '../../domain/role-names';
import { GRANT_ARGS_MISSING, grantPersonMissing, grantRoleMissing, OFFICE_ROLE_CONFIGURED, roleGranted } from './texts';

const args = z.custom<RawArgs>().transform((raw, ctx) => {
  const last = raw.tokens[raw.tokens.length - 1] ?? '';
  const role = parseRoleName(last);
  // Say what is missing: the role (someone was @-mentioned) or the person (a role was named).
  const hint =
    raw.mentions.length > 0 && !role
      ? grantRoleMissing(raw.mentions.map((m) => m.name), last)
      : raw.mentions.length === 0 && role
        ? grantPersonMissing(ROLE_NAMES[role])
        : raw.mentions.length === 0
          ? GRANT_ARGS_MISSING
          : null;
  if (hint || !role) {
    ctx.addIssue({ code: 'custom', message: hint ?? GRANT_ARGS_MISSING });
    return z.NEVER;
  }
  return { people: raw.mentions, role };
});

/** 授权 @某人 <讲师/工作人员/学员>: gives roles in this cohort (staff). */
export const grantRoleCommand = defineCommand({
  name: '授权',
  aliases: ['grant'],
  summary: '给群成员设定本班身份：讲师、工作人员或学员',
  usage: '#授权 @某人 <讲师/工作人员/学员>',
  examples: ['#授权 @张老师 讲师'],
  allowed: ['staff'],
  where: 'group',
  needsCohort: true,
  args,
  async handle(ctx, { people, role }) {
    if (role === 'office') throw new AppError('ROLE_OFFICE_CONFIGURED', OFFICE_ROLE_CONFIGURED);
    const cohort = ctx.cohort;
    for (const p of people) await ctx.deps.stores.members.setRole(cohort.id, ctx.event.platform, p, role, ctx.now);
    await ctx.reply(roleGranted(people.map((p) => p.name), ROLE_NAMES[role]));
  },
});
