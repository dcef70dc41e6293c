import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { computeDigest } from './digest';
import { gatherDigestInput } from './gather-digest';
import { localDay, parseLocalDate } from '../../kernel/local-time';
import { renderDigest } from './render-digest';
import { DIGEST_DATE_FORM, reportSentPrivately } from './texts';
import { replyPrivately } from '../../pipeline/reply-privately';

const args = z.custom<RawArgs>().transform((raw, ctx) => {
  const token = raw.tokens[0];
  if (token === undefined) return { date: null };
  // Checked here with any year; the handler reads it again in the cohort's year.
  if (raw.tokens.length > 1 || parseLocalDate(token, 2000) === null) {
    ctx.addIssue({ code: 'custom', message: DIGEST_DATE_FORM });
    return z.NEVER;
  }
  return { date: token };
});

/** 日报 [日期]: the staff daily digest of the cohort (SPEC §3.9), today unless a day is named; asked in a group, it goes to the sender privately. */
export const digestCommand = defineCommand({
  name: '日报',
  aliases: ['digest'],
  summary: '查看本班今天的日报：出勤、作业、群管理、请假、需关注学员、讲师执行情况、问卷回访进度（工作人员）',
  usage: '#日报 [日期]',
  examples: ['#日报', '#日报 03-02'],
  allowed: ['staff'],
  where: 'any',
  needsCohort: true,
  args,
  async handle(ctx, { date }) {
    const cohort = ctx.cohort;
    // Today is the day in the cohort's time zone, not the server's.
    const day = (date && parseLocalDate(date, Number(cohort.startDate.slice(0, 4)))) || localDay(ctx.now, cohort.timezone);
    const input = await gatherDigestInput(ctx.deps.stores, cohort.id);
    await replyPrivately(ctx, renderDigest(computeDigest(input, day, { now: ctx.now })), reportSentPrivately('日报'));
  },
});
