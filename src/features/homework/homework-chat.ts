import type { Middleware } from '../../pipeline/compose';
import { attachImages, latestSubmissionOf, openHomework, submitHomework } from './homework-service';
import { homeworkBoardOf } from './homework-board';
import { sendReceipt } from './homework-receipt';
import { homeworkTitle, imagesAttached, quotedSubmissionReceipt, quotedSubmissionReceived } from './texts';

/** Images sent within this time after a trainee's 交作业 join that submission; the replies that mention the window read it from here. */
export const IMAGE_WINDOW_MS = 30 * 60_000;

/**
 * Homework that arrives as ordinary chat: a reply quoting the homework is a submission, and
 * images a trainee sends soon after 交作业 are kept with that submission. Receipts go to the
 * trainee privately; a new submission shows on the group's homework board.
 */
export const homeworkChat: Middleware = async (ctx, next) => {
  const { event, deps, cohort } = ctx;
  if (event.type !== 'message' || !ctx.isGroup || !cohort || !ctx.roles.has('trainee')) return next();
  const images = event.attachments?.filter((a) => a.kind === 'image') ?? [];
  if (event.quote?.text && /作业/.test(event.quote.text) && event.text.trim() && (await openHomework(deps.stores, cohort.id, ctx.at))) {
    const outcome = await submitHomework(deps.stores, deps.scoring, {
      cohort,
      platform: event.platform,
      user: event.sender,
      text: event.text.trim(),
      images,
      at: ctx.at,
      eventId: event.id,
    });
    await homeworkBoardOf(deps).showSubmission(outcome, cohort, event.conversation.id);
    const { submission, homework } = outcome;
    await sendReceipt(ctx, quotedSubmissionReceipt(homeworkTitle(homework.content), submission.late), quotedSubmissionReceived(submission.late));
    return;
  }
  if (images.length > 0) {
    const latest = await latestSubmissionOf(deps.stores, cohort.id, event.platform, event.sender.id);
    if (latest && ctx.at.getTime() - latest.submittedAt.getTime() <= IMAGE_WINDOW_MS) {
      await attachImages(deps.stores, latest, images, event.id);
      const count = imagesAttached((await deps.stores.submissions.findById(latest.id))?.imageIds.length ?? images.length);
      await sendReceipt(ctx, count, count);
      return;
    }
  }
  await next();
};
