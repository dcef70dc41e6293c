import path from 'node:path';
import { defineJob } from './job-definition';
import { buildArchive, saveArchive } from '../src/features/reporting/archive-workbooks';
import { endOfTrainingLines } from '../src/features/reporting/end-of-training';
import { archiveFollows, archiveNotSendable } from '../src/features/reporting/texts';
import { staffOf } from '../src/features/moderation/moderation-service';
import { lecturerTierReport } from '../src/features/feedback';

/**
 * The end of training (SPEC §3.4, §3.5, §3.6, §3.8): tiers are evaluated, and staff receive
 * privately the tier counts, the recommendation list (推荐名单, those who clear the attendance
 * and points bar, for staff to review), each lecturer's tier (or what their profile lacks), and
 * the whole archive workbook as a file (where the platform cannot send files, how to get it;
 * never a server path). A copy of the archive is kept in EXPORT_DIR when one is configured.
 * The same outbox ids and the same file again change nothing, so a retried job is harmless.
 */
export const cohortEndedJob = defineJob('cohort-ended', async ({ cohortId }, deps) => {
  const cohort = await deps.stores.cohorts.findById(cohortId);
  if (!cohort) return { skipped: 'no cohort' };
  const now = deps.clock.now();
  const { lines, listed } = await endOfTrainingLines(deps.stores, cohort, deps.scoring, now);
  const archive = await buildArchive(deps.stores, cohortId, '档案', { scoring: deps.scoring, now });
  lines.push(archiveFollows(archive.fileName), ...(await lecturerTierReport(deps.stores, cohortId)));
  // The server keeps a copy for the office; its path goes to the log, never to chat.
  if (deps.exportDir) deps.log.info({ cohortId, file: await saveArchive(archive, path.join(deps.exportDir, cohort.code)) }, 'end-of-training archive saved');
  for (const id of await staffOf({ stores: deps.stores, config: { ADMIN_IDS: deps.adminIds } }, cohort)) {
    const key = `${cohortId}_${id.replace(/:/g, '_')}`;
    await deps.outbox.enqueue({ kind: 'private', id }, { text: lines.join('\n') }, `cohort-ended_${key}`, { cohortId });
    await deps.outbox.enqueueFile({ kind: 'private', id }, { name: archive.fileName, data: archive.buffer }, archiveNotSendable(cohort.name, cohort.code), `cohort-ended-archive_${key}`, { cohortId });
  }
  return { recommended: listed, archive: archive.fileName };
});
