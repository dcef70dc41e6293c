import { DateTime } from 'luxon';
import type { Cohort } from '../../domain/types';
import type { JobScheduler } from '../../queue/job-scheduler';
import type { Homework } from '../../domain/types';
import { parseClock } from '../../kernel/local-time';
import { planApproved } from '../cohorts';

/** Deterministic id of a homework's deadline reminder (a changed deadline gets a new id). */
export function remindHomeworkJobId(hw: Pick<Homework, 'id' | 'deadline'>): string {
  return `remind-homework_${hw.id}_${hw.deadline.getTime()}`;
}

/** Deterministic id of a homework's review reminder. */
export function remindReviewJobId(hw: Pick<Homework, 'id'>): string {
  return `remind-review_${hw.id}`;
}

/**
 * Plans a homework's reminders (SPEC §3.3): non-submitters before the deadline, and the
 * lecturer the next morning about what is still unreviewed. Not before the plan is approved.
 */
export async function planHomeworkJobs(scheduler: JobScheduler, cohort: Cohort, hw: Homework): Promise<number> {
  if (!planApproved(cohort)) return 0;
  let planned = 0;
  const remindAt = new Date(hw.deadline.getTime() - scheduler.reminders.homeworkReminderMinutes * 60_000);
  if (remindAt.getTime() > scheduler.now().getTime()) {
    await scheduler.schedule('remind-homework', { homeworkId: hw.id }, { jobId: remindHomeworkJobId(hw), runAt: remindAt });
    planned++;
  }
  const reviewAt = DateTime.fromISO(hw.day, { zone: cohort.timezone })
    .plus({ days: 1, minutes: parseClock(scheduler.reminders.reviewTime) ?? 8 * 60 })
    .toJSDate();
  await scheduler.schedule('remind-review', { homeworkId: hw.id }, { jobId: remindReviewJobId(hw), runAt: reviewAt });
  return planned + 1;
}
