import { defineJob } from './job-definition';
import { sendToCohortGroups } from './cohort-messages';
import { sessionReminderText } from '../src/features/cohorts/reminder-texts';
import { planApproved } from '../src/features/cohorts';

/** Reminds every group of a cohort 30 and 5 minutes before a session (once per session and time). */
export const remindSessionJob = defineJob('remind-session', async ({ sessionId, minutes }, deps) => {
  const session = await deps.stores.sessions.findById(sessionId);
  if (!session || session.cancelled) return { skipped: 'no session' };
  const cohort = await deps.stores.cohorts.findById(session.cohortId);
  if (!cohort || !planApproved(cohort)) return { skipped: 'plan not approved' };
  const text = sessionReminderText(session, cohort, minutes);
  await sendToCohortGroups(deps, cohort.id, { text }, `remind_${sessionId}_${session.startsAt.getTime()}_${minutes}`);
  return { sent: true };
});
