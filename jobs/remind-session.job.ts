import { z } from 'zod';
import { defineJob } from './job-definition';
import { sendToCohortGroups } from './cohort-messages';
import { REMIND_SESSION_JOB } from '../src/features/cohorts/session-planner';
import { sessionReminderText } from '../src/features/cohorts/reminder-texts';

/** Reminds every group of a cohort 30 and 5 minutes before a session (once per session and time). */
export const remindSessionJob = defineJob({
  name: REMIND_SESSION_JOB,
  payload: z.object({ sessionId: z.string().regex(/^[a-f0-9]{24}$/), minutes: z.number().int().positive() }),
  async process({ sessionId, minutes }, deps) {
    const session = await deps.stores.sessions.findById(sessionId);
    if (!session || session.cancelled) return { skipped: 'no session' };
    const cohort = await deps.stores.cohorts.findById(session.cohortId);
    if (!cohort || cohort.plan.status !== 'approved') return { skipped: 'plan not approved' };
    const text = sessionReminderText(session, cohort, minutes);
    await sendToCohortGroups(deps, cohort.id, { text }, `remind_${sessionId}_${session.startsAt.getTime()}_${minutes}`);
    return { sent: true };
  },
});
