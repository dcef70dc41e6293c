import { createHash } from 'node:crypto';
import { enqueueJob, type JobSink } from '../../../queue/enqueue-job';
import type { JobPayload } from '../../../queue/job-catalogue';

/** The outbound robot channels (SPEC §1): WeCom group robot, DingTalk custom robot. */
export type WebhookChannel = JobPayload<'deliver-webhook'>['channel'];

/** Retry knobs for a webhook job; the catalogue's defaults suit production, tests shorten the backoff. */
export interface EnqueueWebhookOptions {
  attempts?: number;
  backoffMs?: number;
  /** WeCom: a picture (PNG, at most 2 MB) sent before the text, as an image message. */
  image?: Buffer;
  /** DingTalk: the picture's signed console URL, sent as markdown with `title`; the text is then markdown, shown under it. */
  imageUrl?: string;
  title?: string;
}

/** WeCom refuses an image message over 2 MB (群机器人配置说明). */
export const WECOM_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

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
 * Queues one text (with, optionally, a card picture: see EnqueueWebhookOptions) for a robot channel on the work queue, as the catalogue's `deliver-webhook`
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
  // A card PNG is tens of KB; it travels in the job (base64), which WeCom's 2 MB cap keeps bounded.
  const image = channel === 'wecom' && options.image && options.image.length <= WECOM_IMAGE_MAX_BYTES ? { image: options.image.toString('base64') } : {};
  const url = channel === 'dingtalk' && options.imageUrl ? { imageUrl: options.imageUrl, ...(options.title ? { title: options.title } : {}) } : {};
  await enqueueJob(queue, 'deliver-webhook', { channel, text, ...image, ...url }, { jobId, attempts: options.attempts, backoffMs: options.backoffMs });
  return jobId;
}
