import { createHmac } from 'node:crypto';
import { deliverWebhook } from './deliver-webhook';

/** DingTalk errcode for "send too fast, exceed 20 times per minute". */
export const DINGTALK_RATE_LIMITED = 130101;

/** DingTalk errcode for a signature that does not match (wrong secret, or a stale timestamp). */
export const DINGTALK_SIGN_MISMATCH = 310000;

/** DingTalk locks a robot out for 10 minutes once it exceeds 20 messages a minute. */
export const DINGTALK_RATE_LIMIT_PAUSE_MS = 10 * 60_000;

/** Options for one DingTalk robot send. */
export interface DingtalkSendOptions {
  /** Real wall-clock time for the signature: DingTalk rejects timestamps over an hour off. */
  nowMs?: number;
  rateLimitPauseMs?: number;
  timeoutMs?: number;
}

/** The body DingTalk expects for a text message. */
export interface DingtalkTextBody {
  msgtype: 'text';
  text: { content: string };
}

/**
 * The signed webhook URL for a robot with 加签 on: appends `timestamp` (ms) and `sign`, where
 * sign = urlEncode(base64(HmacSHA256(key = secret, message = `${timestamp}\n${secret}`))).
 */
export function signDingtalkUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const timestamp = String(Math.trunc(timestampMs));
  const digest = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
  const sep = webhookUrl.includes('?') ? '&' : '?';
  // encodeURIComponent turns the base64 '+', '/' and '=' into %2B, %2F and %3D.
  return `${webhookUrl}${sep}timestamp=${timestamp}&sign=${encodeURIComponent(digest)}`;
}

/** The DingTalk text body. */
export function dingtalkTextBody(content: string): DingtalkTextBody {
  return { msgtype: 'text', text: { content } };
}

/**
 * Sends one text to a DingTalk custom robot (`https://oapi.dingtalk.com/robot/send?access_token=…`),
 * signing the URL when the robot has a secret (robots secured by keyword or IP list have none).
 */
export async function sendDingtalkRobot(url: string, secret: string | undefined, text: string, options: DingtalkSendOptions = {}): Promise<void> {
  const target = secret ? signDingtalkUrl(url, secret, options.nowMs ?? Date.now()) : url;
  await deliverWebhook(target, dingtalkTextBody(text), {
    rateLimitErrcodes: [DINGTALK_RATE_LIMITED],
    rateLimitPauseMs: options.rateLimitPauseMs ?? DINGTALK_RATE_LIMIT_PAUSE_MS,
    timeoutMs: options.timeoutMs,
  });
}

/** The body DingTalk expects for a markdown message (its subset: links, images by URL, lists). */
export interface DingtalkMarkdownBody {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
}

/**
 * Sends one markdown message to a DingTalk custom robot, signed like `sendDingtalkRobot`; the
 * title is what the notification shows, the text what the chat shows.
 */
export async function sendDingtalkMarkdown(url: string, secret: string | undefined, title: string, text: string, options: DingtalkSendOptions = {}): Promise<void> {
  const target = secret ? signDingtalkUrl(url, secret, options.nowMs ?? Date.now()) : url;
  const body: DingtalkMarkdownBody = { msgtype: 'markdown', markdown: { title, text } };
  await deliverWebhook(target, body, {
    rateLimitErrcodes: [DINGTALK_RATE_LIMITED],
    rateLimitPauseMs: options.rateLimitPauseMs ?? DINGTALK_RATE_LIMIT_PAUSE_MS,
    timeoutMs: options.timeoutMs,
  });
}
