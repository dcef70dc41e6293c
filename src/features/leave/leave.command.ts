import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import type { CohortContext } from '../../pipeline/chat-context';
import { decideLeave, describeLeave, requestLeave } from './leave-request';
import { readLeaveText } from './leave-when';
import { localDay } from '../../kernel/local-time';
import { LEAVE_NUMBER_REQUIRED, leaveDecided, leaveDecisionDone, leaveRequested, REASON_REQUIRED, REASON_TOO_LONG } from './texts';

const requestArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  const text = [raw.text, ...raw.lines].join(' ');
  // A reason is at most 200 characters; a text far longer is refused before it is read for dates.
  if (text.length > 400) {
    ctx.addIssue({ code: 'custom', message: REASON_TOO_LONG });
    return z.NEVER;
  }
  const parsed = readLeaveText(text);
  if (!parsed.reason) {
    ctx.addIssue({ code: 'custom', message: REASON_REQUIRED });
    return z.NEVER;
  }
  if (parsed.reason.length > 200) {
    ctx.addIssue({ code: 'custom', message: REASON_TOO_LONG });
    return z.NEVER;
  }
  return parsed;
});

/** 请假 <原因> [日期/第N节]: a trainee asks for leave; staff decide. */
export const requestLeaveCommand = defineCommand({
  name: '请假',
  aliases: ['leave'],
  summary: '请假（写原因，可加日期或第几节课），由工作人员审批',
  usage: '#请假 <原因> [今天/明天/周三/12月5日] [上午/下午 或 第N节]',
  examples: ['#请假 孩子发烧去医院 明天', '#请假 家里收玉米 12月5日 下午', '#请假 家里收玉米 第3节'],
  allowed: ['trainee'],
  where: 'any',
  needsCohort: true,
  args: requestArgs,
  async handle(ctx, { reason, when }) {
    const cohort = ctx.cohort;
    const { request, session } = await requestLeave(ctx.deps.stores, {
      cohort,
      platform: ctx.event.platform,
      user: ctx.event.sender,
      reason,
      when,
      at: ctx.at,
      eventId: ctx.event.id,
    });
    await ctx.reply(leaveRequested(request.no, describeLeave(request, session, cohort.timezone, localDay(ctx.at, cohort.timezone))));
  },
});

const decideArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  const no = Number(/^\d{1,6}$/.exec(raw.tokens[0] ?? '')?.[0]);
  if (!Number.isInteger(no) || no < 1) {
    ctx.addIssue({ code: 'custom', message: LEAVE_NUMBER_REQUIRED });
    return z.NEVER;
  }
  return { no, note: raw.tokens.slice(1).join(' ') };
});

async function decide(ctx: CohortContext, no: number, note: string, approve: boolean): Promise<void> {
  const cohort = ctx.cohort;
  const request = await decideLeave(ctx.deps.stores, { cohort, no, approve, by: ctx.event.sender.id, at: ctx.now, note });
  const text = leaveDecided({ no, day: request.day, reason: request.reason }, approve, note);
  const person = { id: request.userId, name: request.name };
  // The trainee hears the decision where they are: privately, and in the group.
  await ctx.send({ kind: 'private', id: request.userId }, { text }).catch((err: unknown) => ctx.log.warn({ err }, 'private leave notice failed'));
  for (const g of await ctx.deps.stores.bindings.listByCohort(cohort.id)) {
    await ctx.send({ kind: 'group', id: g.groupId }, { text, mentions: [person] });
  }
  // In a group the notice above is addressed to the trainee; the staff member's confirmation goes privately.
  const done = leaveDecisionDone(no, request.name, approve);
  if (ctx.isGroup) await ctx.send({ kind: 'private', id: ctx.event.sender.id }, { text: done }).catch((err: unknown) => ctx.log.warn({ err }, 'decision confirmation failed'));
  else await ctx.reply(done);
}

/** 批准请假 <编号>: staff approve a leave request. */
export const approveLeaveCommand = defineCommand({
  name: '批准请假',
  aliases: ['approveleave'],
  summary: '批准学员的请假（工作人员）',
  usage: '#批准请假 <编号>',
  examples: ['#批准请假 3'],
  allowed: ['staff'],
  where: 'any',
  needsCohort: true,
  args: decideArgs,
  handle: (ctx, { no, note }) => decide(ctx, no, note, true),
});

/** 驳回请假 <编号> [原因]: staff reject a leave request. */
export const rejectLeaveCommand = defineCommand({
  name: '驳回请假',
  aliases: ['rejectleave'],
  summary: '驳回学员的请假（工作人员）',
  usage: '#驳回请假 <编号> [原因]',
  examples: ['#驳回请假 3 结业考核当天不能请假'],
  allowed: ['staff'],
  where: 'any',
  needsCohort: true,
  args: decideArgs,
  handle: (ctx, { no, note }) => decide(ctx, no, note, false),
});
