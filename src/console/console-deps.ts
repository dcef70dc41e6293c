import type { Queue } from 'bullmq';
import type { Connection } from 'mongoose';
import type { RedisClient } from '../queue/redis-connection';
import type { Clock } from '../kernel/clock';
import type { Config } from '../kernel/load-config';
import type { Logger } from '../kernel/logger';
import type { ScoringConfig } from '../kernel/scoring-config';
import type { JobScheduler } from '../queue/job-scheduler';
import type { OutboxPort } from '../queue/send-or-queue';
import type { Stores } from '../stores/create-stores';

/**
 * What the staff console runs on, built once by its process (or by a test): the stores, the
 * outbox through which every notice goes (the console has no platform session), the scheduler
 * that plan approval plans jobs with, and the queues the jobs page reads.
 */
export interface ConsoleDeps {
  config: Config;
  stores: Stores;
  /** The stores' connection: the cohort page reads a few collections with projections of its own. */
  conn: Connection;
  scoring: ScoringConfig;
  redis: RedisClient;
  clock: Clock;
  log: Logger;
  outbox: OutboxPort;
  scheduler: JobScheduler;
  /** The queues the jobs page shows (work, outbox). */
  queues: readonly Queue[];
}
