import { z } from 'zod';
import { DateTime } from 'luxon';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { parseLocalDate } from '../../kernel/local-time';
import { makeCohortCode } from './cohort-code';
import { COHORT_NAME_TOO_LONG, cohortCreated, CREATE_ARGS_MISSING, END_BEFORE_START } from './texts';

const args = z.custom<RawArgs>().transform((raw, ctx) => {
  const [name, start, end, ...place] = raw.tokens;
  const year = DateTime.now().year;
  const startDate = start ? parseLocalDate(start, year) : null;
  const endDate = end ? parseLocalDate(end, startDate ? Number(startDate.slice(0, 4)) : year) : null;
  if (!name || !startDate || !endDate) {
    ctx.addIssue({ code: 'custom', message: CREATE_ARGS_MISSING });
    return z.NEVER;
  }
  if (name.length > 40) {
    ctx.addIssue({ code: 'custom', message: COHORT_NAME_TOO_LONG });
    return z.NEVER;
  }
  if (endDate < startDate) {
    ctx.addIssue({ code: 'custom', message: END_BEFORE_START });
    return z.NEVER;
  }
  return { name, startDate, endDate, location: place.join(' ') };
});

/** 新建班级: creates a cohort and returns its short code (staff). */
export const createCohortCommand = defineCommand({
  name: '新建班级',
  aliases: ['newcohort'],
  summary: '新建一个培训班，得到班级码',
  usage: '#新建班级 <名称> <开始日期> <结束日期> [地点]',
  examples: ['#新建班级 直播带货一期 2026-12-01 2026-12-05 县电商服务中心'],
  allowed: ['staff'],
  where: 'any',
  needsCohort: false,
  args,
  async handle(ctx, a) {
    const { deps, event } = ctx;
    const cohort = await deps.stores.cohorts.create(
      { ...a, timezone: deps.config.TZ_DEFAULT, createdBy: event.sender.id },
      makeCohortCode,
    );
    await deps.stores.members.addRole(cohort.id, event.platform, event.sender, 'staff', ctx.now);
    await ctx.reply(cohortCreated(cohort));
  },
});
