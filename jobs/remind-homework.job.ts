import { defineJob } from './job-definition';
import { approvedHomework, sendToCohortGroups } from './cohort-messages';
import { homeworkReminderExpiry, homeworkReminderText, reviewReminderText } from '../src/features/cohorts/reminder-texts';
import { reviewQueue } from '../src/features/homework/homework-service';
import { approvedLeaveForHomework } from '../src/features/leave';

/**
 * Before a deadline: a reminder in the group that @mentions only those who have not submitted
 * and are not excused by approved leave for the homework's day (the leave feature's rule).
 */
export const remindHomeworkJob = defineJob('remind-homework', async ({ homeworkId }, deps) => {
  const found = await approvedHomework(deps, homeworkId);
  if (!found) return { skipped: 'no homework or plan not approved' };
  const { hw, cohort } = found;
  const submitted = new Set((await deps.stores.submissions.listByHomework(homeworkId)).map((s) => s.userId));
  const excused = await approvedLeaveForHomework(deps.stores, hw);
  const missing = (await deps.stores.members.listWithRole(cohort.id, 'trainee')).filter((t) => !submitted.has(t.userId) && !excused.has(t.userId));
  if (missing.length === 0) return { skipped: 'everyone submitted' };
  const text = homeworkReminderText(hw.content, hw.deadline, cohort.timezone, missing.length);
  const mentions = missing.map((m) => ({ id: m.userId, name: m.name }));
  // Past the deadline a reminder to hand in has lost its meaning: it is not sent late (staff are told).
  await sendToCohortGroups(deps, cohort.id, { text, mentions }, `remind-hw_${homeworkId}`, homeworkReminderExpiry(hw.deadline, cohort.timezone));
  return { missing: missing.length };
});

/** The morning after: the lecturer hears privately how much of that homework is unreviewed. */
export const remindReviewJob = defineJob('remind-review', async ({ homeworkId }, deps) => {
  const found = await approvedHomework(deps, homeworkId);
  if (!found) return { skipped: 'no homework or plan not approved' };
  const { hw, cohort } = found;
  const unreviewed = (await reviewQueue(deps.stores, cohort.id)).filter((s) => s.homeworkId === homeworkId).length;
  if (unreviewed === 0) return { skipped: 'all reviewed' };
  await deps.outbox.enqueue({ kind: 'private', id: hw.assignedBy }, { text: reviewReminderText(cohort.name, hw.day, unreviewed) }, `remind-review_${homeworkId}`, { cohortId: cohort.id });
  return { unreviewed };
});
