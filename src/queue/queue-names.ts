/** Queue of scheduled and background work, processed by `cohort-bot worker`. */
export const WORK_QUEUE = 'work';

/** Queue of messages to send, processed by the bot process that holds the platform session. */
export const OUTBOX_QUEUE = 'outbox';
