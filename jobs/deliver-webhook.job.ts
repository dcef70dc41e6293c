import { createHash } from 'node:crypto';
import { DelayedError, UnrecoverableError } from 'bullmq';
import { defineJob, type WebhookDeps } from './job-definition';
import { PermanentDeliveryError, RetryableDeliveryError } from '../src/features/reporting/webhooks/deliver-webhook';
import { sendDingtalkMarkdown, sendDingtalkRobot } from '../src/features/reporting/webhooks/dingtalk-robot';
import type { WebhookChannel } from '../src/features/reporting/webhooks/enqueue-webhook';
import { sendWecomImage, sendWecomRobot, splitWecomText } from '../src/features/reporting/webhooks/wecom-robot';

/** One POST of a delivery: a WeCom image, a text part, or a DingTalk markdown with the picture's URL. */
type Part = { kind: 'image'; image: Buffer } | { kind: 'text'; text: string } | { kind: 'markdown'; title: string; text: string };

/** The POSTs of a payload, in order: a WeCom picture first, then the text (parts of ≤ 2048 bytes on WeCom). */
function partsOf(payload: { channel: WebhookChannel; text: string; image?: string; imageUrl?: string; title?: string }): Part[] {
  if (payload.channel === 'dingtalk') {
    if (!payload.imageUrl) return [{ kind: 'text', text: payload.text }];
    // `text` is then markdown already (the digest's webhook rendering): the picture goes on top.
    const title = payload.title ?? payload.text.split('\n')[0] ?? '';
    return [{ kind: 'markdown', title, text: `![${title}](${payload.imageUrl})\n\n${payload.text}` }];
  }
  const texts: Part[] = splitWecomText(payload.text).map((text) => ({ kind: 'text', text }));
  return payload.image ? [{ kind: 'image', image: Buffer.from(payload.image, 'base64') }, ...texts] : texts;
}

/** Both robots cap a robot at 20 messages a minute. */
const DEFAULT_RATE = { limit: 20, windowMs: 60_000 };

/** The limiter key for a robot: a hash of its URL, which carries a credential and stays out of Redis keys. */
function destinationKey(channel: WebhookChannel, url: string): string {
  return `webhook:${channel}:${createHash('sha256').update(url, 'utf8').digest('hex').slice(0, 16)}`;
}

function urlFor(channel: WebhookChannel, hooks: WebhookDeps | undefined): string | undefined {
  return channel === 'wecom' ? hooks?.wecomUrl : hooks?.dingtalkUrl;
}

/**
 * Delivers one text (and a WeCom card picture, or a DingTalk markdown showing one) to a robot webhook, within the robot's rate budget: over budget, the job
 * delays itself (not an attempt); a failed POST is retried by the queue with backoff; a
 * rejected one fails for good. A WeCom picture and a text over 2048 bytes go as several parts
 * (the picture first), and the parts already sent are recorded on the job, so a retry resumes instead of repeating them.
 */
export const deliverWebhookJob = defineJob('deliver-webhook', async (payload, deps, _jobId, ctx) => {
  const hooks = deps.webhooks;
  const url = urlFor(payload.channel, hooks);
  if (!hooks || !url) throw new UnrecoverableError(`WEBHOOK_NOT_CONFIGURED: no ${payload.channel} webhook URL is configured`);
  const rate = hooks.rate ?? DEFAULT_RATE;
  const destination = destinationKey(payload.channel, url);
  const parts = partsOf(payload);

  for (let i = payload.sentParts ?? 0; i < parts.length; i++) {
    if (hooks.limiter) {
      const decision = await hooks.limiter.take(destination, rate.limit, rate.windowMs);
      if (!decision.allowed) {
        if (!ctx) throw new RetryableDeliveryError('WEBHOOK_RATE_LIMITED', 'over the send budget', decision.retryInMs);
        // BullMQ's manual rate limit: back to delayed without spending an attempt.
        await ctx.job.moveToDelayed(Date.now() + decision.retryInMs, ctx.token);
        throw new DelayedError();
      }
    }
    try {
      await sendPart(payload.channel, url, hooks, parts[i]!);
    } catch (err) {
      if (err instanceof PermanentDeliveryError) throw new UnrecoverableError(err.message);
      if (err instanceof RetryableDeliveryError && err.retryAfterMs && hooks.limiter) {
        // The robot said "not now": hold every send to it, not just this job's retry.
        await hooks.limiter.pause(destination, err.retryAfterMs);
      }
      throw err;
    }
    if (i + 1 < parts.length && ctx) await ctx.job.updateData({ ...payload, sentParts: i + 1 });
  }
  return { channel: payload.channel, parts: parts.length };
});

async function sendPart(channel: WebhookChannel, url: string, hooks: WebhookDeps, part: Part): Promise<void> {
  const options = { rateLimitPauseMs: hooks.rateLimitPauseMs };
  switch (part.kind) {
    case 'image':
      await sendWecomImage(url, part.image, options);
      return;
    case 'markdown':
      // Signed with real wall-clock time (not the injected clock): DingTalk rejects timestamps over an hour off.
      await sendDingtalkMarkdown(url, hooks.dingtalkSecret, part.title, part.text, options);
      return;
    case 'text':
      if (channel === 'dingtalk') await sendDingtalkRobot(url, hooks.dingtalkSecret, part.text, options);
      // `text` is one part (at most 2048 bytes), so this is exactly one POST.
      else await sendWecomRobot(url, part.text, options);
  }
}
