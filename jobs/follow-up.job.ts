import { defineJob } from './job-definition';
import { followUpQuestions, FOLLOW_UP_FORM, renderFollowUpSummary } from '../src/features/follow-ups';
import { staffOf } from '../src/features/moderation/moderation-service';

const DAY = 24 * 3600_000;

/** Opens one wave of follow-up visits (回访登记): each trainee is asked once, privately. */
export const openFollowUpJob = defineJob('open-follow-up', async ({ cohortId, wave }, deps) => {
  const cohort = await deps.stores.cohorts.findById(cohortId);
  if (!cohort) return { skipped: 'no cohort' };
  const now = deps.clock.now();
  const text = followUpQuestions(cohort.name, wave);
  let asked = 0;
  for (const t of await deps.stores.members.listWithRole(cohortId, 'trainee')) {
    await deps.stores.followUps.open({ cohortId, wave, platform: t.platform, userId: t.userId, name: t.name, askedAt: now });
    // The outbox id keeps the question to one message per trainee and wave, even on a retry.
    await deps.outbox.enqueue({ kind: 'private', id: t.userId }, { text }, `follow-up_${cohortId}_${wave}_${t.userId.replace(/:/g, '_')}`, { cohortId });
    asked++;
  }
  await deps.scheduler.schedule('remind-follow-up', { cohortId, wave }, { jobId: `remind-follow-up_${cohortId}_${wave}`, runAt: new Date(now.getTime() + 3 * DAY) });
  await deps.scheduler.schedule('summarise-follow-up', { cohortId, wave }, { jobId: `summarise-follow-up_${cohortId}_${wave}`, runAt: new Date(now.getTime() + 7 * DAY) });
  return { asked };
});

/** Three days later: one reminder to those who have not answered. */
export const remindFollowUpJob = defineJob('remind-follow-up', async ({ cohortId, wave }, deps) => {
  let reminded = 0;
  for (const v of await deps.stores.followUps.listByCohort(cohortId, wave)) {
    if (v.answeredAt) continue;
    if (await deps.stores.followUps.markReminded(cohortId, wave, v.platform, v.userId, deps.clock.now())) {
      await deps.outbox.enqueue({ kind: 'private', id: v.userId }, { text: `提醒：回访还没回复，请回复：${FOLLOW_UP_FORM}` }, `follow-up-reminder_${cohortId}_${wave}_${v.userId.replace(/:/g, '_')}`, { cohortId });
      reminded++;
    }
  }
  return { reminded };
});

/** A week later: staff hear how the wave went (answered, shops and platforms, sales, each answer, who needs help). */
export const summariseFollowUpJob = defineJob('summarise-follow-up', async ({ cohortId, wave }, deps) => {
  const cohort = await deps.stores.cohorts.findById(cohortId);
  if (!cohort) return { skipped: 'no cohort' };
  const visits = await deps.stores.followUps.listByCohort(cohortId, wave);
  const text = renderFollowUpSummary({ cohortName: cohort.name, wave, visits });
  for (const id of await staffOf({ stores: deps.stores, config: { ADMIN_IDS: deps.adminIds } }, cohort)) {
    await deps.outbox.enqueue({ kind: 'private', id }, { text }, `follow-up-summary_${cohortId}_${wave}_${id.replace(/:/g, '_')}`, { cohortId });
  }
  return { answered: visits.filter((v) => v.answeredAt).length, of: visits.length };
});
