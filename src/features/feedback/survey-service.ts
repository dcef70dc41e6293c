import { AppError } from '../../kernel/app-error';
import type { ChatUser, Platform } from '../../platform/chat-event';
import type { Stores } from '../../stores/create-stores';
import type { Survey } from '../../domain/types';

/** How a trainee answers, shown in the questions and in every usage reply. */
export const SURVEY_ANSWER_FORM = '满意度 内容 节奏（各 1–5 分）+ 建议，例如：5 4 4 希望多讲直播';

/** The survey questions sent privately to each trainee (seed: 四(二)5 培训意见反馈表). */
export function surveyQuestions(cohortName: string, lecturerName: string): string {
  return [
    `「${cohortName}」培训反馈（${lecturerName || '本班讲师'}）`,
    '请按 1–5 分回答（5 最好）：① 对讲师是否满意 ② 课程内容是否有用 ③ 讲课节奏是否合适，再写一句希望改进的地方。',
    `直接回复：${SURVEY_ANSWER_FORM}`,
    '反馈不记名，讲师看不到是谁填写的。约 24 小时内有效。',
  ].join('\n');
}

/** Reads `5 4 4 建议…` (full-width digits and separators allowed); null when malformed. */
export function parseSurveyAnswer(text: string): { satisfaction: number; content: number; pace: number; improve: string } | null {
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  const m = /^([1-5])[\s,，、/]*([1-5])[\s,，、/]*([1-5])(?:[\s,，、:：]+([\s\S]*))?$/u.exec(t);
  if (!m) return null;
  return { satisfaction: Number(m[1]), content: Number(m[2]), pace: Number(m[3]), improve: (m[4] ?? '').trim().slice(0, 500) };
}

/**
 * Records a trainee's answers to the open survey they were invited to (the newest first, or
 * the one about `lecturerName`). One answer per trainee and survey.
 */
export async function answerSurvey(
  stores: Stores,
  input: { platform: Platform; user: ChatUser; text: string; at: Date; lecturerName?: string },
): Promise<{ survey: Survey; stored: boolean }> {
  const open = await stores.surveys.openFor(input.platform, input.user.id, input.at);
  const candidates = input.lecturerName ? open.filter((s) => s.lecturerName === input.lecturerName) : open;
  if (candidates.length === 0) throw new AppError('SURVEY_NONE', '现在没有需要你填写的反馈。');
  const parsed = parseSurveyAnswer(input.text);
  if (!parsed) throw new AppError('SURVEY_FORMAT', `没看懂你的反馈。请回复：${SURVEY_ANSWER_FORM}`);
  for (const survey of candidates) {
    const stored = await stores.surveys.answer({
      surveyId: survey.id,
      cohortId: survey.cohortId,
      lecturerName: survey.lecturerName,
      platform: input.platform,
      userId: input.user.id,
      ...parsed,
      answeredAt: input.at,
    });
    if (stored) return { survey, stored };
  }
  return { survey: candidates[0]!, stored: false };
}
