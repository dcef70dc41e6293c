import type { Stores } from '../../stores/create-stores';
import { gatherScorecardInput } from './gather-scorecard';
import { renderLecturerTier } from './lecturer-tier-assessment';
import { evaluateScorecard } from './scorecard';
import { LECTURER_TIER_LABEL } from './texts';

/**
 * The lecturers' tiers for the end-of-cohort report to staff (SPEC §3.5, §3.8): every lecturer
 * the timetable names, assessed as on their scorecard (profile, and the satisfied share of their
 * survey, which may still be open), as Chinese lines.
 */
export async function lecturerTierReport(stores: Stores, cohortId: string): Promise<string[]> {
  const sessions = await stores.sessions.listByCohort(cohortId);
  const names = [...new Set(sessions.filter((s) => !s.cancelled && s.lecturerName).map((s) => s.lecturerName))];
  if (names.length === 0) return [`${LECTURER_TIER_LABEL}：课表没有写讲师姓名，无法评定`];
  const surveys = await stores.surveys.listByCohort(cohortId);
  const lines = [`${LECTURER_TIER_LABEL}：`];
  for (const name of names) {
    const survey = surveys.find((s) => s.lecturerName === name);
    const input = await gatherScorecardInput(stores, cohortId, name, survey?.id);
    if (!input) continue;
    const tier = evaluateScorecard(input).lecturerTier;
    const [headline = '', ...evidence] = renderLecturerTier(tier);
    const note = tier.status !== 'assessed' ? '' : !survey ? '（尚无反馈问卷）' : survey.closedAt ? '' : '（反馈尚未截止，满意度为目前结果）';
    lines.push(`· ${name} ${headline}${note}`, ...evidence.map((l) => `  ${l}`));
  }
  return lines;
}
