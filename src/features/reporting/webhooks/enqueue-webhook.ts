import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';

/** Name of the job that delivers one text to a configured robot webhook (jobs/deliver-webhook.job.ts). */
export const DELIVER_WEBHOOK_JOB = 'deliver-webhook';

/** The outbound robot channels (SPEC §1): WeCom group robot, DingTalk custom robot. */
export type WebhookChannel = 'wecom' | 'dingtalk';

/** Retry knobs for a webhook job; the defaults suit production, tests shorten the backoff. */
export interface EnqueueWebhookOptions {
  attempts?: number;
  backoffMs?: number;
}

/** Finished webhook jobs are kept this long, so the same idempotency key is not delivered twice. */
const KEEP_SECONDS = 14 * 24 * 3600;

/**
 * The deterministic BullMQ job id for a delivery: readable when the key is plain, a hash when it
 * holds characters BullMQ ids must avoid (':') or is long, so two different keys never collide.
 */
export function webhookJobId(channel: WebhookChannel, idempotencyKey: string): string {
  const plain = /^[A-Za-z0-9._-]{1,80}$/.test(idempotencyKey);
  const key = plain ? idempotencyKey : `h-${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 40)}`;
  return `webhook_${channel}_${key}`;
}

/**
 * Queues one text for a robot channel on the work queue; the URL and secret come from the
 * worker's configuration, never from job data. Enqueuing the same key again is a no-op.
 */
export async function enqueueWebhook(
  queue: Queue,
  channel: WebhookChannel,
  text: string,
  idempotencyKey: string,
  options: EnqueueWebhookOptions = {},
): Promise<string> {
  const jobId = webhookJobId(channel, idempotencyKey);
  await queue.add(
    DELIVER_WEBHOOK_JOB,
    { channel, text },
    {
      jobId,
      attempts: options.attempts ?? 6,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 2_000 },
      removeOnComplete: { age: KEEP_SECONDS },
      removeOnFail: { age: KEEP_SECONDS },
    },
  );
  return jobId;
}
