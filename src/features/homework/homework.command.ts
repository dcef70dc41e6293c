import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { AppError } from '../../kernel/app-error';
import { formatDayTime } from '../../kernel/local-time';
import { planHomeworkJobs } from './homework-planner';
import { assignHomework, parseDeadline, reviewQueue, reviewSubmission, submitHomework } from './homework-service';
import { IMAGE_WINDOW_MS } from './homework-chat';
import {
  assignmentNotice,
  CONTENT_REQUIRED,
  CONTENT_TOO_LONG,
  deadlineUnreadable,
  nothingToShowcase,
  ONE_TRAINEE_REQUIRED,
  REVIEW_ARGS_MISSING,
  REVIEW_QUEUE_EMPTY,
  reviewPosted,
  reviewQueue as reviewQueueText,
  SCORE_RANGE,
  showcase,
  showcaseImageName,
  SUBMISSION_EMPTY,
  submissionReceived,
  submitSummary,
} from './texts';

const IMAGE_WINDOW_MINUTES = IMAGE_WINDOW_MS / 60_000;

const assignArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  const full = [raw.text, ...raw.lines].join('\n').trim();
  const m = /^(.*?)\s*截止[:：]?\s*(\S+(?:\s+\d{1,2}[:：]\d{2})?)\s*$/su.exec(full);
  const content = (m ? m[1]! : full).trim();
  if (!content) {
    ctx.addIssue({ code: 'custom', message: CONTENT_REQUIRED });
    return z.NEVER;
  }
  if (content.length > 1000) {
    ctx.addIssue({ code: 'custom', message: CONTENT_TOO_LONG });
    return z.NEVER;
  }
  return { content, deadlineText: m?.[2] };
});

/** 布置作业 <内容> [截止 <时间>]: the lecturer assigns today's homework; the group sees it. */
export const assignHomeworkCommand = defineCommand({
  name: '布置作业',
  aliases: ['assign'],
  summary: '讲师布置今天的作业（可写截止时间），第二次布置是追加',
  usage: '#布置作业 <内容> [截止 <时间>]',
  examples: ['#布置作业 给自家产品写 3 条短视频标题 截止 21:00', '#布置作业 拍一张商品主图 截止 明天 09:00'],
  allowed: ['lecturer'],
  where: 'group',
  needsCohort: true,
  args: assignArgs,
  async handle(ctx, { content, deadlineText }) {
    const cohort = ctx.cohort;
    const deadline = parseDeadline(deadlineText, ctx.at, cohort);
    if (!deadline) throw new AppError('HOMEWORK_DEADLINE', deadlineUnreadable(deadlineText ?? ''));
    const { homework } = await assignHomework(ctx.deps.stores, { cohort, lecturer: ctx.event.sender, content, deadline, at: ctx.at, eventId: ctx.event.id });
    await planHomeworkJobs(ctx.deps.scheduler, cohort, homework);
    const due = formatDayTime(homework.deadline, cohort.timezone);
    await ctx.send(
      { kind: 'group', id: ctx.event.conversation.id },
      { text: assignmentNotice({ seq: homework.seq, content: homework.content, deadline: due, imageWindowMinutes: IMAGE_WINDOW_MINUTES }) },
    );
  },
});

const submitArgs = z.custom<RawArgs>().transform((raw) => ({ text: [raw.text, ...raw.lines].join('\n').trim() }));

/** 交作业 <内容>: a trainee submits text (images may follow); resubmissions keep the history. */
export const submitHomeworkCommand = defineCommand({
  name: '交作业',
  aliases: ['submit'],
  summary: submitSummary(IMAGE_WINDOW_MINUTES),
  usage: '#交作业 <内容>',
  examples: ['#交作业 1. 老树核桃 现砸现发 2. …'],
  allowed: ['trainee'],
  where: 'group',
  needsCohort: true,
  args: submitArgs,
  async handle(ctx, { text }) {
    const cohort = ctx.cohort;
    const images = ctx.event.attachments?.filter((a) => a.kind === 'image') ?? [];
    if (!text && images.length === 0) throw new AppError('HOMEWORK_EMPTY', SUBMISSION_EMPTY);
    const { submission } = await submitHomework(ctx.deps.stores, ctx.deps.scoring, {
      cohort,
      platform: ctx.event.platform,
      user: ctx.event.sender,
      text,
      images,
      at: ctx.at,
      eventId: ctx.event.id,
    });
    await ctx.reply(submissionReceived(submission.version, submission.late));
  },
});

const reviewArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  if (raw.tokens.length === 0 && raw.mentions.length === 0) return { mode: 'queue' as const };
  const [scoreText, ...comment] = raw.tokens;
  const score = Number(scoreText);
  if (raw.mentions.length !== 1 || scoreText === undefined || !/^\d{1,3}$/.test(scoreText)) {
    ctx.addIssue({ code: 'custom', message: REVIEW_ARGS_MISSING });
    return z.NEVER;
  }
  if (score < 0 || score > 100) {
    ctx.addIssue({ code: 'custom', message: SCORE_RANGE });
    return z.NEVER;
  }
  return { mode: 'review' as const, trainee: raw.mentions[0]!, score, comment: comment.join(' ') };
});

/** 点评 @学员 <分数> [评语]: the lecturer reviews; 点评 alone lists what is waiting. */
export const reviewCommand = defineCommand({
  name: '点评',
  aliases: ['review'],
  summary: '讲师点评作业（0–100 分）；只发 #点评 查看待点评的作业',
  usage: '#点评 @学员 <分数> [评语]',
  examples: ['#点评 @张三 90 标题有卖点，再加上产地'],
  allowed: ['lecturer'],
  where: 'group',
  needsCohort: true,
  args: reviewArgs,
  async handle(ctx, a) {
    const cohort = ctx.cohort;
    const { stores, scoring } = ctx.deps;
    if (a.mode === 'queue') {
      const queue = await reviewQueue(stores, cohort.id);
      await ctx.reply(
        queue.length === 0 ? REVIEW_QUEUE_EMPTY : reviewQueueText(queue.map((s) => ({ name: s.name, late: s.late, text: s.text, images: s.imageIds.length }))),
      );
      return;
    }
    const reviewed = await reviewSubmission(stores, scoring, {
      cohort,
      platform: ctx.event.platform,
      lecturer: ctx.event.sender,
      trainee: a.trainee,
      score: a.score,
      comment: a.comment,
      at: ctx.at,
    });
    await ctx.send(
      { kind: 'group', id: ctx.event.conversation.id },
      { text: reviewPosted(a.score, a.comment), mentions: [{ id: reviewed.userId, name: reviewed.name }] },
    );
  },
});

const showcaseArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  if (raw.mentions.length !== 1) {
    ctx.addIssue({ code: 'custom', message: ONE_TRAINEE_REQUIRED });
    return z.NEVER;
  }
  return { trainee: raw.mentions[0]! };
});

/** 优秀作业 @学员: shows a trainee's newest submission to the group as an example. */
export const showcaseCommand = defineCommand({
  name: '优秀作业',
  aliases: ['showcase'],
  summary: '把某位学员的作业作为优秀作业展示给全群',
  usage: '#优秀作业 @学员',
  allowed: ['lecturer'],
  where: 'group',
  needsCohort: true,
  args: showcaseArgs,
  async handle(ctx, { trainee }) {
    const cohort = ctx.cohort;
    const { stores } = ctx.deps;
    const mine = (await stores.submissions.listByCohort(cohort.id)).filter((s) => s.userId === trainee.id);
    const latest = mine[mine.length - 1];
    if (!latest) throw new AppError('SHOWCASE_NOTHING', nothingToShowcase(trainee.name));
    await stores.submissions.setShowcased(latest.id);
    const group = { kind: 'group' as const, id: ctx.event.conversation.id };
    await ctx.send(group, { text: showcase(latest.name, latest.text) });
    // Platforms that cannot send files show the text alone.
    const { sendFile } = ctx.deps.outbound;
    if (!sendFile) return;
    for (const [i, id] of latest.imageIds.entries()) {
      await sendFile(group, { name: showcaseImageName(latest.name, i + 1), data: await stores.images.get(id) });
    }
  },
});
