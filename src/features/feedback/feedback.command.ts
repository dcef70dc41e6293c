import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { answerSurvey } from './survey-service';
import { FEEDBACK_ALREADY, FEEDBACK_THANKS, SURVEY_ANSWER_FORM } from './texts';

/** 反馈 <满意度> <内容> <节奏> [建议]: a trainee answers the open feedback survey (anonymous). */
export const feedbackCommand = defineCommand({
  name: '反馈',
  aliases: ['feedback'],
  summary: '填写培训反馈（不记名）：满意度、内容、节奏各 1–5 分，加一句建议',
  usage: `#反馈 ${SURVEY_ANSWER_FORM}`,
  examples: ['#反馈 5 4 4 希望多讲直播'],
  allowed: ['trainee'],
  where: 'any',
  needsCohort: true,
  args: z.custom<RawArgs>().transform((raw) => ({ text: [raw.text, ...raw.lines].join(' ').trim() })),
  async handle(ctx, { text }) {
    const { stored } = await answerSurvey(ctx.deps.stores, { platform: ctx.event.platform, user: ctx.event.sender, text, at: ctx.at, cohort: ctx.cohort });
    await ctx.reply(stored ? FEEDBACK_THANKS : FEEDBACK_ALREADY);
  },
});
