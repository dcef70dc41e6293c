import { defineCommand } from '../../pipeline/command';
import { noArgs } from '../../pipeline/arg-schemas';
import { summariseAttendance } from '../attendance';
import { evaluateStandings, TIER_NAMES, traineeRecords } from '../points';
import { myHomework, myRecordHeading, myStanding, myUpcomingLeave } from './texts';
import { localDay } from '../../kernel/local-time';

/** 我的: the trainee's own record in the cohort. */
export const meCommand = defineCommand({
  name: '我的',
  aliases: ['me'],
  summary: '查看我的出勤、作业、积分、排名和等级',
  usage: '#我的',
  allowed: ['trainee'],
  where: 'any',
  needsCohort: true,
  args: noArgs('我的'),
  async handle(ctx) {
    const cohort = ctx.cohort;
    const { stores } = ctx.deps;
    const [sessions, records, trainees, leave] = await Promise.all([
      stores.sessions.listByCohort(cohort.id),
      stores.attendance.listByUser(cohort.id, ctx.event.platform, ctx.event.sender.id),
      traineeRecords(stores, cohort, ctx.now),
      stores.leave.listByCohort(cohort.id),
    ]);
    const finished = localDay(ctx.now, cohort.timezone) > cohort.endDate;
    const standing = evaluateStandings(trainees, ctx.deps.scoring, finished).find((s) => s.userId === ctx.event.sender.id);
    const me = trainees.find((t) => t.userId === ctx.event.sender.id);
    const lines = [myRecordHeading(cohort.name, ctx.event.sender.name), summariseAttendance(sessions, records, cohort.timezone, ctx.now)];
    if (me) lines.push(myHomework(me.homeworkSubmitted, me.homeworkAssigned, me.averageReview));
    if (standing) lines.push(myStanding(standing.points, standing.rank, trainees.length, TIER_NAMES[standing.tier]));
    // Leave from today on, approved or waiting, so a trainee sees what is settled before the day comes.
    const today = localDay(ctx.now, cohort.timezone);
    const mine = leave.filter((r) => r.userId === ctx.event.sender.id && r.platform === ctx.event.platform && r.day >= today && r.status !== 'rejected');
    if (mine.length > 0) {
      const byId = new Map(sessions.map((s, i) => [s.id, i + 1]));
      lines.push(myUpcomingLeave(mine.map((r) => ({ day: r.day, sessionNo: r.sessionId ? byId.get(r.sessionId) : undefined, approved: r.status === 'approved' }))));
    }
    await ctx.reply(lines.join('\n'));
  },
});
