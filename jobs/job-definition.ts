import type { Job, Queue } from 'bullmq';
import type { Clock } from '../src/kernel/clock';
import type { ScoringConfig } from '../src/kernel/scoring-config';
import type { Logger } from '../src/kernel/logger';
import type { JobData, JobName } from '../src/queue/job-catalogue';
import type { JobScheduler } from '../src/queue/job-scheduler';
import type { DestinationRateLimiter } from '../src/queue/destination-rate-limit';
import type { Outbox } from '../src/queue/outbox';
import type { Stores } from '../src/stores/create-stores';
import type { CardStore } from '../src/charts/card-url';

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
  /** Picture cards of the digest and the scorecard; absent: staff get the text alone. */
  cards?: CardDeps;
}

/** How the digest and scorecard pictures are drawn and, for DingTalk robots, served by the console. */
export interface CardDeps {
  /** CARD_FONT_FILE: the CJK font the cards are drawn with. */
  fontFile: string;
  /** CONSOLE_PUBLIC_URL and CONSOLE_SECRET with the store: set, DingTalk robots get the picture by signed URL. */
  publicUrl?: string;
  secret?: string;
  store?: Pick<CardStore, 'put'>;
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

/** What job `N` does with its validated payload. Jobs must be idempotent. */
export type JobProcess<N extends JobName> = (payload: JobData<N>, deps: JobDeps, jobId: string, ctx?: JobContext) => Promise<unknown>;

/** One job type's processor; its name and payload schema come from the catalogue (src/queue/job-catalogue.ts). */
export interface JobDefinition<N extends JobName = JobName> {
  readonly name: N;
  // A method, not a property: definitions of different jobs then sit in one registry.
  process(payload: JobData<N>, deps: JobDeps, jobId: string, ctx?: JobContext): Promise<unknown>;
}

/** Defines the processor of catalogued job `name`; the payload it gets is typed by the catalogue's schema. */
export function defineJob<N extends JobName>(name: N, process: JobProcess<N>): JobDefinition<N> {
  return { name, process };
}
