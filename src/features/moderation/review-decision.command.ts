import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import type { ChatContext } from '../../pipeline/chat-context';
import { AppError } from '../../kernel/app-error';
import type { ModerationReview } from '../../stores/moderation-review-store';
import { enforce, staffOf } from './moderation-service';
import { REVIEW_NOT_YOURS, REVIEW_NUMBER_REQUIRED, reviewAlreadyDecided, reviewConfirmed, reviewDismissed, reviewNotFound } from './texts';

const reviewNumber = z.custom<RawArgs>().transform((raw, ctx) => {
  const no = Number((raw.tokens[0] ?? '').replace(/^[#＃]/, ''));
  if (!Number.isInteger(no) || no < 1) {
    ctx.addIssue({ code: 'custom', message: REVIEW_NUMBER_REQUIRED });
    return z.NEVER;
  }
  return { no };
});

/**
 * The review note numbered `no`, when the sender may decide it: an administrator, or staff of
 * the note's cohort (the sender's own cohort in private chat may be another one).
 */
async function reviewFor(ctx: ChatContext, no: number): Promise<ModerationReview> {
  const { stores } = ctx.deps;
  const review = await stores.reviews.findByNo(no);
  if (!review) throw new AppError('REVIEW_NOT_FOUND', reviewNotFound(no));
  if (!ctx.isAdmin) {
    const member = await stores.members.find(review.cohortId, ctx.event.platform, ctx.event.sender.id);
    if (!member?.roles.includes('staff')) throw new AppError('REVIEW_NOT_YOURS', REVIEW_NOT_YOURS);
  }
  return review;
}

/** 确认 <编号>: staff confirm a doubtful message; it is handled as a violation (warning and the ladder), as if the detector had been sure. */
export const confirmReviewCommand = defineCommand({
  name: '确认',
  aliases: ['confirm'],
  summary: '工作人员确认一条待审核消息违规：在群里警告并计入累计',
  usage: '#确认 <待审核编号>',
  allowed: 'all',
  where: 'any',
  needsCohort: false,
  args: reviewNumber,
  async handle(ctx, { no }) {
    const { deps } = ctx;
    const found = await reviewFor(ctx, no);
    const review = await deps.stores.reviews.decide(no, 'confirmed', ctx.event.sender.id, ctx.now);
    if (!review) throw new AppError('REVIEW_DECIDED', reviewAlreadyDecided(no, found.status));
    const cohort = await deps.stores.cohorts.findById(review.cohortId);
    if (!cohort) throw new AppError('REVIEW_NOT_FOUND', reviewNotFound(no));
    const hits = review.matches.map(({ word, category, start, end }) => ({ word, category, start, end }));
    const categories = [...new Set(hits.map((h) => h.category))];
    const user = { id: review.userId, name: review.name };
    const done = await enforce(deps, { cohort, platform: review.platform, groupId: review.groupId, user, messageId: review.messageId, text: review.text, at: ctx.now }, hits, categories);
    ctx.log.info({ review: no, rule: done.record.rule, step: done.step, action: done.record.no }, 'review confirmed');
    await ctx.send({ kind: 'group', id: review.groupId }, { text: done.groupText, mentions: done.step === 'escalate' ? [] : [user] });
    if (done.staffText) {
      for (const id of await staffOf(deps, cohort)) {
        await ctx.send({ kind: 'private', id }, { text: done.staffText }).catch((err: unknown) => ctx.log.warn({ err }, 'staff notice failed'));
      }
    }
    await ctx.reply(reviewConfirmed(no, review.name, done.groupText));
  },
});

/** 忽略 <编号>: staff dismiss a doubtful message; its words stop raising notes in that cohort. */
export const dismissReviewCommand = defineCommand({
  name: '忽略',
  aliases: ['dismiss'],
  summary: '工作人员忽略一条待审核消息：不处理，本班以后不再因这些词提示',
  usage: '#忽略 <待审核编号>',
  allowed: 'all',
  where: 'any',
  needsCohort: false,
  args: reviewNumber,
  async handle(ctx, { no }) {
    const { stores } = ctx.deps;
    const found = await reviewFor(ctx, no);
    const review = await stores.reviews.decide(no, 'dismissed', ctx.event.sender.id, ctx.now);
    if (!review) throw new AppError('REVIEW_DECIDED', reviewAlreadyDecided(no, found.status));
    const words = [...new Set(review.matches.map((m) => m.word))];
    await stores.reviews.allow(review.cohortId, words, ctx.event.sender.id, ctx.now, no);
    ctx.log.info({ review: no, words: words.length }, 'review dismissed');
    await ctx.reply(reviewDismissed(no, words));
  },
});
