import { DateTime } from 'luxon';
import { AppError } from '../../kernel/app-error';
import { clipText } from '../../kernel/privacy';
import type { ChatUser, Platform } from '../../platform/chat-event';
import type { Stores } from '../../stores/create-stores';
import type { Cohort, Session, Survey } from '../../domain/types';
import { SURVEY_NONE, SURVEY_NOT_UNDERSTOOD, surveyNotOpenYet } from './texts';

/** Reads `5 4 4 建议…` (full-width digits and separators allowed, a leading 反馈 too); null when malformed. */
export function parseSurveyAnswer(text: string): { satisfaction: number; content: number; pace: number; improve: string } | null {
  const t = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .trim()
    .replace(/^(?:反馈|feedback)[\s:：,，]*/iu, '');
  const m = /^([1-5])[\s,，、/]*([1-5])[\s,，、/]*([1-5])(?:[\s,，、:：]+([\s\S]*))?$/u.exec(t);
  if (!m) return null;
  return { satisfaction: Number(m[1]), content: Number(m[2]), pace: Number(m[3]), improve: clipText((m[4] ?? '').trim(), 500) };
}

/**
 * Records a trainee's answers to the open survey they were invited to (the newest first, or
 * the one about `lecturerName`). One answer per trainee and survey. With none open, the
 * refusal says when the next survey of `cohort` comes.
 */
export async function answerSurvey(
  stores: Stores,
  input: { platform: Platform; user: ChatUser; text: string; at: Date; lecturerName?: string; cohort?: Cohort },
): Promise<{ survey: Survey; stored: boolean }> {
  const open = await stores.surveys.openFor(input.platform, input.user.id, input.at);
  const candidates = input.lecturerName ? open.filter((s) => s.lecturerName === input.lecturerName) : open;
  if (candidates.length === 0) {
    throw new AppError('SURVEY_NONE', input.cohort && open.length === 0 ? await noSurveyOpenReply(stores, input.cohort, input.at) : SURVEY_NONE);
  }
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

/**
 * The survey a cohort opens next: about the lecturer whose last session ends first among those
 * with no survey yet (a survey opens after a lecturer's last session, SPEC §3.8). Null when every
 * lecturer has had one.
 */
export function nextSurvey(sessions: readonly Session[], surveys: readonly Survey[]): { lecturerName: string; lastEndsAt: Date } | null {
  const surveyed = new Set(surveys.map((s) => s.lecturerName));
  const last = new Map<string, Date>();
  for (const s of sessions) {
    if (s.cancelled || surveyed.has(s.lecturerName)) continue;
    const prev = last.get(s.lecturerName);
    if (!prev || s.endsAt > prev) last.set(s.lecturerName, s.endsAt);
  }
  let next: { lecturerName: string; lastEndsAt: Date } | null = null;
  for (const [lecturerName, lastEndsAt] of last) if (!next || lastEndsAt < next.lastEndsAt) next = { lecturerName, lastEndsAt };
  return next;
}

/**
 * What a trainee hears when an answer comes while no survey is open for them: when the next one
 * comes (the early answer is not kept: the questions about the lecturer's whole teaching come
 * after it ends), or that there is none.
 */
export async function noSurveyOpenReply(stores: Stores, cohort: Cohort, at: Date): Promise<string> {
  const next = nextSurvey(await stores.sessions.listByCohort(cohort.id), await stores.surveys.listByCohort(cohort.id));
  if (!next) return SURVEY_NONE;
  const ends = DateTime.fromJSDate(next.lastEndsAt, { zone: cohort.timezone });
  const today = DateTime.fromJSDate(at, { zone: cohort.timezone }).hasSame(ends, 'day');
  return surveyNotOpenYet(next.lecturerName, ends.toFormat(today ? '今天 HH:mm' : 'M月d日 HH:mm'));
}
