import { defineCommand } from '../../pipeline/command';
import { noArgs } from '../../pipeline/arg-schemas';
import type { CohortContext } from '../../pipeline/chat-context';
import { formatTime } from '../../kernel/local-time';
import { hoursByDay, sessionForMarker } from './teaching-hours';
import { formatSessionLine } from './timetable-service';

async function mark(ctx: CohortContext, kind: 'start' | 'end'): Promise<void> {
  const cohort = ctx.cohort;
  const { stores } = ctx.deps;
  const sessions = await stores.sessions.listByCohort(cohort.id);
  const session = sessionForMarker(sessions, ctx.at);
  if (!session) {
    await ctx.reply('现在前后一小时内没有课程，无法记录。发送 #课表 查看安排。');
    return;
  }
  const when = formatTime(ctx.at, cohort.timezone);
  if (kind === 'start') {
    const first = await stores.sessions.markActualStart(session.id, ctx.at);
    await ctx.reply(first ? `已记录上课 ${when}：${formatSessionLine(session, cohort.timezone)}。请大家手机调为静音。` : '这节课已经记录过上课时间了。');
    return;
  }
  await stores.sessions.markActualEnd(session.id, ctx.at);
  const today = hoursByDay(await stores.sessions.listByCohort(cohort.id)).find((d) => d.day === session.day);
  await ctx.reply(`已记录下课 ${when}。今天累计授课 ${today?.hours ?? 0} 小时（要求每天不少于 6 小时）。`);
}

/** 上课: the lecturer marks the actual start of the session. */
export const classStartCommand = defineCommand({
  name: '上课',
  aliases: ['classstart'],
  summary: '讲师记录实际上课时间（计入授课时长）',
  usage: '#上课',
  allowed: ['lecturer'],
  where: 'group',
  needsCohort: true,
  args: noArgs,
  handle: (ctx) => mark(ctx, 'start'),
});

/** 下课: the lecturer marks the actual end of the session. */
export const classEndCommand = defineCommand({
  name: '下课',
  aliases: ['classend'],
  summary: '讲师记录实际下课时间（计入授课时长）',
  usage: '#下课',
  allowed: ['lecturer'],
  where: 'group',
  needsCohort: true,
  args: noArgs,
  handle: (ctx) => mark(ctx, 'end'),
});
