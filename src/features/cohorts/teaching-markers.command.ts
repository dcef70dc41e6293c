import { defineCommand } from '../../pipeline/command';
import { noArgs } from '../../pipeline/arg-schemas';
import type { CohortContext } from '../../pipeline/chat-context';
import { formatTime } from '../../kernel/local-time';
import { sessionForMarker } from './teaching-hours';
import { formatSessionLine } from './timetable-service';
import { CLASS_START_ALREADY, classEnded, classStarted, NO_SESSION_TO_MARK } from './texts';

async function mark(ctx: CohortContext, kind: 'start' | 'end'): Promise<void> {
  const cohort = ctx.cohort;
  const { stores } = ctx.deps;
  const sessions = await stores.sessions.listByCohort(cohort.id);
  const session = sessionForMarker(sessions, ctx.at);
  if (!session) {
    await ctx.reply(NO_SESSION_TO_MARK);
    return;
  }
  const when = formatTime(ctx.at, cohort.timezone);
  if (kind === 'start') {
    const first = await stores.sessions.markActualStart(session.id, ctx.at);
    await ctx.reply(first ? classStarted(when, formatSessionLine(session, cohort.timezone)) : CLASS_START_ALREADY);
    return;
  }
  await stores.sessions.markActualEnd(session.id, ctx.at);
  await ctx.reply(classEnded(when));
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
  args: noArgs('上课'),
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
  args: noArgs('下课'),
  handle: (ctx) => mark(ctx, 'end'),
});
