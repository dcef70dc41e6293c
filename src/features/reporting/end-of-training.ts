import type { Cohort } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';
import type { ScoringConfig } from '../../kernel/scoring-config';
import { evaluateStandings, recommendationLines, recommendationList, TIER_NAMES, traineeRecords } from '../points';
import { endOfTrainingHeading, tierCounts } from './texts';

/**
 * The end-of-training report's lines before the lecturer tiers: tiers as evaluated, then the
 * recommendation list (推荐名单) with its bar and what is short, as the points feature writes
 * both (the same list and words as 排名 and the 档案 workbook).
 */
export async function endOfTrainingLines(stores: Stores, cohort: Cohort, scoring: ScoringConfig, now: Date): Promise<{ lines: string[]; listed: number }> {
  const records = await traineeRecords(stores, cohort, now);
  const standings = evaluateStandings(records, scoring);
  const list = recommendationList(records, scoring);
  const tiers = (['incubation', 'excellent', 'basic'] as const).map((t) => ({ name: TIER_NAMES[t], count: standings.filter((s) => s.tier === t).length }));
  const lines = [endOfTrainingHeading(cohort.name), tierCounts(tiers), ...recommendationLines(list, scoring)];
  return { lines, listed: list.listed.length };
}
