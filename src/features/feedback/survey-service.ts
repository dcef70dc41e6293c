import { AppError } from '../../kernel/app-error';
import { clipText } from '../../kernel/privacy';
import type { ChatUser, Platform } from '../../platform/chat-event';
import type { Stores } from '../../stores/create-stores';
import type { Survey } from '../../domain/types';
import { SURVEY_NONE, SURVEY_NOT_UNDERSTOOD } from './texts';

/** Reads `5 4 4 建议…` (full-width digits and separators allowed); null when malformed. */
export function parseSurveyAnswer(text: string): { satisfaction: number; content: number; pace: number; improve: string } | null {
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  const m = /^([1-5])[\s,，、/]*([1-5])[\s,，、/]*([1-5])(?:[\s,，、:：]+([\s\S]*))?$/u.exec(t);
  if (!m) return null;
  return { satisfaction: Number(m[1]), content: Number(m[2]), pace: Number(m[3]), improve: clipText((m[4] ?? '').trim(), 500) };
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
  if (candidates.length === 0) throw new AppError('SURVEY_NONE', SURVEY_NONE);
  const parsed = parseSurveyAnswer(input.text);
  if (!parsed) throw new AppError('SURVEY_FORMAT', SURVEY_NOT_UNDERSTOOD);
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
