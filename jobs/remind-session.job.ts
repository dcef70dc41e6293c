import { defineJob, type JobDeps } from './job-definition';
import { sendToCohortGroups } from './cohort-messages';
import { sendToGroups } from './reminder-groups';
import { sessionReminderExpiry, sessionReminderText } from '../src/features/cohorts/reminder-texts';
import { planApproved } from '../src/features/cohorts';

/** The outbox key of a session's reminder `minutes` before its start (the group is appended). */
const outboxKey = (sessionId: string, startsAt: number, minutes: number) => `remind_${sessionId}_${startsAt}_${minutes}`;

/**
 * Reminds every group of a cohort 30 and 5 minutes before a session (once per session and time).
 * The payload carries the groups and the text's inputs (planSessionJobs plans it again on every
 * change), so it reads nothing: it renders the text and adds one outbox message per group.
 */
export const remindSessionJob = defineJob('remind-session', async ({ sessionId, minutes, content }, deps) => {
  if (!content) return remindFromStores(sessionId, minutes, deps);
  const { session: s } = content;
  const session = { title: s.title, lecturerName: s.lecturerName, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) };
  const text = sessionReminderText(
    session,
    { timezone: content.timezone, settings: { signInOpensMinutes: content.signInOpensMinutes, arriveEarlyMinutes: content.arriveEarlyMinutes } },
    minutes,
  );
  const expiry = sessionReminderExpiry(session, content.timezone, minutes);
  const groups = await sendToGroups(deps.outbox, content.groups, { text }, outboxKey(sessionId, s.startsAt, minutes), expiry);
  return { groups, version: content.version };
});

/** A reminder planned before payloads carried their content: reads the session, cohort and groups. */
async function remindFromStores(sessionId: string, minutes: number, deps: JobDeps): Promise<unknown> {
  const session = await deps.stores.sessions.findById(sessionId);
  if (!session || session.cancelled) return { skipped: 'no session' };
  const cohort = await deps.stores.cohorts.findById(session.cohortId);
  if (!cohort || !planApproved(cohort)) return { skipped: 'plan not approved' };
  const text = sessionReminderText(session, cohort, minutes);
  await sendToCohortGroups(deps, cohort.id, { text }, outboxKey(sessionId, session.startsAt.getTime(), minutes), sessionReminderExpiry(session, cohort.timezone, minutes));
  return { sent: true };
}
