import { z } from 'zod';
import { defineCommand, type RawArgs } from './command';
import { AppError } from '../core/app-error';
import { formatLineErrors, formatTimetable, setTimetable } from '../services/timetable-service';

const args = z.custom<RawArgs>().transform((raw) => ({
  // A single session may follow the command on the same line; more go on the next lines.
  lines: [...(raw.text ? [raw.text] : []), ...raw.lines],
}));

/** 课表: shows the timetable, or sets sessions from the lines that follow (lecturer, staff). */
export const timetableCommand = defineCommand({
  name: '课表',
  aliases: ['timetable'],
  summary: '查看课表；讲师或工作人员在下面逐行写课程即可录入',
  usage: '#课表（查看）或 #课表 换行后每行一节：12-01 09:00-12:00 标题 [讲师]',
  examples: ['#课表\n12-01 09:00-12:00 直播基础 张老师\n12-01 14:00-17:00 短视频拍摄 张老师'],
  allowed: 'all',
  where: 'any',
  needsCohort: true,
  args,
  async handle(ctx, { lines }) {
    const cohort = ctx.cohort!;
    const { stores, scheduler } = ctx.deps;
    if (lines.length > 0) {
      if (!ctx.hasRole('lecturer', 'staff')) {
        throw new AppError('ROLE_REFUSED', '录入课表只有讲师、工作人员可以使用，本次没有做任何改动。');
      }
      const result = await setTimetable(stores, scheduler, cohort, lines, ctx.now);
      if (!result.ok) {
        await ctx.reply(formatLineErrors(result.errors));
        return;
      }
      await ctx.reply(`已保存 ${result.sessions.length} 节课。\n${formatTimetable(cohort, await stores.sessions.listByCohort(cohort.id))}`);
      return;
    }
    await ctx.reply(formatTimetable(cohort, await stores.sessions.listByCohort(cohort.id)));
  },
});
