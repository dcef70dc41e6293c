import type { Cohort } from '../../domain/types';

/**
 * Whether a cohort may run: its training plan is approved by the office (seed 培训计划管理制度
 * 第五条; SPEC §3.6). Until then no session runs, nobody signs in, no reminder, closing or
 * survey goes out. The one place this rule is written.
 */
export function planApproved(cohort: Pick<Cohort, 'plan'>): boolean {
  return cohort.plan.status === 'approved';
}
