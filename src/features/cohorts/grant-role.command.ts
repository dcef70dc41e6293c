import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { AppError } from '../../kernel/app-error';
import { parseRoleName, ROLE_NAMES } from '../../domain/role-names';

const args = z.custom<RawArgs>().transform((raw, ctx) => {
  const role = parseRoleName(raw.tokens[raw.tokens.length - 1] ?? '');
  if (raw.mentions.length === 0 || !role) {
    ctx.addIssue({ code: 'custom', message: '需要 @ 要授权的人，并写明 讲师、工作人员 或 学员' });
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
    if (role === 'office') throw new AppError('ROLE_OFFICE_CONFIGURED', '领导组办公室的权限由系统配置（ADMIN_IDS）决定，不能在群里授权。');
    const cohort = ctx.cohort;
    for (const p of people) await ctx.deps.stores.members.setRole(cohort.id, ctx.event.platform, p, role, ctx.now);
    await ctx.reply(`已将 ${people.map((p) => p.name).join('、')} 设为本班${ROLE_NAMES[role]}。`);
  },
});
