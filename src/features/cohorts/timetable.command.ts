import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { AppError } from '../../kernel/app-error';
import {
  cancelSession,
  changeSession,
  formatLineErrors,
  formatSessionLine,
  formatTimetable,
  setTimetable,
} from './timetable-service';
import { NEW_LINE_REQUIRED, SESSION_NUMBER_REQUIRED, sessionCancelled, sessionChanged, sessionsSaved, TIMETABLE_CHANGE_REFUSED } from './texts';

type TimetableArgs = { action: 'show' } | { action: 'set'; lines: string[] } | { action: 'change'; no: number; line: string } | { action: 'delete'; no: number };

const CHANGE = new Set(['改', '修改', 'change']);
const DELETE = new Set(['删', '删除', '取消', 'delete']);

const args = z.custom<RawArgs>().transform((raw, ctx): TimetableArgs => {
  const [verb, noText, ...rest] = raw.tokens;
  if (verb && (CHANGE.has(verb) || DELETE.has(verb))) {
    const no = Number(/^\d{1,3}$/.exec(noText ?? '')?.[0]);
    if (!Number.isInteger(no) || no < 1) {
      ctx.addIssue({ code: 'custom', message: SESSION_NUMBER_REQUIRED });
      return z.NEVER;
    }
    if (DELETE.has(verb)) return { action: 'delete', no };
    const line = [rest.join(' '), ...raw.lines].join(' ').trim();
    if (!line) {
      ctx.addIssue({ code: 'custom', message: NEW_LINE_REQUIRED });
      return z.NEVER;
    }
    return { action: 'change', no, line };
  }
  // A single session may follow the command on the same line; more go on the next lines.
  const lines = [...(raw.text ? [raw.text] : []), ...raw.lines];
  return lines.length > 0 ? { action: 'set', lines } : { action: 'show' };
});

/** 课表: shows the timetable, or sets, changes (改 N) and cancels (删 N) sessions (lecturer, staff). */
export const timetableCommand = defineCommand({
  name: '课表',
  aliases: ['timetable'],
  summary: '查看课表；讲师或工作人员可录入（每行一节）、修改（改 序号）或取消（删 序号）',
  usage: '#课表（查看）｜#课表 换行后每行一节：12-01 09:00-12:00 标题 [讲师]｜#课表 改 <序号> <新的一行>｜#课表 删 <序号>',
  examples: ['#课表\n12-01 09:00-12:00 直播基础 张老师\n12-01 14:00-17:00 短视频拍摄 张老师', '#课表 改 2 12-01 14:30-17:30 短视频拍摄 张老师'],
  // Everyone may look at the timetable; only lecturers and staff may change it (checked below).
  allowed: 'all',
  where: 'any',
  needsCohort: true,
  args,
  async handle(ctx, a) {
    const cohort = ctx.cohort;
    const { stores, scheduler } = ctx.deps;
    if (a.action === 'show') {
      await ctx.reply(formatTimetable(cohort, await stores.sessions.listByCohort(cohort.id)));
      return;
    }
    if (!ctx.hasRole('lecturer', 'staff')) {
      throw new AppError('ROLE_REFUSED', TIMETABLE_CHANGE_REFUSED);
    }
    if (a.action === 'set') {
      const result = await setTimetable(stores, scheduler, cohort, a.lines, ctx.now);
      if (!result.ok) {
        await ctx.reply(formatLineErrors(result.errors));
        return;
      }
      await ctx.reply(sessionsSaved(result.sessions.length, formatTimetable(cohort, await stores.sessions.listByCohort(cohort.id))));
      return;
    }
    if (a.action === 'change') {
      const result = await changeSession(stores, scheduler, cohort, a.no, a.line);
      if (!result.ok) {
        await ctx.reply(formatLineErrors(result.errors));
        return;
      }
      await ctx.reply(sessionChanged(a.no, formatSessionLine(result.before, cohort.timezone), formatSessionLine(result.after, cohort.timezone)));
      return;
    }
    const cancelled = await cancelSession(stores, scheduler, cohort, a.no);
    await ctx.reply(sessionCancelled(formatSessionLine(cancelled, cohort.timezone)));
  },
});
