import { createHash } from 'node:crypto';
import { deliverWebhook } from './deliver-webhook';

/** WeCom group robot text content limit: 2048 bytes of UTF-8 (企业微信 群机器人配置说明). */
export const WECOM_TEXT_MAX_BYTES = 2048;

/** WeCom errcode for "API call frequency out of limit"; a robot allows 20 messages a minute. */
export const WECOM_RATE_LIMITED = 45009;

/** How long a WeCom robot is left alone after it answered 45009: its 20-per-minute window. */
export const WECOM_RATE_LIMIT_PAUSE_MS = 60_000;

/** Options for one WeCom robot send. */
export interface WecomSendOptions {
  /** Mobile numbers to @mention (or '@all'); sent with the first part only. */
  mentionedMobiles?: string[];
  rateLimitPauseMs?: number;
  timeoutMs?: number;
}

/** The body WeCom expects for a text message. */
export interface WecomTextBody {
  msgtype: 'text';
  text: { content: string; mentioned_mobile_list?: string[] };
}

const utf8 = new TextEncoder();

function byteLength(s: string): number {
  return utf8.encode(s).length;
}

/**
 * Splits a digest into contents of at most `maxBytes` UTF-8 bytes, at line boundaries; a single
 * line longer than that is cut between characters (never inside one). Order is kept.
 */
export function splitWecomText(text: string, maxBytes = WECOM_TEXT_MAX_BYTES): string[] {
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  const flush = (): void => {
    if (current.length > 0) parts.push(current);
    current = '';
    currentBytes = 0;
  };
  for (const line of text.split('\n')) {
    for (const piece of cutLine(line, maxBytes)) {
      const pieceBytes = byteLength(piece);
      if (current.length > 0 && currentBytes + 1 + pieceBytes > maxBytes) flush();
      if (current.length > 0) {
        current = `${current}\n${piece}`;
        currentBytes += 1 + pieceBytes;
      } else {
        // Blank lines at the start of a part are dropped: they would only push content down.
        current = piece;
        currentBytes = pieceBytes;
      }
    }
  }
  flush();
  return parts;
}

/** One line as pieces of at most `maxBytes`, cut between code points. */
function cutLine(line: string, maxBytes: number): string[] {
  if (byteLength(line) <= maxBytes) return [line];
  const pieces: string[] = [];
  let piece = '';
  let bytes = 0;
  for (const ch of line) {
    const b = byteLength(ch);
    if (bytes + b > maxBytes) {
      pieces.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += ch;
    bytes += b;
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/** The WeCom text body for one content (at most 2048 bytes). */
export function wecomTextBody(content: string, mentionedMobiles?: string[]): WecomTextBody {
  const text: WecomTextBody['text'] = { content };
  if (mentionedMobiles && mentionedMobiles.length > 0) text.mentioned_mobile_list = mentionedMobiles;
  return { msgtype: 'text', text };
}

/**
 * Sends a text to a WeCom group robot (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`),
 * split into several messages at line boundaries when it is over 2048 bytes; returns how many
 * messages went out. Callers that must not repeat parts on a retry send part by part instead.
 */
export async function sendWecomRobot(url: string, text: string, options: WecomSendOptions = {}): Promise<number> {
  const parts = splitWecomText(text);
  for (const [i, content] of parts.entries()) {
    await deliverWebhook(url, wecomTextBody(content, i === 0 ? options.mentionedMobiles : undefined), {
      rateLimitErrcodes: [WECOM_RATE_LIMITED],
      rateLimitPauseMs: options.rateLimitPauseMs ?? WECOM_RATE_LIMIT_PAUSE_MS,
      timeoutMs: options.timeoutMs,
    });
  }
  return parts.length;
}

/** The body WeCom expects for an image message: the file's base64 and its MD5 (hex), at most 2 MB. */
export interface WecomImageBody {
  msgtype: 'image';
  image: { base64: string; md5: string };
}

/** The WeCom image body for a PNG or JPEG. */
export function wecomImageBody(image: Buffer): WecomImageBody {
  return { msgtype: 'image', image: { base64: image.toString('base64'), md5: createHash('md5').update(image).digest('hex') } };
}

/** Sends one image (a PNG or JPEG of at most 2 MB) to a WeCom group robot. */
export async function sendWecomImage(url: string, image: Buffer, options: Omit<WecomSendOptions, 'mentionedMobiles'> = {}): Promise<void> {
  await deliverWebhook(url, wecomImageBody(image), {
    rateLimitErrcodes: [WECOM_RATE_LIMITED],
    rateLimitPauseMs: options.rateLimitPauseMs ?? WECOM_RATE_LIMIT_PAUSE_MS,
    timeoutMs: options.timeoutMs,
  });
}
