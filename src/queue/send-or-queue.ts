import { randomUUID } from 'node:crypto';
import type { Logger } from '../kernel/logger';
import type { ChatTarget, OutgoingMessage } from '../platform/chat-event';
import { isRetryableSendError } from '../platform/send-error';

/** A platform adapter's send, or anything shaped like it. */
type Send = (target: ChatTarget, message: OutgoingMessage) => Promise<void>;

/** Where a message that could not go out at once is put to be retried (Outbox). */
export interface OutboxPort {
  enqueue(target: ChatTarget, message: OutgoingMessage, jobId: string, options?: { cohortId?: string | undefined; account?: string | undefined }): Promise<void>;
}

/**
 * Sends made while an event is handled (replies, boards) try the platform once, at once.
 * When the platform fails in a way that may pass (a SendError marked retryable: 429, 5xx,
 * network), the message is handed to the outbox queue, the one layer that retries, so the
 * trainee still gets the answer and nothing retries it twice. The message is queued for
 * `account`, the bot account that was sending it, so no other account sends it. Refusals and
 * errors that are not SendErrors are thrown as they are.
 */
export function sendOrQueue(send: Send, outbox: OutboxPort, log: Logger, account?: string): Send {
  return async (target, message) => {
    try {
      await send(target, message);
    } catch (err) {
      if (!isRetryableSendError(err)) throw err;
      log.warn({ code: err.code, target }, 'send failed; handed to the outbox to retry');
      await outbox.enqueue(target, message, `retry_${randomUUID()}`, account ? { account } : {});
    }
  };
}
