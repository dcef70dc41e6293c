/**
 * A platform send (message, recall, …) that failed, classified by the adapter so the one
 * layer that retries (the outbox queue) can decide: `retryable` for 429, 5xx, network
 * failures and "busy" answers, which may succeed later; not for a refusal (4xx, invalid
 * request), which never will. Adapters make such calls once and never retry them themselves.
 */
export class SendError extends Error {
  constructor(
    /** Stable code for logs and alerts, e.g. 'DINGTALK_HTTP_REJECTED'. */
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    /** The platform's own "not before" hint (Retry-After), when it gave one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/** True for a send the platform refused for good: retrying it as is cannot succeed. */
export function isPermanentSendError(err: unknown): err is SendError {
  return err instanceof SendError && !err.retryable;
}

/** True for a send that failed in a way that may pass later (rate limit, 5xx, network). */
export function isRetryableSendError(err: unknown): err is SendError {
  return err instanceof SendError && err.retryable;
}
