import type { Job, Queue } from 'bullmq';
import type { z } from 'zod';
import type { Clock } from '../src/kernel/clock';
import type { ScoringConfig } from '../src/kernel/scoring-config';
import type { Logger } from '../src/kernel/logger';
import type { JobScheduler } from '../src/queue/job-scheduler';
import type { DestinationRateLimiter } from '../src/queue/destination-rate-limit';
import type { Outbox } from '../src/queue/outbox';
import type { Stores } from '../src/stores/create-stores';

/** What a job's `process` may use. */
export interface JobDeps {
  stores: Stores;
  scoring: ScoringConfig;
  /** Configured administrators (staff and office everywhere), who also receive digests and scorecards. */
  adminIds: string[];
  /** Where the end-of-training archive is written; none: not written. */
  exportDir?: string;
  /** The work queue, for jobs that plan further jobs (webhook deliveries). */
  workQueue: Queue;
  clock: Clock;
  log: Logger;
  outbox: Outbox;
  scheduler: JobScheduler;
  /** Outbound digest robots (SPEC §1); URLs and the secret live here, never in job data. */
  webhooks?: WebhookDeps;
}

/** Where the robot webhooks are and how fast each may be sent to; absent parts disable that channel. */
export interface WebhookDeps {
  wecomUrl?: string;
  dingtalkUrl?: string;
  dingtalkSecret?: string;
  /** Shared per-destination budget; without it sends are not spread out. */
  limiter?: DestinationRateLimiter;
  /** Sends per robot per window; default 20 a minute, the robots' own cap. */
  rate?: { limit: number; windowMs: number };
  /** Overrides how long a robot is left alone after it answered "too many messages". */
  rateLimitPauseMs?: number;
}

/** What a running BullMQ job lends its `process`: the job and its lock token (to delay it itself). */
export interface JobContext {
  job: Job;
  token?: string;
}

/** One job type: its name, payload schema and what it does. Jobs must be idempotent. */
export interface JobDefinition<P = unknown> {
  name: string;
  payload: z.ZodType<P>;
  process(payload: P, deps: JobDeps, jobId: string, ctx?: JobContext): Promise<unknown>;
}

/** Erases a job's payload type so definitions can sit in one registry. */
export function defineJob<P>(job: JobDefinition<P>): JobDefinition<unknown> {
  return job;
}
