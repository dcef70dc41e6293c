import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DEFAULT_REMINDER_SETTINGS, type JobScheduler, type ReminderSettings, type ScheduleOptions } from './job-scheduler';
import { systemClock, type Clock } from '../kernel/clock';
import type { Config } from '../kernel/load-config';

/** How long finished jobs are kept, so a re-plan with the same id does not run them again. */
const KEEP_COMPLETED_SECONDS = 14 * 24 * 3600;

/** JobScheduler on a BullMQ queue: deterministic ids make planning idempotent. */
export class BullmqScheduler implements JobScheduler {
  readonly queue: Queue;

  constructor(
    connection: Redis,
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

  async schedule(name: string, data: Record<string, unknown>, options: ScheduleOptions): Promise<void> {
    await this.queue.add(name, data, {
      jobId: options.jobId,
      delay: options.runAt ? Math.round(this.clock.msUntil(options.runAt)) : 0,
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
      removeOnFail: { age: KEEP_COMPLETED_SECONDS },
    });
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
