/** How long a webhook POST may take before it counts as a network failure. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** A send that may succeed later (429, 5xx, network, the robot's "too many"): let the queue retry. */
export class RetryableDeliveryError extends Error {
  constructor(
    readonly code: 'WEBHOOK_NETWORK' | 'WEBHOOK_HTTP_RETRYABLE' | 'WEBHOOK_RATE_LIMITED' | 'WEBHOOK_BAD_REPLY' | 'WEBHOOK_BUSY',
    detail: string,
    /** The server's own hint (Retry-After, or the robot's documented lock-out), when there is one. */
    readonly retryAfterMs?: number,
    readonly status?: number,
    readonly errcode?: number,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'RetryableDeliveryError';
  }
}

/** A send that will never succeed as is (bad URL, bad signature, bad body): fail the job for good. */
export class PermanentDeliveryError extends Error {
  constructor(
    readonly code: 'WEBHOOK_HTTP_REJECTED' | 'WEBHOOK_REJECTED' | 'WEBHOOK_NOT_CONFIGURED',
    detail: string,
    readonly status?: number,
    readonly errcode?: number,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'PermanentDeliveryError';
  }
}

/** What one robot needs the shared POST to know: its "too many messages" codes and their lock-out. */
export interface WebhookPostOptions {
  /** errcodes that mean "rate limited" (WeCom 45009, DingTalk 130101): retryable. */
  rateLimitErrcodes: readonly number[];
  /** Retry hint for those errcodes when the reply carries no Retry-After. */
  rateLimitPauseMs?: number;
  timeoutMs?: number;
}

/** A robot's success reply: `{"errcode":0,"errmsg":"ok"}`. */
export interface WebhookReply {
  errcode: 0;
  errmsg?: string;
}

/**
 * POSTs one JSON body to a robot webhook, once, and classifies the outcome: 2xx with errcode 0
 * is delivered; anything else throws a Retryable- or PermanentDeliveryError. It never retries:
 * retries belong to the queue, so a message is re-sent only when this POST did not land.
 * Error texts never include the URL, which carries the robot's key or access token.
 */
export async function deliverWebhook(url: string, body: unknown, options: WebhookPostOptions): Promise<WebhookReply> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (err) {
    const reason = err instanceof Error ? `${err.name}: ${(err.cause as Error | undefined)?.message ?? err.message}` : String(err);
    throw new RetryableDeliveryError('WEBHOOK_NETWORK', `POST failed (${reason})`);
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const text = await response.text().catch(() => '');
  const { status } = response;

  if (status === 408 || status === 429 || status >= 500) {
    throw new RetryableDeliveryError('WEBHOOK_HTTP_RETRYABLE', `HTTP ${status}`, retryAfterMs, status);
  }
  if (status < 200 || status >= 300) {
    throw new PermanentDeliveryError('WEBHOOK_HTTP_REJECTED', `HTTP ${status}`, status);
  }

  const reply = parseReply(text);
  if (!reply) {
    // Not the robot's JSON (a proxy or captive page): the message did not reach the robot.
    throw new RetryableDeliveryError('WEBHOOK_BAD_REPLY', `HTTP ${status} without an errcode`, retryAfterMs, status);
  }
  const { errcode, errmsg } = reply;
  if (errcode === 0) return { errcode: 0, errmsg };
  const detail = `errcode ${errcode}${errmsg ? ` (${errmsg})` : ''}`;
  if (options.rateLimitErrcodes.includes(errcode)) {
    throw new RetryableDeliveryError('WEBHOOK_RATE_LIMITED', detail, retryAfterMs ?? options.rateLimitPauseMs, status, errcode);
  }
  // -1 is the platforms' shared "system busy, try again later".
  if (errcode === -1) throw new RetryableDeliveryError('WEBHOOK_BUSY', detail, retryAfterMs, status, errcode);
  throw new PermanentDeliveryError('WEBHOOK_REJECTED', detail, status, errcode);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unusable. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

function parseReply(text: string): { errcode: number; errmsg?: string } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { errcode, errmsg } = parsed as { errcode?: unknown; errmsg?: unknown };
  if (typeof errcode !== 'number') return null;
  return { errcode, errmsg: typeof errmsg === 'string' ? errmsg : undefined };
}
