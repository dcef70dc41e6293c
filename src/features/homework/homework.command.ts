import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { AppError } from '../../kernel/app-error';
import { formatDayTime } from '../../kernel/local-time';
import { planHomeworkJobs } from './homework-planner';
import { assignHomework, parseDeadline, reviewQueue, reviewSubmission, submitHomework } from './homework-service';
import { IMAGE_WINDOW_MS } from './homework-chat';
import { replyPrivately } from '../../pipeline/reply-privately';
import { homeworkBoardOf } from './homework-board';
import { sendReceipt } from './homework-receipt';
import type { CohortContext } from '../../pipeline/chat-context';
import type { ChatUser } from '../../platform/chat-event';
import {
  assignmentNotice,
  CONTENT_REQUIRED,
  CONTENT_TOO_LONG,
  deadlineUnreadable,
  nothingToShowcase,
  ONE_TRAINEE_REQUIRED,
  REVIEW_ARGS_MISSING,
  REVIEW_QUEUE_EMPTY,
  REVIEW_QUEUE_SENT_PRIVATELY,
  REVIEW_WHOM,
  reviewPosted,
  reviewsDone,
  scoresPerTrainee,
  reviewQueue as reviewQueueText,
  SCORE_RANGE,
  showcase,
  showcaseImageName,
  SUBMISSION_EMPTY,
  homeworkTitle,
  submissionReceipt,
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

/**
 * 交作业 <内容>: a trainee submits text (images may follow); resubmissions keep the history. The
 * trainee's receipt goes privately; the group sees the submission on the homework board.
 */
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
    const outcome = await submitHomework(ctx.deps.stores, ctx.deps.scoring, {
      cohort,
      platform: ctx.event.platform,
      user: ctx.event.sender,
      text,
      images,
      at: ctx.at,
      eventId: ctx.event.id,
    });
    await homeworkBoardOf(ctx.deps).showSubmission(outcome, cohort, ctx.event.conversation.id);
    const { submission, homework } = outcome;
    await sendReceipt(ctx, submissionReceipt(homeworkTitle(homework.content), submission.version, submission.late), submissionReceived(submission.version, submission.late));
  },
});

/**
 * 点评 alone: the queue. `@a 90 @b 85 评语`: one score per person @-mentioned, in order, the
 * comment for all. `90 评语` with no @: the trainee whose submission the message quotes.
 */
const reviewArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  if (raw.tokens.length === 0 && raw.mentions.length === 0) return { mode: 'queue' as const };
  const count = Math.max(1, raw.mentions.length);
  const scoreTexts = raw.tokens.slice(0, count);
  if (scoreTexts.length < count || !scoreTexts.every((t) => /^\d{1,3}$/.test(t))) {
    ctx.addIssue({ code: 'custom', message: raw.mentions.length > 1 ? scoresPerTrainee(raw.mentions.length) : REVIEW_ARGS_MISSING });
    return z.NEVER;
  }
  const scores = scoreTexts.map(Number);
  if (scores.some((s) => s < 0 || s > 100)) {
    ctx.addIssue({ code: 'custom', message: SCORE_RANGE });
    return z.NEVER;
  }
  const comment = raw.tokens.slice(count).join(' ');
  if (raw.mentions.length === 0) return { mode: 'quoted' as const, score: scores[0]!, comment };
  return { mode: 'review' as const, reviews: raw.mentions.map((trainee, i) => ({ trainee, score: scores[i]! })), comment };
});

/** The trainee whose submission a quoted message shows (「学员甲：#交作业 …」), by their name in the cohort. */
async function quotedTrainee(ctx: CohortContext): Promise<ChatUser> {
  const quoted = ctx.event.quote?.text ?? '';
  const name = /^([^：:]+)[：:]/u.exec(quoted)?.[1]?.trim();
  const trainees = name ? await ctx.deps.stores.members.listWithRole(ctx.cohort.id, 'trainee') : [];
  const found = trainees.find((t) => t.name === name);
  if (!found) throw new AppError('REVIEW_WHOM', REVIEW_WHOM);
  return { id: found.userId, name: found.name };
}

/** 点评 @学员 <分数> [评语]: the lecturer reviews; 点评 alone lists what is waiting. */
export const reviewCommand = defineCommand({
  name: '点评',
  aliases: ['review'],
  summary: '讲师点评作业（0–100 分）；只发 #点评 查看待点评的作业',
  usage: '#点评 @学员 <分数> [评语] ｜ #点评 @甲 90 @乙 85 [评语] ｜ 引用学员的作业消息发 #点评 <分数> [评语]',
  examples: ['#点评 @张三 90 标题有卖点，再加上产地', '#点评 @张三 90 @李四 85 都拍得清楚'],
  allowed: ['lecturer'],
  where: 'any',
  needsCohort: true,
  args: reviewArgs,
  async handle(ctx, a) {
    const cohort = ctx.cohort;
    const { stores, scoring } = ctx.deps;
    if (a.mode === 'queue') {
      const queue = await reviewQueue(stores, cohort.id);
      const text = queue.length === 0 ? REVIEW_QUEUE_EMPTY : reviewQueueText(queue.map((s) => ({ name: s.name, late: s.late, text: s.text, images: s.imageIds.length })));
      // The queue quotes every waiting submission: the lecturer reads it privately, the group is not flooded.
      await replyPrivately(ctx, text, REVIEW_QUEUE_SENT_PRIVATELY);
      return;
    }
    const reviews = a.mode === 'quoted' ? [{ trainee: await quotedTrainee(ctx), score: a.score }] : a.reviews;
    // The trainee hears it in the class group (where the homework was handed in), wherever the lecturer reviewed.
    const groups = ctx.isGroup ? [ctx.event.conversation.id] : (await stores.bindings.listByCohort(cohort.id)).map((b) => b.groupId);
    const done: string[] = [];
    for (const r of reviews) {
      const reviewed = await reviewSubmission(stores, scoring, { cohort, platform: ctx.event.platform, lecturer: ctx.event.sender, trainee: r.trainee, score: r.score, comment: a.comment, at: ctx.at });
      for (const id of groups) await ctx.send({ kind: 'group', id }, { text: reviewPosted(r.score, a.comment), mentions: [{ id: reviewed.userId, name: reviewed.name }] });
      done.push(reviewed.name);
    }
    if (!ctx.isGroup) await ctx.reply(reviewsDone(done));
  },
});

const showcaseArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  if (raw.mentions.length !== 1) {
    ctx.addIssue({ code: 'custom', message: ONE_TRAINEE_REQUIRED });
    return z.NEVER;
  }
  return { trainee: raw.mentions[0]! };
});

/** The file extension an image's bytes say it has (a PNG reposted as .jpg shows as a broken file on some phones). */
export function imageExtension(data: Buffer): string {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (data.subarray(0, 3).toString('latin1') === 'GIF') return 'gif';
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return 'jpg';
}

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
      const data = await stores.images.get(id);
      await sendFile(group, { name: showcaseImageName(latest.name, i + 1, imageExtension(data)), data });
    }
  },
});
