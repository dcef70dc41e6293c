import { AppError } from '../../kernel/app-error';
import type { Stores } from '../../stores/create-stores';
import type { DigestInput, DigestProgress } from './digest';

/**
 * Reads everything one cohort's daily digest needs from the stores (plain finds per cohort,
 * inside what FerretDB 1.24 serves). Survey and follow-up counts come from their features
 * once those exist; until then `progress` is passed through as given.
 */
export async function gatherDigestInput(stores: Stores, cohortId: string, progress?: DigestProgress): Promise<DigestInput> {
  const cohort = await stores.cohorts.findById(cohortId);
  if (!cohort) throw new AppError('COHORT_UNKNOWN', '找不到这个班级。', `cohort ${cohortId} not found`);
  const [sessions, members, attendance, leave, homework, submissions, moderation] = await Promise.all([
    stores.sessions.listByCohort(cohortId),
    stores.members.listWithRole(cohortId, 'trainee'),
    stores.attendance.listByCohort(cohortId),
    stores.leave.listByCohort(cohortId),
    stores.homework.listByCohort(cohortId),
    stores.submissions.listByCohort(cohortId),
    stores.moderation.listByCohort(cohortId),
  ]);
  return { cohort, sessions, members, attendance, leave, homework, submissions, moderation, ...(progress ? { progress } : {}) };
}
