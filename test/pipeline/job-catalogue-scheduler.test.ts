/**
 * The BullMQ side of the job catalogue on real Redis: the scheduler checks payloads before they
 * reach the queue and stores the catalogue's options; the worker fails a job whose data does not
 * fit its schema for good, without spending retries on it.
 */
import { Queue, type Job, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobDeps } from '../../jobs/job-definition';
import { startWorkers } from '../../jobs/start-workers';
import { AdjustableClock } from '../../src/kernel/clock';
import { createLogger } from '../../src/kernel/logger';
import { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { DEFAULT_JOB_OPTIONS } from '../../src/queue/job-catalogue';
import { JobPayloadError } from '../../src/queue/job-payload-error';
import { WORK_QUEUE } from '../../src/queue/queue-names';
import { createRedis } from '../../src/queue/redis-connection';
import { redisUrl, uniqueName } from '../support/test-env';

const SESSION = '0123456789abcdef01234567';

/** Polls a job until it reaches one of `states`. */
async function settle(queue: Queue, jobId: string, states: string[] = ['completed', 'failed'], timeoutMs = 20_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    if (job && states.includes(await job.getState())) return (await queue.getJob(jobId)) ?? job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not reach ${states.join('/')}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the BullMQ scheduler and workers use the job catalogue', () => {
  let connection: Redis;
  let prefix: string;
  let clock: AdjustableClock;
  let scheduler: BullmqScheduler;

  beforeAll(async () => {
    connection = createRedis(redisUrl());
    prefix = uniqueName('catalogue');
    clock = new AdjustableClock(new Date('2027-03-01T08:00:00+08:00'));
    scheduler = new BullmqScheduler(connection, prefix, WORK_QUEUE, clock);
    await scheduler.queue.waitUntilReady();
  });

  afterAll(async () => {
    await scheduler.queue.obliterate({ force: true }).catch(() => undefined);
    await scheduler.close();
    await connection.quit();
  });

  it('refuses a payload that does not fit, before anything reaches the queue', async () => {
    // Untyped data, as from JSON: the type checker would refuse this call in a producer.
    const data = JSON.parse('{"sessionId":"nope"}') as { sessionId: string };
    await expect(scheduler.schedule('close-session', data, { jobId: 'close-bad' })).rejects.toBeInstanceOf(JobPayloadError);
    expect(await scheduler.queue.getJob('close-bad')).toBeUndefined();
  });

  it('plans a job with the catalogue’s retry and retention and a delay to its time', async () => {
    const runAt = new Date(clock.now().getTime() + 3600_000);
    await scheduler.schedule('remind-session', { sessionId: SESSION, minutes: 30 }, { jobId: 'remind-ok', runAt });
    const job = (await scheduler.queue.getJob('remind-ok'))!;
    expect(job.name).toBe('remind-session');
    expect(job.data).toEqual({ sessionId: SESSION, minutes: 30 });
    expect(job.opts).toMatchObject({
      attempts: DEFAULT_JOB_OPTIONS.attempts,
      backoff: DEFAULT_JOB_OPTIONS.backoff,
      removeOnComplete: DEFAULT_JOB_OPTIONS.removeOnComplete,
      removeOnFail: DEFAULT_JOB_OPTIONS.removeOnFail,
    });
    expect(Math.abs(job.delay - 3600_000)).toBeLessThan(5_000);
  });

  it('repeats the daily digest under its catalogue name, with the catalogue’s options', async () => {
    await scheduler.repeat('daily-digest', {}, { pattern: '0 21 * * *', tz: 'Asia/Shanghai' });
    const repeating = await scheduler.queue.getJobScheduler('daily-digest');
    expect(repeating).toMatchObject({ name: 'daily-digest', pattern: '0 21 * * *', tz: 'Asia/Shanghai' });
    expect(repeating?.template?.opts).toMatchObject({ attempts: DEFAULT_JOB_OPTIONS.attempts, removeOnComplete: DEFAULT_JOB_OPTIONS.removeOnComplete });
    const next = (await scheduler.queue.getDelayed()).find((j) => j.name === 'daily-digest');
    expect(next?.data).toEqual({});
    expect(next?.opts.attempts).toBe(DEFAULT_JOB_OPTIONS.attempts);
    await scheduler.queue.removeJobScheduler('daily-digest');
  });

  it('a worker fails a job whose data does not fit its schema for good, on the first attempt', async () => {
    const workerRedis = createRedis(redisUrl());
    let worker: Worker | undefined;
    try {
      worker = startWorkers(workerRedis, prefix, { log: createLogger('silent') } as unknown as JobDeps, 1);
      // Put there by something that bypassed the scheduler (an older release, a hand-made job).
      await scheduler.queue.add('close-session', { sessionId: 42 }, { jobId: 'close-raw', attempts: 5 });
      const job = await settle(scheduler.queue, 'close-raw');
      expect(await job.getState()).toBe('failed');
      expect(job.failedReason).toMatch(/bad payload for close-session/);
      expect(job.attemptsMade).toBe(1);
    } finally {
      await worker?.close();
      await workerRedis.quit();
    }
  });
});
