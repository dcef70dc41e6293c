import { DateTime } from 'luxon';
import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { ARCHIVE_KINDS, buildArchive, parseArchiveKind } from './archive-workbooks';
import { localDay, parseLocalDate } from '../../kernel/local-time';
import { briefForSession, briefForWeek } from './training-brief';
import { archiveCaption, archiveNotSendable, archiveSentPrivately, BRIEF_ARG_FORM, exportKindRequired, FULL_PHONES_CAPTION, FULL_PHONES_ONLY_FOLLOW_UP, noBriefYet, reportSentPrivately } from './texts';
import { replyPrivately } from '../../pipeline/reply-privately';

/** The word after 回访 that asks for phone numbers in full (for the follow-up calls). */
const FULL_PHONES = ['完整号码', '完整手机号', '全号'];

const exportArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  const kind = raw.tokens.length >= 1 && raw.tokens.length <= 2 ? parseArchiveKind(raw.tokens[0]!) : null;
  const extra = raw.tokens[1];
  if (!kind || (extra !== undefined && !(kind === '回访' && FULL_PHONES.includes(extra)))) {
    ctx.addIssue({ code: 'custom', message: kind && extra !== undefined ? FULL_PHONES_ONLY_FOLLOW_UP : exportKindRequired(ARCHIVE_KINDS) });
    return z.NEVER;
  }
  return { kind, fullPhones: extra !== undefined };
});

/**
 * 导出 <签到表|成绩表|反馈表|回访|档案>: staff get a cohort archive as an xlsx file (SPEC §2,
 * §3.6). From a group the file goes to the sender privately where the platform allows (it
 * holds trainees' names and scores); where the platform cannot send files the reply says how an
 * administrator gets it (`cohort-bot export <班级码> <类型>`), never a server path.
 */
export const exportCommand = defineCommand({
  name: '导出',
  aliases: ['export'],
  summary: '导出本班档案表格（签到表、成绩表、反馈表、回访、档案）（工作人员）',
  usage: `#导出 <${ARCHIVE_KINDS.join('|')}> ｜ #导出 回访 完整号码`,
  examples: ['#导出 成绩表', '#导出 档案', '#导出 回访 完整号码'],
  allowed: ['staff'],
  where: 'any',
  needsCohort: true,
  args: exportArgs,
  async handle(ctx, { kind, fullPhones }) {
    const cohort = ctx.cohort;
    const { stores, scoring, outbound } = ctx.deps;
    if (!outbound.sendFile) {
      // Nothing is built: the administrator's command builds the workbook where they can take it.
      await ctx.reply(archiveNotSendable(cohort.name, cohort.code, kind));
      return;
    }
    const file = await buildArchive(stores, cohort.id, kind, { scoring, now: ctx.now, fullPhones });
    // Full numbers leave the bot only on this explicit request, and every such export is on record.
    if (fullPhones) ctx.log.warn({ access: 'full-phone-numbers', kind, cohortId: cohort.id, by: ctx.event.sender.id }, 'follow-up workbook with full phone numbers exported');
    const text = archiveCaption(cohort.name, kind, file.fileName) + (fullPhones ? FULL_PHONES_CAPTION : '');
    // Archives hold trainees' personal data: asked for in a group, they go to the sender privately.
    const to = ctx.isGroup ? { kind: 'private' as const, id: ctx.event.sender.id } : { kind: ctx.event.conversation.kind, id: ctx.event.conversation.id };
    await ctx.send(to, { text });
    await outbound.sendFile(to, { name: file.fileName, data: file.buffer });
    if (ctx.isGroup) await ctx.reply(archiveSentPrivately(kind));
  },
});

const briefArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  const token = raw.tokens[0];
  if (token === undefined) return { week: null, date: null };
  if (raw.tokens.length === 1 && (token === '本周' || token.toLowerCase() === 'week')) return { week: 'this' as const, date: null };
  if (raw.tokens.length === 1 && token === '上周') return { week: 'last' as const, date: null };
  // Checked here with any year; the handler reads it again in the cohort's year.
  if (raw.tokens.length > 1 || parseLocalDate(token, 2000) === null) {
    ctx.addIssue({ code: 'custom', message: BRIEF_ARG_FORM });
    return z.NEVER;
  }
  return { week: null, date: token };
});

/** 简报 [日期|本周|上周]: the training brief of the day's last session begun, or of a week (seed 四(二)8). */
export const briefCommand = defineCommand({
  name: '简报',
  aliases: ['brief'],
  summary: '查看培训简报：今天（或某天）最后一节课，或本周（工作人员、讲师）',
  usage: '#简报 [日期|本周]',
  examples: ['#简报', '#简报 03-02', '#简报 本周'],
  allowed: ['staff', 'lecturer'],
  where: 'any',
  needsCohort: true,
  args: briefArgs,
  async handle(ctx, { week, date }) {
    const cohort = ctx.cohort;
    const { stores } = ctx.deps;
    if (week) {
      const monday = DateTime.fromJSDate(ctx.now, { zone: cohort.timezone }).startOf('week').minus({ weeks: week === 'last' ? 1 : 0 });
      await replyPrivately(ctx, await briefForWeek(stores, cohort.id, monday.toFormat('yyyy-MM-dd'), { now: ctx.now }), reportSentPrivately('简报'));
      return;
    }
    // Today is the day in the cohort's time zone, not the server's.
    const day = (date && parseLocalDate(date, Number(cohort.startDate.slice(0, 4)))) || localDay(ctx.now, cohort.timezone);
    const begun = (await stores.sessions.listByCohort(cohort.id)).filter((s) => s.day === day && s.startsAt.getTime() <= ctx.now.getTime());
    const last = begun[begun.length - 1];
    if (!last) {
      await ctx.reply(noBriefYet(day));
      return;
    }
    await replyPrivately(ctx, await briefForSession(stores, last.id, { now: ctx.now }), reportSentPrivately('简报'));
  },
});
