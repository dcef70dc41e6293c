import { createHash } from 'node:crypto';
import { enqueueJob, type JobSink } from '../../../queue/enqueue-job';
import type { JobPayload } from '../../../queue/job-catalogue';

/** The outbound robot channels (SPEC §1): WeCom group robot, DingTalk custom robot. */
export type WebhookChannel = JobPayload<'deliver-webhook'>['channel'];

/** Retry knobs for a webhook job; the catalogue's defaults suit production, tests shorten the backoff. */
export interface EnqueueWebhookOptions {
  attempts?: number;
  backoffMs?: number;
}

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
 * Queues one text for a robot channel on the work queue, as the catalogue's `deliver-webhook`
 * job (its own retry policy; kept long enough that the same key is not delivered twice); the
 * URL and secret come from the worker's configuration, never from job data. Enqueuing the
 * same key again is a no-op.
 */
export async function enqueueWebhook(
  queue: JobSink,
  channel: WebhookChannel,
  text: string,
  idempotencyKey: string,
  options: EnqueueWebhookOptions = {},
): Promise<string> {
  const jobId = webhookJobId(channel, idempotencyKey);
  await enqueueJob(queue, 'deliver-webhook', { channel, text }, { jobId, attempts: options.attempts, backoffMs: options.backoffMs });
  return jobId;
}
