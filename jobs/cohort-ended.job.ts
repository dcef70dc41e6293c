import path from 'node:path';
import { defineJob } from './job-definition';
import { buildArchive, saveArchive } from '../src/features/reporting/archive-workbooks';
import { staffOf } from '../src/features/moderation/moderation-service';
import { traineeRecords } from '../src/features/points/points-service';
import { evaluateStandings, outstandingList, TIER_NAMES } from '../src/features/points';
import { lecturerTierReport } from '../src/features/feedback';

/**
 * The end of training (SPEC §3.4, §3.5, §3.6, §3.8): tiers are evaluated, the outstanding-trainee
 * list (at least five) and each lecturer's tier (or what their profile lacks) go to staff, and the whole archive workbook is written to EXPORT_DIR
 * with its path sent to staff. Writing the same file and the same outbox ids again changes
 * nothing, so a retried job is harmless.
 */
export const cohortEndedJob = defineJob('cohort-ended', async ({ cohortId }, deps) => {
  const cohort = await deps.stores.cohorts.findById(cohortId);
  if (!cohort) return { skipped: 'no cohort' };
  const records = await traineeRecords(deps.stores, cohort);
  const standings = evaluateStandings(records, deps.scoring);
  const list = outstandingList(records, deps.scoring);
  const tiers = (['incubation', 'excellent', 'basic'] as const).map((t) => `${TIER_NAMES[t]} ${standings.filter((s) => s.tier === t).length} 人`);
  const lines = [
    `「${cohort.name}」培训结束：${tiers.join('，')}`,
    `优秀学员名单（${list.length} 人）：`,
    ...list.map((e, i) => `${i + 1}. ${e.name} — ${e.reason}`),
  ];
  if (list.length < deps.scoring.tiers.outstandingListSize) lines.push(`⚠️ 不足 ${deps.scoring.tiers.outstandingListSize} 人，请讲师补充推荐（#优秀学员 @学员）。`);
  lines.push(...(await lecturerTierReport(deps.stores, cohortId)));
  let saved: string | null = null;
  if (deps.exportDir) {
    saved = await saveArchive(await buildArchive(deps.stores, cohortId, '档案', { scoring: deps.scoring, now: deps.clock.now() }), path.join(deps.exportDir, cohort.code));
    lines.push(`培训档案已导出：${saved}`);
  }
  for (const id of await staffOf({ stores: deps.stores, config: { ADMIN_IDS: deps.adminIds } }, cohort)) {
    await deps.outbox.enqueue({ kind: 'private', id }, { text: lines.join('\n') }, `cohort-ended_${cohortId}_${id.replace(/:/g, '_')}`);
  }
  return { outstanding: list.length, archive: saved };
});
