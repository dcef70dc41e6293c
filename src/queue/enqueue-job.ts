import type { JobsOptions } from 'bullmq';
import { jobDefaults, parseJobPayload, type JobName, type JobPayload } from './job-catalogue';

/** What one enqueue sets on top of the catalogue's defaults. */
export interface EnqueueOptions {
  /** Deterministic id: enqueuing the same id again is a no-op, so producers may repeat themselves. */
  jobId: string;
  /** Milliseconds before the job may run; at once when left out. */
  delay?: number;
  /** Replaces the catalogue's number of attempts. */
  attempts?: number;
  /** Replaces the catalogue's first backoff delay (tests shorten it). */
  backoffMs?: number;
}

/** The part of a BullMQ queue an enqueue needs; a `Queue` is one, and unit tests pass a fake. */
export interface JobSink {
  add(name: string, data: unknown, opts: JobsOptions): Promise<unknown>;
}

/** The BullMQ options of one enqueue: the catalogue's defaults for `name`, then this call's id, delay and overrides. */
export function enqueueOptions(name: JobName, options: EnqueueOptions): JobsOptions {
  const defaults = jobDefaults(name);
  return {
    ...defaults,
    jobId: options.jobId,
    delay: options.delay ?? 0,
    attempts: options.attempts ?? defaults.attempts,
    backoff: { ...defaults.backoff, delay: options.backoffMs ?? defaults.backoff.delay },
  };
}

/**
 * Adds job `name` to `queue` the one way every producer does: the payload checked against the
 * catalogue first (a producer bug throws JobPayloadError here, not later in a worker), the
 * catalogue's retry and retention applied.
 */
export async function enqueueJob<N extends JobName>(queue: JobSink, name: N, data: JobPayload<N>, options: EnqueueOptions): Promise<void> {
  const payload = parseJobPayload(name, data);
  await queue.add(name, payload, enqueueOptions(name, options));
}
