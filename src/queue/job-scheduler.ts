/** Options for a job planned from the chat side; the id makes planning idempotent. */
export interface ScheduleOptions {
  jobId: string;
  delayMs?: number;
}

/** The port services use to plan background work without knowing BullMQ. */
export interface JobScheduler {
  schedule(name: string, data: Record<string, unknown>, options: ScheduleOptions): Promise<void>;
  cancel(jobId: string): Promise<void>;
}
