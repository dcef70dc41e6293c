import { Queue } from 'bullmq';
import type { RedisClient } from './redis-connection';
import { DEFAULT_REMINDER_SETTINGS, type JobScheduler, type ReminderSettings, type ScheduleOptions } from './job-scheduler';
import { enqueueJob } from './enqueue-job';
import { jobDefaults, parseJobPayload, type JobName, type JobPayload } from './job-catalogue';
import { systemClock, type Clock } from '../kernel/clock';
import type { Config } from '../kernel/load-config';

/** When a repeating job runs: a cron pattern in a time zone. */
export interface RepeatSchedule {
  pattern: string;
  tz: string;
}

/** JobScheduler on a BullMQ queue: deterministic ids make planning idempotent. */
export class BullmqScheduler implements JobScheduler {
  readonly queue: Queue;

  constructor(
    connection: RedisClient,
    prefix: string,
    queueName: string,
    private readonly clock: Clock = systemClock,
    readonly reminders: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  ) {
    this.queue = new Queue(queueName, { connection, prefix });
  }

  now(): Date {
    return this.clock.now();
  }

  /** Validates the payload against the catalogue, then adds the job with the catalogue's options. */
  async schedule<N extends JobName>(name: N, data: JobPayload<N>, options: ScheduleOptions): Promise<void> {
    const delay = options.runAt ? Math.round(this.clock.msUntil(options.runAt)) : 0;
    await enqueueJob(this.queue, name, data, { jobId: options.jobId, delay });
  }

  /**
   * Runs job `name` on a repeating schedule (one per name: every process may upsert the same
   * one, BullMQ runs it once), with the catalogue's payload check and options.
   */
  async repeat<N extends JobName>(name: N, data: JobPayload<N>, schedule: RepeatSchedule): Promise<void> {
    const payload = parseJobPayload(name, data);
    await this.queue.upsertJobScheduler(name, { pattern: schedule.pattern, tz: schedule.tz }, { name, data: payload, opts: jobDefaults(name) });
  }

  async cancel(jobId: string): Promise<void> {
    await this.queue.remove(jobId);
  }

  /** Ids of the planned (delayed or waiting) jobs whose id starts with `prefix`. */
  async plannedIds(prefix: string): Promise<string[]> {
    const jobs = await this.queue.getJobs(['delayed', 'waiting', 'prioritized']);
    return jobs.map((j) => j.id ?? '').filter((id) => id.startsWith(prefix));
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/** Reminder times as configured. */
export function reminderSettings(config: Pick<Config, 'REMINDER_DAY_BEFORE_TIME' | 'REVIEW_REMINDER_TIME' | 'HOMEWORK_REMINDER_MINUTES'>): ReminderSettings {
  return { dayBeforeTime: config.REMINDER_DAY_BEFORE_TIME, reviewTime: config.REVIEW_REMINDER_TIME, homeworkReminderMinutes: config.HOMEWORK_REMINDER_MINUTES };
}
