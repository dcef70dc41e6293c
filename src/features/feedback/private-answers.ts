import type { Middleware } from '../../pipeline/compose';
import { isAppError } from '../../kernel/app-error';
import { answerFollowUp, FOLLOW_UP_NOT_UNDERSTOOD, FOLLOW_UP_THANKS } from '../follow-ups';
import { answerSurvey, noSurveyOpenReply, parseSurveyAnswer } from './survey-service';
import { FEEDBACK_ALREADY, FEEDBACK_THANKS, SURVEY_NOT_UNDERSTOOD } from './texts';

/**
 * Plain replies in private chat answer what the bot asked: an open feedback survey first
 * (`5 4 4 建议`), else an open follow-up visit. Malformed answers get the right form. A
 * trainee's survey answer with no survey waiting for it (answered already, or not open yet)
 * is told so, never met with silence.
 */
export const privateAnswers: Middleware = async (ctx, next) => {
  const { event, deps } = ctx;
  if (event.type !== 'message' || ctx.isGroup || !event.text.trim()) return next();
  const surveys = await deps.stores.surveys.openFor(event.platform, event.sender.id, ctx.at);
  const pending = [];
  for (const s of surveys) {
    const mine = await deps.stores.surveys.responsesOf(s.id);
    if (!mine.some((r) => r.userId === event.sender.id)) pending.push(s);
  }
  if (pending.length > 0) {
    try {
      await answerSurvey(deps.stores, { platform: event.platform, user: event.sender, text: event.text, at: ctx.at });
      await ctx.reply(FEEDBACK_THANKS);
    } catch (err) {
      if (!isAppError(err)) throw err;
      await ctx.reply(SURVEY_NOT_UNDERSTOOD);
    }
    return;
  }
  const visit = await deps.stores.followUps.openFor(event.platform, event.sender.id);
  if (visit) {
    const ok = await answerFollowUp(deps.stores, visit, event.text, ctx.at);
    await ctx.reply(ok ? FOLLOW_UP_THANKS : FOLLOW_UP_NOT_UNDERSTOOD);
    return;
  }
  if (ctx.cohort && ctx.roles.has('trainee') && parseSurveyAnswer(event.text)) {
    await ctx.reply(surveys.length > 0 ? FEEDBACK_ALREADY : await noSurveyOpenReply(deps.stores, ctx.cohort, ctx.at));
    return;
  }
  await next();
};
