import { defineJob } from './job-definition';
import { atLocal, localDay, parseClock } from '../src/kernel/local-time';
import type { JobScheduler } from '../src/queue/job-scheduler';
import { computeDigest } from '../src/features/reporting/digest';
import { gatherDigestInputs } from '../src/features/reporting/gather-digest';
import { renderDigest, renderDigestForWebhook } from '../src/features/reporting/render-digest';
import { digestCardSvg, sessionAttendance } from '../src/features/reporting/digest-card';
import { cardUrl, drawCard } from './card-messages';
import { enqueueWebhook } from '../src/features/reporting/webhooks/enqueue-webhook';
import type { Platform } from '../src/platform/chat-event';
import type { BulkMessage } from '../src/queue/outbox';

/**
 * The staff daily digest (SPEC §3.9): for every approved cohort running today, the digest goes
 * privately to its staff and the administrators, and to the configured robot webhooks; with
 * cards on (deps.cards), as a picture followed by the text where the platform shows pictures. Ids
 * per cohort, day and recipient make a repeated run send nothing twice.
 *
 * Reads once for all the running cohorts (each collection once, attendance from the session
 * summaries; see gatherDigestInputs), then unpacks, computes and renders one cohort at a time
 * (its rows dropped before the next, and its packed reads once it is done; one cohort per turn of
 * the event loop), and queues the messages in one bulk add.
 */
export const dailyDigestJob = defineJob('daily-digest', async ({ day, next }, deps) => {
  const now = deps.clock.now();
  // Cohorts keep their own time zones: look at the UTC days around now, then each cohort's own day.
  const candidates = day ? [day] : [-1, 0, 1].map((d) => localDay(new Date(now.getTime() + d * 86_400_000), 'UTC'));
  const cohorts = new Map((await Promise.all(candidates.map((d) => deps.stores.cohorts.listRunningOn(d)))).flat().map((c) => [c.id, c]));
  const running = [...cohorts.values()]
    .map((cohort) => ({ cohort, day: day ?? localDay(now, cohort.timezone) }))
    .filter(({ cohort, day: today }) => today >= cohort.startDate && today <= cohort.endDate);
  const gathered = await gatherDigestInputs(deps.stores, running, now);

  // The administrators of each set of platforms (staffOf's rule: ADMIN_IDS and those who claimed it there).
  const admins = new Map<string, Promise<string[]>>();
  const administratorsOn = (platforms: Platform[]): Promise<string[]> => {
    const key = [...platforms].sort().join(',');
    let ids = admins.get(key);
    if (!ids) admins.set(key, (ids = deps.stores.admins.administratorIds(deps.adminIds, platforms)));
    return ids;
  };

  const messages: BulkMessage[] = [];
  const sent: string[] = [];
  for (let g = gathered.shift(); g; g = gathered.shift()) {
    // One cohort per turn of the event loop: the worker's other jobs and lock renewals are not
    // held up for the whole run, and V8 can finish collecting the cohorts already done.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const input = g.unpack();
    const day = g.day;
    const digest = computeDigest(input, day, { now });
    const text = renderDigest(digest);
    // The picture card with the text digest (one phone screen) where pictures can be shown; else the text alone.
    const png = drawCard(deps, () => digestCardSvg(digest, text, sessionAttendance(input, day, { now })));
    const key = `digest_${g.cohort.id}_${g.day}`;
    const people = [...new Set([...g.staffIds, ...(await administratorsOn(g.platforms))])];
    for (const id of people) {
      const jobId = `${key}_${id.replace(/:/g, '_')}`;
      const target = { kind: 'private' as const, id };
      if (png) await deps.outbox.enqueueImage(target, { name: `日报-${g.cohort.code}-${g.day}.png`, data: png }, text, jobId, { cohortId: g.cohort.id });
      else messages.push({ target, message: { text }, jobId, cohortId: g.cohort.id });
    }
    if (deps.webhooks?.wecomUrl) await enqueueWebhook(deps.workQueue, 'wecom', text, key, png ? { image: png } : {});
    if (deps.webhooks?.dingtalkUrl) {
      const imageUrl = await cardUrl(deps, key, png);
      const md = imageUrl ? renderDigestForWebhook(digest) : null;
      await enqueueWebhook(deps.workQueue, 'dingtalk', md ? md.markdown : text, key, md && imageUrl ? { imageUrl, title: md.title } : {});
    }
    sent.push(g.cohort.code);
  }
  await deps.outbox.enqueueBulk(messages);
  // The chain goes on only once this day's messages are queued: a failed run is retried, not skipped.
  if (next) await planDigestOnClock(deps.scheduler, next, new Date(now.getTime() + 60_000));
  return { cohorts: sent };
});

/**
 * Plans the first daily digest at `time` in `tz` after `after`, on the scheduler's clock, for a
 * clock BullMQ's repeat cannot follow (a simulated one: its cron runs on real time). Each run
 * plans the next; ids per day keep one run a day however many workers plan it.
 */
export async function planDigestOnClock(scheduler: JobScheduler, next: { time: string; tz: string }, after: Date): Promise<string> {
  const minutes = parseClock(next.time) ?? 20 * 60 + 30;
  let day = localDay(after, next.tz);
  let runAt = atLocal(day, minutes, next.tz);
  if (runAt.getTime() <= after.getTime()) {
    day = localDay(new Date(runAt.getTime() + 86_400_000), next.tz);
    runAt = atLocal(day, minutes, next.tz);
  }
  await scheduler.schedule('daily-digest', { day, next }, { jobId: `daily-digest_${day}`, runAt });
  return day;
}
