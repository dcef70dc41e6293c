import { defineJob, type JobDeps } from './job-definition';
import { sendToCohortGroups } from './cohort-messages';
import { sessionReminderMessages, sessionReminderOutboxKey } from './reminder-groups';
import { sessionReminderExpiry, sessionReminderText } from '../src/features/cohorts/reminder-texts';
import { planApproved } from '../src/features/cohorts';

/**
 * One session reminder as its own job, as plans made before 'remind-sessions' hold them (the
 * planner removes such a job when it plans the reminder again): with its content it reads
 * nothing and queues what the minute's batch would, under the same ids, so it is sent once.
 */
export const remindSessionJob = defineJob('remind-session', async ({ sessionId, minutes, content }, deps) => {
  if (!content) return remindFromStores(sessionId, minutes, deps);
  const messages = sessionReminderMessages(sessionId, minutes, content);
  await deps.outbox.enqueueBulk(messages);
  return { groups: messages.length, version: content.version };
});

/** A reminder planned before payloads carried their content: reads the session, cohort and groups. */
async function remindFromStores(sessionId: string, minutes: number, deps: JobDeps): Promise<unknown> {
  const session = await deps.stores.sessions.findById(sessionId);
  if (!session || session.cancelled) return { skipped: 'no session' };
  const cohort = await deps.stores.cohorts.findById(session.cohortId);
  if (!cohort || !planApproved(cohort)) return { skipped: 'plan not approved' };
  const text = sessionReminderText(session, cohort, minutes);
  await sendToCohortGroups(deps, cohort.id, { text }, sessionReminderOutboxKey(sessionId, session.startsAt.getTime(), minutes), sessionReminderExpiry(session, cohort.timezone, minutes));
  return { sent: true };
}
