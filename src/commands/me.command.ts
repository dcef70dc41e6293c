import { defineCommand } from './command';
import { noArgs } from './arg-schemas';
import { summariseAttendance } from '../services/attendance-summary';

/** 我的: the trainee's own record in the cohort. */
export const meCommand = defineCommand({
  name: '我的',
  aliases: ['me'],
  summary: '查看我的出勤记录',
  usage: '#我的',
  allowed: ['trainee'],
  where: 'any',
  needsCohort: true,
  args: noArgs,
  async handle(ctx) {
    const cohort = ctx.cohort!;
    const { stores } = ctx.deps;
    const [sessions, records] = await Promise.all([
      stores.sessions.listByCohort(cohort.id),
      stores.attendance.listByUser(cohort.id, ctx.event.platform, ctx.event.sender.id),
    ]);
    await ctx.reply(`「${cohort.name}」${ctx.event.sender.name} 的记录\n${summariseAttendance(sessions, records, cohort.timezone, ctx.now)}`);
  },
});
