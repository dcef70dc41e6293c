import type { OutgoingMessage } from '../src/platform/chat-event';
import type { Cohort } from '../src/domain/types';
import type { Homework } from '../src/domain/types';
import type { JobDeps } from './job-definition';
import type { MessageExpiry } from '../src/queue/outbox';
import { planApproved } from '../src/features/cohorts';

/** Queues one message to every group bound to a cohort; `key` plus the group makes the outbox id. */
export async function sendToCohortGroups(deps: JobDeps, cohortId: string, message: OutgoingMessage, key: string, expiry?: MessageExpiry): Promise<number> {
  const groups = await deps.stores.bindings.listByCohort(cohortId);
  for (const g of groups) await deps.outbox.enqueue({ kind: 'group', id: g.groupId }, message, `${key}_${g.groupId.replace(/:/g, '_')}`, { expiry });
  return groups.length;
}

/** A homework and its cohort, when the cohort's plan is approved (jobs do nothing otherwise). */
export async function approvedHomework(deps: JobDeps, homeworkId: string): Promise<{ hw: Homework; cohort: Cohort } | null> {
  const hw = await deps.stores.homework.findById(homeworkId);
  if (!hw) return null;
  const cohort = await deps.stores.cohorts.findById(hw.cohortId);
  return cohort && planApproved(cohort) ? { hw, cohort } : null;
}
