import type { Middleware } from '../../pipeline/compose';
import { isAppError } from '../../kernel/app-error';
import { answerFollowUp, FOLLOW_UP_FORM } from '../follow-ups';
import { answerSurvey, SURVEY_ANSWER_FORM } from './survey-service';

/**
 * Plain replies in private chat answer what the bot asked: an open feedback survey first
 * (`5 4 4 建议`), else an open follow-up visit. Malformed answers get the right form.
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
      await ctx.reply('谢谢你的反馈！已匿名记录。');
    } catch (err) {
      if (!isAppError(err)) throw err;
      await ctx.reply(`没看懂你的反馈。请回复：${SURVEY_ANSWER_FORM}`);
    }
    return;
  }
  const visit = await deps.stores.followUps.openFor(event.platform, event.sender.id);
  if (visit) {
    const ok = await answerFollowUp(deps.stores, visit, event.text, ctx.at);
    await ctx.reply(ok ? '谢谢！回访已登记。有需要帮助的地方，工作人员会联系你。' : `没看懂你的回答。请按这样回复：${FOLLOW_UP_FORM}`);
    return;
  }
  await next();
};
