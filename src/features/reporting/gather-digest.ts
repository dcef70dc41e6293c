import { AppError } from '../../kernel/app-error';
import type { Stores } from '../../stores/create-stores';
import { surveyProgress } from '../feedback';
import { COHORT_UNKNOWN } from '../cohorts';
import type { DigestInput } from './digest';

/**
 * Reads everything one cohort's daily digest needs from the stores (plain finds per cohort,
 * inside what FerretDB 1.24 serves), survey and follow-up progress included. The one gathering
 * for the scheduled digest and 日报 on demand, so the two always show the same sections.
 */
export async function gatherDigestInput(stores: Stores, cohortId: string): Promise<DigestInput> {
  // Progress first, then the rest: the same order of reads the digest benchmark times.
  const progress = await surveyProgress(stores, cohortId);
  const cohort = await stores.cohorts.findById(cohortId);
  if (!cohort) throw new AppError('COHORT_UNKNOWN', COHORT_UNKNOWN, `cohort ${cohortId} not found`);
  const [sessions, members, attendance, leave, homework, submissions, moderation] = await Promise.all([
    stores.sessions.listByCohort(cohortId),
    stores.members.listWithRole(cohortId, 'trainee'),
    stores.attendance.listByCohort(cohortId),
    stores.leave.listByCohort(cohortId),
    stores.homework.listByCohort(cohortId),
    stores.submissions.listByCohort(cohortId),
    stores.moderation.listByCohort(cohortId),
  ]);
  return { cohort, sessions, members, attendance, leave, homework, submissions, moderation, progress };
}
