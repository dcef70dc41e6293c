import type { z } from 'zod';
import type { Clock } from '../src/core/clock';
import type { ScoringConfig } from '../src/config/scoring-config';
import type { Logger } from '../src/core/logger';
import type { JobScheduler } from '../src/queue/job-scheduler';
import type { Outbox } from '../src/queue/outbox';
import type { LeaveService } from '../src/services/leave-service';
import type { Stores } from '../src/stores/create-stores';

/** What a job's `process` may use. */
export interface JobDeps {
  stores: Stores;
  scoring: ScoringConfig;
  clock: Clock;
  log: Logger;
  outbox: Outbox;
  scheduler: JobScheduler;
  leave: LeaveService;
}

/** One job type: its name, payload schema and what it does. Jobs must be idempotent. */
export interface JobDefinition<P = unknown> {
  name: string;
  payload: z.ZodType<P>;
  process(payload: P, deps: JobDeps, jobId: string): Promise<unknown>;
}

/** Erases a job's payload type so definitions can sit in one registry. */
export function defineJob<P>(job: JobDefinition<P>): JobDefinition<unknown> {
  return job;
}
