import type { Cohort } from '../../domain/types';
import { AppError } from '../../kernel/app-error';
import type { JobScheduler } from '../../queue/job-scheduler';
import type { Stores } from '../../stores/create-stores';
import { replanCohortJobs } from './session-planner';
import { planApproved } from './plan-approval';
import { planAlreadyApproved, planAlreadyApprovedNoResubmit, planAlreadySubmitted, PLAN_NEEDS_TIMETABLE, planNotPending, planNotSubmitted } from './texts';

/** Submits a cohort's plan for the office's approval (seed: 第五条, 四(一)1). */
export async function submitPlan(stores: Stores, cohort: Cohort, by: string, at: Date): Promise<Cohort> {
  if (planApproved(cohort)) throw new AppError('PLAN_ALREADY_APPROVED', planAlreadyApprovedNoResubmit(cohort.name));
  const sessions = await stores.sessions.listByCohort(cohort.id);
  if (sessions.length === 0) throw new AppError('PLAN_NO_TIMETABLE', PLAN_NEEDS_TIMETABLE);
  const updated = await stores.cohorts.setPlanStatus(cohort.id, ['draft', 'rejected'], 'submitted', { at, by });
  if (!updated) throw new AppError('PLAN_ALREADY_SUBMITTED', planAlreadySubmitted(cohort.name));
  return updated;
}

/** The office approves a submitted plan; sessions' jobs are planned from then on. */
export async function approvePlan(stores: Stores, scheduler: JobScheduler, cohort: Cohort, by: string, at: Date): Promise<Cohort> {
  if (planApproved(cohort)) throw new AppError('PLAN_ALREADY_APPROVED', planAlreadyApproved(cohort.name));
  const updated = await stores.cohorts.setPlanStatus(cohort.id, ['submitted'], 'approved', { at, by });
  if (!updated) throw new AppError('PLAN_NOT_SUBMITTED', planNotSubmitted(cohort.name));
  await replanCohortJobs(stores, scheduler, updated);
  return updated;
}

/** The office rejects a submitted plan with a reason. */
export async function rejectPlan(stores: Stores, cohort: Cohort, by: string, at: Date, reason: string): Promise<Cohort> {
  const updated = await stores.cohorts.setPlanStatus(cohort.id, ['submitted'], 'rejected', { at, by, reason });
  if (!updated) throw new AppError('PLAN_NOT_SUBMITTED', planNotPending(cohort.name));
  return updated;
}
