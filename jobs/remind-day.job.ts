import { z } from 'zod';
import { defineJob } from './job-definition';
import { sendToCohortGroups } from './cohort-messages';
import { REMIND_DAY_JOB } from '../src/features/cohorts/session-planner';
import { dayReminderText } from '../src/features/cohorts/reminder-texts';

/** The evening before a training day: tomorrow's sessions to every group of the cohort. */
export const remindDayJob = defineJob({
  name: REMIND_DAY_JOB,
  payload: z.object({ cohortId: z.string().regex(/^[a-f0-9]{24}$/), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  async process({ cohortId, day }, deps) {
    const cohort = await deps.stores.cohorts.findById(cohortId);
    if (!cohort || cohort.plan.status !== 'approved') return { skipped: 'plan not approved' };
    const sessions = (await deps.stores.sessions.listByCohort(cohortId)).filter((s) => s.day === day);
    if (sessions.length === 0) return { skipped: 'no sessions' };
    const text = dayReminderText(day, sessions, cohort.timezone);
    await sendToCohortGroups(deps, cohortId, { text }, `remind-day_${cohortId}_${day}`);
    return { sent: true };
  },
});
