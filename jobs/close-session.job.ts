import { defineJob } from './job-definition';
import { sendToCohortGroups } from './cohort-messages';
import { closeSession } from '../src/features/attendance/close-session';
import { renderBoard } from '../src/features/attendance/sign-in-board';
import { boardSourceFrom } from '../src/features/attendance/board-source';
import { planFollowUps } from '../src/features/follow-ups/follow-up-service';

/** Closes a session at its end: absentees marked once, the final board posted once. */
export const closeSessionJob = defineJob('close-session', async ({ sessionId }, deps) => {
  const result = await closeSession(deps.stores, sessionId, deps.clock.now());
  if (!result) return { skipped: true };
  const cohort = await deps.stores.cohorts.findById(result.session.cohortId);
  if (!cohort) return { skipped: true };
  const source = boardSourceFrom(deps.stores);
  const [trainees, records] = await Promise.all([source.trainees(cohort.id), source.records(sessionId)]);
  const text = `本节课签到已结束。\n${renderBoard(result.session, cohort, trainees, records)}`;
  await sendToCohortGroups(deps, cohort.id, { text }, `closed_${sessionId}`);
  // The cohort has ended with its last session: plan the follow-up visits (ids make this once).
  const remaining = (await deps.stores.sessions.listByCohort(cohort.id)).filter((s) => !s.closedAt && s.id !== sessionId);
  if (remaining.length === 0) {
    await planFollowUps(deps.scheduler, cohort);
    await deps.scheduler.schedule('cohort-ended', { cohortId: cohort.id }, { jobId: `cohort-ended_${cohort.id}` });
  }
  return { absent: result.absent.length, onLeave: result.onLeave.length };
});
