import { Queue } from 'bullmq';
import type { BotDeps } from '../../src/pipeline/bot-deps';
import { WORK_QUEUE } from '../../src/queue/queue-names';
import { findOutboxQueues } from '../../src/queue/outbox-queues';

/**
 * Waits until the bot has finished handling one platform message: the dedupe key of that
 * message id reads `done`. The positive signal that a message the bot stays silent on (a muted
 * member's, a duplicate's) went all the way through the pipeline, in place of a sleep.
 */
export async function waitUntilHandled(deps: Pick<BotDeps, 'redis' | 'config'>, platform: string, messageId: string, timeoutMs = 10_000): Promise<void> {
  const key = `${deps.config.QUEUE_PREFIX}:seen:${platform}:${messageId}`;
  const deadline = Date.now() + timeoutMs;
  while ((await deps.redis.get(key)) !== 'done') {
    if (Date.now() > deadline) throw new Error(`message ${messageId} was not handled within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Waits until nothing is left to deliver: no work job waiting or running and no message of any
 * outbox queue (the shared one and every account's) waiting, running or held back by the rate
 * limiter. After that, a duplicated job or message could only come from new work, so counting
 * what arrived is final.
 */
export async function waitUntilQueuesIdle(deps: Pick<BotDeps, 'redis' | 'config'>, timeoutMs = 30_000): Promise<void> {
  const connection = deps.redis;
  const prefix = deps.config.QUEUE_PREFIX;
  const work = new Queue(WORK_QUEUE, { connection, prefix });
  const outboxes = new Map<string, Queue>();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const w = await work.getJobCounts('waiting', 'active', 'prioritized');
      // Read after the work queue: a job that finished meanwhile has queued its messages by now.
      for (const name of await findOutboxQueues(connection, prefix)) if (!outboxes.has(name)) outboxes.set(name, new Queue(name, { connection, prefix }));
      const o: Record<string, Record<string, number>> = {};
      for (const [name, q] of outboxes) o[name] = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      const busy = [...Object.values(w), ...Object.values(o).flatMap((c) => Object.values(c))].reduce((a, b) => a + b, 0);
      if (busy === 0) return;
      if (Date.now() > deadline) throw new Error(`queues still busy after ${timeoutMs} ms: work ${JSON.stringify(w)}, outbox ${JSON.stringify(o)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await work.close();
    for (const q of outboxes.values()) await q.close();
  }
}

/** Waits until a BullMQ job has finished (completed or failed for good): its `finishedOn` is set. */
export async function waitForJobFinished(queue: Queue, jobId: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await queue.getJob(jobId))?.finishedOn) {
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
