import { defineJob } from './job-definition';
import { sendToCohortGroups } from './cohort-messages';
import { LECTURER_FALLBACK, surveyQuestions, SURVEY_ANSWER_FORM } from '../src/features/feedback/texts';
import { gatherScorecardInput } from '../src/features/feedback/gather-scorecard';
import { evaluateScorecard } from '../src/features/feedback/scorecard';
import { renderScorecard } from '../src/features/feedback/render-scorecard';
import { scorecardCardSvg } from '../src/features/feedback/scorecard-card';
import { drawCard } from './card-messages';
import { staffOf } from '../src/features/moderation/moderation-service';
import { planApproved } from '../src/features/cohorts';

const SURVEY_OPEN_MS = 24 * 3600_000;
const SURVEY_REMINDER_MS = 12 * 3600_000;

/**
 * After a lecturer's last session (SPEC §3.8): the survey about them opens for about 24 hours,
 * every enrolled trainee gets the questions privately, and the group is told how to answer
 * (for those the bot cannot reach privately). One reminder at half time; closing after a day.
 */
export const openSurveyJob = defineJob('open-survey', async ({ cohortId, lecturerName }, deps) => {
  const cohort = await deps.stores.cohorts.findById(cohortId);
  if (!cohort || !planApproved(cohort)) return { skipped: 'plan not approved' };
  const now = deps.clock.now();
  const trainees = await deps.stores.members.listWithRole(cohortId, 'trainee');
  const survey = await deps.stores.surveys.open(cohortId, lecturerName, now, new Date(now.getTime() + SURVEY_OPEN_MS), trainees.map((t) => t.userId));
  const text = surveyQuestions(cohort.name, lecturerName);
  for (const t of trainees) {
    await deps.outbox.enqueue({ kind: 'private', id: t.userId }, { text }, `survey_${survey.id}_${t.userId.replace(/:/g, '_')}`, { cohortId });
  }
  const notice = `📝 ${lecturerName || LECTURER_FALLBACK}的课程已结束，请大家填写反馈（不记名）。没收到私信的同学，请私聊我发送：#反馈 ${SURVEY_ANSWER_FORM.replace(/^.*例如：/, '')}`;
  await sendToCohortGroups(deps, cohortId, { text: notice }, `survey-notice_${survey.id}`);
  await deps.scheduler.schedule('remind-survey', { surveyId: survey.id }, { jobId: `remind-survey_${survey.id}`, runAt: new Date(survey.openedAt.getTime() + SURVEY_REMINDER_MS) });
  await deps.scheduler.schedule('close-survey', { surveyId: survey.id }, { jobId: `close-survey_${survey.id}`, runAt: survey.closesAt });
  return { invited: trainees.length };
});

/** Half way through: trainees who have not answered are reminded privately, once. */
export const remindSurveyJob = defineJob('remind-survey', async ({ surveyId }, deps) => {
  const survey = await deps.stores.surveys.findById(surveyId);
  if (!survey || survey.closedAt) return { skipped: 'closed' };
  const answered = new Set((await deps.stores.surveys.responsesOf(surveyId)).map((r) => r.userId));
  const missing = survey.invited.filter((u) => !answered.has(u));
  for (const userId of missing) {
    await deps.outbox.enqueue({ kind: 'private', id: userId }, { text: `提醒：培训反馈还没填写，请回复 ${SURVEY_ANSWER_FORM}` }, `survey-reminder_${surveyId}_${userId.replace(/:/g, '_')}`, { cohortId: survey.cohortId });
  }
  return { reminded: missing.length };
});

/**
 * When the survey closes: the lecturer's scorecard (SPEC §3.5) goes to staff and the office,
 * with each criterion's figure and evidence (as a picture followed by the text where pictures are on). Lecturers never see who answered what.
 */
export const closeSurveyJob = defineJob('close-survey', async ({ surveyId }, deps) => {
  const survey = await deps.stores.surveys.findById(surveyId);
  if (!survey) return { skipped: 'no survey' };
  await deps.stores.surveys.close(surveyId, deps.clock.now());
  const cohort = await deps.stores.cohorts.findById(survey.cohortId);
  const input = await gatherScorecardInput(deps.stores, survey.cohortId, survey.lecturerName, surveyId);
  if (!cohort || !input) return { skipped: 'no cohort' };
  const card = evaluateScorecard(input);
  const text = renderScorecard(card);
  const png = drawCard(deps, () => scorecardCardSvg(card, text));
  for (const id of await staffOf({ stores: deps.stores, config: { ADMIN_IDS: deps.adminIds } }, cohort)) {
    const jobId = `scorecard_${surveyId}_${id.replace(/:/g, '_')}`;
    if (png) await deps.outbox.enqueueImage({ kind: 'private', id }, { name: `讲师考核表-${cohort.code}.png`, data: png }, text, jobId, { cohortId: cohort.id });
    else await deps.outbox.enqueue({ kind: 'private', id }, { text }, jobId, { cohortId: cohort.id });
  }
  return { passed: card.verdict.passed, severe: card.verdict.severe };
});
