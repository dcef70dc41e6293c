import { Queue } from 'bullmq';
import { loadConfig } from '../src/kernel/load-config';
import { accountOfOutboxQueue, WORK_QUEUE } from '../src/queue/queue-names';
import { findOutboxQueues } from '../src/queue/outbox-queues';
import { createRedis } from '../src/queue/redis-connection';

const STATES = ['waiting', 'delayed', 'active', 'failed', 'completed'] as const;

/**
 * `cohort-bot jobs [--failed N]`: the operator's view of the queues: counts by state and the
 * latest failures, for the work queue and each outbox queue (the shared one, then one per bot
 * account: a bot process that is down shows as its account's backlog).
 */
export async function runJobsCommand(
  args: string[],
  io: { env: NodeJS.ProcessEnv; out: NodeJS.WritableStream } = { env: process.env, out: process.stdout },
): Promise<number> {
  const i = args.indexOf('--failed');
  const failedShown = i >= 0 ? Math.max(0, Number(args[i + 1] ?? 10) || 0) : 10;
  const config = loadConfig(io.env);
  const redis = createRedis(config.REDIS_URL, config.REDIS_CLUSTER_NODES);
  try {
    for (const name of [WORK_QUEUE, ...(await findOutboxQueues(redis, config.QUEUE_PREFIX))]) {
      const queue = new Queue(name, { connection: redis, prefix: config.QUEUE_PREFIX });
      const counts = await queue.getJobCounts(...STATES);
      const account = accountOfOutboxQueue(name);
      io.out.write(`${name}${account ? ` (account ${account})` : ''}: ${STATES.map((s) => `${s} ${counts[s] ?? 0}`).join(' · ')}\n`);
      const delayed = await queue.getJobs(['delayed'], 0, 4, true);
      for (const job of delayed) io.out.write(`  next: ${job.name} ${job.id ?? ''} at ${new Date(job.timestamp + job.delay).toISOString()}\n`);
      const failed = failedShown > 0 ? await queue.getJobs(['failed'], 0, failedShown - 1, false) : [];
      for (const job of failed) {
        io.out.write(`  failed: ${job.name} ${job.id ?? ''} after ${job.attemptsMade} attempt(s): ${job.failedReason}\n`);
      }
      const schedulers = await queue.getJobSchedulers();
      for (const s of schedulers) io.out.write(`  repeating: ${s.key} ${s.pattern ?? ''} ${s.tz ?? ''} next ${s.next ? new Date(s.next).toISOString() : '-'}\n`);
      await queue.close();
    }
    return 0;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
