import type { JobName, JobPayload } from './job-catalogue';

/** Options for a job planned from the chat side; the id makes planning idempotent. */
export interface ScheduleOptions {
  jobId: string;
  /** When the job should run, on the scheduler's clock; now when left out. */
  runAt?: Date;
}

/** When reminders go out, from configuration (cohort-local HH:mm). */
export interface ReminderSettings {
  dayBeforeTime: string;
  reviewTime: string;
  homeworkReminderMinutes: number;
}

/** Reminder settings when configuration gives none. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { dayBeforeTime: '20:00', reviewTime: '08:00', homeworkReminderMinutes: 60 };

/** The port services use to plan background work without knowing BullMQ. */
export interface JobScheduler {
  readonly reminders: ReminderSettings;
  /** The clock the plan is made on. */
  now(): Date;
  /** Plans catalogued job `name`; a payload that does not fit its schema throws here, at the producer. */
  schedule<N extends JobName>(name: N, data: JobPayload<N>, options: ScheduleOptions): Promise<void>;
  cancel(jobId: string): Promise<void>;
  /** Ids of planned jobs whose id starts with `prefix`. */
  plannedIds(prefix: string): Promise<string[]>;
  /**
   * Puts entries into the batch that job `jobId` reads when it runs: one job fed by many
   * planners (every cohort's session reminders of one minute), each entry under its own key,
   * replacing what that key held. A planner touches only its keys, so none undoes another's.
   * Kept until the job has used them (takeFromBatch), and at most BATCH_KEEP_MS past `runAt`.
   */
  putInBatch(jobId: string, entries: Readonly<Record<string, unknown>>, runAt: Date): Promise<void>;
  /** Takes entries out of job `jobId`'s batch; keys it does not hold are ignored. */
  removeFromBatch(jobId: string, keys: readonly string[]): Promise<void>;
  /** Job `jobId`'s batch by key: what the job reads when it runs. */
  readBatch(jobId: string): Promise<Map<string, unknown>>;
  /**
   * Takes out of job `jobId`'s batch the entries the job used, each only if it still holds what
   * the job read (an entry a planner replaced or added meanwhile stays); returns how many are left.
   */
  takeFromBatch(jobId: string, used: ReadonlyMap<string, unknown>): Promise<number>;
  /** Drops job `jobId`'s whole batch. */
  clearBatch(jobId: string): Promise<void>;
}

/**
 * How long a batch outlives its job's planned time when the job never uses it (a worker outage):
 * as long as a finished job is kept, so a batch run late still finds its entries.
 */
export const BATCH_KEEP_MS = 14 * 24 * 3600 * 1000;
