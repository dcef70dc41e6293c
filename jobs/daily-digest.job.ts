import { defineJob } from './job-definition';
import { localDay } from '../src/kernel/local-time';
import { computeDigest } from '../src/features/reporting/digest';
import { gatherDigestInput } from '../src/features/reporting/gather-digest';
import { renderDigest } from '../src/features/reporting/render-digest';
import { staffOf } from '../src/features/moderation/moderation-service';
import { enqueueWebhook } from '../src/features/reporting/webhooks/enqueue-webhook';

/**
 * The staff daily digest (SPEC §3.9): for every approved cohort running today, the digest goes
 * privately to its staff and the administrators, and to the configured robot webhooks. Ids
 * per cohort, day and recipient make a repeated run send nothing twice.
 */
export const dailyDigestJob = defineJob('daily-digest', async ({ day }, deps) => {
  const now = deps.clock.now();
  const sent: string[] = [];
  // Cohorts keep their own time zones: look at the UTC days around now, then each cohort's own day.
  const candidates = day ? [day] : [-1, 0, 1].map((d) => localDay(new Date(now.getTime() + d * 86_400_000), 'UTC'));
  const cohorts = new Map((await Promise.all(candidates.map((d) => deps.stores.cohorts.listRunningOn(d)))).flat().map((c) => [c.id, c]));
  for (const cohort of cohorts.values()) {
    const today = day ?? localDay(now, cohort.timezone);
    if (today < cohort.startDate || today > cohort.endDate) continue;
    const input = await gatherDigestInput(deps.stores, cohort.id);
    const text = renderDigest(computeDigest(input, today, { now }));
    const people = await staffOf({ stores: deps.stores, config: { ADMIN_IDS: deps.adminIds } }, cohort);
    for (const id of people) {
      await deps.outbox.enqueue({ kind: 'private', id }, { text }, `digest_${cohort.id}_${today}_${id.replace(/:/g, '_')}`);
    }
    if (deps.webhooks?.wecomUrl) await enqueueWebhook(deps.workQueue, 'wecom', text, `digest_${cohort.id}_${today}`);
    if (deps.webhooks?.dingtalkUrl) await enqueueWebhook(deps.workQueue, 'dingtalk', text, `digest_${cohort.id}_${today}`);
    sent.push(cohort.code);
  }
  return { cohorts: sent };
});
