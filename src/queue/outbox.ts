import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ChatTarget, OutgoingMessage } from '../core/chat-event';
import type { Logger } from '../core/logger';
import { OUTBOX_QUEUE } from './queue-names';

const outboxItem = z.object({
  target: z.object({ kind: z.enum(['group', 'private']), id: z.string() }),
  text: z.string(),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});

/** A message waiting in the outbox. */
export type OutboxItem = z.infer<typeof outboxItem>;

/** Puts messages in the outbox; the bot process sends them. Ids make a retried job send once. */
export class Outbox {
  readonly queue: Queue;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue(OUTBOX_QUEUE, { connection, prefix });
  }

  async enqueue(target: ChatTarget, message: OutgoingMessage, jobId: string): Promise<void> {
    const item: OutboxItem = { target, text: message.text, mentions: message.mentions };
    await this.queue.add('send', item, {
      jobId,
      attempts: 8,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 14 * 24 * 3600 },
    });
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/** Sends outbox messages through the platform adapter, in the process that holds it. */
export function startOutboxWorker(
  connection: Redis,
  prefix: string,
  send: (target: ChatTarget, message: OutgoingMessage) => Promise<void>,
  log: Logger,
): Worker {
  const worker = new Worker(
    OUTBOX_QUEUE,
    async (job: Job) => {
      const item = outboxItem.parse(job.data);
      await send(item.target, { text: item.text, mentions: item.mentions });
    },
    { connection, prefix, concurrency: 4 },
  );
  worker.on('failed', (job, err) => log.warn({ err, jobId: job?.id }, 'outbox send failed'));
  return worker;
}
