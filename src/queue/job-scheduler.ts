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
}
