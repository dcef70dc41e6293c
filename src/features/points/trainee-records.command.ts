import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { noArgs } from '../../pipeline/arg-schemas';
import { replyPrivately } from '../../pipeline/reply-privately';
import { localDay } from '../../kernel/local-time';
import { evaluateStandings, recommendationLines, recommendationList } from './tier-rules';
import {
  PRACTICE_NOTE_REQUIRED,
  practiceRecorded,
  rankingText,
  RANKING_SENT_PRIVATELY,
  RECOMMEND_ARGS_MISSING,
  recommended,
  RECORD_ARGS_MISSING,
  SALES_AMOUNT_INVALID,
  salesDetail,
  salesRecorded,
} from './texts';
import { traineeRecords } from './points-service';

const recordArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  const [kind, ...rest] = raw.tokens;
  if (raw.mentions.length !== 1 || (kind !== '销售' && kind !== '实操')) {
    ctx.addIssue({ code: 'custom', message: RECORD_ARGS_MISSING });
    return z.NEVER;
  }
  if (kind === '销售') {
    const amount = Number((rest[0] ?? '').replace(/元$/, ''));
    if (!Number.isFinite(amount) || amount <= 0 || amount > 10_000_000) {
      ctx.addIssue({ code: 'custom', message: SALES_AMOUNT_INVALID });
      return z.NEVER;
    }
    return { kind: 'sales' as const, trainee: raw.mentions[0]!, amount, note: rest.slice(1).join(' ') };
  }
  const note = rest.join(' ').trim();
  if (!note) {
    ctx.addIssue({ code: 'custom', message: PRACTICE_NOTE_REQUIRED });
    return z.NEVER;
  }
  return { kind: 'practice' as const, trainee: raw.mentions[0]!, amount: undefined, note };
});

/** 记录 @学员 销售 <金额> | 实操 <说明>: staff record practice and sales (seed: 优秀学员 — 实操情况+销售金额). */
export const recordCommand = defineCommand({
  name: '记录',
  aliases: ['record'],
  summary: '工作人员记录学员的销售金额或实操情况（计入积分和等级）',
  usage: '#记录 @学员 销售 <金额> ｜ #记录 @学员 实操 <说明>',
  examples: ['#记录 @张三 销售 860 抖音小店卖核桃', '#记录 @张三 实操 独立完成一场直播'],
  allowed: ['staff'],
  where: 'group',
  needsCohort: true,
  args: recordArgs,
  async handle(ctx, a) {
    const cohort = ctx.cohort;
    const { stores, scoring } = ctx.deps;
    const base = { cohortId: cohort.id, platform: ctx.event.platform, userId: a.trainee.id, name: a.trainee.name, at: ctx.at };
    const sourceKey = `${a.kind}:${ctx.event.id}`;
    await stores.activities.record({ ...base, kind: a.kind, day: localDay(ctx.at, cohort.timezone), amount: a.amount, note: a.note, recordedBy: ctx.event.sender.id, sourceKey });
    const points =
      a.kind === 'sales'
        ? Math.min(scoring.points.salesCapPerRecord, Math.floor((a.amount ?? 0) / 100) * scoring.points.salesPer100Yuan)
        : scoring.points.practice;
    if (points > 0) await stores.points.award({ ...base, points, reason: a.kind, detail: a.kind === 'sales' ? salesDetail(a.amount) : a.note, sourceKey });
    await ctx.reply(a.kind === 'sales' ? salesRecorded(a.trainee.name, a.amount, points) : practiceRecorded(a.trainee.name, a.note, points));
  },
});

const recommendArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  if (raw.mentions.length === 0) {
    ctx.addIssue({ code: 'custom', message: RECOMMEND_ARGS_MISSING });
    return z.NEVER;
  }
  return { people: raw.mentions };
});

/** 优秀学员 @a @b …: the lecturer recommends outstanding trainees, in order. */
export const recommendCommand = defineCommand({
  name: '优秀学员',
  aliases: ['recommend'],
  summary: '讲师推荐优秀学员（按推荐顺序排在推荐名单前面，需达到推荐门槛）',
  usage: '#优秀学员 @学员 @学员 …',
  allowed: ['lecturer'],
  where: 'group',
  needsCohort: true,
  args: recommendArgs,
  async handle(ctx, { people }) {
    const cohort = ctx.cohort;
    for (const [i, p] of people.entries()) {
      await ctx.deps.stores.activities.record({
        cohortId: cohort.id,
        platform: ctx.event.platform,
        userId: p.id,
        name: p.name,
        kind: 'recommendation',
        day: localDay(ctx.at, cohort.timezone),
        note: `by ${ctx.event.sender.id}`,
        recordedBy: ctx.event.sender.id,
        // One recommendation per trainee and cohort; the first order stands.
        sourceKey: `rec:${cohort.id}:${p.id}`,
        at: new Date(ctx.at.getTime() + i),
      });
    }
    await ctx.reply(recommended(people.map((p) => p.name)));
  },
});

/** 排名: the cohort's ranking, tiers and the recommendation list with its bar (staff, lecturer). */
export const rankingCommand = defineCommand({
  name: '排名',
  aliases: ['ranking'],
  summary: '查看本班积分排名、学员等级和推荐名单',
  usage: '#排名',
  allowed: ['staff', 'lecturer'],
  where: 'any',
  needsCohort: true,
  args: noArgs('排名'),
  async handle(ctx) {
    const cohort = ctx.cohort;
    const { scoring } = ctx.deps;
    const records = await traineeRecords(ctx.deps.stores, cohort, ctx.now);
    const standings = evaluateStandings(records, scoring, localDay(ctx.now, cohort.timezone) > cohort.endDate);
    const recommendation = recommendationLines(recommendationList(records, scoring), scoring);
    const text = rankingText({ cohortName: cohort.name, standings: standings.slice(0, 30), recommendation });
    await replyPrivately(ctx, text, RANKING_SENT_PRIVATELY);
  },
});
