import { Queue } from 'bullmq';
import type { RedisClient } from './redis-connection';
import { BATCH_KEEP_MS, DEFAULT_REMINDER_SETTINGS, type JobScheduler, type ReminderSettings, type ScheduleOptions } from './job-scheduler';
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
/** Deletes each field (ARGV: field, value, …) that still holds the value given; returns the fields left. */
const TAKE_UNCHANGED = `for i = 1, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
return redis.call('HLEN', KEYS[1])`;

export class BullmqScheduler implements JobScheduler {
  readonly queue: Queue;

  constructor(
    private readonly connection: RedisClient,
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

  /** One Redis hash per batch (field: entry key, value: the entry as JSON), beside the queue's own keys. */
  async putInBatch(jobId: string, entries: Readonly<Record<string, unknown>>, runAt: Date): Promise<void> {
    const fields = Object.entries(entries).flatMap(([key, entry]) => [key, JSON.stringify(entry)]);
    if (fields.length === 0) return;
    const key = this.batchKey(jobId);
    await this.connection
      .multi()
      .hset(key, ...fields)
      .pexpire(key, Math.round(this.clock.msUntil(runAt)) + BATCH_KEEP_MS)
      .exec();
  }

  async removeFromBatch(jobId: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.connection.hdel(this.batchKey(jobId), ...keys);
  }

  async readBatch(jobId: string): Promise<Map<string, unknown>> {
    const fields: Record<string, string> = await this.connection.hgetall(this.batchKey(jobId));
    return new Map(Object.entries(fields).map(([key, json]) => [key, JSON.parse(json) as unknown]));
  }

  async takeFromBatch(jobId: string, used: ReadonlyMap<string, unknown>): Promise<number> {
    const args = [...used].flatMap(([field, entry]) => [field, JSON.stringify(entry)]);
    return Number(await this.connection.eval(TAKE_UNCHANGED, 1, this.batchKey(jobId), ...args));
  }

  async clearBatch(jobId: string): Promise<void> {
    await this.connection.del(this.batchKey(jobId));
  }

  /** A job id never holds a colon, so this key cannot be a job's own. */
  private batchKey(jobId: string): string {
    return `${this.queue.qualifiedName}:batch:${jobId}`;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/** Reminder times as configured. */
export function reminderSettings(config: Pick<Config, 'REMINDER_DAY_BEFORE_TIME' | 'REVIEW_REMINDER_TIME' | 'HOMEWORK_REMINDER_MINUTES'>): ReminderSettings {
  return { dayBeforeTime: config.REMINDER_DAY_BEFORE_TIME, reviewTime: config.REVIEW_REMINDER_TIME, homeworkReminderMinutes: config.HOMEWORK_REMINDER_MINUTES };
}
