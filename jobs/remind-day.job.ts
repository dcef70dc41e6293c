import { defineJob } from './job-definition';
import { sendToCohortGroups } from './cohort-messages';
import { dayReminderText } from '../src/features/cohorts/reminder-texts';
import { planApproved } from '../src/features/cohorts';

/** The evening before a training day: tomorrow's sessions to every group of the cohort. */
export const remindDayJob = defineJob('remind-day', async ({ cohortId, day }, deps) => {
  const cohort = await deps.stores.cohorts.findById(cohortId);
  if (!cohort || !planApproved(cohort)) return { skipped: 'plan not approved' };
  const sessions = (await deps.stores.sessions.listByCohort(cohortId)).filter((s) => s.day === day);
  if (sessions.length === 0) return { skipped: 'no sessions' };
  const text = dayReminderText(day, sessions, cohort);
  await sendToCohortGroups(deps, cohortId, { text }, `remind-day_${cohortId}_${day}`);
  return { sent: true };
});
