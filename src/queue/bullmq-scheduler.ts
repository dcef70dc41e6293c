import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobScheduler, ScheduleOptions } from './job-scheduler';

/** How long finished jobs are kept, so a re-plan with the same id does not run them again. */
const KEEP_COMPLETED_SECONDS = 14 * 24 * 3600;

/** JobScheduler on a BullMQ queue: deterministic ids make planning idempotent. */
export class BullmqScheduler implements JobScheduler {
  readonly queue: Queue;

  constructor(connection: Redis, prefix: string, queueName: string) {
    this.queue = new Queue(queueName, { connection, prefix });
  }

  async schedule(name: string, data: Record<string, unknown>, options: ScheduleOptions): Promise<void> {
    await this.queue.add(name, data, {
      jobId: options.jobId,
      delay: options.delayMs ?? 0,
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
      removeOnFail: { age: KEEP_COMPLETED_SECONDS },
    });
  }

  async cancel(jobId: string): Promise<void> {
    await this.queue.remove(jobId);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
