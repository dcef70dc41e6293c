import type { Cohort } from '../../domain/types';
import { AppError } from '../../kernel/app-error';
import type { JobScheduler } from '../../queue/job-scheduler';
import type { Stores } from '../../stores/create-stores';
import { planSessionJobs } from './session-planner';
import { planApproved } from './plan-approval';

/** Submits a cohort's plan for the office's approval (seed: 第五条, 四(一)1). */
export async function submitPlan(stores: Stores, cohort: Cohort, by: string, at: Date): Promise<Cohort> {
  if (planApproved(cohort)) throw new AppError('PLAN_ALREADY_APPROVED', `「${cohort.name}」的方案已经批准，无需再次提交。`);
  const sessions = await stores.sessions.listByCohort(cohort.id);
  if (sessions.length === 0) throw new AppError('PLAN_NO_TIMETABLE', '提交方案前请先录入课表（#课表）。方案要包含培训时间、地点、内容、讲师和排期。');
  const updated = await stores.cohorts.setPlanStatus(cohort.id, ['draft', 'rejected'], 'submitted', { at, by });
  if (!updated) throw new AppError('PLAN_ALREADY_SUBMITTED', `「${cohort.name}」的方案已提交，正在等待办公室审批。`);
  return updated;
}

/** The office approves a submitted plan; sessions' jobs are planned from then on. */
export async function approvePlan(stores: Stores, scheduler: JobScheduler, cohort: Cohort, by: string, at: Date): Promise<Cohort> {
  if (planApproved(cohort)) throw new AppError('PLAN_ALREADY_APPROVED', `「${cohort.name}」的方案已经批准过了。`);
  const updated = await stores.cohorts.setPlanStatus(cohort.id, ['submitted'], 'approved', { at, by });
  if (!updated) throw new AppError('PLAN_NOT_SUBMITTED', `「${cohort.name}」的方案还没有提交，不能批准。`);
  await planSessionJobs(scheduler, updated, await stores.sessions.listByCohort(cohort.id));
  return updated;
}

/** The office rejects a submitted plan with a reason. */
export async function rejectPlan(stores: Stores, cohort: Cohort, by: string, at: Date, reason: string): Promise<Cohort> {
  const updated = await stores.cohorts.setPlanStatus(cohort.id, ['submitted'], 'rejected', { at, by, reason });
  if (!updated) throw new AppError('PLAN_NOT_SUBMITTED', `「${cohort.name}」的方案不在待审批状态，不能驳回。`);
  return updated;
}
