import { defineJob, type JobDeps } from './job-definition';
import { sendToCohortGroups } from './cohort-messages';
import { sendToGroups } from './reminder-groups';
import { dayReminderExpiry, dayReminderText } from '../src/features/cohorts/reminder-texts';
import { planApproved } from '../src/features/cohorts';

/**
 * The evening before a training day: tomorrow's sessions to every group of the cohort. The
 * payload carries the groups and the day's sessions (planSessionJobs plans it again on every
 * change), so it reads nothing.
 */
export const remindDayJob = defineJob('remind-day', async ({ cohortId, day, content }, deps) => {
  if (!content) return remindFromStores(cohortId, day, deps);
  const sessions = content.sessions.map((s) => ({ title: s.title, lecturerName: s.lecturerName, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
  const text = dayReminderText(day, sessions, {
    timezone: content.timezone,
    settings: { signInOpensMinutes: content.signInOpensMinutes, arriveEarlyMinutes: content.arriveEarlyMinutes },
  });
  const groups = await sendToGroups(deps.outbox, content.groups, { text }, `remind-day_${cohortId}_${day}`, dayReminderExpiry(day, sessions) ?? undefined);
  return { groups, version: content.version };
});

/** A reminder planned before payloads carried their content: reads the cohort, the day's sessions and the groups. */
async function remindFromStores(cohortId: string, day: string, deps: JobDeps): Promise<unknown> {
  const cohort = await deps.stores.cohorts.findById(cohortId);
  if (!cohort || !planApproved(cohort)) return { skipped: 'plan not approved' };
  const sessions = (await deps.stores.sessions.listByCohort(cohortId)).filter((s) => s.day === day);
  if (sessions.length === 0) return { skipped: 'no sessions' };
  const text = dayReminderText(day, sessions, cohort);
  await sendToCohortGroups(deps, cohortId, { text }, `remind-day_${cohortId}_${day}`, dayReminderExpiry(day, sessions) ?? undefined);
  return { sent: true };
}
