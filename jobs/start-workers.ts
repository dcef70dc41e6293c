import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { RedisClient } from '../src/queue/redis-connection';
import { WORK_QUEUE } from '../src/queue/queue-names';
import { queueErrorLogger } from '../src/queue/redis-connection';
import { isJobName, parseJobPayload, type JobData, type JobName } from '../src/queue/job-catalogue';
import { JobPayloadError } from '../src/queue/job-payload-error';
import type { JobDeps } from './job-definition';
import { jobRegistry } from './job-registry';

/** Runs the work queue: each job is dispatched by name and checked against the catalogue; a bad payload fails for good. */
export function startWorkers(connection: RedisClient, prefix: string, deps: JobDeps, concurrency = 4, lockMs = 30_000): Worker {
  const worker = new Worker(
    WORK_QUEUE,
    async (job: Job, token?: string) => {
      const def = jobRegistry.get(job.name);
      if (!def || !isJobName(job.name)) throw new UnrecoverableError(`unknown job ${job.name}`);
      return def.process(checkedPayload(job.name, job.data), deps, job.id ?? '', { job, token });
    },
    // A crashed worker's job is taken over once its lock lapses (stalled-job check at the same pace).
    { connection, prefix, concurrency, lockDuration: lockMs, stalledInterval: lockMs },
  );
  worker.on('failed', (job, err) => deps.log.warn({ err, jobId: job?.id, name: job?.name }, 'job failed'));
  worker.on('completed', (job) => deps.log.info({ jobId: job.id, name: job.name }, 'job done'));
  worker.on('error', queueErrorLogger(deps.log, WORK_QUEUE));
  return worker;
}

/** The job's data as its catalogue schema reads it; data that can never fit fails the job for good, without retries. */
function checkedPayload(name: JobName, data: unknown): JobData<JobName> {
  try {
    return parseJobPayload(name, data);
  } catch (err) {
    if (err instanceof JobPayloadError) throw new UnrecoverableError(err.message);
    throw err;
  }
}
