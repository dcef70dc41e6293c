/** Queue of scheduled and background work, processed by `cohort-bot worker`. */
export const WORK_QUEUE = 'work';

/**
 * The shared queue of messages to send, drained by every bot process: what no account is known
 * to serve yet (a group bound before bindings recorded their account, a person in no bound
 * group) and what was queued before messages were routed by account.
 */
export const OUTBOX_QUEUE = 'outbox';

/** The queue of messages one bot account sends (see src/platform/bot-account.ts), drained by that account's bot process alone. */
export function outboxQueueName(account: string): string {
  return `${OUTBOX_QUEUE}-${account}`;
}

/** The account whose outbox queue `name` is; null for the shared queue and any other. */
export function accountOfOutboxQueue(name: string): string | null {
  return name.startsWith(`${OUTBOX_QUEUE}-`) && name.length > OUTBOX_QUEUE.length + 1 ? name.slice(OUTBOX_QUEUE.length + 1) : null;
}
